"""The programme model as cohort assignment sees it, in one place.

Programmes themselves (creation, membership, proposals) belong to another module; this
one reads and writes only what the assignment needs, and is where the names it assumes
live: `(:Programme {key, state, visibility})`, `(:Person)-[:ADMINISTERS]->(:Programme)`,
`(:Person)-[:MENTORS_IN {capacity}]->(:Programme)`, `(:Person)-[:MENTEE_IN {goals}]->`,
and a proposal `(:ProgrammeProposal {key, state})` `-[:IN]->` its programme, `-[:MENTEE]->`
and `-[:MENTOR]->` its people (statements `programmes/programme_facts`, `lock_programme`,
`cohort_members`, `create_proposals`). When programmes land, these statements and
`propose_pairs` are what point at theirs.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import Conflict, Forbidden, NotFound
from graph.pages import MAX_FIRST, Window
from graph.programmes.assignment import Candidate
from graph.ranking.matches import mentor_matches
from graph.ranking.signals import Signal
from graph.registry import statement

_PROGRAMME_FACTS = statement("programmes/programme_facts")
_LOCK_PROGRAMME = statement("programmes/lock_programme")
_COHORT_MEMBERS = statement("programmes/cohort_members")
_CREATE_PROPOSALS = statement("programmes/create_proposals")

CLOSED = "CLOSED"
"""The state of a programme that takes no more drafts or proposals."""
RANKING_CONCURRENCY = 4
"""Mentees ranked at once while gathering candidates: a few sessions, not one per mentee."""


@dataclass(frozen=True)
class Cohort:
    free: dict[str, int]
    """Each programme mentor's capacity left in it (open proposals taken off)."""
    mentees: tuple[str, ...]
    """The programme's mentees with no open proposal, by key."""


@dataclass(frozen=True)
class ScoredCandidate:
    candidate: Candidate
    signals: tuple[Signal, ...]


async def check_admin(
    tx: AsyncManagedTransaction, programme: str, viewer: str, *, lock: bool
) -> None:
    """The caller administers an open programme, or the matching error: NOT_FOUND when
    they may not see it, FORBIDDEN when they may but are no admin, CONFLICT when closed.
    With `lock` (in a write transaction), the programme's write lock is taken first."""
    if lock:
        await run(tx, _LOCK_PROGRAMME, {"programme": programme})
    (facts,) = await run(tx, _PROGRAMME_FACTS, {"programme": programme, "viewer": viewer})
    if not facts["found"] or not facts["visible"]:
        raise NotFound(f"no programme {programme!r}")
    if not facts["admin"]:
        raise Forbidden("only the programme's admins may assign its cohort")
    if facts["state"] == CLOSED:
        raise Conflict(f"programme {programme!r} is closed")


async def cohort(tx: AsyncManagedTransaction, programme: str) -> Cohort:
    rows = await run(tx, _COHORT_MEMBERS, {"programme": programme})
    if not rows:
        raise NotFound(f"no programme {programme!r}")
    (row,) = rows
    return Cohort(
        free={m["key"]: max(0, int(m["free"])) for m in row["mentors"]},
        mentees=tuple(row["mentees"]),
    )


async def cohort_candidates(
    database: Database, members: Cohort, per_mentee: int
) -> list[ScoredCandidate]:
    """Each unmatched mentee's best `per_mentee` programme mentors, scored by the ranking
    (`mentor_matches`: its signals and exclusions) and restricted to the programme.

    Until `mentorMatches(programme:)` lands, this reads the mentee's top `MAX_FIRST` across
    the graph and keeps the programme's mentors: one further out is not a candidate.
    """
    gate = asyncio.Semaphore(RANKING_CONCURRENCY)

    async def of(mentee: str) -> list[ScoredCandidate]:
        async with gate:
            try:
                matches = await mentor_matches(database, mentee, window=Window(MAX_FIRST))
            except NotFound:
                return []
        inside = [m for m in matches[:MAX_FIRST] if members.free.get(m.key, 0) > 0]
        return [
            ScoredCandidate(Candidate(mentee, m.key, m.score), m.signals)
            for m in inside[:per_mentee]
        ]

    found = await asyncio.gather(*(of(mentee) for mentee in members.mentees))
    return [candidate for each in found for candidate in each]


async def propose_pairs(
    tx: AsyncManagedTransaction, programme: str, pairs: Sequence[tuple[str, str]], admin: str
) -> None:
    """Propose each (mentee, mentor) pair of `programme`, as its admin, in `tx`."""
    params = [
        {"key": f"pp-{time.time_ns():020d}-{secrets.token_hex(4)}", "mentee": e, "mentor": m}
        for e, m in pairs
    ]
    await run(tx, _CREATE_PROPOSALS, {"programme": programme, "createdBy": admin, "pairs": params})
