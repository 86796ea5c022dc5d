"""Explorations name no PRIVATE person to an analyst (docs/privacy.md, "What analysts see")."""

from __future__ import annotations

import json
from typing import Any

from graph.database import Database
from graph.explore.catalogue import catalogue
from graph.explore.runner import run_exploration
from graph.programmes.programmes import add_person, join_programme
from tests.builders import build, mentor, person
from tests.explore_graph import build_explore_graph
from tests.explore_programmes import MEMBERS_ONLY, programme_keys
from tests.graph.programmes.cohort import ADMIN

PRIVATE = ("cy", "hal")  # a mentor at the top of chains and on paths; a mentee in a desert
PARAMS: dict[str, dict[str, Any]] = {
    "mentorship_chains": {"minDepth": 1},
    "separation_people": {"from": "dee", "to": "fay"},
    "separation_employers": {"from": "acme", "to": "initech"},
}


async def _named(database: Database, name: str) -> str:
    return json.dumps((await run_exploration(database, name, PARAMS.get(name, {}))).records())


async def test_no_exploration_names_a_private_person(empty_graph: Database) -> None:
    await build_explore_graph(empty_graph)
    shown = [await _named(empty_graph, name) for name in catalogue()]
    assert all(f'"{key}"' in "".join(shown) for key in PRIVATE), "while PUBLIC, they are named"
    # cy mentors and hal is a mentee in programmes: their aggregates count them, PRIVATE or not.
    programmes = {name: await _named(empty_graph, name) for name in catalogue() if _health(name)}

    await build(
        empty_graph,
        people=[
            mentor("cy", capacity=2, visibility="PRIVATE"),
            person("hal", seekingMentor=True, visibility="PRIVATE"),
        ],
    )
    for name in catalogue():
        text = await _named(empty_graph, name)
        assert [key for key in PRIVATE if f'"{key}"' in text] == [], name
    chains = await run_exploration(empty_graph, "mentorship_chains", PARAMS["mentorship_chains"])
    assert [None, "ana", "dee"] in [row["chain"] for row in chains.records()]
    hidden_end = {"from": "dee", "to": "hal"}
    assert (await run_exploration(empty_graph, "separation_people", hidden_end)).records() == []
    assert {name: await _named(empty_graph, name) for name in programmes} == programmes


def _health(name: str) -> bool:
    return name.startswith("programme_")


async def test_no_exploration_names_a_members_only_programme(empty_graph: Database) -> None:
    await build_explore_graph(empty_graph)
    keys = await programme_keys(empty_graph)
    text = "".join([await _named(empty_graph, name) for name in catalogue()])
    assert keys["Careers"] in text and '"Careers"' in text, "a PUBLIC programme is named"
    for name in MEMBERS_ONLY:
        assert keys[name] not in text and f'"{name}"' not in text, name


async def test_a_support_row_shows_its_figures_from_five_members(empty_graph: Database) -> None:
    await build_explore_graph(empty_graph)
    support = (await programme_keys(empty_graph))["Peer support"]

    async def support_row(name: str) -> dict[str, Any]:
        (row,) = [r for r in (await run_exploration(empty_graph, name)).records()
                  if r["template"] == "SUPPORT"]  # fmt: skip
        assert (row["programme"], row["name"], row["programmes"]) == (None, None, 1)
        return row

    four = await support_row("programme_matching")
    assert (four["mentees"], four["matched"], four["medianDaysToMatch"]) == (3, None, None)
    assert set((await support_row("programme_activity")).values()) == {"SUPPORT", None, 1}
    await add_person(empty_graph, support, ADMIN, "jon", as_="INVITED_TO")
    await join_programme(empty_graph, support, "jon", role="MENTEE", capacity=None, goals=())
    # Five members (bo; kit, hal, ivy, jon): kit waited 8 days, and bo-kit started 3 days
    # after it was proposed, 12 days ago: 1 check-in over 2 weeks begun, 2 steps due, none done.
    five = await support_row("programme_matching")
    assert [five[c] for c in ("mentors", "places", "mentees", "matched", "shareMatched")] == [
        1, 2, 4, 1, 0.25
    ]  # fmt: skip
    assert [five[c] for c in ("medianDaysToMatch", "started", "meanDaysToStart")] == [8.0, 1, 3.0]
    activity = await support_row("programme_activity")
    assert [activity[c] for c in ("active", "checkInsPerWeek", "dueSteps", "overdueSteps")] == [
        1, 0.5, 2, 2
    ]  # fmt: skip
    satisfaction = await support_row("programme_satisfaction")
    assert (satisfaction["answers"], satisfaction["meanRating"]) == (0, None)
