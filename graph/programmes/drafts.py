"""Staged cohort assignment: draft, review and edit, publish.

An admin asks for a draft: the cohort's unmatched mentees and free mentor slots are
read, candidates are scored by the ranking, `assignment.assign` solves, and the pairs are
stored as a `(:CohortDraft)` (one DRAFT per programme; a new one discards the old). The
admin moves or removes pairs, each checked against the mentor's programme capacity, and
publishes: in one transaction every pair is checked again (still unmatched, within
capacity, still allowed by the ranking's rules) and proposed, and the draft is PUBLISHED.
Nobody is asked anything before that.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import Conflict, NotFound
from graph.pages import Window
from graph.programmes.assignment import DEFAULT_SPREAD, assign
from graph.programmes.cohort import (
    Cohort,
    check_admin,
    cohort,
    cohort_candidates,
    propose_pairs,
)
from graph.ranking.pair_scores import score_pairs
from graph.ranking.signals import SIGNAL_NAMES, Signal
from graph.registry import paged_statement, statement
from graph.values import native

_CREATE_DRAFT = statement("programmes/create_draft")
_GET_DRAFTS = statement("programmes/get_drafts")
_DRAFT_PAIRS = paged_statement("programmes/draft_pairs")
_SET_PAIR = statement("programmes/set_pair")
_REMOVE_PAIR = statement("programmes/remove_pair")
_INELIGIBLE_PAIRS = statement("programmes/ineligible_pairs")
_PUBLISH_DRAFT = statement("programmes/publish_draft")

DEFAULT_PER_MENTEE = 20
"""Candidate mentors kept per mentee: the solver rarely reaches past a mentee's twentieth."""

DraftState = Literal["DRAFT", "PUBLISHED", "DISCARDED"]


@dataclass(frozen=True)
class CohortDraft:
    key: str
    programme: str
    created_by: str
    created_at: dt.datetime
    state: DraftState
    total_score: float
    pairs: int
    unmatched: tuple[str, ...]
    """The cohort's mentees this draft leaves without a mentor, by key."""
    spread: float

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CohortDraft:
        return cls(
            key=row["key"],
            programme=row["programme"],
            created_by=row["createdBy"],
            created_at=native(row["createdAt"]),
            state=row["state"],
            total_score=float(row["totalScore"]),
            pairs=int(row["pairs"]),
            unmatched=tuple(sorted(row["unmatched"])),
            spread=float(row["spread"]),
        )


@dataclass(frozen=True)
class DraftPair:
    mentee: str
    mentor: str
    score: float
    signals: tuple[Signal, ...]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DraftPair:
        return cls(
            mentee=row["mentee"],
            mentor=row["mentor"],
            score=float(row["score"]),
            signals=tuple(
                Signal(name=name, value=float(value), share=float(share))
                for name, value, share in zip(
                    SIGNAL_NAMES, row["signalValues"], row["signalShares"], strict=True
                )
            ),
        )


def _new_key() -> str:
    return f"cd-{time.time_ns():020d}-{secrets.token_hex(4)}"


def _signal_params(signals: tuple[Signal, ...]) -> dict[str, list[float]]:
    return {"values": [s.value for s in signals], "shares": [s.share for s in signals]}


async def draft_assignment(
    database: Database,
    programme: str,
    admin: str,
    *,
    spread: float = DEFAULT_SPREAD,
    per_mentee: int = DEFAULT_PER_MENTEE,
) -> CohortDraft:
    """Draw a draft for the programme's unmatched mentees (module docstring)."""

    async def members(tx: AsyncManagedTransaction) -> Cohort:
        await check_admin(tx, programme, admin, lock=False)
        return await cohort(tx, programme)

    found = await database.read_transaction(members)
    scored = await cohort_candidates(database, found, per_mentee)
    signals = {(s.candidate.mentee, s.candidate.mentor): s.signals for s in scored}
    solved = await asyncio.to_thread(
        assign, [s.candidate for s in scored], found.free, spread=spread
    )
    pairs = [
        {
            "mentee": pair.mentee,
            "mentor": pair.mentor,
            "score": pair.score,
            **_signal_params(signals[pair.mentee, pair.mentor]),
        }
        for pair in solved.pairs
    ]
    matched = {pair.mentee for pair in solved.pairs}

    async def store(tx: AsyncManagedTransaction) -> CohortDraft:
        await check_admin(tx, programme, admin, lock=True)
        params = {
            "key": _new_key(),
            "programme": programme,
            "createdBy": admin,
            "pairs": pairs,
            "unmatched": [key for key in found.mentees if key not in matched],
            "spread": spread,
        }
        (row,) = await run(tx, _CREATE_DRAFT, params)
        return CohortDraft.from_row(row["draft"])

    return await database.write_transaction(store)


async def get_draft(database: Database, key: str, admin: str) -> CohortDraft:
    """The draft, for an admin of its programme (NOT_FOUND for anyone else who may not
    see the programme, FORBIDDEN for one who may)."""

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        draft = await _draft(tx, key)
        await check_admin(tx, draft.programme, admin, lock=False)
        return draft

    return await database.read_transaction(work)


async def draft_pairs(database: Database, key: str, window: Window[str]) -> list[DraftPair]:
    """A page of the draft's pairs by mentee key (`window.limit` at most); the caller has
    read the draft through `get_draft`."""
    rows = await database.read(
        _DRAFT_PAIRS.reading(backward=window.backward),
        {"draft": key, **window.bounds(), "limit": window.limit},
    )
    return [DraftPair.from_row(row) for row in rows]


async def move_pair(
    database: Database, key: str, mentee: str, mentor: str, admin: str
) -> CohortDraft:
    """Pair `mentee` with `mentor` in the draft, within the mentor's programme capacity.

    The pair is scored first, as the ranking scores it; a pair the ranking does not allow
    is CONFLICT. Publishing checks it again, in its own transaction.
    """
    scored = await score_pairs(database, [(mentee, mentor)], seekers_only=False)

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        draft = await _open_draft(tx, key, admin)
        members = await cohort(tx, draft.programme)
        if mentee not in members.mentees:
            raise NotFound(f"no unmatched mentee {mentee!r} in this programme")
        if mentor not in members.free:
            raise NotFound(f"no mentor {mentor!r} in this programme")
        if not scored:
            raise Conflict(f"the ranking does not allow {mentor!r} for {mentee!r}")
        pairs = await _all_pairs(tx, draft)
        load = sum(p.mentor == mentor and p.mentee != mentee for p in pairs)
        if load + 1 > members.free[mentor]:
            raise Conflict(f"{mentor!r} has {members.free[mentor]} places in the programme")
        params = {
            "draft": key,
            "mentee": mentee,
            "mentor": mentor,
            "score": scored[0].score,
            **_signal_params(scored[0].signals),
        }
        (row,) = await run(tx, _SET_PAIR, params)
        return CohortDraft.from_row(row["draft"])

    return await database.write_transaction(work)


async def remove_pair(database: Database, key: str, mentee: str, admin: str) -> CohortDraft:
    """Leave `mentee` unmatched in the draft."""

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        await _open_draft(tx, key, admin)
        rows = await run(tx, _REMOVE_PAIR, {"draft": key, "mentee": mentee})
        if not rows:
            raise NotFound(f"no pair for {mentee!r} in this draft")
        return CohortDraft.from_row(rows[0]["draft"])

    return await database.write_transaction(work)


async def publish_draft(database: Database, key: str, admin: str) -> CohortDraft:
    """Propose every pair of the draft, all in one transaction, or none (CONFLICT naming
    the mentees whose pair is no longer possible)."""

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        draft = await _open_draft(tx, key, admin)
        members = await cohort(tx, draft.programme)
        pairs = await _all_pairs(tx, draft)
        load = Counter(p.mentor for p in pairs)
        waiting = set(members.mentees)
        stale = {p.mentee for p in pairs if p.mentee not in waiting}
        stale |= {p.mentee for p in pairs if load[p.mentor] > members.free.get(p.mentor, 0)}
        stale |= {row["mentee"] for row in await run(tx, _INELIGIBLE_PAIRS, {"draft": key})}
        if stale:
            raise Conflict(
                f"the pairs of {', '.join(sorted(stale))} can no longer be proposed: "
                "move or remove them, or draw a new draft"
            )
        await propose_pairs(tx, draft.programme, [(p.mentee, p.mentor) for p in pairs], admin)
        (row,) = await run(tx, _PUBLISH_DRAFT, {"draft": key, "publishedBy": admin})
        return CohortDraft.from_row(row["draft"])

    return await database.write_transaction(work)


async def _draft(tx: AsyncManagedTransaction, key: str) -> CohortDraft:
    (row,) = await run(tx, _GET_DRAFTS, {"keys": [key]})
    if row["draft"] is None:
        raise NotFound(f"no cohort draft {key!r}")
    return CohortDraft.from_row(row["draft"])


async def _open_draft(tx: AsyncManagedTransaction, key: str, admin: str) -> CohortDraft:
    """The draft, its programme locked, checked to be a DRAFT its caller may change."""
    draft = await _draft(tx, key)
    await check_admin(tx, draft.programme, admin, lock=True)
    if draft.state != "DRAFT":
        raise Conflict(f"the draft is {draft.state}, not DRAFT")
    return draft


async def _all_pairs(tx: AsyncManagedTransaction, draft: CohortDraft) -> list[DraftPair]:
    params = {"draft": draft.key, "after": None, "before": None, "limit": draft.pairs + 1}
    rows = await run(tx, _DRAFT_PAIRS.forward, params)
    return [DraftPair.from_row(row) for row in rows]
