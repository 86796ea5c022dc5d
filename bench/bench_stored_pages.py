"""Stored against live `mentor_matches(first: 10)` through the driver, side by side, p50 / p99.

    python -m bench.bench_stored_pages ego-facebook --load --mentees 300 --runs 5
    python -m bench.bench_stored_pages synthetic --people 1000000 --mentees 300 --runs 5

`--load` wipes the server and loads the dataset first (as `bench.bench_ranking`); without it
the graph already there must be that dataset. Mentees are the ranking benchmark's seeded
sample of people seeking a mentor (`bench.bench_ranking.sample`); every
one gets a stored page first (`graph.ranking.stored_pages.refresh_page`), then each round
reads all of them live (`ranking/mentor_matches`) and from their stored page
(`ranking/stored_matches`), interleaved round by round; the table shows min / median over
rounds of each round's p50 and p99, the ratio, and the share of reads the stored page could
answer (the others would have fallen back to live). The server is the one
`MENTORGRAPH_NEO4J_*` / `NEO4J_URI` name.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable

from bench.bench_ranking import dataset, dataset_arguments, sample
from bench.ranking_support import connect, machine_load, percentile, spread
from graph.pages import Window
from graph.ranking.matches import mentor_matches
from graph.ranking.stored_pages import read_stored, refresh_page


async def timed(mentees: list[str], read: Callable[[str], Awaitable[object]]) -> list[float]:
    latencies = []
    for key in mentees:
        started = time.perf_counter()
        await read(key)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


async def main() -> None:
    args = dataset_arguments(__doc__ or "", mentees=300, runs=5).parse_args()
    database = await connect()
    try:
        label, seeking, degrees = await dataset(database, args)
        mentees = sample(seeking, degrees, args.mentees)
        for key in mentees:
            await refresh_page(database, key, None)
        answered = sum([(await read_stored(database, key)).served for key in mentees])

        async def live(key: str) -> object:
            return await mentor_matches(database, key, window=Window(10))

        async def stored(key: str) -> object:
            return await read_stored(database, key, window=Window(10))

        await timed(mentees, live)  # warm-up
        await timed(mentees, stored)
        results: dict[str, tuple[list[float], list[float]]] = {"live": ([], []), "stored": ([], [])}
        for _ in range(args.runs):
            for name, read in (("live", live), ("stored", stored)):
                latencies = await timed(mentees, read)
                results[name][0].append(statistics.median(latencies))
                results[name][1].append(percentile(latencies, 0.99))
        print(f"machine: {machine_load()}")
        print(f"{label}: {len(mentees)} mentees, {args.runs} rounds")
        print(f"first pages the stored page answered: {answered} of {len(mentees)}")
        print("| read | p50 ms (min / median) | p99 ms (min / median) |")
        print("| --- | --- | --- |")
        for name, (p50s, p99s) in results.items():
            print(f"| {name} | {spread(p50s)} | {spread(p99s)} |")
        ratio = statistics.median(results["live"][0]) / statistics.median(results["stored"][0])
        print(f"live / stored, median p50: {ratio:.1f}x")
        print(f"machine after: {machine_load()}")
    finally:
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
