"""Latency of `mentor_matches` (top 10, with evidence) through the driver, p50 / p99.

    python -m bench.bench_ranking ego-facebook --load --mentees 500 --runs 3
    python -m bench.bench_ranking synthetic --people 100000 --load --mentees 500 --runs 3

Mentees are a seeded sample of the people seeking a mentor (topped up with
others when too few seek). Every mentee is ranked once to warm the caches, then
each run ranks all of them one after another; a run reports its p50 and p99 and
the table shows min / median over runs, with the hub cap and without it
(cap = 1,000,000). PROFILE db hits are for a typical mentee (the median degree
of the sample) and the highest-degree person.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from neo4j.exceptions import TransientError

from bench.ranking_support import (
    EGO_FACEBOOK_DIR,
    connect,
    ego_edges,
    load_ego_facebook,
    load_synthetic,
    machine_load,
    percentile,
    profile,
    spread,
)
from graph.database import Database
from graph.loading import ego_facebook, synthetic
from graph.loading.ego_facebook_files import read_folder
from graph.ranking.matches import match_parameters, mentor_matches
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP
from graph.registry import statement
from tests.ego_combined import write_edges

NO_CAP = 1_000_000


def ego_people() -> tuple[list[str], Counter[str]]:
    """(keys of people seeking a mentor, degree of every person)."""
    edges = ego_edges()
    with tempfile.TemporaryDirectory() as folder:
        data = read_folder(EGO_FACEBOOK_DIR, edges=write_edges(Path(folder) / "e.txt", edges))
    rows = ego_facebook.build(data).rows["people"]
    degrees: Counter[str] = Counter()
    for a, b in edges:
        degrees[ego_facebook.person_key(a)] += 1
        degrees[ego_facebook.person_key(b)] += 1
    return [row["key"] for row in rows if row["seekingMentor"]], _with_everyone(rows, degrees)


def synthetic_people(people: int, seed: int) -> tuple[list[str], Counter[str]]:
    seeking: list[str] = []
    degrees: Counter[str] = Counter()
    for kind, row in synthetic.rows(people, seed):
        if kind == "people":
            degrees[row["key"]] += 0
            if row["seekingMentor"]:
                seeking.append(row["key"])
        elif kind == "knows_from":
            degrees[row["a"]] += len(row["b"])
            for other in row["b"]:
                degrees[other] += 1
    return seeking, degrees


def _with_everyone(rows: list[dict[str, object]], degrees: Counter[str]) -> Counter[str]:
    for row in rows:
        degrees[str(row["key"])] += 0
    return degrees


def sample(seeking: list[str], degrees: Counter[str], size: int) -> list[str]:
    rng = random.Random(7)
    chosen = rng.sample(seeking, min(size, len(seeking)))
    if len(chosen) < size:
        others = sorted(set(degrees) - set(chosen))
        chosen += rng.sample(others, size - len(chosen))
    return chosen


async def timed_run(database: Database, mentees: list[str], cap: int) -> list[float]:
    latencies = []
    for mentee in mentees:
        began = time.perf_counter()
        await mentor_matches(database, mentee, hub_degree_cap=cap)
        latencies.append((time.perf_counter() - began) * 1000)
    return latencies


def dataset_arguments(doc: str, *, mentees: int, runs: int) -> argparse.ArgumentParser:
    """The command line of the ranking benchmarks: a dataset, loaded or not, a sample size."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("dataset", choices=["ego-facebook", "synthetic"])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=synthetic.DEMO_SEED)
    parser.add_argument("--load", action="store_true", help="wipe and load the dataset first")
    parser.add_argument("--mentees", type=int, default=mentees)
    parser.add_argument("--runs", type=int, default=runs)
    return parser


async def dataset(
    database: Database, args: argparse.Namespace
) -> tuple[str, list[str], Counter[str]]:
    """(label, people seeking a mentor, degrees) of the dataset, loaded first with `--load`."""
    if args.dataset == "ego-facebook":
        if args.load:
            await load_ego_facebook(database, ego_edges())
        seeking, degrees = ego_people()
        return "ego-Facebook", seeking, degrees
    if args.load:
        await load_synthetic(database, args.people, args.seed)
    seeking, degrees = synthetic_people(args.people, args.seed)
    return f"synthetic {args.people:,}", seeking, degrees


async def main() -> None:
    args = dataset_arguments(__doc__ or "", mentees=500, runs=3).parse_args()
    database = await connect()
    try:
        label, seeking, degrees = await dataset(database, args)
        mentees = sample(seeking, degrees, args.mentees)
        await timed_run(database, mentees, DEFAULT_HUB_DEGREE_CAP)  # warm-up
        await timed_run(database, mentees, NO_CAP)
        print(f"machine: {machine_load()}")
        print(f"{label}: {len(mentees)} mentees ({len(seeking)} seeking), {args.runs} runs")
        print("| data | hub cap | p50 ms (min / median) | p99 ms (min / median) | max ms |")
        print("| --- | --- | --- | --- | --- |")
        for cap in (DEFAULT_HUB_DEGREE_CAP, NO_CAP):
            p50s, p99s, worst = [], [], 0.0
            for _ in range(args.runs):
                latencies = await timed_run(database, mentees, cap)
                p50s.append(statistics.median(latencies))
                p99s.append(percentile(latencies, 0.99))
                worst = max(worst, max(latencies))
            cap_text = "none" if cap == NO_CAP else str(cap)
            print(f"| {label} | {cap_text} | {spread(p50s)} | {spread(p99s)} | {worst:.1f} |")
        typical = sorted(mentees, key=lambda k: (degrees[k], k))[len(mentees) // 2]
        hub = max(degrees, key=lambda k: (degrees[k], k))
        stmt = statement("ranking/mentor_matches")
        print("| mentee | degree | hub cap | db hits |")
        print("| --- | --- | --- | --- |")
        for who, key in (("typical", typical), ("hub", hub)):
            for cap in (DEFAULT_HUB_DEGREE_CAP, NO_CAP):
                cap_text = "none" if cap == NO_CAP else str(cap)
                try:
                    hits, _ = await profile(stmt, match_parameters(key, hub_degree_cap=cap))
                except TransientError as exc:  # PROFILE keeps every row: it can run out
                    print(f"| {who} {key} | {degrees[key]} | {cap_text} | failed: {exc.code} |")
                    continue
                print(f"| {who} {key} | {degrees[key]} | {cap_text} | {hits:,} |")
        print(f"machine after: {machine_load()}")
    finally:
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
