from __future__ import annotations

import pytest

from graph.database import Database
from graph.errors import Forbidden, NotFound
from graph.programmes.matching import programme_matches
from graph.programmes.pairings import Pair, answer_proposal, propose_pairs
from graph.programmes.programmes import join_programme
from graph.ranking.matches import mentor_matches
from tests.builders import build, knows, mentor, person
from tests.graph.programmes.cohort import cohort


async def _graph(database: Database) -> str:
    """ann knows friends who know four mentors; only max, mo and hid join the programme,
    and ann blocks hid."""
    key = await cohort(database, mentors={"max": 1, "mo": 2, "hid": 1}, mentees=("ann", "bob"))
    await build(
        database,
        people=[person("f1"), person("f2"), mentor("out-mentor")],
        knows=knows(
            ("ann", "f1"), ("ann", "f2"), ("f1", "max"), ("f2", "mo"), ("f1", "mo"),
            ("f2", "out-mentor"), ("f1", "hid"),
        ),
        blocks=[{"person": "ann", "blocked": "hid"}],
    )  # fmt: skip
    return key


async def test_only_the_programmes_mentors_rank_with_the_same_exclusions(
    empty_graph: Database,
) -> None:
    key = await _graph(empty_graph)
    everywhere = {m.key for m in await mentor_matches(empty_graph, "ann")}
    assert everywhere == {"max", "mo", "out-mentor"}
    inside = await programme_matches(empty_graph, "ann", key)
    assert [m.key for m in inside] == ["mo", "max"]  # two mutual connections beat one
    assert inside[0].evidence.mutual_connections
    assert {m.free_capacity for m in inside} == {2, 1}
    (proposal,) = await propose_pairs(empty_graph, key, "ada", [Pair("max", "bob")])
    assert [m.key for m in await programme_matches(empty_graph, "ann", key)] == ["mo", "max"]
    for side in ("max", "bob"):
        await answer_proposal(empty_graph, proposal.key, side, accept=True)
    assert [m.key for m in await programme_matches(empty_graph, "ann", key)] == ["mo"]


async def test_only_a_mentee_who_may_see_the_programme_is_matched_in_it(
    empty_graph: Database,
) -> None:
    key = await cohort(empty_graph, visibility="MEMBERS")
    with pytest.raises(NotFound):
        await programme_matches(empty_graph, "out", key)
    with pytest.raises(NotFound):
        await programme_matches(empty_graph, "ann", "pg-nobody")
    with pytest.raises(Forbidden):
        await programme_matches(empty_graph, "mo", key)


async def test_a_mentees_programme_goals_are_what_it_ranks_for(empty_graph: Database) -> None:
    key = await cohort(empty_graph, mentors={"max": 1, "mo": 1}, mentees=())
    await build(
        empty_graph,
        people=[person("cy")],
        skills=[{"key": "go", "name": "Go", "domain": "Software"}],
        has_skill=[{"person": "mo", "skill": "go", "level": 4, "years": 3}],
    )
    await join_programme(empty_graph, key, "cy", role="MENTEE", capacity=None, goals=("go",))
    assert [m.key for m in await programme_matches(empty_graph, "cy", key)] == ["mo"]
