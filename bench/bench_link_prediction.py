"""Suggested connections as link prediction on ego-Facebook, against numpy baselines.

    python -m bench.bench_link_prediction --seed 42

Hides 10 % of the 88,234 friendships (seeded shuffle), loads the rest with
`mentorgraph load ego-facebook --edges FILE` (after a wipe), then for every
person with at least one hidden friendship takes the top 10 suggestions and
counts the hidden friends among them: precision@10 (hits / 10), recall@10
(hits / hidden friends) and the share of people with at least one hit, each
averaged over people. Common neighbours and resource allocation are computed
with numpy on the same training edges, with the same candidates (friends of
friends not yet connected) and the same tie-break (key order).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.ranking_support import EGO_FACEBOOK_DIR, connect, ego_edges, machine_load
from graph.loading import ego_facebook
from graph.loading.ego_facebook_files import read_folder
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP
from graph.ranking.suggestions import suggested_connections
from graph.ranking.types import SHARED_PLACES_WEIGHTS, ConnectionWeights
from graph.server.admin import wipe
from tests.ego_combined import write_edges

Edge = tuple[int, int]
NO_CAP = 1_000_000


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    hit_share: float

    def row(self, name: str) -> str:
        return f"| {name} | {self.precision:.4f} | {self.recall:.4f} | {self.hit_share:.4f} |"


def split(edges: list[Edge], seed: int) -> tuple[list[Edge], list[Edge]]:
    shuffled = list(edges)
    random.Random(seed).shuffle(shuffled)
    hidden = len(shuffled) // 10
    return sorted(shuffled[hidden:]), sorted(shuffled[:hidden])


def hidden_friends(hidden: Iterable[Edge]) -> dict[str, set[str]]:
    key = ego_facebook.person_key
    friends: dict[str, set[str]] = {}
    for a, b in hidden:
        friends.setdefault(key(a), set()).add(key(b))
        friends.setdefault(key(b), set()).add(key(a))
    return friends


def quality(tops: dict[str, list[str]], hidden: dict[str, set[str]]) -> Quality:
    hits = {person: len(set(tops.get(person, [])) & hidden[person]) for person in hidden}
    people = len(hidden)
    return Quality(
        precision=sum(h / 10 for h in hits.values()) / people,
        recall=sum(hits[p] / len(hidden[p]) for p in hidden) / people,
        hit_share=sum(1 for h in hits.values() if h) / people,
    )


class Baselines:
    """Common neighbours and resource allocation over the training edges, with numpy."""

    def __init__(self, keys: list[str], train: list[Edge]) -> None:
        self.keys = keys
        index = {key: i for i, key in enumerate(keys)}
        self.adjacency = np.zeros((len(keys), len(keys)), dtype=np.float64)
        for a, b in train:
            i, j = index[ego_facebook.person_key(a)], index[ego_facebook.person_key(b)]
            self.adjacency[i, j] = self.adjacency[j, i] = 1.0
        degree = self.adjacency.sum(axis=1)
        self.common = self.adjacency @ self.adjacency
        inverse = np.where(degree > 0, 1.0 / np.maximum(degree, 1.0), 0.0)
        self.allocation = (self.adjacency * inverse) @ self.adjacency

    def top10(self, scores: np.ndarray, people: Iterable[str]) -> dict[str, list[str]]:
        index = {key: i for i, key in enumerate(self.keys)}
        tops = {}
        for person in people:
            i = index[person]
            candidates = np.flatnonzero((self.common[i] > 0) & (self.adjacency[i] == 0))
            candidates = candidates[candidates != i]
            values = np.round(scores[i, candidates], 9)
            # Keys are in string order already: ties break by key, as in Cypher.
            order = np.lexsort((candidates, -values))[:10]
            tops[person] = [self.keys[c] for c in candidates[order]]
        return tops


async def suggestions(
    people: list[str], weights: ConnectionWeights, cap: int
) -> dict[str, list[str]]:
    database = await connect()
    try:
        tops = {}
        for person in people:
            found = await suggested_connections(
                database, person, weights=weights, hub_degree_cap=cap
            )
            tops[person] = [s.key for s in found[:10]]
        return tops
    finally:
        await database.close()


async def load(train: list[Edge]) -> None:
    database = await connect()
    try:
        await wipe(database)
    finally:
        await database.close()
    with tempfile.TemporaryDirectory() as folder:
        edge_file = write_edges(Path(folder) / "train.txt", train)
        cli = Path(sys.executable).parent / "mentorgraph"
        command = [str(cli), "load", "ego-facebook", "--path", str(EGO_FACEBOOK_DIR)]
        await asyncio.to_thread(
            subprocess.run, [*command, "--edges", str(edge_file)], check=True, env=os.environ.copy()
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-load", action="store_true", help="the split is loaded already")
    args = parser.parse_args()

    train, hidden_edges = split(ego_edges(), args.seed)
    if not args.no_load:
        await load(train)
    hidden = hidden_friends(hidden_edges)
    people = sorted(hidden)
    with tempfile.TemporaryDirectory() as folder:
        data = read_folder(EGO_FACEBOOK_DIR, edges=write_edges(Path(folder) / "t.txt", train))
    keys = sorted(ego_facebook.person_key(n) for n in data.nodes())
    baselines = Baselines(keys, train)
    variants: list[tuple[str, Callable[[], object]]] = [
        ("common neighbours (numpy)", lambda: baselines.top10(baselines.common, people)),
        ("resource allocation (numpy)", lambda: baselines.top10(baselines.allocation, people)),
    ]
    print(f"machine: {machine_load()}")
    print(f"seed {args.seed}: {len(train):,} training, {len(hidden_edges):,} hidden friendships,")
    print(f"{len(people):,} people with a hidden friend")
    print("| method | precision@10 | recall@10 | share with >= 1 hit |")
    print("| --- | --- | --- | --- |")
    for name, compute in variants:
        print(quality(compute(), hidden).row(name))  # type: ignore[arg-type]
    runs = [
        ("suggested_connections, social (RA), no hub cap", ConnectionWeights(), NO_CAP),
        (
            f"suggested_connections, social (RA), hub cap {DEFAULT_HUB_DEGREE_CAP}",
            ConnectionWeights(),
            DEFAULT_HUB_DEGREE_CAP,
        ),
        (
            "suggested_connections, RA + shared employers, schools, skills "
            f"(SHARED_PLACES_WEIGHTS), hub cap {DEFAULT_HUB_DEGREE_CAP}",
            SHARED_PLACES_WEIGHTS,
            DEFAULT_HUB_DEGREE_CAP,
        ),
    ]
    for name, weights, cap in runs:
        print(quality(await suggestions(people, weights, cap), hidden).row(name))
    print(f"machine after: {machine_load()}")


if __name__ == "__main__":
    asyncio.run(main())
