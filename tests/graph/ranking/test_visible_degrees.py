"""The social signal on random graphs of hidden people and blocks equals one computed in Python.

Both the ranking (`ranking/mentor_matches`) and the watcher's pair scores
(`ranking/score_pairs`) count a connection's visible degree from the two parts of
`rules/visible_to` (seen openly, seen as a connection), each from the side where it is
cheapest. The reference counts it as the rule reads, person by person: who may see whom
(docs/privacy.md), the connections expanded lowest visible degree first, at most `cap` of
them, none above `cap`.
"""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from graph.database import Database
from graph.pages import Window
from graph.ranking.matches import mentor_matches
from graph.ranking.pair_scores import score_pairs
from graph.ranking.types import Weights
from tests.builders import build, knows, mentor, person

SOCIAL_ONLY = Weights(
    social=1.0,
    skills=0.0,
    employer=0.0,
    availability=0.0,
    acceptance=0.0,
    completion=0.0,
    rating=0.0,
)
PEOPLE = 36
HUB = "p00"
"""Knows half of everyone: more visible connections than the smaller caps allow."""


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
                    self.friends[a].add(b)
                    self.friends[b].add(a)
        self.blocks = {tuple(rng.sample(self.keys, 2)) for _ in range(5)}

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

    def scores(self, mentee: str, cap: int) -> dict[str, float]:
        seen = [z for z in self.friends[mentee] if self.visible(mentee, z)]
        expanded = sorted(seen, key=lambda z: (self.degree(mentee, z), z))[:cap]
        scores: dict[str, float] = defaultdict(float)
        for z in expanded:
            if (degree := self.degree(mentee, z)) > cap:
                continue
            for m in self.friends[z]:
                if m != mentee and m in self.mentors and self.visible(mentee, m):
                    scores[m] += 1.0 / degree
        return dict(scores)

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


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_social_scores_count_only_whom_the_mentee_may_see(
    empty_graph: Database, seed: int
) -> None:
    graph = Graph(seed)
    await build(empty_graph, **graph.rows())
    mentees = [HUB, *random.Random(seed).sample(graph.keys[1:], 6)]
    for cap in (3, 6, 300):
        for mentee in mentees:
            expected = graph.scores(mentee, cap)
            page = await mentor_matches(
                empty_graph, mentee, weights=SOCIAL_ONLY, window=Window(100), hub_degree_cap=cap
            )
            ranked = {match.key: match.score for match in page}
            pairs = [(mentee, m) for m in sorted(graph.mentors - {mentee})]
            scored = await score_pairs(empty_graph, pairs, weights=SOCIAL_ONLY, hub_degree_cap=cap)
            paired = {s.mentor: s.score for s in scored}
            assert ranked == pytest.approx(expected), (mentee, cap)
            assert paired == pytest.approx(expected), (mentee, cap)
    hub_seen = sum(graph.visible(HUB, z) for z in graph.friends[HUB])
    assert hub_seen > 6, "the hub should see more connections than the smaller caps expand"
