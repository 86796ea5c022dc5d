"""Staged cohort assignment: draft, review and edit, publish.

An admin asks for a draft: the cohort's unmatched mentees and free mentor slots are
read, candidates are scored by the ranking, `assignment.assign` solves, and the pairs are
stored as a `(:CohortDraft)` (one DRAFT per programme; a new one discards the old). The
admin moves or removes pairs, each checked against the mentor's places left, and publishes:
in one transaction, under the programme's lock, every pair is checked again (still
unmatched, within the places left) and proposed through `pairings.propose_in` (which
checks the ranking's exclusions and the programme's capacity), and the draft is
PUBLISHED. Nobody is asked anything before that. Only the programme's admins (`ADMINS`)
touch its drafts, and only while it is OPEN, as for proposals.

Each admin reads and changes a draft as they may see its people
(`queries/rules/cohort_draft_shown.cypher`): a pair with someone hidden from them is not
there, counts in no total, and cannot be removed; its mentee, when visible, is unmatched.
Publishing proposes the pairs the publisher sees; the others leave the draft unproposed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import Conflict, Forbidden, NotFound
from graph.keys import new_key
from graph.pages import Window
from graph.programmes.assignment import DEFAULT_SPREAD, assign
from graph.programmes.cohort import Cohort, cohort, cohort_candidates, programme_candidates
from graph.programmes.pairings import Pair, propose_in
from graph.programmes.programmes import get_programmes, programme_facts
from graph.ranking.signals import SIGNAL_NAMES, Signal
from graph.registry import paged_statement, statement
from graph.values import native
from graph.viewer import Viewer

_CREATE_DRAFT = statement("programmes/create_draft")
_GET_DRAFTS = statement("programmes/get_drafts")
_DRAFT_PAIRS = paged_statement("programmes/draft_pairs")
_SET_PAIR = statement("programmes/set_pair")
_REMOVE_PAIR = statement("programmes/remove_pair")
_PUBLISH_DRAFT = statement("programmes/publish_draft")

DEFAULT_PER_MENTEE = 20
"""Candidate mentors kept per mentee: the solver rarely reaches past a mentee's twentieth."""

_DOING = "cohort assignment"
"""What a programme that is not OPEN refuses (`Facts.require_open`)."""

DraftState = Literal["DRAFT", "PUBLISHED", "DISCARDED"]


@dataclass(frozen=True)
class CohortDraft:
    key: str
    programme: str
    created_by: str
    created_at: dt.datetime
    state: DraftState
    total_score: float
    """The sum of the scores of the pairs the reader may see."""
    pairs: int
    """How many pairs the reader may see."""
    unmatched: tuple[str, ...]
    """The cohort's mentees this draft leaves without a mentor that the reader may see, by
    key (a mentee whose mentor is hidden from them among them)."""
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
        await _administer(tx, programme, admin)
        return await cohort(tx, programme, admin)

    # A write: programme_facts takes the programme's lock. The ranking runs outside it, and
    # storing checks the admin again, under the lock.
    found = await database.write_transaction(members)
    scored = await cohort_candidates(database, programme, found, per_mentee)
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
        await _administer(tx, programme, admin)
        params = {
            "key": new_key("cd"),
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
    """The draft, for an admin of its programme (NOT_FOUND, as for a key that is nobody's,
    for anyone else who may not see the programme; FORBIDDEN for one who may)."""
    (row,) = await database.read(_GET_DRAFTS, {"keys": [key], "viewer": admin})
    draft = _found(row, key)
    (programme,) = await get_programmes(database, [draft.programme], Viewer(admin))
    if programme is None:
        raise NotFound(f"no cohort draft {key!r}")
    if not programme.viewer_is_admin:
        raise Forbidden("only this programme's admins may do that")
    return draft


async def draft_pairs(
    database: Database, key: str, admin: str, window: Window[str]
) -> list[DraftPair]:
    """A page of the draft's pairs that `admin` may see, by mentee key (`window.limit` at
    most); the caller has read the draft through `get_draft`."""
    rows = await database.read(
        _DRAFT_PAIRS.reading(backward=window.backward),
        {"draft": key, "viewer": admin, **window.bounds(), "limit": window.limit},
    )
    return [DraftPair.from_row(row) for row in rows]


async def move_pair(
    database: Database, key: str, mentee: str, mentor: str, admin: str
) -> CohortDraft:
    """Pair `mentee` with `mentor` in the draft, within the mentor's programme capacity.

    The pair is scored first, as the ranking inside the programme scores it; a pair it
    does not rank is CONFLICT. Publishing checks it again, in its own transaction.
    """
    read = await get_draft(database, key, admin)
    scored = await programme_candidates(database, read.programme, mentee, {mentor: 1}, 1)

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        draft = await _open_draft(tx, key, admin)
        members = await cohort(tx, draft.programme, admin)
        if mentee not in members.mentees:
            raise NotFound(f"no unmatched mentee {mentee!r} in this programme")
        if mentor not in members.free:
            raise NotFound(f"no mentor {mentor!r} in this programme")
        if not scored:
            raise Conflict(f"the ranking does not allow {mentor!r} for {mentee!r}")
        pairs = await _all_pairs(tx, draft, admin)
        load = sum(p.mentor == mentor and p.mentee != mentee for p in pairs)
        if load + 1 > members.free[mentor]:
            raise Conflict(f"{mentor!r} has {members.free[mentor]} places in the programme")
        params = {
            "draft": key,
            "mentee": mentee,
            "mentor": mentor,
            "score": scored[0].candidate.score,
            **_signal_params(scored[0].signals),
            "viewer": admin,
        }
        (row,) = await run(tx, _SET_PAIR, params)
        return CohortDraft.from_row(row["draft"])

    return await database.write_transaction(work)


async def remove_pair(database: Database, key: str, mentee: str, admin: str) -> CohortDraft:
    """Leave `mentee` unmatched in the draft."""

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        await _open_draft(tx, key, admin)
        rows = await run(tx, _REMOVE_PAIR, {"draft": key, "mentee": mentee, "viewer": admin})
        if not rows:
            raise NotFound(f"no pair for {mentee!r} in this draft")
        return CohortDraft.from_row(rows[0]["draft"])

    return await database.write_transaction(work)


async def publish_draft(database: Database, key: str, admin: str) -> CohortDraft:
    """Propose every pair of the draft that `admin` may see, all in one transaction, or
    none: CONFLICT naming the mentees whose pair no longer fits the cohort, or else
    `propose_in`'s first refusal (a pair the ranking's exclusions no longer allow, say).
    The pairs hidden from `admin` are not proposed and leave the draft: refusing them
    would tell the publisher that someone hidden from them is in it."""

    async def work(tx: AsyncManagedTransaction) -> CohortDraft:
        draft = await _open_draft(tx, key, admin)
        members = await cohort(tx, draft.programme, admin)
        pairs = await _all_pairs(tx, draft, admin)
        load = Counter(p.mentor for p in pairs)
        waiting = set(members.mentees)
        stale = {p.mentee for p in pairs if p.mentee not in waiting}
        stale |= {p.mentee for p in pairs if load[p.mentor] > members.free.get(p.mentor, 0)}
        if stale:
            raise Conflict(
                f"the pairs of {', '.join(sorted(stale))} can no longer be proposed: "
                "move or remove them, or draw a new draft"
            )
        if pairs:
            proposed = [Pair(mentor=p.mentor, mentee=p.mentee) for p in pairs]
            await propose_in(tx, draft.programme, admin, proposed)
        (row,) = await run(tx, _PUBLISH_DRAFT, {"draft": key, "viewer": admin})
        return CohortDraft.from_row(row["draft"])

    return await database.write_transaction(work)


async def _administer(tx: AsyncManagedTransaction, programme: str, admin: str) -> None:
    """Lock the programme and check that `admin` administers it and that it is OPEN."""
    (await programme_facts(tx, programme, admin)).require_admin().require_open(_DOING)


def _found(row: dict[str, Any], key: str) -> CohortDraft:
    if row["draft"] is None:
        raise NotFound(f"no cohort draft {key!r}")
    return CohortDraft.from_row(row["draft"])


async def _open_draft(tx: AsyncManagedTransaction, key: str, admin: str) -> CohortDraft:
    """The draft, its programme locked, checked to be a DRAFT its caller may change."""
    (row,) = await run(tx, _GET_DRAFTS, {"keys": [key], "viewer": admin})
    draft = _found(row, key)
    try:
        await _administer(tx, draft.programme, admin)
    except NotFound:
        raise NotFound(f"no cohort draft {key!r}") from None
    if draft.state != "DRAFT":
        raise Conflict(f"the draft is {draft.state}, not DRAFT")
    return draft


async def _all_pairs(
    tx: AsyncManagedTransaction, draft: CohortDraft, admin: str
) -> list[DraftPair]:
    """Every pair of the draft that `admin` may see (`draft` was read for them)."""
    params = {
        "draft": draft.key,
        "viewer": admin,
        "after": None,
        "before": None,
        "limit": draft.pairs + 1,
    }
    rows = await run(tx, _DRAFT_PAIRS.forward, params)
    return [DraftPair.from_row(row) for row in rows]
