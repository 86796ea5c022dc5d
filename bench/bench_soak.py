"""A soak of mixed reads and writes against two workers: does anything in the pipeline grow?

    python -m bench.bench_soak synthetic --people 10000 --minutes 30

For `--minutes`, `bench.write_driver` sends `bench.write_mix`'s mutations at `--rate` per
second (each followed by reads of the mentee's page until it shows it), and readers send
`--reads` per second more, alternating a random person's own `mentorMatches(first: 10)` and
the screen of `bench.peer_operations` after a random key, against the deployment of
`bench.write_harness` (2 workers, Redis). Every `--sample` seconds it records:

- the change log: pending and dead `(:Change)` records, all of them, and applied (`/metrics`);
- stored match pages (`MatchPage` nodes, `CANDIDATE` relationships), match events, requests;
- the Neo4j store on disk: `data/databases` and `data/transactions` of the server's home
  (a managed server only; transaction logs are kept by Neo4j's own retention policy);
- the RSS of every worker process (and of the supervisor).

It prints each series' first, last and max value, the slope over the last half of the run
(least squares, per hour) and that half's growth as a share of its mean; `--out` writes the
samples as JSON. Open transactions are not sampled: `SHOW TRANSACTIONS` costs a statement of
its own, and a leak there shows in the workers' memory and the log's pending count first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import secrets
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import httpx

from bench.bench_ranking import dataset
from bench.peer_operations import OPERATIONS, request
from bench.ranking_support import connect, machine_load
from bench.write_driver import Subscribers, WriteDriver
from bench.write_harness import (
    arguments,
    client,
    deployment,
    graph_scenarios,
    neo4j_server,
    rss_mib,
    seeded_pairs,
    worker_pids,
)
from bench.write_mix import Api, seed_pairs
from graph.database import Database
from graph.events.change_log import log_size
from graph.registry import statement
from graph.settings import Settings
from tests.servers import redis_server

_LABELS = statement("stats/count_labels")
_TYPES = statement("stats/count_relationships")
Sample = dict[str, float]


def _mib(folder: Path) -> float:
    if not folder.is_dir():
        return 0.0
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def _applied(metrics: str) -> float:
    return sum(
        float(line.split()[-1])
        for line in metrics.splitlines()
        if line.startswith("mentorgraph_changes_applied_total")
    )


async def sample(
    database: Database, settings: Settings, http: httpx.AsyncClient, base: str, supervisor: int
) -> Sample:
    size = await log_size(database)
    labels = {r["label"]: int(r["count"]) for r in await database.read(_LABELS)}
    types = {r["type"]: int(r["count"]) for r in await database.read(_TYPES)}
    metrics = (await http.get(f"{base}/metrics")).text
    taken: Sample = {
        "changes pending": size.pending,
        "changes dead": size.dead,
        "change records": labels.get("Change", 0),
        "changes applied (metrics)": _applied(metrics),
        "match pages": labels.get("MatchPage", 0),
        "page candidates": types.get("CANDIDATE", 0),
        "match events": labels.get("MatchEvent", 0),
        "mentorship requests": labels.get("MentorshipRequest", 0),
        "supervisor RSS MiB": rss_mib(supervisor),
    }
    if settings.managed:
        data = settings.local.home / "data"
        taken["store MiB (databases)"] = _mib(data / "databases")
        taken["transaction logs MiB"] = _mib(data / "transactions")
    for i, pid in enumerate(worker_pids(supervisor)):
        taken[f"worker {i} RSS MiB"] = rss_mib(pid)
    return taken


async def readers(
    api: Api, people: Sequence[str], rate: float, stop: asyncio.Event
) -> tuple[int, Counter[str]]:
    """Reads at `rate` per second until `stop`, alternating matches and the screen; how many,
    and the failures by what they said."""
    failed: Counter[str] = Counter()
    rng = random.Random(11)
    operations = list(OPERATIONS)
    sent = 0
    began = time.perf_counter()
    in_flight: set[asyncio.Task[None]] = set()

    async def one(index: int) -> None:
        operation = operations[index % len(operations)]
        asked = request(operation.ours, rng.choice(people), secret=api.secret)
        headers = {"content-type": "application/json", **asked.headers}
        try:
            response = await api.http.post(api.url, content=asked.body, headers=headers)
        except httpx.HTTPError as exc:
            failed[f"{operation.name}: {type(exc).__name__}"] += 1
            return
        if response.status_code != 200 or response.json().get("errors"):
            failed[f"{operation.name}: {response.text[:120]}"] += 1

    while not stop.is_set():
        await asyncio.sleep(max(0.0, began + sent / rate - time.perf_counter()))
        task = asyncio.create_task(one(sent))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
        sent += 1
    await asyncio.gather(*tuple(in_flight))
    return sent, failed


def slope_per_hour(points: Sequence[tuple[float, float]]) -> float:
    if len(points) < 2:
        return 0.0
    return statistics.linear_regression([t for t, _ in points], [v for _, v in points]).slope * 3600


def report(samples: list[tuple[float, Sample]]) -> None:
    half = [s for s in samples if s[0] >= samples[-1][0] / 2]
    print("| series | first | last | max | slope, last half (/h) | last half's growth |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in samples[-1][1]:
        values = [s[name] for _, s in samples if name in s]
        points = [(t, s[name]) for t, s in half if name in s]
        slope = slope_per_hour(points)
        span = (points[-1][0] - points[0][0]) / 3600 if points else 0.0
        mean = statistics.fmean(v for _, v in points) if points else 0.0
        growth = f"{slope * span / mean:+.1%}" if mean else "n/a"
        print(f"| {name} | {values[0]:,.1f} | {values[-1]:,.1f} | {max(values):,.1f} "
              f"| {slope:+,.1f} | {growth} |")  # fmt: skip


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--reads", type=float, default=6.0, help="reads per second, besides polls")
    parser.add_argument("--sample", type=float, default=60.0, help="seconds between samples")
    parser.add_argument("--pairs", type=int, default=None, help="one-shot scenarios")
    parser.add_argument("--out", type=Path, default=None, help="samples as JSON")
    args = parser.parse_args()
    asyncio.run(run(args, neo4j_server()))


async def run(args: argparse.Namespace, settings: Settings) -> None:
    database = await connect()
    secret = secrets.token_urlsafe(32)
    try:
        label, seeking, degrees = await dataset(database, args)
        pairs = await seed_pairs(database, args.pairs or seeded_pairs(args.rate, 300))
        print(f"{label}; {args.minutes:g} min, {args.rate:g} writes/s, {args.reads:g} reads/s")
        print(f"load before: {machine_load()}")
        with (
            redis_server() as redis_url,
            deployment(settings, secret, redis_url, {}) as (
                base,
                supervisor,
            ),
        ):
            async with client() as http, client() as polls:
                api = Api(http, f"{base}/graphql", secret)
                scenarios = await graph_scenarios(api, seeking, degrees, args) + pairs
                subscribers = Subscribers()
                await subscribers.open(base, secret, [s.mentee for s in pairs])
                driver = WriteDriver(
                    api, Api(polls, api.url, secret), subscribers,
                    poll=args.poll, give_up=args.give_up,
                )  # fmt: skip
                stop = asyncio.Event()
                reading = asyncio.create_task(readers(api, sorted(degrees), args.reads, stop))
                began = time.perf_counter()
                samples: list[tuple[float, Sample]] = []

                async def sampling() -> None:
                    while not stop.is_set():
                        try:
                            taken = await sample(database, settings, http, base, supervisor.pid)
                        except Exception as exc:  # a loaded machine: the next sample will do
                            print(f"sample failed: {exc!r}", flush=True)
                        else:
                            samples.append((time.perf_counter() - began, taken))
                            print(
                                f"{samples[-1][0] / 60:5.1f} min: {json.dumps(taken)}", flush=True
                            )
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(stop.wait(), args.sample)

                sampler = asyncio.create_task(sampling())
                timings = await driver.run(scenarios, rate=args.rate, seconds=args.minutes * 60)
                stop.set()
                reads, failed = await reading
                await sampler
                samples.append(
                    (time.perf_counter() - began,
                     await sample(database, settings, http, base, supervisor.pid))
                )  # fmt: skip
                await subscribers.close()
        writes = sum(len(v) for v in timings.write.values())
        print(f"load after: {machine_load()}")
        print(f"reads that failed: {dict(failed)}")
        print(f"writes {writes}, page polls {timings.reads}, other reads {reads}, "
              f"errors {dict(timings.errors)}, missed {dict(timings.missed)}, "
              f"ticks without an idle scenario {timings.idle_ticks}")  # fmt: skip
        if timings.first_error:
            print(f"first error: {timings.first_error}")
        report(samples)
        if args.out:
            args.out.write_text(json.dumps(samples, indent=1))
    finally:
        await database.close()


if __name__ == "__main__":
    main()
