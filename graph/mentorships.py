"""The mentorship lifecycle.

A request goes PENDING → ACCEPTED | DECLINED | WITHDRAWN | EXPIRED; an accepted
request starts an ACTIVE `MENTORS` relationship, which ends COMPLETED or
CANCELLED. Every rule that counts (open requests, capacity) is checked inside
the writing transaction after taking the write lock on the person whose count
it is, so two racing transactions cannot both take a mentor's last slot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, Conflict, Forbidden, NotFound
from graph.events.change_log import Changes, write_changes
from graph.events.domain import DomainEvent, MentorshipEnded, request_updated
from graph.keys import new_key
from graph.outcomes import record_outcomes
from graph.pages import Window
from graph.people import Person
from graph.registry import paged_statement, statement
from graph.settings import MentorshipRules
from graph.values import native
from graph.viewer import Viewer

_LOCK_PERSON = statement("mentorships/lock_person")
_REQUEST_FACTS = statement("mentorships/request_facts")
_CREATE_REQUEST = statement("mentorships/create_request")
_GET_REQUESTS = statement("mentorships/get_requests")
_SET_REQUEST_STATE = statement("mentorships/set_request_state")
_ACTIVE_MENTEES = statement("mentorships/active_mentees")
_ACCEPT_REQUEST = statement("mentorships/accept_request")
_END_MENTORSHIP = statement("mentorships/end_mentorship")
_REQUESTS_OF_PERSON = paged_statement("mentorships/requests_of_person")
_MENTORSHIPS_OF_PEOPLE = statement("mentorships/mentorships_of_people")
_PARTNERS_OF_PEOPLE = statement("mentorships/partners_of_person")

RequestState = Literal["PENDING", "ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED"]
ANSWERS = frozenset({"ACCEPTED", "DECLINED"})
"""The states a mentor's answer leaves a request in."""
Role = Literal["MENTEE", "MENTOR"]


@dataclass(frozen=True)
class MentorshipRequest:
    key: str
    mentee: str
    mentor: str
    state: RequestState
    message: str
    goals: tuple[str, ...]
    created_at: dt.datetime
    expires_at: dt.datetime
    responded_at: dt.datetime | None
    reason: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MentorshipRequest:
        return cls(
            key=row["key"],
            mentee=row["mentee"],
            mentor=row["mentor"],
            state=row["state"],
            message=row.get("message") or "",
            goals=tuple(row.get("goals") or ()),
            created_at=native(row["createdAt"]),
            expires_at=native(row["expiresAt"]),
            responded_at=native(row.get("respondedAt")),
            reason=row.get("reason"),
        )


@dataclass(frozen=True)
class EndedMentorship:
    mentor: str
    mentee: str
    status: str


async def request_mentorship(
    database: Database,
    mentee: str,
    mentor: str,
    *,
    message: str,
    goals: Sequence[str],
    rules: MentorshipRules,
) -> MentorshipRequest:
    if mentee == mentor:
        raise BadInput("you cannot ask yourself for mentorship", field="mentor")

    async def work(tx: AsyncManagedTransaction) -> MentorshipRequest:
        await run(tx, _LOCK_PERSON, {"key": mentee})
        (facts,) = await run(tx, _REQUEST_FACTS, {"mentee": mentee, "mentor": mentor})
        if not facts["visible"]:
            raise NotFound(f"no person {mentor!r}")
        if not facts["mentor"].get("openToMentor"):
            raise Conflict(f"{mentor!r} is not open to mentoring")
        if facts["mentoring"]:
            raise Conflict(f"{mentor!r} already mentors you")
        if facts["openForPair"]:
            raise Conflict(f"there is already an open request between you and {mentor!r}")
        if facts["openOfMentee"] >= rules.max_open_requests:
            raise Forbidden(f"at most {rules.max_open_requests} open mentorship requests")
        params = {
            "key": new_key("mr"),
            "mentee": mentee,
            "mentor": mentor,
            "message": message,
            "goals": list(goals),
            "ttlDays": rules.request_ttl_days,
        }
        (row,) = await run(tx, _CREATE_REQUEST, params)
        return MentorshipRequest.from_row(row["request"])

    return await _write_request(database, work)


async def _write_request(
    database: Database, work: Callable[[AsyncManagedTransaction], Awaitable[MentorshipRequest]]
) -> MentorshipRequest:
    """A request's write, with its `RequestUpdated` change in the same transaction; an answer
    is an outcome of the mentor's (graph.outcomes)."""

    async def recorded(tx: AsyncManagedTransaction) -> tuple[MentorshipRequest, Changes]:
        request = await work(tx)
        changes: list[DomainEvent] = [request_updated(request)]
        if request.state in ANSWERS:
            changes += await record_outcomes(tx, [request.mentor])
        return request, changes

    return await write_changes(database, recorded)


async def get_requests(database: Database, keys: Sequence[str]) -> list[MentorshipRequest | None]:
    rows = await database.read(_GET_REQUESTS, {"keys": list(keys)})
    return [MentorshipRequest.from_row(r["request"]) if r["request"] else None for r in rows]


async def _pending_request(
    tx: AsyncManagedTransaction, key: str, actor: str, role: Role
) -> MentorshipRequest:
    (row,) = await run(tx, _GET_REQUESTS, {"keys": [key]})
    if row["request"] is None:
        raise NotFound(f"no mentorship request {key!r}")
    request = MentorshipRequest.from_row(row["request"])
    if actor not in (request.mentee, request.mentor):
        raise NotFound(f"no mentorship request {key!r}")
    if (request.mentor if role == "MENTOR" else request.mentee) != actor:
        raise Forbidden(f"only the {role.lower()} of this request may do that")
    if request.state != "PENDING":
        raise Conflict(f"the request is {request.state}, not PENDING")
    return request


async def respond_to_request(
    database: Database, key: str, mentor: str, *, accept: bool, reason: str | None
) -> MentorshipRequest:
    """Accept or decline; accepting checks the mentor's capacity under their lock."""

    async def work(tx: AsyncManagedTransaction) -> MentorshipRequest:
        await run(tx, _LOCK_PERSON, {"key": mentor})
        await _pending_request(tx, key, mentor, "MENTOR")
        if not accept:
            (row,) = await run(
                tx, _SET_REQUEST_STATE, {"key": key, "state": "DECLINED", "reason": reason}
            )
            return MentorshipRequest.from_row(row["request"])
        (load,) = await run(tx, _ACTIVE_MENTEES, {"mentor": mentor})
        if load["active"] >= load["capacity"]:
            raise Conflict(f"you are at capacity ({load['capacity']} mentees)")
        (row,) = await run(tx, _ACCEPT_REQUEST, {"key": key, "reason": reason})
        return MentorshipRequest.from_row(row["request"])

    return await _write_request(database, work)


async def withdraw_request(database: Database, key: str, mentee: str) -> MentorshipRequest:
    async def work(tx: AsyncManagedTransaction) -> MentorshipRequest:
        await _pending_request(tx, key, mentee, "MENTEE")
        (row,) = await run(
            tx, _SET_REQUEST_STATE, {"key": key, "state": "WITHDRAWN", "reason": None}
        )
        return MentorshipRequest.from_row(row["request"])

    return await _write_request(database, work)


async def end_mentorship(
    database: Database, actor: str, other: str, *, completed: bool, reason: str
) -> EndedMentorship:
    """End the active mentorship between `actor` and `other`, whichever way it runs."""
    status = "COMPLETED" if completed else "CANCELLED"

    async def work(tx: AsyncManagedTransaction) -> tuple[EndedMentorship, Changes]:
        for mentor, mentee in ((actor, other), (other, actor)):
            params = {
                "mentor": mentor,
                "mentee": mentee,
                "status": status,
                "reason": reason,
                "endedBy": actor,
            }
            if await run(tx, _END_MENTORSHIP, params):
                ended = EndedMentorship(mentor=mentor, mentee=mentee, status=status)
                outcomes = await record_outcomes(tx, [mentor])
                return ended, [MentorshipEnded(mentee=mentee, mentor=mentor), *outcomes]
        raise NotFound(f"no active mentorship between you and {other!r}")

    return await write_changes(database, work)


async def requests_of_person(
    database: Database,
    person: str,
    window: Window[str],
    *,
    role: Role,
    state: RequestState | None,
) -> list[MentorshipRequest]:
    """The requests of `window`, newest first (`window.limit` at most: one flags more)."""
    rows = await database.read(
        _REQUESTS_OF_PERSON.reading(backward=window.backward),
        {"person": person, "role": role, "state": state, **window.bounds(), "limit": window.limit},
    )
    return [MentorshipRequest.from_row(row["request"]) for row in rows]


async def mentorships_of_people(
    database: Database, keys: Sequence[str], *, as_mentor: bool, viewer: Viewer
) -> list[list[Person]]:
    """Each person's active mentees (or mentors) that `viewer` may see, in key order."""
    params = {"keys": list(keys), "asMentor": as_mentor, **viewer.params()}
    rows = await database.read(_MENTORSHIPS_OF_PEOPLE, params)
    return [[Person.from_row(item) for item in row["people"]] for row in rows]


async def partners_of_people(database: Database, keys: Sequence[str]) -> list[frozenset[str]]:
    """For each person, who is in an active mentorship with them (either way)."""
    rows = await database.read(_PARTNERS_OF_PEOPLE, {"keys": list(keys)})
    return [frozenset(row["partners"]) for row in rows]
