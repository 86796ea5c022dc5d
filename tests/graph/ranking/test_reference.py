"""With only the social signal, mentor matches on ego-Facebook equal a score computed in Python.

The reference is resource allocation over the same edges, with the same hub cap
(at most `cap` connections expanded, quietest first, none above `cap`) and the
same exclusions (the data has no blocks, requests or mentorships; everyone is
PUBLIC, so only openness and capacity exclude anyone).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph.database import Database
from graph.loading import ego_facebook
from graph.loading.ego_facebook_files import read_folder
from graph.ranking.matches import mentor_matches
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP
from graph.server.admin import wipe
from tests.builders import SOCIAL_ONLY
from tests.conftest import EGO_FACEBOOK_DIR
from tests.ego_combined import combined_edges, write_edges

SAMPLE = 40
HUBS = ("fb-107", "fb-1684", "fb-0")  # the three biggest egos: above the default cap
TOLERANCE = 1e-8


class Reference:
    def __init__(self, edges: list[tuple[str, str]], mentors: set[str]) -> None:
        self.friends: dict[str, set[str]] = defaultdict(set)
        for a, b in edges:
            self.friends[a].add(b)
            self.friends[b].add(a)
        self.mentors = mentors

    def degree(self, key: str) -> int:
        return len(self.friends[key])

    def scores(self, mentee: str, cap: int) -> dict[str, float]:
        expanded = sorted(self.friends[mentee], key=lambda z: (self.degree(z), z))[:cap]
        scores: dict[str, float] = defaultdict(float)
        for z in expanded:
            if self.degree(z) > cap:
                continue
            for m in self.friends[z]:
                if m != mentee and m in self.mentors:
                    scores[m] += 1.0 / self.degree(z)
        return dict(scores)


@pytest.fixture(scope="module")
async def ego_graph(
    database: Database, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Reference]:
    edges = combined_edges(EGO_FACEBOOK_DIR)
    edge_file = write_edges(tmp_path_factory.mktemp("ego") / "combined.txt", edges)
    await wipe(database)
    graph = await ego_facebook.load(database, EGO_FACEBOOK_DIR, edges=edge_file)
    mentors = {
        row["key"]
        for row in graph.rows["people"]
        if row["openToMentor"] and row["mentorCapacity"] > 0 and row["visibility"] == "PUBLIC"
    }
    key = ego_facebook.person_key
    yield Reference([(key(a), key(b)) for a, b in edges], mentors)
    await wipe(database)


def _mentees(reference: Reference) -> list[str]:
    people = sorted(reference.friends)
    return [*HUBS, *random.Random(20240611).sample(people, SAMPLE)]


@pytest.mark.parametrize("cap", [DEFAULT_HUB_DEGREE_CAP, 2000])
async def test_social_ranking_equals_resource_allocation_in_python(
    database: Database, ego_graph: Reference, cap: int
) -> None:
    compared = 0
    for mentee in _mentees(ego_graph):
        page = await mentor_matches(database, mentee, weights=SOCIAL_ONLY, hub_degree_cap=cap)
        expected = ego_graph.scores(mentee, cap)
        ranked = sorted(expected.items(), key=lambda item: (-item[1], item[0]))[:10]
        got = [(m.key, m.score) for m in page[:10]]
        assert len(got) == len(ranked), mentee
        for (key, score), (_, want) in zip(got, ranked, strict=True):
            assert score == pytest.approx(want, abs=TOLERANCE), (mentee, key)
            assert expected[key] == pytest.approx(score, abs=TOLERANCE), (mentee, key)
        if ranked:
            cutoff = ranked[-1][1]
            certain = {k for k, s in expected.items() if s > cutoff + TOLERANCE}
            assert certain <= {key for key, _ in got}, mentee
            compared += 1
    assert compared >= SAMPLE // 2


def test_the_rebuilt_edge_list_is_snaps(tmp_path: Path) -> None:
    edges = combined_edges(EGO_FACEBOOK_DIR)
    assert len(edges) == 88_234
    assert len({n for edge in edges for n in edge}) == 4_039
    data = read_folder(EGO_FACEBOOK_DIR, edges=write_edges(tmp_path / "edges.txt", edges))
    assert len(data.edges) == 88_234
