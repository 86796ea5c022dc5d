"""The social signal on random graphs of hidden people and blocks equals one computed in Python.

The ranking (`ranking/mentor_matches`), the watcher's pair scores (`ranking/score_pairs`)
and people-you-may-know (`ranking/suggested_connections`) ask `rules/visible_to` of every
person two steps away as `rules/visible_given`, against the viewer's `seen_connections`
listed once. The reference asks the rule as docs/privacy.md reads, person by person: who
may see whom, the connections expanded lowest visible degree first, at most `cap` of them,
none above `cap`, and three-step walks when they are weighed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace

import pytest

from graph.database import Database
from graph.pages import MAX_FIRST, Window
from graph.ranking.matches import mentor_matches
from graph.ranking.pair_scores import score_pairs
from graph.ranking.suggestions import suggested_connections
from tests.builders import SOCIAL_ONLY, build, knows, mentor, person

PEOPLE = 36
HUB = "p00"
"""Knows half of everyone: more visible connections than the smaller caps allow."""
BLOCKS_AROUND_THE_HUB = {
    "p01": ("CONNECTIONS", (HUB, "p01")),
    "p02": ("CONNECTIONS", ("p02", HUB)),
    "p03": ("PUBLIC", (HUB, "p03")),
    "p04": ("PUBLIC", ("p04", HUB)),
}
"""Connections of the hub in a block with it, each way, known to two of its PUBLIC
connections (p05, p06): a block must take them out of those connections' degrees."""


class Graph:
    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.keys = [f"p{i:02d}" for i in range(PEOPLE)]
        self.visibility = {
            key: rng.choice(("PUBLIC",) * 5 + ("CONNECTIONS",) * 3 + ("PRIVATE",) * 2)
            for key in self.keys
        }
        self.mentors = {key for key in self.keys[1:] if rng.random() < 0.5}
        self.friends: dict[str, set[str]] = defaultdict(set)
        for i, a in enumerate(self.keys):
            for b in self.keys[i + 1 :]:
                if rng.random() < (0.5 if a == HUB else 0.2):
                    self._connect(a, b)
        self.blocks = {tuple(rng.sample(self.keys, 2)) for _ in range(5)}
        for middle in ("p05", "p06"):
            self.visibility[middle] = "PUBLIC"
            self._connect(HUB, middle)
        for key, (shown, block) in BLOCKS_AROUND_THE_HUB.items():
            self.visibility[key] = shown
            self.blocks.add(block)
            for other in (HUB, "p05", "p06"):
                self._connect(key, other)

    def _connect(self, a: str, b: str) -> None:
        self.friends[a].add(b)
        self.friends[b].add(a)

    def blocked(self, a: str, b: str) -> bool:
        return (a, b) in self.blocks or (b, a) in self.blocks

    def visible(self, viewer: str, other: str) -> bool:
        if viewer == other:
            return True
        if self.blocked(viewer, other):
            return False
        shown = self.visibility[other]
        return shown == "PUBLIC" or (shown == "CONNECTIONS" and other in self.friends[viewer])

    def degree(self, viewer: str, z: str) -> int:
        return sum(self.visible(viewer, k) for k in self.friends[z])

    def expanded(self, viewer: str, cap: int) -> list[tuple[str, int]]:
        seen = [z for z in self.friends[viewer] if self.visible(viewer, z)]
        quietest = sorted(seen, key=lambda z: (self.degree(viewer, z), z))[:cap]
        return [(z, d) for z in quietest if (d := self.degree(viewer, z)) <= cap]

    def match_scores(self, mentee: str, cap: int, third_hop: float) -> dict[str, float]:
        def suggestible(m: str) -> bool:
            return m != mentee and m in self.mentors and self.visible(mentee, m)

        scores: dict[str, float] = defaultdict(float)
        resource: dict[str, float] = defaultdict(float)
        for z, degree in self.expanded(mentee, cap):
            for y in self.friends[z]:
                if suggestible(y):
                    scores[y] += 1.0 / degree
                if third_hop and y != mentee and self.visible(mentee, y):
                    resource[y] += 1.0 / degree
        for y, reached in resource.items():
            if (degree := self.degree(mentee, y)) <= cap:
                for m in filter(suggestible, self.friends[y]):
                    scores[m] += third_hop * reached / degree
        return dict(scores)

    def suggestions(self, viewer: str, cap: int) -> dict[str, tuple[float, list[str]]]:
        """Each suggestion's score, and its mutual connections the viewer may see, lowest
        visible degree first (the exact degree, not capped: it orders hubs too)."""
        social: dict[str, float] = defaultdict(float)
        for z, degree in self.expanded(viewer, cap):
            for c in self.friends[z]:
                if c != viewer and c not in self.friends[viewer] and self.visible(viewer, c):
                    social[c] += 1.0 / degree
        mutual = {
            c: sorted(
                (z for z in self.friends[c] & self.friends[viewer] if self.visible(viewer, z)),
                key=lambda z: (self.degree(viewer, z), z),
            )
            for c in social
        }
        return {c: (score, mutual[c]) for c, score in social.items()}

    def rows(self) -> dict[str, list[dict[str, object]]]:
        people = [
            (mentor if key in self.mentors else person)(
                key, visibility=self.visibility[key], seekingMentor=True
            )
            for key in self.keys
        ]
        edges = [(a, b) for a in self.keys for b in self.friends[a] if a < b]
        blocks = [{"person": a, "blocked": b} for a, b in sorted(self.blocks)]
        return {"people": people, "knows": knows(*edges), "blocks": blocks}


def _viewers(graph: Graph, seed: int) -> list[str]:
    return [HUB, *random.Random(seed).sample(graph.keys[1:], 6)]


@pytest.mark.parametrize("third_hop", [0.0, 0.5], ids=["two steps", "three steps"])
@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_match_scores_count_only_whom_the_mentee_may_see(
    empty_graph: Database, seed: int, third_hop: float
) -> None:
    graph = Graph(seed)
    await build(empty_graph, **graph.rows())
    weights = replace(SOCIAL_ONLY, third_hop_decay=third_hop)
    for cap in (3, 6, 300):
        for mentee in _viewers(graph, seed):
            expected = graph.match_scores(mentee, cap, third_hop)
            page = await mentor_matches(
                empty_graph, mentee, weights=weights, window=Window(100), hub_degree_cap=cap
            )
            pairs = [(mentee, m) for m in sorted(graph.mentors - {mentee})]
            scored = await score_pairs(empty_graph, pairs, weights=weights, hub_degree_cap=cap)
            assert {m.key: m.score for m in page} == pytest.approx(expected), (mentee, cap)
            assert {s.mentor: s.score for s in scored} == pytest.approx(expected), (mentee, cap)
    assert graph.match_scores(HUB, 300, third_hop), "the hub should have matches"


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_suggestions_count_only_whom_the_person_may_see(
    empty_graph: Database, seed: int
) -> None:
    graph = Graph(seed)
    await build(empty_graph, **graph.rows())
    for cap in (3, 6, 300):
        for viewer in _viewers(graph, seed):
            found = await suggested_connections(
                empty_graph, viewer, window=Window(MAX_FIRST), hub_degree_cap=cap
            )
            expected = graph.suggestions(viewer, cap)
            scores = {c: score for c, (score, _) in expected.items()}
            counts = {c: len(mutual) for c, (_, mutual) in expected.items()}
            shown = {c: mutual[:3] for c, (_, mutual) in expected.items()}
            assert {s.key: s.score for s in found} == pytest.approx(scores), (viewer, cap)
            assert {s.key: s.mutual_count for s in found} == counts, (viewer, cap)
            assert {s.key: [p.key for p in s.mutual_connections] for s in found} == shown


def test_the_graphs_hold_the_cases_the_rule_must_tell_apart() -> None:
    """Every seed's hub sees more connections than the small caps expand, and each kind of
    block around it hides someone its PUBLIC connections know."""
    for seed in (1, 2, 3):
        graph = Graph(seed)
        seen = [z for z in graph.friends[HUB] if graph.visible(HUB, z)]
        assert len(seen) > 6
        assert {graph.visibility[z] for z in seen} >= {"PUBLIC", "CONNECTIONS"}
        for key in BLOCKS_AROUND_THE_HUB:
            assert not graph.visible(HUB, key)
            assert key in graph.friends["p05"] and graph.visible(HUB, "p05")
