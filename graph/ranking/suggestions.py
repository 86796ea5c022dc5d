"""People you may know: not yet connected, visible, ranked by mutual connections."""

from __future__ import annotations

from typing import Any

from graph.database import Database
from graph.errors import NotFound
from graph.pages import FIRST_PAGE, ScoreKey, Window, check_first, score_param
from graph.people import Person
from graph.ranking.checks import check_cap, check_nonnegative
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP
from graph.ranking.types import (
    DEFAULT_CONNECTION_WEIGHTS,
    ConnectionSuggestion,
    ConnectionWeights,
)
from graph.registry import paged_statement

_SUGGESTED_CONNECTIONS = paged_statement("ranking/suggested_connections")


async def suggested_connections(
    database: Database,
    person_key: str,
    *,
    weights: ConnectionWeights = DEFAULT_CONNECTION_WEIGHTS,
    window: Window[ScoreKey] = FIRST_PAGE,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
    only: str | None = None,
) -> tuple[ConnectionSuggestion, ...]:
    """People you may know in `window`, each with their properties (`only`: that one
    person's suggestion alone, as the whole list has it).

    Up to `window.limit`, best first (backwards: nearest the cursor first): the one past
    the page only tells that there is more.
    """
    check_first(window.size)
    check_nonnegative(weights, "weights")
    check_cap(hub_degree_cap)
    params = {
        "personKey": person_key,
        "socialWeight": weights.social,
        "employerWeight": weights.employer,
        "schoolWeight": weights.school,
        "skillWeight": weights.skills,
        "hubDegreeCap": hub_degree_cap,
        "only": only,
        "first": window.size,
        **window.bounds(score_param),
    }
    (row,) = await database.read(_SUGGESTED_CONNECTIONS.reading(backward=window.backward), params)
    if not row["found"]:
        raise NotFound(f"no person {person_key!r}")
    return tuple(_suggestion(item) for item in row["suggestions"])


async def suggested_connection(
    database: Database, person_key: str, other_key: str
) -> ConnectionSuggestion | None:
    """The person's entry for `other_key` in `suggested_connections` (default weights), or
    `None` when that list would not show them."""
    try:
        found = await suggested_connections(database, person_key, only=other_key)
    except NotFound:
        return None
    return found[0] if found else None


def _suggestion(item: dict[str, Any]) -> ConnectionSuggestion:
    return ConnectionSuggestion(
        person=Person.from_row(item["person"]),
        score=float(item["score"]),
        mutual_count=int(item["mutualCount"]),
        mutual_connections=tuple(Person.from_row(p) for p in item["mutualConnections"]),
    )
