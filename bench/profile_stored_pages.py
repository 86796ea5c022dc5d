"""Where a stored page read and a live one spend: PROFILE db hits, and the round trip.

    python -m bench.profile_stored_pages p-0662691 p-0000029 --calls 200

For each mentee named (a typical one and a hub, say), on the loaded graph: the mentee's
page is refreshed (`refresh_page` with `--keep` candidates: at 1M the live statement for
50 runs out of a 4g heap's transaction memory), its live ranking is timed once, then
`ranking/stored_matches` (with the matches' evidence, and without: a selection that shows
none) and `ranking/mentor_matches` (`first: 10`, default weights) are PROFILEd once each
(`bench.ranking_support.profiled`): total db hits and the operators that make most of
them. Then `--calls` rounds time, one call after another through the same driver, a bare
`RETURN 1` (the round trip and the driver) and `read_stored` of every mentee named, with
and without the evidence, interleaved, and print p50 / p99 of each: what a stored read
costs beyond the round trip is the work in its statement.

With `--stored-before OLD.cypher` (a former `ranking/stored_matches`, e.g. saved with
`git show REV:queries/ranking/stored_matches.cypher`), the former text is PROFILEd beside the
current one, must return the same row for every mentee, and both are timed in the same
rounds through `Database.read` (`stored before`, `stored now`).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.ranking_support import connect, former, machine_load, percentile, profiled
from graph.database import Database
from graph.pages import Window
from graph.ranking.matches import match_parameters, mentor_matches
from graph.ranking.stored_pages import KEEP, MAX_AGE, read_stored, refresh_page
from graph.ranking.types import DEFAULT_FILTERS, DEFAULT_WEIGHTS
from graph.registry import Statement, statement

TOP = 8
"""Operators listed per PROFILE, most db hits first."""

ROUND_TRIP = Statement(name="bench/return_1", text="RETURN 1 AS one", header="")


def stored_parameters(key: str, *, evidence: bool = True) -> dict[str, Any]:
    """`read_stored`'s parameters for the first page of 10, the default filters."""
    return {
        "menteeKey": key,
        "maxAge": MAX_AGE,
        "skillDecay": DEFAULT_WEIGHTS.skill_decay,
        "evidence": evidence,
        "language": None,
        "outsideMyEmployer": False,
        "minScore": DEFAULT_FILTERS.min_score,
        "first": 10,
        "after": None,
    }


def operators(node: dict[str, Any], into: Counter[str]) -> Counter[str]:
    """db hits per operator (type and details, shortened), summed over the plan's tree."""
    details = str(node.get("args", {}).get("Details", ""))[:90].replace("|", "/")
    into[f"{node.get('operatorType', '?')}: {details}"] += int(node.get("dbHits", 0))
    for child in node.get("children", []):
        operators(child, into)
    return into


async def degree(database: Database, key: str) -> int:
    stmt = Statement(
        name="bench/degree",
        text="MATCH (p:Person {key: $key}) RETURN COUNT { (p)-[:KNOWS]-() } AS degree",
        header="",
    )
    (row,) = await database.read(stmt, {"key": key})
    return int(row["degree"])


async def profiles(
    database: Database, keys: list[str], keep: int, before: Statement | None
) -> None:
    live = statement("ranking/mentor_matches")
    stored = statement("ranking/stored_matches")
    for key in keys:
        await refresh_page(database, key, None, keep=keep)
        began = time.perf_counter()
        await mentor_matches(database, key, window=Window(10))
        once = (time.perf_counter() - began) * 1000
        print(f"\n{key}, degree {await degree(database, key):,}; one live call {once:,.0f} ms")
        reads = [
            ("stored", stored, stored_parameters(key)),
            ("stored, no evidence", stored, stored_parameters(key, evidence=False)),
            ("live", live, match_parameters(key)),
        ]
        if before is not None:
            if await database.read(before, stored_parameters(key)) != await database.read(
                stored, stored_parameters(key)
            ):
                raise SystemExit(f"the former stored read disagrees for {key}")
            reads.insert(0, ("stored before", before, stored_parameters(key)))
        for name, stmt, params in reads:
            summary, _ = await profiled(stmt, params)
            hits = operators(summary.profile or {}, Counter())
            print(f"\n{name}: {sum(hits.values()):,} db hits\n")
            print("| operator | db hits |\n| --- | ---: |")
            for operator, count in hits.most_common(TOP):
                print(f"| {operator} | {count:,} |")


async def timings(
    database: Database, keys: list[str], calls: int, before: Statement | None
) -> None:
    reads: dict[str, Callable[[str], Awaitable[object]]] = {
        "RETURN 1": lambda key: database.read(ROUND_TRIP),
        "stored": lambda key: read_stored(database, key, window=Window(10)),
        "stored, no evidence": lambda key: read_stored(
            database, key, window=Window(10), evidence=False
        ),
    }
    if before is not None:
        now = statement("ranking/stored_matches")
        reads["stored before"] = lambda key: database.read(before, stored_parameters(key))
        reads["stored now"] = lambda key: database.read(now, stored_parameters(key))
    times: dict[str, list[float]] = {name: [] for name in reads}
    for _ in range(calls):
        for key in keys:
            for name, read in reads.items():
                began = time.perf_counter()
                await read(key)
                times[name].append((time.perf_counter() - began) * 1000)
    print(f"\n{calls} rounds over {len(keys)} mentees; machine after: {machine_load()}")
    print("| read | p50 ms | p99 ms |\n| --- | ---: | ---: |")
    for name, values in times.items():
        print(f"| {name} | {percentile(values, 0.5):.2f} | {percentile(values, 0.99):.2f} |")


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("keys", nargs="+", help="mentees: a typical one, a hub")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--keep", type=int, default=KEEP, help="candidates stored per page")
    parser.add_argument("--stored-before", type=Path, help="a former ranking/stored_matches")
    args = parser.parse_args()
    before = None if args.stored_before is None else former(args.stored_before)
    database = await connect()
    try:
        print(f"machine: {machine_load()}")
        await profiles(database, args.keys, args.keep, before)
        await timings(database, args.keys, args.calls, before)
    finally:
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
