"""Programme mentorships: an admin proposes a pair, both sides answer, and it runs.

    (:Programme)<-[:IN]-(:ProgrammeMentorship {key, state})-[:MENTOR]->(:Person)
                                                           -[:MENTEE]->(:Person)

PROPOSED → ACTIVE (both accepted) | DECLINED (either declined) | CANCELLED (a side left,
or the programme closed); ACTIVE → ENDED (an admin ended it, or the programme closed).
A mentor's ACTIVE mentorships in a programme never exceed the capacity they joined it
with: checked under the programme's lock when proposing and again when starting.
Programme mentorships are apart from `MENTORS` (graph.mentorships): they count against
the programme's capacity, not the person's own. `propose_in` is the bulk entry the
whole-cohort assignment publishes through, inside its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, Conflict, Forbidden, NotFound
from graph.events.change_log import Changes, write_changes
from graph.keys import new_key
from graph.outcomes import record_outcomes
from graph.pages import Window
from graph.programmes.programmes import Facts, MemberRole, programme_facts
from graph.programmes.templates import TEMPLATES
from graph.registry import paged_statement, statement
from graph.values import native
from graph.viewer import Viewer

_PAIR_FACTS = statement("programmes/pair_facts")
_CREATE_PROPOSALS = statement("programmes/create_proposals")
_GET_PAIRINGS = statement("programmes/get_pairings")
_ANSWER_PROPOSAL = statement("programmes/answer_proposal")
_START_MENTORSHIP = statement("programmes/start_mentorship")
_END_MENTORSHIP = statement("programmes/end_mentorship")
_PAIRINGS_OF_PROGRAMME = paged_statement("programmes/pairings_of_programme")

PairingState = Literal["PROPOSED", "ACTIVE", "DECLINED", "CANCELLED", "ENDED"]

MAX_PAIRS = 1000
"""The most pairs one proposal call may hold (a cohort's assignment, published)."""


@dataclass(frozen=True)
class Pair:
    mentor: str
    mentee: str


@dataclass(frozen=True)
class Pairing:
    key: str
    programme: str
    mentor: str
    mentee: str
    state: PairingState
    mentor_accepted: bool | None
    mentee_accepted: bool | None
    proposed_at: dt.datetime
    started_on: dt.date | None
    ended_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Pairing:
        return cls(
            key=row["key"],
            programme=row["programme"],
            mentor=row["mentor"],
            mentee=row["mentee"],
            state=row["state"],
            mentor_accepted=row.get("mentorAccepted"),
            mentee_accepted=row.get("menteeAccepted"),
            proposed_at=native(row["proposedAt"]),
            started_on=native(row.get("startedOn")),
            ended_at=native(row.get("endedAt")),
        )

    def side_of(self, person: str) -> MemberRole | None:
        if person == self.mentor:
            return "MENTOR"
        return "MENTEE" if person == self.mentee else None


async def propose_pairs(
    database: Database, programme: str, admin: str, pairs: Sequence[Pair]
) -> list[Pairing]:
    """Propose every pair, in one transaction: all of them, or none (`propose_in`)."""

    async def work(tx: AsyncManagedTransaction) -> list[Pairing]:
        return await propose_in(tx, programme, admin, pairs)

    return await database.write_transaction(work)


async def propose_in(
    tx: AsyncManagedTransaction, programme: str, admin: str, pairs: Sequence[Pair]
) -> list[Pairing]:
    """Propose every pair inside `tx` (the first refusal names its pair, and the caller's
    transaction is rolled back). Each mentor must be a MENTOR member and each mentee a
    MENTEE member the admin may see; the ranking's exclusions must hold for the pair (no
    block, no hidden person, not already paired); a mentor's ACTIVE mentorships plus their
    pairs here must fit their programme capacity (CONFLICT); a programme not OPEN takes
    none."""
    if not 1 <= len(pairs) <= MAX_PAIRS:
        raise BadInput(f"propose 1 to {MAX_PAIRS} pairs", field="pairs")
    if len(set(pairs)) != len(pairs):
        raise BadInput("a pair is proposed twice", field="pairs")
    (await programme_facts(tx, programme, admin)).require_admin().require_open("proposals")
    listed = [{"mentor": p.mentor, "mentee": p.mentee} for p in pairs]
    facts = await run(tx, _PAIR_FACTS, {"programme": programme, "viewer": admin, "pairs": listed})
    wanted = Counter(p.mentor for p in pairs)
    for pair, row in zip(pairs, facts, strict=True):
        _check_pair(pair, row, wanted[pair.mentor])
    keyed = [{**pair, "key": new_key("pm")} for pair in listed]
    params = {"programme": programme, "viewer": admin, "pairs": keyed}
    return [Pairing.from_row(r["pairing"]) for r in await run(tx, _CREATE_PROPOSALS, params)]


def _check_pair(pair: Pair, row: dict[str, Any], wanted: int) -> None:
    if not row["mentor"]:
        raise NotFound(f"no mentor {pair.mentor!r} in this programme")
    if not row["mentee"]:
        raise NotFound(f"no mentee {pair.mentee!r} in this programme")
    if not row["suggestible"]:
        raise Conflict(f"{pair.mentor!r} cannot be proposed to {pair.mentee!r}")
    if row["open"]:
        raise Conflict(f"{pair.mentor!r} and {pair.mentee!r} are already proposed or paired")
    if row["active"] + wanted > row["capacity"]:
        raise Conflict(f"{pair.mentor!r} has {row['capacity']} places in this programme")


async def get_pairings(
    database: Database, keys: Sequence[str], viewer: str | None, *, listed: bool = False
) -> list[Pairing | None]:
    """Programme mentorships by key, each as `viewer` may act on it (`_seen`), or with
    `listed` only where `Programme.mentorships` lists it for them (`_listed`): `None` for
    one they may not, as for a key that is nobody's."""
    rows = await database.read(_GET_PAIRINGS, {"keys": list(keys), "viewer": viewer})
    return [(_listed if listed else _seen)(row, viewer) for row in rows]


def _listed(row: dict[str, Any], viewer: str | None) -> Pairing | None:
    """As `pairings_of_programme` lists it: in a programme the viewer may see, their own or
    any for its admins, and only when they may see both sides."""
    pairing = _seen(row, viewer)
    return pairing if pairing is not None and row["visible"] and row["shown"] else None


def _seen(row: dict[str, Any], viewer: str | None) -> Pairing | None:
    """The row's pairing if `viewer` may see it: either side always (what two people share
    stays theirs), its programme's admins only when they may see both sides
    (`rules/programme_pairing_shown`); nobody else."""
    if row["pairing"] is None:
        return None
    pairing = Pairing.from_row(row["pairing"])
    if viewer is not None and pairing.side_of(viewer) is not None:
        return pairing
    return pairing if row["admin"] and row["shown"] else None


async def pairing_for(
    tx: AsyncManagedTransaction, key: str, person: str, *, sides_only: bool
) -> tuple[Pairing, Facts]:
    """The pairing under its programme's lock, if `person` may see it: either side, and
    its programme's admins who may see both sides (`_seen`). An admin where only a side may
    act is FORBIDDEN; anyone else, an admin from whom a side is hidden included, gets
    NOT_FOUND, as for a key that is nobody's."""
    (row,) = await run(tx, _GET_PAIRINGS, {"keys": [key], "viewer": person})
    if row["pairing"] is None:
        raise NotFound(f"no programme mentorship {key!r}")
    pairing = Pairing.from_row(row["pairing"])
    try:
        facts = await programme_facts(tx, pairing.programme, person)
    except NotFound:
        raise NotFound(f"no programme mentorship {key!r}") from None
    if pairing.side_of(person) is None:
        if _seen(row, person) is None:
            raise NotFound(f"no programme mentorship {key!r}")
        if sides_only:
            raise Forbidden("only the mentor and the mentee of this mentorship may do that")
    return pairing, facts


async def answer_proposal(database: Database, key: str, person: str, *, accept: bool) -> Pairing:
    """A side accepts or declines; the second acceptance starts the mentorship, with its
    template's steps, when the mentor still has a free place (else CONFLICT). The mentor's
    answer is an outcome of theirs (graph.outcomes)."""

    async def work(tx: AsyncManagedTransaction) -> tuple[Pairing, Changes]:
        pairing = await answer(tx)
        return pairing, await record_outcomes(tx, [pairing.mentor])

    async def answer(tx: AsyncManagedTransaction) -> Pairing:
        pairing, facts = await pairing_for(tx, key, person, sides_only=True)
        facts.require_open("proposals")
        side = pairing.side_of(person)
        if pairing.state != "PROPOSED":
            raise Conflict(f"the proposal is {pairing.state}, not PROPOSED")
        params = {"key": key, "side": side, "accept": accept}
        (row,) = await run(tx, _ANSWER_PROPOSAL, params)
        answered = Pairing.from_row(row["pairing"])
        if not (answered.mentor_accepted and answered.mentee_accepted):
            return answered
        (load,) = await run(
            tx,
            _PAIR_FACTS,
            {"programme": pairing.programme, "viewer": person, "pairs": [_pair(pairing)]},
        )
        if not load["suggestible"]:
            raise Conflict("this pair can no longer be matched")
        if load["active"] >= load["capacity"]:
            raise Conflict(f"the mentor has no free place in this programme ({load['capacity']})")
        steps = TEMPLATES[facts.programme["template"]].steps
        listed = [{"index": i, "title": s.title, "week": s.week} for i, s in enumerate(steps)]
        (row,) = await run(tx, _START_MENTORSHIP, {"key": key, "steps": listed})
        return Pairing.from_row(row["pairing"])

    return await write_changes(database, work)


def _pair(pairing: Pairing) -> dict[str, str]:
    return {"mentor": pairing.mentor, "mentee": pairing.mentee}


async def end_programme_mentorship(database: Database, key: str, admin: str) -> Pairing:
    """An admin ends an ACTIVE mentorship: from then each side may leave feedback."""

    async def work(tx: AsyncManagedTransaction) -> Pairing:
        pairing, facts = await pairing_for(tx, key, admin, sides_only=False)
        facts.require_admin()
        if pairing.state != "ACTIVE":
            raise Conflict(f"the mentorship is {pairing.state}, not ACTIVE")
        (row,) = await run(tx, _END_MENTORSHIP, {"key": key})
        return Pairing.from_row(row["pairing"])

    return await database.write_transaction(work)


async def pairings_of_programme(
    database: Database,
    programme: str,
    viewer: Viewer,
    window: Window[str],
    *,
    admin: bool,
    state: PairingState | None,
) -> list[Pairing]:
    """Newest first: every one for a programme `admin`, the viewer's own for a member; only
    pairs whose two people `viewer` may see."""
    params = {
        "programme": programme,
        # The member's rule for everyone (rules/programme_shows): no global-admin override.
        "viewer": viewer.key,
        "all": admin,
        "state": state,
        **window.bounds(),
        "limit": window.limit,
    }
    rows = await database.read(_PAIRINGS_OF_PROGRAMME.reading(backward=window.backward), params)
    return [Pairing.from_row(row["pairing"]) for row in rows]
