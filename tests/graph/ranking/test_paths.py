"""Suggested connections, skill paths and learning paths on hand-built graphs."""

from __future__ import annotations

import pytest

from graph.database import Database
from graph.errors import BadInput, NotFound
from graph.pages import Window
from graph.ranking.paths import learning_paths, skill_path
from graph.ranking.suggestions import suggested_connections
from graph.ranking.types import ConnectionWeights, SkillStep
from graph.registry import statement
from tests.builders import build, knows, mentor, person, skill

_REQUEST_CONNECTION = statement("connections/request_connection")


async def test_suggestions_are_friends_of_friends_ranked_by_resource_allocation(
    empty_graph: Database,
) -> None:
    await build(
        empty_graph,
        people=[
            person("me"), person("a"), person("b"), person("c"), person("e"),
            person("conn", visibility="CONNECTIONS"), person("priv", visibility="PRIVATE"),
            person("foe"), person("asked"), person("held"),
        ],
        knows=knows(
            ("me", "a"), ("me", "b"),
            ("a", "b"), ("a", "c"), ("a", "conn"), ("a", "priv"),
            ("b", "c"), ("b", "e"), ("b", "foe"), ("b", "asked"), ("b", "held"),
        ),
        blocks=[{"person": "foe", "blocked": "me"}],
        holds=[{"person": "held", "held": True}],
    )  # fmt: skip
    await empty_graph.write(_REQUEST_CONNECTION, {"from": "me", "to": "asked"})
    page = await suggested_connections(empty_graph, "me")
    # Degrees count the connections me may see: a 3 (me, b, c: not conn nor priv), b 6 (me,
    # a, c, e, asked, held: not foe). c: 1/3 + 1/6; e: 1/6. a and b are connections already;
    # conn and priv are not visible; foe blocked; asked is pending; held is held.
    assert [(s.key, s.score) for s in page] == [
        ("c", pytest.approx(1 / 3 + 1 / 6, abs=1e-9)),
        ("e", pytest.approx(1 / 6, abs=1e-9)),
    ]
    c = page[0]
    assert (c.person.name, c.mutual_count) == ("C", 2)
    assert [p.key for p in c.mutual_connections] == ["a", "b"]


async def test_shared_places_rerank_suggestions_when_weighted(empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[person(k) for k in ("me", "a", "c", "d", "x")],
        knows=knows(("me", "a"), ("a", "c"), ("a", "d")),
        schools=[{"key": "uni", "name": "Uni"}],
        studied_at=[
            {"person": p, "school": "uni", "since": None, "until": None} for p in ("me", "d", "x")
        ],
    )
    plain = await suggested_connections(empty_graph, "me")
    assert [s.key for s in plain] == ["c", "d"]
    weighted = await suggested_connections(empty_graph, "me", weights=ConnectionWeights(school=1.0))
    # d: 1/3 + 1/3 (uni has 3 alumni); x is no friend of a friend, so never a candidate.
    assert [(s.key, s.score) for s in weighted] == [
        ("d", pytest.approx(2 / 3, abs=1e-9)),
        ("c", pytest.approx(1 / 3, abs=1e-9)),
    ]


async def test_suggestions_paginate_and_validate(empty_graph: Database) -> None:
    friends = [f"f{i}" for i in range(5)]
    others = [f"o{i}" for i in range(9)]
    await build(
        empty_graph,
        people=[person("me"), *[person(k) for k in friends + others]],
        knows=knows(*[("me", f) for f in friends],
                    *[(friends[i % 5], o) for i, o in enumerate(others)],
                    *[(friends[(i + 1) % 5], o) for i, o in enumerate(others) if i % 2]),
    )  # fmt: skip
    everything = [s.key for s in await suggested_connections(empty_graph, "me")]
    seen: list[str] = []
    after: tuple[float, str] | None = None
    for _ in range(10):
        found = await suggested_connections(empty_graph, "me", window=Window(2, after))
        seen += [s.key for s in found[:2]]
        if len(found) <= 2:
            break
        after = (found[1].score, found[1].key)
    assert seen == everything and sorted(seen) == others
    with pytest.raises(BadInput):
        await suggested_connections(empty_graph, "me", window=Window(101))
    with pytest.raises(NotFound):
        await suggested_connections(empty_graph, "nobody")


async def _skill_graph(database: Database) -> None:
    # a -LEADS_TO-> b -LEADS_TO-> d;  a -RELATED_TO(0.9)- c -RELATED_TO(0.5)- d;  e alone.
    await build(
        database,
        skills=[skill(k) for k in "abcde"],
        leads_to=[{"from": "a", "to": "b"}, {"from": "b", "to": "d"}],
        related_to=[{"a": "a", "b": "c", "weight": 0.9}, {"a": "c", "b": "d", "weight": 0.5}],
    )


async def test_the_shortest_skill_path_prefers_the_strongest(empty_graph: Database) -> None:
    await _skill_graph(empty_graph)
    path = await skill_path(empty_graph, "a", "d")
    assert path is not None
    # two paths of two steps: via b (strength 1.0) and via c (0.45).
    assert path.skills == ("a", "b", "d")
    assert path.strength == pytest.approx(1.0)
    assert path.steps[0] == SkillStep("a", "b", "LEADS_TO", None)


async def test_learning_paths_follow_leads_to_forwards_only(empty_graph: Database) -> None:
    await _skill_graph(empty_graph)
    path = await skill_path(empty_graph, "d", "a")
    assert path is not None
    # backwards only through RELATED_TO: d - c - a.
    assert path.skills == ("d", "c", "a")
    assert path.strength == pytest.approx(0.45)
    assert await skill_path(empty_graph, "a", "e") is None
    same = await skill_path(empty_graph, "a", "a")
    assert same is not None and same.skills == ("a",) and same.steps == ()
    with pytest.raises(NotFound, match="'zz'"):
        await skill_path(empty_graph, "a", "zz")


async def test_a_mentees_learning_path_names_mentors_per_step(empty_graph: Database) -> None:
    await _skill_graph(empty_graph)
    await build(
        empty_graph,
        people=[
            person("me"), mentor("b1"), mentor("b2"), mentor("b3"), mentor("d1"),
            mentor("foe"), mentor("e1"), person("closed"),
        ],
        has_skill=[
            {"person": "me", "skill": "a", "level": 2, "years": 1},
            *[{"person": p, "skill": "b", "level": lvl, "years": 1}
              for p, lvl in (("b1", 3), ("b2", 5), ("b3", 3), ("foe", 5), ("closed", 5))],
            {"person": "d1", "skill": "d", "level": 4, "years": 1},
            {"person": "e1", "skill": "e", "level": 4, "years": 1},
        ],
        wants_to_learn=[
            {"person": "me", "skill": "d", "priority": 1},
            {"person": "me", "skill": "e", "priority": 2},
        ],
        blocks=[{"person": "me", "blocked": "foe"}],
    )  # fmt: skip
    to_d, to_e = await learning_paths(empty_graph, "me", mentors_per_step=2)
    assert (to_d.target.key, to_d.start and to_d.start.key) == ("d", "a")
    assert [k.key for k in to_d.skills] == ["a", "b", "d"] and to_d.strength == 1.0
    assert [(s.from_skill, s.to_skill) for s in to_d.steps] == [("a", "b"), ("b", "d")]
    assert [(s.skill.key, [m.key for m in s.mentors]) for s in to_d.to_learn] == [
        ("b", ["b2", "b1"]),
        ("d", ["d1"]),
    ]
    assert to_d.to_learn[0].mentors[0].name == "B2", "mentors come with their properties"
    # nothing the mentee knows leads to e: the path is e alone.
    assert (to_e.target.name, to_e.start, [k.key for k in to_e.skills]) == ("E", None, ["e"])
    assert [(s.skill.key, [m.key for m in s.mentors]) for s in to_e.to_learn] == [("e", ["e1"])]
    (only_e,) = await learning_paths(empty_graph, "me", skills=["e"])
    assert only_e.target.key == "e"
    with pytest.raises(NotFound):
        await learning_paths(empty_graph, "nobody")
