"""Programmes: a community's cohort of mentors and mentees, run by its own admins.

    (admin:Person)-[:ADMINS]->(:Programme {key, name, template, startsOn, endsOn,
                                          visibility, state})
    (member:Person)-[:MEMBER_OF {role, capacity, goals}]->(:Programme)

A programme goes DRAFT → OPEN → CLOSED. Who may see it is one rule
(`queries/rules/programme_visible_to.cypher`): a programme the viewer may not see
answers NOT_FOUND exactly as a key that is nobody's; a member who may see it but is
not its admin is refused admin work with FORBIDDEN. Programme admins are its
`ADMINS`, not the global admin role (docs/programmes.md). Every change takes the
programme's write lock first, then checks, then writes, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, Conflict, Forbidden, NotFound
from graph.keys import new_key
from graph.pages import Window
from graph.people import Person
from graph.programmes.templates import TEMPLATES, TemplateName
from graph.registry import paged_statement, statement
from graph.values import native
from graph.viewer import Viewer

_LOCK_PROGRAMME = statement("programmes/lock_programme")
_PROGRAMME_FACTS = statement("programmes/programme_facts")
_CREATE_PROGRAMME = statement("programmes/create_programme")
_GET_PROGRAMMES = statement("programmes/get_programmes")
_VISIBLE_PROGRAMMES = paged_statement("programmes/visible_programmes")
_ADD_PERSON = statement("programmes/add_person")
_JOIN_PROGRAMME = statement("programmes/join_programme")
_LEAVE_PROGRAMME = statement("programmes/leave_programme")
_ACTIVE_PAIRINGS_OF_MEMBER = statement("programmes/active_pairings_of_member")
_SET_PROGRAMME_STATE = statement("programmes/set_programme_state")
_MEMBERS_OF_PROGRAMME = paged_statement("programmes/members_of_programme")

ProgrammeState = Literal["DRAFT", "OPEN", "CLOSED"]
ProgrammeVisibility = Literal["PUBLIC", "MEMBERS"]
MemberRole = Literal["MENTOR", "MENTEE"]
PersonAdded = Literal["ADMINS", "INVITED_TO"]

MAX_CAPACITY = 20
"""The most mentees a mentor may take in one programme."""
_NEXT_STATE: dict[str, str] = {"DRAFT": "OPEN", "OPEN": "CLOSED"}


@dataclass(frozen=True)
class Programme:
    key: str
    name: str
    template: TemplateName
    starts_on: dt.date
    ends_on: dt.date
    visibility: ProgrammeVisibility
    state: ProgrammeState
    viewer_is_admin: bool
    """Whether the viewer it was read for ADMINS it."""
    viewer_role: MemberRole | None
    """The viewer's role in it, if they are a member."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Programme:
        return cls(
            key=row["key"],
            name=row["name"],
            template=row["template"],
            starts_on=native(row["startsOn"]),
            ends_on=native(row["endsOn"]),
            visibility=row["visibility"],
            state=row["state"],
            viewer_is_admin=bool(row.get("admin")),
            viewer_role=row.get("role"),
        )


@dataclass(frozen=True)
class Member:
    person: Person
    role: MemberRole
    capacity: int | None
    goals: tuple[str, ...]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Member:
        return cls(
            person=Person.from_row(row["person"]),
            role=row["role"],
            capacity=row["capacity"],
            goals=tuple(row["goals"] or ()),
        )


@dataclass(frozen=True)
class Facts:
    """What the viewer may do with a programme, read under its lock."""

    programme: dict[str, Any]
    admin: bool
    role: MemberRole | None
    open_to_mentor: bool

    @property
    def state(self) -> ProgrammeState:
        state: ProgrammeState = self.programme["state"]
        return state

    def require_admin(self) -> Facts:
        if not self.admin:
            raise Forbidden("only this programme's admins may do that")
        return self

    def require_open(self, doing: str) -> Facts:
        if self.state != "OPEN":
            raise Conflict(f"the programme is {self.state}: no {doing}")
        return self


async def programme_facts(tx: AsyncManagedTransaction, programme: str, viewer: str) -> Facts:
    """Lock the programme, then read what `viewer` may do with it; NOT_FOUND when they may
    not see it, as when it does not exist."""
    await run(tx, _LOCK_PROGRAMME, {"programme": programme})
    (row,) = await run(tx, _PROGRAMME_FACTS, {"programme": programme, "viewer": viewer})
    if not row["visible"]:
        raise NotFound(f"no programme {programme!r}")
    return Facts(
        programme=row["programme"],
        admin=row["admin"],
        role=row["role"],
        open_to_mentor=row["openToMentor"],
    )


async def create_programme(
    database: Database,
    admin: str,
    *,
    name: str,
    template: TemplateName,
    starts_on: dt.date,
    ends_on: dt.date | None,
    visibility: ProgrammeVisibility,
) -> Programme:
    """A DRAFT programme with `admin` as its first admin. It ends by default after its
    template's suggested length; a SUPPORT programme's membership is members-only."""
    chosen = TEMPLATES[template]
    if chosen.sensitive and visibility != "MEMBERS":
        raise BadInput(f"a {template} programme is visible to its members only", field="visibility")
    ends = ends_on or starts_on + dt.timedelta(weeks=chosen.weeks)
    if ends <= starts_on:
        raise BadInput("a programme ends after it starts", field="endsOn")
    params = {
        "key": new_key("pg"),
        "admin": admin,
        "name": name,
        "template": template,
        "startsOn": starts_on,
        "endsOn": ends,
        "visibility": visibility,
    }
    rows = await database.write(_CREATE_PROGRAMME, params)
    if not rows:
        raise NotFound("you have no profile yet: create one first")
    return Programme.from_row(rows[0]["programme"])


async def get_programmes(
    database: Database, keys: Sequence[str], viewer: Viewer
) -> list[Programme | None]:
    """Programmes as `viewer` sees them, in key order; `None` for none or hidden, alike."""
    rows = await database.read(_GET_PROGRAMMES, {"keys": list(keys), "viewer": viewer.key})
    return [Programme.from_row(r["programme"]) if r["programme"] else None for r in rows]


async def get_programme(database: Database, key: str, viewer: Viewer) -> Programme:
    (found,) = await get_programmes(database, [key], viewer)
    if found is None:
        raise NotFound(f"no programme {key!r}")
    return found


async def visible_programmes(
    database: Database, viewer: Viewer, window: Window[str]
) -> list[Programme]:
    rows = await database.read(
        _VISIBLE_PROGRAMMES.reading(backward=window.backward),
        {"viewer": viewer.key, **window.bounds(), "limit": window.limit},
    )
    return [Programme.from_row(row["programme"]) for row in rows]


async def add_person(
    database: Database, programme: str, admin: str, person: str, *, as_: PersonAdded
) -> Programme:
    """Make `person` an admin too (`ADMINS`), or invite them to join (`INVITED_TO`): only
    an admin may, and only someone they may see."""

    async def work(tx: AsyncManagedTransaction) -> None:
        (await programme_facts(tx, programme, admin)).require_admin()
        params = {"programme": programme, "person": person, "viewer": admin, "as": as_}
        (row,) = await run(tx, _ADD_PERSON, params)
        if not row["added"]:
            raise NotFound(f"no person {person!r}")

    await database.write_transaction(work)
    return await get_programme(database, programme, Viewer(admin))


async def join_programme(
    database: Database,
    programme: str,
    person: str,
    *,
    role: MemberRole,
    capacity: int | None,
    goals: Sequence[str],
) -> Programme:
    """Join an OPEN programme as MENTOR (who must be open to mentoring, with a capacity)
    or MENTEE (with goals: skill keys)."""
    if role == "MENTOR" and (capacity is None or not 1 <= capacity <= MAX_CAPACITY):
        raise BadInput(f"a mentor joins with a capacity of 1 to {MAX_CAPACITY}", field="capacity")
    if role == "MENTEE" and capacity is not None:
        raise BadInput("only mentors join with a capacity", field="capacity")

    async def work(tx: AsyncManagedTransaction) -> None:
        facts = (await programme_facts(tx, programme, person)).require_open("joins")
        if facts.role is not None:
            raise Conflict(f"you are already a {facts.role} of this programme")
        if role == "MENTOR" and not facts.open_to_mentor:
            raise Conflict("you are not open to mentoring: set your mentor preferences first")
        params = {
            "programme": programme,
            "person": person,
            "role": role,
            "capacity": capacity,
            "goals": list(goals),
        }
        await run(tx, _JOIN_PROGRAMME, params)

    await database.write_transaction(work)
    return await get_programme(database, programme, Viewer(person))


async def leave_programme(database: Database, programme: str, person: str) -> Programme | None:
    """Leave; refused while a mentorship of yours in it is ACTIVE. Returns the programme
    as you see it now (`None` when it is members-only)."""

    async def work(tx: AsyncManagedTransaction) -> None:
        facts = await programme_facts(tx, programme, person)
        if facts.role is None:
            raise Conflict("you are not a member of this programme")
        params = {"programme": programme, "person": person}
        (row,) = await run(tx, _ACTIVE_PAIRINGS_OF_MEMBER, params)
        if row["active"]:
            raise Conflict("your mentorship in this programme is active: an admin ends it first")
        await run(tx, _LEAVE_PROGRAMME, params)

    await database.write_transaction(work)
    (found,) = await get_programmes(database, [programme], Viewer(person))
    return found


async def set_programme_state(
    database: Database, programme: str, admin: str, state: ProgrammeState
) -> Programme:
    """Open a DRAFT programme, or close an OPEN one (which ends its mentorships)."""

    async def work(tx: AsyncManagedTransaction) -> Programme:
        facts = (await programme_facts(tx, programme, admin)).require_admin()
        if _NEXT_STATE.get(facts.state) != state:
            raise Conflict(f"the programme is {facts.state}: it cannot become {state}")
        (row,) = await run(tx, _SET_PROGRAMME_STATE, {"programme": programme, "state": state})
        return Programme.from_row({**row["programme"], "role": facts.role})

    return await database.write_transaction(work)


async def members_of_programme(
    database: Database,
    programme: str,
    viewer: Viewer,
    window: Window[str],
    *,
    role: MemberRole | None,
) -> list[Member]:
    """Members by key, only those `viewer` may see; the caller has checked that `viewer`
    may see the programme."""
    params = {
        "programme": programme,
        "role": role,
        # The member's rule for everyone (rules/programme_shows): no global-admin override.
        "viewer": viewer.key,
        **window.bounds(),
        "limit": window.limit,
    }
    rows = await database.read(_MEMBERS_OF_PROGRAMME.reading(backward=window.backward), params)
    return [Member.from_row(row) for row in rows]
