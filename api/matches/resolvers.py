"""Resolvers of the ranking fields on `Person`: matches, suggestions, learning paths.

Their types resolve lazily: `api.matches.types` itself needs `Person`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from api.context import Info
from api.lookahead import asks_match_evidence
from api.node import parse_global_id
from api.pagination import Connection, connection, paged
from graph.errors import BadInput
from graph.pages import ScoreKey, Window, read_score
from graph.programmes.matching import programme_matches
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
    programme: Annotated[
        strawberry.ID | None,
        strawberry.argument(
            description="A programme's ID: rank only its mentors, for one of its mentees, "
            "against their capacity in it and for the mentee's goals in it."
        ),
    ] = None,
) -> Connection[Annotated[MentorMatch, strawberry.lazy(_TYPES)]]:
    """Mentors for this person as mentee, best first, each with its evidence: from their
    stored page when it can answer (graph.ranking.stored_pages; the evidence read only when
    the selection shows it), after this process's own writes have reached the pages."""
    from api.matches.types import MentorMatch

    weighed = weights.to_graph() if weights else DEFAULT_WEIGHTS
    filters = filter.to_graph() if filter else DEFAULT_FILTERS
    database = info.context.database
    if programme is not None:
        found = await programme_matches(
            database,
            root.key,
            _programme_key(programme),
            weights=weighed,
            filters=filters,
            window=window,
        )
    else:
        pages = info.context.events.pages
        await pages.settled()
        found = await served_matches(
            database,
            root.key,
            weights=weighed,
            filters=filters,
            window=window,
            evidence=asks_match_evidence(info),
            refresh=pages.refresh,
        )
    return connection(
        found,
        window,
        lambda m: (m.score, m.key),
        lambda m: MentorMatch.from_record(m, mentee=root.key),
    )


def _programme_key(id: str) -> str:
    type_name, key = parse_global_id(id)
    if type_name != "Programme":
        raise BadInput("not a programme's ID", field="programme")
    return key


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
