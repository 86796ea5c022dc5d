"""Reading a cohort draft for its reader against reading it whole, side by side.

    python -m bench.bench_draft_reads OLD_DIR --pairs 7000 --runs 5

`OLD_DIR` holds the former `get_drafts.cypher` and `draft_pairs.cypher` (e.g. `git show
REV:queries/programmes/get_drafts.cypher`). The graph is replaced by `--people` PUBLIC
people and one draft of `--pairs` pairs (mentors taking up to 3 mentees each), and a
reader who blocked `--hidden` of its mentees. Each run times, one after another through
`Database.read`: the draft (its totals), the first page of 50 pairs, and every pair at
once (what editing and publishing read), each version in turn; prints min / median of
the runs per version, with the load average before and after. Writes only its own graph.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from bench.ranking_support import connect, former, machine_load
from graph.database import Database
from graph.registry import Statement, statement
from graph.server.admin import wipe

READER = "b-reader"
_BUILD = Statement(
    name="bench/draft",
    header="",
    text="""
UNWIND range(0, $people - 1) AS i
CREATE (:Person {key: 'b-' + toString(i), visibility: 'PUBLIC'})
WITH count(*) AS made
CREATE (reader:Person {key: $reader, visibility: 'PUBLIC'})
CREATE (d:CohortDraft {key: 'cd-bench', programme: 'pg-bench', state: 'DRAFT', spread: 0.1,
                       unmatched: [], totalScore: 0.0, createdBy: $reader})
WITH d, reader
UNWIND range(0, $pairs - 1) AS i
CREATE (d)-[:PAIRS]->(:DraftPair {
  mentee: 'b-' + toString(i), mentor: 'b-' + toString($pairs + i / 3), score: 1.0 + i % 7,
  signalValues: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
  signalShares: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]})
WITH DISTINCT reader
UNWIND range(0, $hidden - 1) AS i
MATCH (blocked:Person {key: 'b-' + toString(i * 17)})
CREATE (reader)-[:BLOCKED]->(blocked)
""",
)


async def timed(database: Database, stmt: Statement, params: dict[str, Any]) -> float:
    began = time.perf_counter()
    await database.read(stmt, params)
    return (time.perf_counter() - began) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="folder with the former two statements")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=7_000)
    parser.add_argument("--hidden", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    database = await connect()
    await wipe(database)
    await database.write(
        _BUILD,
        {"people": args.people, "pairs": args.pairs, "hidden": args.hidden, "reader": READER},
    )
    reads = {
        "draft": ("get_drafts", {"keys": ["cd-bench"], "viewer": READER}),
        "first 50 pairs": ("draft_pairs", {"draft": "cd-bench", "viewer": READER, "limit": 50}),
        "every pair": (
            "draft_pairs",
            {"draft": "cd-bench", "viewer": READER, "limit": args.pairs + 1},
        ),
    }
    versions = {
        "former": {
            name: former(args.old / f"{name}.cypher") for name in ("get_drafts", "draft_pairs")
        },
        "for the reader": {
            name: statement(f"programmes/{name}") for name in ("get_drafts", "draft_pairs")
        },
    }
    print(f"load before: {machine_load()}")
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for read, (name, params) in reads.items():
            for version, stmts in versions.items():
                full = {"after": None, "before": None, **params}
                times.setdefault((read, version), []).append(
                    await timed(database, stmts[name], full)
                )
    print(f"load after: {machine_load()}")
    print(f"{args.people} people, {args.pairs} pairs, {args.hidden} mentees hidden from the reader")
    for (read, version), values in times.items():
        median = statistics.median(values)
        print(f"{read:15} {version:15} min {min(values):8.1f} ms  median {median:8.1f} ms")
    await database.close()


if __name__ == "__main__":
    asyncio.run(main())
