"""Resolvers of the ranking fields on `Person`: matches, suggestions, learning paths.

Their types resolve lazily: `api.matches.types` itself needs `Person`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from api.context import Info
from api.pagination import Connection, connection, paged
from graph.pages import ScoreKey, Window, read_score
from graph.ranking import paths, suggestions
from graph.ranking.stored_pages import served_matches
from graph.ranking.types import DEFAULT_FILTERS, DEFAULT_WEIGHTS

if TYPE_CHECKING:
    from api.matches.types import (
        ConnectionSuggestion,
        LearningPath,
        MatchFilter,
        MatchWeights,
        MentorMatch,
    )

_TYPES = "api.matches.types"


@paged(read_score)
async def mentor_matches(
    root: Any,
    info: Info,
    window: Window[ScoreKey],
    weights: Annotated[MatchWeights, strawberry.lazy(_TYPES)] | None = None,
    filter: Annotated[MatchFilter, strawberry.lazy(_TYPES)] | None = None,
) -> Connection[Annotated[MentorMatch, strawberry.lazy(_TYPES)]]:
    """Mentors for this person as mentee, best first, each with its evidence: from their
    stored page when it can answer (graph.ranking.stored_pages), after this process's own
    writes have reached the pages."""
    from api.matches.types import MentorMatch

    pages = info.context.events.pages
    await pages.settled()
    found = await served_matches(
        info.context.database,
        root.key,
        weights=weights.to_graph() if weights else DEFAULT_WEIGHTS,
        filters=filter.to_graph() if filter else DEFAULT_FILTERS,
        window=window,
        refresh=pages.refresh,
    )
    return connection(
        found,
        window,
        lambda m: (m.score, m.key),
        lambda m: MentorMatch.from_record(m, mentee=root.key),
    )


@paged(read_score)
async def suggested_connections(
    root: Any, info: Info, window: Window[ScoreKey]
) -> Connection[Annotated[ConnectionSuggestion, strawberry.lazy(_TYPES)]]:
    """People this person may know: not yet connected, ranked by mutual connections."""
    from api.matches.types import ConnectionSuggestion

    found = await suggestions.suggested_connections(info.context.database, root.key, window=window)
    return connection(
        found,
        window,
        lambda s: (s.score, s.key),
        lambda s: ConnectionSuggestion.from_record(s, person=root.key),
    )


async def learning_paths(
    root: Any, info: Info, skills: list[str] | None = None, mentors_per_step: int = 3
) -> list[Annotated[LearningPath, strawberry.lazy(_TYPES)]]:
    """For each skill this person wants (or each of `skills`), the way from what they know."""
    from api.matches.types import LearningPath

    found = await paths.learning_paths(
        info.context.database, root.key, skills=skills, mentors_per_step=mentors_per_step
    )
    return [LearningPath.from_record(path) for path in found]
