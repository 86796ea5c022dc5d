"""Two or more versions of `ranking/score_pairs` side by side, on the watcher's own pairs.

    python -m bench.compare_pair_scores OLD.cypher queries/ranking/score_pairs.cypher \\
        --mentors p-0064220 p-0058620 p-0077351 --runs 3

For each mentor, the pairs a `MentorChanged` of theirs scores first: the mentees of
`events/mentees_near_mentor` (the watcher's fan-out), cut as the watcher cuts them
(`graph.events.watcher.mentee_chunks`, one chunk). Every version must give the same rows
(keys, scores to 9 places); then each run times every version on every chunk, in turn,
and prints each version's db hits (one PROFILE) and its time per chunk, min / median of
the runs. Reads only; the rules are today's, composed into every version.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from bench.ranking_support import connect, former, machine_load, profile
from graph.database import Database
from graph.events.watcher import mentee_chunks
from graph.ranking.types import Weights
from graph.registry import statement
from graph.settings import WatchSettings

_NEAR = statement("events/mentees_near_mentor")


async def _chunk_params(database: Database, mentor: str, watch: WatchSettings) -> dict[str, Any]:
    near = {"mentor": mentor, "limit": watch.fanout, "hubDegreeCap": watch.hub_degree_cap}
    rows = await database.read(_NEAR, near)
    pairs = [(row["mentee"], mentor) for row in rows]
    (chunk, *_) = mentee_chunks(pairs, watch.score_chunk) or [[]]
    return {
        "pairs": [{"mentee": mentee, "mentor": m} for mentee, m in chunk],
        "seekersOnly": True,
        **Weights().params(),
        "hubDegreeCap": watch.hub_degree_cap,
    }


def _rows(rows: list[dict[str, Any]]) -> list[tuple[str, str, float]]:
    return sorted((row["mentee"], row["mentor"], round(row["score"], 9)) for row in rows)


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("versions", nargs="+", type=Path)
    parser.add_argument("--mentors", nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    versions = [former(path) for path in args.versions]
    database = (await connect()).with_timeout(900.0)
    try:
        chunks = {m: await _chunk_params(database, m, WatchSettings()) for m in args.mentors}
        for mentor, params in chunks.items():
            answers = [_rows(await database.read(v, params)) for v in versions]
            assert all(a == answers[0] for a in answers), f"versions disagree for {mentor}"
        print(f"machine: {machine_load()}")
        print("| mentor | pairs | version | db hits | seconds (min / median) |")
        print("| --- | ---: | --- | ---: | ---: |")
        for mentor, params in chunks.items():
            times: list[list[float]] = [[] for _ in versions]
            for _ in range(args.runs):
                for i, version in enumerate(versions):
                    started = time.perf_counter()
                    await database.read(version, params)
                    times[i].append(time.perf_counter() - started)
            for i, version in enumerate(versions):
                hits, _ = await profile(version, params)
                spread = f"{min(times[i]):.2f} / {statistics.median(times[i]):.2f}"
                pairs = len(params["pairs"])
                print(f"| {mentor} | {pairs} | {version.name} | {hits:,} | {spread} |")
        print(f"machine: {machine_load()}")
    finally:
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
