"""Matching inside a programme: the ranking (`graph.ranking.matches`) over its mentors only.

Same statement, signals, evidence and exclusions; `$programme` keeps the programme's
MENTOR members not yet paired with the mentee there, and measures free capacity
against what each joined the programme with. The programme's own preference is the
mentee's goals for it: they are the target skills unless the caller names others.
"""

from __future__ import annotations

import dataclasses

from graph.database import Database
from graph.errors import Forbidden, NotFound
from graph.pages import FIRST_PAGE, ScoreKey, Window
from graph.ranking.matches import mentor_matches
from graph.ranking.types import DEFAULT_FILTERS, DEFAULT_WEIGHTS, Filters, MentorMatch, Weights
from graph.registry import statement

_MEMBERSHIP_OF_PERSON = statement("programmes/membership_of_person")


async def programme_matches(
    database: Database,
    mentee: str,
    programme: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters = DEFAULT_FILTERS,
    window: Window[ScoreKey] = FIRST_PAGE,
) -> tuple[MentorMatch, ...]:
    """The programme's mentors for one of its mentees; NOT_FOUND when the mentee may not
    see the programme, FORBIDDEN when they are not one of its mentees."""
    (row,) = await database.read(_MEMBERSHIP_OF_PERSON, {"programme": programme, "person": mentee})
    if not row["visible"]:
        raise NotFound(f"no programme {programme!r}")
    if row["role"] != "MENTEE":
        raise Forbidden("only the programme's mentees are matched inside it")
    if filters.skills is None and row["goals"]:
        filters = dataclasses.replace(filters, skills=tuple(row["goals"]))
    return await mentor_matches(
        database, mentee, weights=weights, filters=filters, window=window, programme=programme
    )
