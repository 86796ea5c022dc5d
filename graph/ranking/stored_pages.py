"""Match pages served from stored candidates, exclusions exact at read time.

The first request for a mentee is answered by the live ranking (`graph.ranking.matches`)
and leaves a refresh to the caller (`graph.ranking.page_keeper`): the top `KEEP` rows for
the default weights and no filters are computed and stored in Neo4j, so every worker and
process serves the same pages. Later requests read the stored page in one round trip
(`queries/ranking/stored_matches.cypher`), which applies the ranking's exclusions and the
filters again as the graph stands and re-reads every person it shows. A page goes stale
when a change can affect it (`graph.ranking.page_invalidation`), when the global epoch
moves, or after `MAX_AGE`; the freshness contract is in docs/ranking.md.

A refresh is stamped with a token read before its candidates are computed (the page's id,
version and the epoch): an invalidation that comes in between moves the version on, and the
candidates are then stored stale, never served.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.database import Database
from graph.errors import NotFound
from graph.pages import FIRST_PAGE, ScoreKey, Window, check_first, score_param
from graph.ranking.checks import check_filters
from graph.ranking.matches import match_from_row, mentor_matches
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP
from graph.ranking.types import DEFAULT_FILTERS, DEFAULT_WEIGHTS, Filters, MentorMatch, Weights
from graph.registry import paged_statement, statement

KEEP = 50
"""Candidates stored per mentee: more than a page, so read-time exclusions rarely empty it."""
MAX_AGE = 600.0
"""Seconds a stored page is served at most: the bound on what no traversal sees."""
EXPIRE_AFTER = 2 * MAX_AGE
"""Seconds after which a page nobody refreshed is deleted (the store's size bound)."""
SWEEP = 100
"""Expired pages deleted per refresh at most."""

_STORED_MATCHES = paged_statement("ranking/stored_matches")
_CLAIM = statement("ranking/claim_match_page")
_STORE = statement("ranking/store_match_page")


@dataclass(frozen=True)
class PageToken:
    """What a refresh stores its candidates under, read before they are computed."""

    page: str
    version: int
    epoch: int


@dataclass(frozen=True)
class StoredRead:
    fresh: bool
    """The stored page may be served: no refresh is needed."""
    served: bool
    """`matches` is exactly what the live statement would return for this window."""
    matches: tuple[MentorMatch, ...]
    """The page when `served`; empty otherwise."""
    token: PageToken | None
    """`None` when the mentee has no page yet (`claim_page` makes one)."""


def servable(weights: Weights, filters: Filters, hub_degree_cap: int) -> bool:
    """Whether stored candidates can answer: the default weights and hub cap, and no
    `skills` filter (it ranks for other targets). `min_score`, `language` and
    `outside_my_employer` are applied when the stored page is read."""
    return (
        weights == DEFAULT_WEIGHTS
        and filters.skills is None
        and hub_degree_cap == DEFAULT_HUB_DEGREE_CAP
    )


async def served_matches(
    database: Database,
    mentee_key: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters = DEFAULT_FILTERS,
    window: Window[ScoreKey] = FIRST_PAGE,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
    evidence: bool = True,
    refresh: Callable[[str, PageToken | None], None],
) -> tuple[MentorMatch, ...]:
    """`mentor_matches`, from the mentee's stored page when it can answer (`servable`,
    fresh, and holding the window); otherwise live, asking `refresh` for a new page when
    the stored one is stale or missing. Without `evidence`, a stored page is read without
    each match's evidence (`MentorMatch.evidence` is `None`); the live ranking has it."""
    if servable(weights, filters, hub_degree_cap):
        read = await read_stored(
            database, mentee_key, filters=filters, window=window, evidence=evidence
        )
        if read.served:
            return read.matches
        if not read.fresh:
            refresh(mentee_key, read.token)
    return await mentor_matches(
        database,
        mentee_key,
        weights=weights,
        filters=filters,
        window=window,
        hub_degree_cap=hub_degree_cap,
    )


async def read_stored(
    database: Database,
    mentee_key: str,
    *,
    filters: Filters = DEFAULT_FILTERS,
    window: Window[ScoreKey] = FIRST_PAGE,
    max_age: float = MAX_AGE,
    evidence: bool = True,
) -> StoredRead:
    """The mentee's stored page for `window`, with whether it may be served; each match
    with its evidence, or, without `evidence`, none (`None`)."""
    check_first(window.size)
    check_filters(filters)
    params: dict[str, Any] = {
        "menteeKey": mentee_key,
        "maxAge": max_age,
        "skillDecay": DEFAULT_WEIGHTS.skill_decay,
        "evidence": evidence,
        "language": filters.language,
        "outsideMyEmployer": filters.outside_my_employer,
        "minScore": filters.min_score,
        "first": window.size,
        **window.bounds(score_param),
    }
    (row,) = await database.read(_STORED_MATCHES.reading(backward=window.backward), params)
    if not row["found"]:
        raise NotFound(f"no person {mentee_key!r}")
    token = None if row["pageId"] is None else _token(row)
    served = bool(row["served"])
    # Rows of a read that is not served may be torn (ranking/stored_matches): never mapped.
    matches = tuple(match_from_row(item) for item in row["matches"]) if served else ()
    return StoredRead(bool(row["fresh"]), served, matches, token)


async def claim_page(database: Database, mentee_key: str) -> PageToken | None:
    """The mentee's page, made if missing, as a token to store under; `None` for nobody."""
    rows = await database.write(_CLAIM, {"menteeKey": mentee_key})
    return _token(rows[0]) if rows else None


async def compute_candidates(
    database: Database, mentee_key: str, *, keep: int = KEEP
) -> tuple[MentorMatch, ...]:
    """The live ranking's top `keep` + 1 for the default weights and no filters."""
    return await mentor_matches(database, mentee_key, window=Window(keep))


async def store_page(
    database: Database,
    mentee_key: str,
    token: PageToken,
    candidates: tuple[MentorMatch, ...],
    *,
    keep: int = KEEP,
) -> bool:
    """Store `candidates` (from `compute_candidates`, computed after `token` was read)
    under `token`; `False` when the page is gone. Expires old pages on the way."""
    kept = candidates[:keep]
    last = kept[-1] if kept else None
    rows = await database.write(
        _STORE,
        {
            "menteeKey": mentee_key,
            "pageId": token.page,
            "version": token.version,
            "epoch": token.epoch,
            "complete": len(candidates) <= keep,
            "lastScore": None if last is None else last.score,
            "lastKey": None if last is None else last.key,
            "candidates": [_candidate(match) for match in kept],
            "expireAfter": EXPIRE_AFTER,
            "sweep": SWEEP,
        },
    )
    return bool(rows[0]["stored"])


async def refresh_page(
    database: Database, mentee_key: str, token: PageToken | None, *, keep: int = KEEP
) -> bool:
    """Claim the page if there is none, compute its candidates, store them under the token."""
    token = token or await claim_page(database, mentee_key)
    if token is None:
        return False
    try:
        candidates = await compute_candidates(database, mentee_key, keep=keep)
    except NotFound:
        return False
    return await store_page(database, mentee_key, token, candidates, keep=keep)


def _token(row: dict[str, Any]) -> PageToken:
    return PageToken(page=str(row["pageId"]), version=int(row["version"]), epoch=int(row["epoch"]))


def _candidate(match: MentorMatch) -> dict[str, Any]:
    signals = {signal.name: signal for signal in match.signals}
    evidence = match.evidence
    if evidence is None:
        raise ValueError(f"no evidence for {match.key!r}: the live ranking reads every match's")
    return {
        "key": match.key,
        "score": match.score,
        **{name: signal.value for name, signal in signals.items()},
        **{f"{name}Share": signal.share for name, signal in signals.items()},
        "vias": [person.key for person in evidence.mutual_connections],
        "employers": [employer.key for employer in evidence.shared_employers],
    }
