"""The shape of the synthetic social graph against a random graph of the same density.

    .venv/bin/python bench/graph_shape.py --people 10000 100000 [--seed 42] [--sample 2000]

No database: it consumes the generator's `knows_from` rows (and, with
`--ego DIR`, SNAP's ego-Facebook edge list for reference) and prints the degree
distribution and the average local clustering coefficient (over a sample of
people), next to the clustering of an Erdos-Renyi graph of the same density
(its expectation is the density itself, mean degree / (n - 1)). The figures go
into docs/data.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.loading.ego_facebook_files import read_edges
from graph.loading.synthetic import rows


def synthetic_adjacency(people: int, seed: int) -> dict[int, set[int]]:
    friends: dict[int, set[int]] = defaultdict(set)
    for kind, row in rows(people, seed):
        if kind == "knows_from":
            a = int(row["a"][2:])
            for key in row["b"]:
                b = int(key[2:])
                friends[a].add(b)
                friends[b].add(a)
    return friends


def edge_list_adjacency(path: Path) -> dict[int, set[int]]:
    friends: dict[int, set[int]] = defaultdict(set)
    for a, b in read_edges(path):
        friends[a].add(b)
        friends[b].add(a)
    return friends


def describe(name: str, friends: dict[int, set[int]], people: int, sample: int) -> str:
    degrees = sorted(len(f) for f in friends.values()) + [0] * (people - len(friends))
    degrees.sort()
    n, edges = len(degrees), sum(degrees) // 2
    mean = 2 * edges / n
    rng = random.Random(0)
    chosen = rng.sample(sorted(friends), min(sample, len(friends)))
    clustering = sum(_local(friends, p) for p in chosen) / len(chosen)
    density = mean / (n - 1)
    pct = {q: degrees[min(n - 1, int(q * n))] for q in (0.5, 0.9, 0.99, 0.999)}
    return (
        f"| {name} | {n:,} | {edges:,} | {mean:.1f} | {pct[0.5]} | {pct[0.9]} | {pct[0.99]} "
        f"| {pct[0.999]} | {degrees[-1]} | {clustering:.3f} | {density:.5f} "
        f"| {clustering / density:,.0f}x |"
    )


def _local(friends: dict[int, set[int]], person: int) -> float:
    mine = friends[person]
    if len(mine) < 2:
        return 0.0
    links = sum(len(friends[f] & mine) for f in mine) / 2
    return links / (len(mine) * (len(mine) - 1) / 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[10_000])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--sample", type=int, default=2000, help="people to average over")
    parser.add_argument("--ego", type=Path, help="ego-Facebook folder, as a reference")
    args = parser.parse_args()
    print(
        "| graph | people | KNOWS | mean degree | p50 | p90 | p99 | p99.9 | max "
        "| clustering | random graph (= density) | ratio |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    if args.ego:
        friends = edge_list_adjacency(args.ego / "facebook_combined.txt")
        print(describe("ego-Facebook (SNAP)", friends, len(friends), args.sample), flush=True)
    for people in args.people:
        friends = synthetic_adjacency(people, args.seed)
        name = f"synthetic, seed {args.seed}"
        print(describe(name, friends, people, args.sample), flush=True)


if __name__ == "__main__":
    main()
