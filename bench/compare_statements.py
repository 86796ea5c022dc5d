"""Two or more versions of `ranking/mentor_matches` side by side, on the loaded graph.

    python -m bench.compare_statements OLD.cypher queries/ranking/mentor_matches.cypher \\
        --mentees 300 --runs 3

For statement work: run the former version (e.g. `git show REV:queries/...` saved
to a file) against the current one in the same process, same server, same
mentees (the forward reading of each). First every version must give the same
page (every field of every match: keys, scores, raw signals, shares, capacity
and evidence) for `--check` mentees under several weights and filters; then
each run times every version over all mentees, one call after another through
`Database.read`, and prints p50 / p99 per version and run. Reads only.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from pathlib import Path
from typing import Any

from bench.ranking_support import connect, former, machine_load, percentile
from graph.database import Database
from graph.pages import Window
from graph.ranking.matches import match_parameters
from graph.ranking.types import Filters, Weights
from graph.registry import Statement

VARIANTS: tuple[dict[str, Any], ...] = (
    {},
    {"window": Window(1)},
    {"window": Window(30), "weights": Weights(social=0.1)},
    {"weights": Weights(social=0.0, employer=0.0)},
    {"weights": Weights(skill_decay=1.0)},
    {"filters": Filters(min_score=1.0)},
)
"""Settings under which the versions must agree: defaults, page sizes, skill-only weights,
a decay that makes neighbours as strong as the wish itself, a score floor."""


async def mentees(database: Database, count: int) -> list[str]:
    rows = await database.read(
        Statement(
            name="bench/seeking",
            text="MATCH (p:Person) WHERE p.seekingMentor RETURN p.key AS key ORDER BY key",
            header="",
        )
    )
    keys = [row["key"] for row in rows]
    random.Random(1).shuffle(keys)
    return keys[:count]


async def page(database: Database, stmt: Statement, params: dict[str, Any]) -> list[Any]:
    (row,) = await database.read(stmt, params)
    return list(row["matches"])


async def check(database: Database, versions: list[Statement], keys: list[str]) -> None:
    for key in keys:
        for variant in VARIANTS:
            params = match_parameters(key, **variant)
            pages = [await page(database, stmt, params) for stmt in versions]
            if any(other != pages[0] for other in pages[1:]):
                raise SystemExit(f"versions disagree for {key} under {variant}")


async def timed(database: Database, stmt: Statement, keys: list[str]) -> list[float]:
    times = []
    for key in keys:
        began = time.perf_counter()
        await database.read(stmt, match_parameters(key))
        times.append((time.perf_counter() - began) * 1000)
    return times


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--mentees", type=int, default=300)
    parser.add_argument("--check", type=int, default=60, help="mentees whose answers must agree")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    versions = [former(f) for f in args.files]
    database = await connect()
    try:
        keys = await mentees(database, args.mentees)
        await check(database, versions, keys[: args.check])
        print(f"{len(versions)} versions agree on {args.check} mentees x {len(VARIANTS)} settings")
        print("machine:", machine_load())
        for stmt in versions:  # warm up: plans and page cache
            await timed(database, stmt, keys)
        print("| run | statement | p50 ms | p99 ms |\n| --- | --- | ---: | ---: |")
        for run in range(1, args.runs + 1):
            for stmt in versions:
                times = await timed(database, stmt, keys)
                p50, p99 = percentile(times, 0.5), percentile(times, 0.99)
                print(f"| {run} | {stmt.name} | {p50:.2f} | {p99:.2f} |")
        print("machine after:", machine_load())
    finally:
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
