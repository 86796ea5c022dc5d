"""The synthetic generator: deterministic, plausible, realistic in shape, idempotent to load."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import islice

import pytest
from neo4j.time import Date

from graph.database import Database
from graph.errors import BadInput
from graph.loading.generator.taxonomy import taxonomy
from graph.loading.rows import Row
from graph.loading.synthetic import check_size, load, rows
from graph.registry import Statement
from graph.server.stats import graph_stats


def _by_kind(people: int, seed: int) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for kind, row in rows(people, seed):
        grouped[kind].append(row)
    return grouped


def _adjacency(knows: list[Row]) -> dict[str, set[str]]:
    friends: dict[str, set[str]] = defaultdict(set)
    for row in knows:
        for other in row["b"]:
            friends[row["a"]].add(other)
            friends[other].add(row["a"])
    return friends


def test_the_same_seed_gives_the_same_rows_and_another_seed_others() -> None:
    assert list(rows(300, 7)) == list(rows(300, 7))
    assert list(islice(rows(300, 8), 2000)) != list(islice(rows(300, 7), 2000))


@pytest.mark.parametrize("people", [0, -3, 5_000_001])
def test_absurd_sizes_are_refused(people: int) -> None:
    with pytest.raises(BadInput, match="--people"):
        check_size(people)


def test_the_taxonomy_has_domains_and_learning_paths() -> None:
    skills = taxonomy()
    assert len(skills.skills) >= 150
    assert len(skills.domains) >= 10
    assert "statistics" in skills.next_steps["python"]
    assert "machine-learning" in skills.next_steps["statistics"]
    assert all(0 < weight <= 1 for _, _, weight in skills.related)


def test_shares_of_mentors_and_goals_that_fit_their_skills() -> None:
    graph = _by_kind(3000, 11)
    people = graph["people"]
    mentors = [p for p in people if p["openToMentor"]]
    assert 0.15 <= len(mentors) / len(people) <= 0.25
    assert all(1 <= p["mentorCapacity"] <= 4 for p in mentors)
    assert len(graph["employers"]) >= 200
    assert all(job["until"] is None or job["since"] < job["until"] for job in graph["works_at"])
    held: dict[str, set[str]] = defaultdict(set)
    for row in graph["has_skill"]:
        held[row["person"]].add(row["skill"])
    skills = taxonomy()
    wishes = graph["wants_to_learn"]
    assert len({w["person"] for w in wishes}) > len(people) / 10
    for wish in wishes:
        assert wish["skill"] in skills.goals_for(held[wish["person"]]), wish


def test_connections_are_heavy_tailed_and_clustered() -> None:
    people = 4000
    friends = _adjacency(_by_kind(people, 5)["knows_from"])
    degrees = sorted(len(f) for f in friends.values())
    mean = sum(degrees) / len(degrees)
    assert 35 <= mean <= 60
    assert degrees[-1] > 4 * mean  # hubs
    rng = random.Random(0)
    sample = rng.sample(sorted(friends), 300)
    clustering = sum(_local_clustering(friends, p) for p in sample) / len(sample)
    density = mean / (people - 1)  # a random graph's expected clustering
    assert clustering > 10 * density


def _local_clustering(friends: dict[str, set[str]], person: str) -> float:
    mine = friends[person]
    if len(mine) < 2:
        return 0.0
    links = sum(len(friends[f] & mine) for f in mine) / 2
    return links / (len(mine) * (len(mine) - 1) / 2)


async def test_two_loads_of_the_same_seed_have_the_same_content_hash(
    empty_graph: Database,
) -> None:
    await load(empty_graph, 400, 3)
    first = await graph_stats(empty_graph)
    await load(empty_graph, 400, 3)  # a re-run changes nothing
    again = await graph_stats(empty_graph)
    assert again == first
    assert first.labels["Person"] == 400
    assert first.relationships["KNOWS"] > 400 * 10
    assert first.content_hash is not None
    sinces = await empty_graph.read(_KNOWS_SINCE)
    assert sinces and all(isinstance(row["since"], Date) for row in sinces)
    assert min(row["since"] for row in sinces) >= Date(2008, 1, 1)


_KNOWS_SINCE = Statement(
    name="tests/knows_since", text="MATCH ()-[k:KNOWS]->() RETURN k.since AS since", header=""
)
