"""People you may know: not yet connected, visible, ranked by mutual connections."""

from __future__ import annotations

from typing import Any

from graph.database import Database
from graph.errors import NotFound
from graph.ranking.checks import check_cap, check_first, check_nonnegative
from graph.ranking.cursor import ScoreCursor, after_params
from graph.ranking.types import (
    DEFAULT_CONNECTION_WEIGHTS,
    DEFAULT_HUB_DEGREE_CAP,
    ConnectionSuggestion,
    ConnectionWeights,
    SuggestionPage,
    person_from_row,
)
from graph.registry import statement

_SUGGESTED_CONNECTIONS = statement("ranking/suggested_connections")


async def suggested_connections(
    database: Database,
    person_key: str,
    *,
    weights: ConnectionWeights = DEFAULT_CONNECTION_WEIGHTS,
    first: int = 10,
    after: str | None = None,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
) -> SuggestionPage:
    """People you may know: not yet connected, visible, ranked by mutual connections."""
    check_first(first)
    check_nonnegative(weights, "weights")
    check_cap(hub_degree_cap)
    params = {
        "personKey": person_key,
        "socialWeight": weights.social,
        "employerWeight": weights.employer,
        "schoolWeight": weights.school,
        "skillWeight": weights.skills,
        "hubDegreeCap": hub_degree_cap,
        "first": first,
        "after": after_params(after),
    }
    (row,) = await database.read(_SUGGESTED_CONNECTIONS, params)
    if not row["found"]:
        raise NotFound(f"no person {person_key!r}")
    suggestions = tuple(_suggestion(item) for item in row["suggestions"][:first])
    return SuggestionPage(
        suggestions=suggestions,
        has_next_page=len(row["suggestions"]) > first,
        end_cursor=suggestions[-1].cursor if suggestions else None,
    )


def _suggestion(item: dict[str, Any]) -> ConnectionSuggestion:
    return ConnectionSuggestion(
        key=item["key"],
        name=item["name"] or "",
        headline=item["headline"] or "",
        score=float(item["score"]),
        mutual_count=int(item["mutualCount"]),
        mutual_connections=tuple(person_from_row(p) for p in item["mutualConnections"]),
        cursor=ScoreCursor(float(item["score"]), item["key"]).encode(),
    )
