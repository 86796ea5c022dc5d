"""The programme's cohort as whole-cohort assignment sees it: who is still to match, and
their candidates.

A mentor's places left are the capacity they joined the programme with less their
PROPOSED and ACTIVE programme mentorships there: stricter than `propose_in`, which
counts ACTIVE ones only, so a draft within them never fails on capacity when published.
Candidates are the ranking inside the programme (`graph.programmes.matching`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import Forbidden, NotFound
from graph.pages import MAX_FIRST, Window
from graph.programmes.assignment import Candidate
from graph.programmes.matching import programme_matches
from graph.ranking.signals import Signal
from graph.registry import statement

_COHORT_MEMBERS = statement("programmes/cohort_members")

RANKING_CONCURRENCY = 4
"""Mentees ranked at once while gathering candidates: a few sessions, not one per mentee."""


@dataclass(frozen=True)
class Cohort:
    free: dict[str, int]
    """Each programme mentor's places left in it (open proposals taken off)."""
    mentees: tuple[str, ...]
    """The programme's mentees with no open proposal or active mentorship, by key."""


@dataclass(frozen=True)
class ScoredCandidate:
    candidate: Candidate
    signals: tuple[Signal, ...]


async def cohort(tx: AsyncManagedTransaction, programme: str, admin: str) -> Cohort:
    """The cohort still to match, the members `admin` may see; the caller has checked
    that they administer the programme."""
    rows = await run(tx, _COHORT_MEMBERS, {"programme": programme, "viewer": admin})
    if not rows:
        raise NotFound(f"no programme {programme!r}")
    (row,) = rows
    return Cohort(
        free={m["key"]: max(0, int(m["free"])) for m in row["mentors"]},
        mentees=tuple(row["mentees"]),
    )


async def programme_candidates(
    database: Database, programme: str, mentee: str, free: dict[str, int], limit: int
) -> list[ScoredCandidate]:
    """The mentee's best `limit` mentors of the programme with a place left in `free`,
    scored by the ranking inside the programme (its signals and exclusions); none for one
    who is not a mentee there (the caller reports that)."""
    try:
        matches = await programme_matches(database, mentee, programme, window=Window(MAX_FIRST))
    except (NotFound, Forbidden):
        return []
    inside = [m for m in matches[:MAX_FIRST] if free.get(m.key, 0) > 0]
    return [ScoredCandidate(Candidate(mentee, m.key, m.score), m.signals) for m in inside[:limit]]


async def cohort_candidates(
    database: Database, programme: str, members: Cohort, per_mentee: int
) -> list[ScoredCandidate]:
    """Each unmatched mentee's best `per_mentee` candidates (`programme_candidates`)."""
    gate = asyncio.Semaphore(RANKING_CONCURRENCY)

    async def of(mentee: str) -> list[ScoredCandidate]:
        async with gate:
            return await programme_candidates(database, programme, mentee, members.free, per_mentee)

    found = await asyncio.gather(*(of(mentee) for mentee in members.mentees))
    return [candidate for each in found for candidate in each]
