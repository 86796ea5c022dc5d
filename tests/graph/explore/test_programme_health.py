"""The programme-health explorations against the programmes of `tests/explore_programmes.py`.

Rows: Careers is PUBLIC, so it has its own; Skills circle and Skills winter are
members-only, so they share the SKILLS row (programme null); Peer support (SUPPORT, four
members) shows only its counts; Careers next is a DRAFT and has none.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.database import Database
from graph.explore.runner import get_exploration, run_exploration
from graph.programmes.templates import TEMPLATES
from graph.registry import rule
from tests.explore_graph import explore_graph  # noqa: F401 (a fixture, used by `graph`)
from tests.explore_programmes import programme_keys

KEY = ("template", "programme", "name", "programmes")


@pytest.fixture(scope="module")
def graph(explore_graph: Database) -> Database:  # noqa: F811
    return explore_graph


@pytest.fixture(scope="module")
async def careers(graph: Database) -> str:
    return (await programme_keys(graph))["Careers"]


async def rows(database: Database, name: str, **params: Any) -> list[dict[str, Any]]:
    result = await run_exploration(database, name, params)
    assert result.columns == list(get_exploration(name).columns)
    assert not result.truncated
    return result.records()


def _row(key: tuple[Any, ...], *values: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    return dict(zip(KEY + columns, key + values, strict=True))


MATCHING = (
    "mentors", "places", "mentees", "matched", "shareMatched", "medianDaysToMatch",
    "meanDaysToMatch", "proposals", "started", "declined", "medianDaysToStart", "meanDaysToStart",
)  # fmt: skip
ACTIVITY = (
    "pairings", "active", "checkIns", "checkInsPerWeek", "silentPairings", "dueSteps",
    "stepsDone", "shareStepsDone", "overdueSteps",
)  # fmt: skip
SATISFACTION = ("answers", "meanRating", "ratings")
SKILLS = ("SKILLS", None, None, 2)
SUPPORT = ("SUPPORT", None, None, 1)


async def test_members_matches_and_days_to_match(graph: Database, careers: str) -> None:
    def row(key: tuple[Any, ...], *values: Any) -> dict[str, Any]:
        return _row(key, *values, columns=MATCHING)

    assert await rows(graph, "programme_matching") == [
        # Careers: dee waited 9 days, fay 12, gus 4; hal declined. Proposal to start:
        # fay 2 days, dee 4, gus 2.
        row(("CAREER", careers, "Careers", 1), 2, 4, 4, 3, 0.75, 9.0, 8.3, 4, 3, 1, 2.0, 2.7),
        # Skills circle and winter: bo counts twice (a mentor in both); eli waited 6, jon 7;
        # lea is not matched. Proposal to start: eli 1, jon 2.
        row(SKILLS, 3, 3, 3, 2, 0.667, 6.5, 6.5, 2, 2, 0, 1.5, 1.5),
        # Four members: the counts alone.
        row(SUPPORT, 1, 2, 3, None, None, None, None, None, None, None, None, None),
    ]


async def test_check_ins_and_guided_steps(graph: Database, careers: str) -> None:
    def row(key: tuple[Any, ...], *values: Any) -> dict[str, Any]:
        return _row(key, *values, columns=ACTIVITY)

    assert await rows(graph, "programme_activity") == [
        # Careers: ana-fay is the active one, 3 check-ins over the 6 weeks begun in 38 days.
        # Due: 3 of ana-fay (2 done, 1 overdue), 2 of each ended one before it ended (1 done).
        row(("CAREER", careers, "Careers", 1), 3, 1, 3, 0.5, 0, 7, 3, 0.429, 1),
        # cy-eli: 1 check-in in 5 weeks, none in the last 14 days (silent), 3 steps due, 1
        # done; bo-jon: 2 check-ins in 3 weeks, 2 steps due, both done.
        row(SKILLS, 2, 2, 3, 0.375, 1, 5, 3, 0.6, 2),
        row(SUPPORT, *[None] * len(ACTIVITY)),
    ]
    lenient = await rows(graph, "programme_activity", silentDays=30)
    assert [r["silentPairings"] for r in lenient] == [0, 0, None]  # cy-eli runs 29 days


async def test_feedback_shows_its_mean_from_three_people(graph: Database, careers: str) -> None:
    def row(key: tuple[Any, ...], *values: Any) -> dict[str, Any]:
        return _row(key, *values, columns=SATISFACTION)

    # Careers: dee 4 and gus 2 as mentees, cy 5 as a mentor: three people.
    assert await rows(graph, "programme_satisfaction") == [
        row(("CAREER", careers, "Careers", 1), 3, 3.67, [0, 1, 0, 1, 1]),
        row(SKILLS, 0, None, None),
        row(SUPPORT, None, None, None),
    ]
    mentees = await rows(graph, "programme_satisfaction", side="MENTEE", programme=careers)
    assert mentees == [row(("CAREER", careers, "Careers", 1), 2, None, None)]
    mentors = await rows(graph, "programme_satisfaction", side="MENTOR", programme=careers)
    assert [r["answers"] for r in mentors] == [1]


@pytest.mark.parametrize(
    "name", ["programme_matching", "programme_activity", "programme_satisfaction"]
)
async def test_one_programme_or_those_since_a_day(graph: Database, careers: str, name: str) -> None:
    keys = await programme_keys(graph)
    one = await rows(graph, name, programme=careers)
    assert [tuple(r[c] for c in KEY) for r in one] == [("CAREER", careers, "Careers", 1)]
    # A members-only programme's key answers as a key that is nobody's: it cannot be
    # singled out of its pool.
    for key in (keys["Skills circle"], keys["Peer support"], "nobody"):
        assert await rows(graph, name, programme=key) == []
    # Careers (2025-03-03) and Skills winter (2025-01-06) start before.
    later = await rows(graph, name, since="2025-04-01")
    assert [tuple(r[c] for c in KEY) for r in later] == [("SKILLS", None, None, 1), SUPPORT]


def test_the_sensitive_templates_are_those_of_the_rule() -> None:
    """rules/programme_figures_shown names the sensitive templates of graph.programmes."""
    body = rule("programme_figures_shown").body
    sensitive = [name for name, template in TEMPLATES.items() if template.sensitive]
    assert f"IN {sensitive!r}" in body
