"""Explorations name no PRIVATE person to an analyst (docs/privacy.md, "What analysts see")."""

from __future__ import annotations

import json
from typing import Any

from graph.database import Database
from graph.explore.catalogue import catalogue
from graph.explore.runner import run_exploration
from tests.builders import build, mentor, person
from tests.explore_graph import build_explore_graph

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
