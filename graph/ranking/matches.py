"""Mentor matches: the best mentors for a mentee, each with its score explained.

One statement (`queries/ranking/mentor_matches.cypher`), one round trip; the
scoring is documented in `docs/ranking.md` and in the statement's header.
"""

from __future__ import annotations

from typing import Any

from graph.database import Database
from graph.employers import Employer
from graph.errors import NotFound
from graph.pages import FIRST_PAGE, ScoreKey, Window, check_first, score_param
from graph.people import Person
from graph.ranking.checks import check_cap, check_filters, check_weights
from graph.ranking.pair_scores import score_pairs
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP, signals_from_row
from graph.ranking.types import (
    DEFAULT_FILTERS,
    DEFAULT_WEIGHTS,
    Evidence,
    Filters,
    MentorMatch,
    SkillEvidence,
    Weights,
    step_from_row,
)
from graph.registry import paged_statement
from graph.skills import Skill

_MENTOR_MATCHES = paged_statement("ranking/mentor_matches")


async def mentor_matches(
    database: Database,
    mentee_key: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters = DEFAULT_FILTERS,
    window: Window[ScoreKey] = FIRST_PAGE,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
    programme: str | None = None,
) -> tuple[MentorMatch, ...]:
    """The best mentors for a mentee in `window`, each with its score explained.

    Up to `window.limit` matches, best first (backwards: nearest the cursor, worst first):
    the one past the page only tells that there is more (`api.pagination.connection`).
    Raises `BadInput` for a bad page size, weight, filter or cap and `NotFound` for an
    unknown mentee. With `programme`, only that programme's mentors are ranked, against
    their capacity in it (`graph.programmes.matching` checks the mentee belongs there).
    """
    params = match_parameters(
        mentee_key,
        weights=weights,
        filters=filters,
        window=window,
        hub_degree_cap=hub_degree_cap,
        programme=programme,
    )
    (row,) = await database.read(_MENTOR_MATCHES.reading(backward=window.backward), params)
    if not row["found"]:
        raise NotFound(f"no person {mentee_key!r}")
    return tuple(match_from_row(item) for item in row["matches"])


async def mentor_match(database: Database, mentee_key: str, mentor_key: str) -> MentorMatch | None:
    """The mentee's entry for one mentor in `mentor_matches` (default weights and filters),
    or `None` when that list would not show the mentor.

    The pair's score (`ranking/score_pairs`, which scores as the ranking does) places the
    entry in the list; the list's own statement then reads backwards from just past it,
    `(score, mentor_key + "\\0")`: no key sorts between `mentor_key` and that, so the nearest
    row is the mentor's if the list has it there. Every field is then the list's own, from
    the same statement, rules and evidence.
    """
    scored = await score_pairs(database, [(mentee_key, mentor_key)], seekers_only=False)
    if not scored:
        return None
    window = Window(1, (scored[0].score, mentor_key + "\0"), backward=True)
    try:
        found = await mentor_matches(database, mentee_key, window=window)
    except NotFound:
        return None
    return found[0] if found and found[0].key == mentor_key else None


def match_parameters(
    mentee_key: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters = DEFAULT_FILTERS,
    window: Window[ScoreKey] = FIRST_PAGE,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
    programme: str | None = None,
) -> dict[str, Any]:
    """The checked parameters of `ranking/mentor_matches` (for benchmarks and PROFILE)."""
    check_first(window.size)
    check_weights(weights)
    check_filters(filters)
    check_cap(hub_degree_cap)
    return {
        "menteeKey": mentee_key,
        **weights.params(),
        "hubDegreeCap": hub_degree_cap,
        "skills": None if filters.skills is None else list(filters.skills),
        "outsideMyEmployer": filters.outside_my_employer,
        "language": filters.language,
        "minScore": filters.min_score,
        "programme": programme,
        "first": window.size,
        **window.bounds(score_param),
    }


def match_from_row(item: dict[str, Any]) -> MentorMatch:
    """A match from a row of `ranking/mentor_matches` (or of `ranking/stored_matches`,
    whose evidence is null when it was not asked for)."""
    return MentorMatch(
        mentor=Person.from_row(item["mentor"]),
        score=float(item["score"]),
        signals=signals_from_row(item),
        free_capacity=int(item["freeCapacity"]),
        evidence=None if item["mutualConnections"] is None else _evidence_from_row(item),
    )


def _evidence_from_row(item: dict[str, Any]) -> Evidence:
    return Evidence(
        mutual_connections=tuple(Person.from_row(p) for p in item["mutualConnections"]),
        skill_paths=tuple(
            SkillEvidence(
                target=p["target"],
                skill=p["skill"],
                level=int(p["level"] or 1),
                strength=float(p["strength"]),
                steps=tuple(step_from_row(s) for s in p["steps"]),
                skills=tuple(Skill.from_row(s) for s in p["skills"]),
            )
            for p in item["skillPaths"]
        ),
        shared_employers=tuple(Employer.from_row(e) for e in item["sharedEmployers"]),
    )
