"""Freshness under a steady mixed write load: from a mutation's response to the page and event.

    python -m bench.bench_freshness synthetic --people 100000 --rate 10 --seconds 120 --rounds 2

Each round runs two phases against the deployment of `bench.write_harness` (2 workers,
Redis), one after the other, the order alternating by round:

- **on**: the change pipeline as deployed (a consumer in each worker);
- **off**: `MENTORGRAPH_CHANGE_CONSUMER=off` on both workers. That is all "off" can mean:
  mutations still write their `(:Change)` records in their own transaction (the outbox has
  no switch) and the writer's process still invalidates its own pages; nothing applies the
  log, so no event is sent and other processes see only what the read-time exclusions show.

In each phase `bench.write_driver` sends `bench.write_mix`'s mutations at `--rate` per
second for `--seconds` and times, per kind, the write, the first page read that reflects it
and (for the mutations that make a match) the `mentorMatchAdded` event. An "on" phase first
waits until the log an "off" phase left is applied. Printed: page and event p50 / p95 / p99 /
max per kind and overall for the "on" phases, what was missed within `--give-up`, and the
write latency p50 / p99 per kind with the pipeline on and off side by side (min / median of
the rounds' values), with the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
from collections import Counter

from bench.bench_ranking import dataset
from bench.ranking_support import connect, machine_load, percentile, spread
from bench.write_driver import Subscribers, Timings, WriteDriver
from bench.write_harness import (
    arguments,
    client,
    deployment,
    drained,
    graph_scenarios,
    neo4j_server,
    seeded_pairs,
)
from bench.write_mix import Api, Scenario, seed_pairs
from graph.database import Database
from graph.settings import Settings
from tests.servers import redis_server

PHASES = {"on": {}, "off": {"MENTORGRAPH_CHANGE_CONSUMER": "off"}}


async def phase(
    name: str,
    database: Database,
    settings: Settings,
    args: argparse.Namespace,
    graph: list[Scenario] | tuple[list[str], Counter[str]],
    seeded: list[Scenario],
) -> tuple[Timings, list[Scenario]]:
    """One phase on a deployment of its own; its timings and the graph scenarios (chosen
    on the first phase's deployment from (people seeking, degrees), then kept, mid-cycle
    or not)."""
    secret = secrets.token_urlsafe(32)
    with (
        redis_server() as redis_url,
        deployment(settings, secret, redis_url, PHASES[name]) as (
            base,
            _,
        ),
    ):
        if name == "on":
            try:
                print(f"on: the log left before applied in {await drained(database):.1f} s")
            except TimeoutError as exc:  # measured anyway: the backlog is part of the load
                print(f"on: {exc}; measuring with it")
        async with client() as http, client() as polls:
            api = Api(http, f"{base}/graphql", secret)
            if isinstance(graph, tuple):
                graph = await graph_scenarios(api, *graph, args)
                print(f"graph scenarios: {dict(Counter(s.family for s in graph))}", flush=True)
            subscribers = Subscribers()
            await subscribers.open(base, secret, [s.mentee for s in seeded])
            driver = WriteDriver(
                api, Api(polls, api.url, secret), subscribers, poll=args.poll, give_up=args.give_up
            )
            try:
                timings = await driver.run(graph + seeded, rate=args.rate, seconds=args.seconds)
            finally:
                await subscribers.close()
    print(f"{name}: done, {machine_load()}", flush=True)
    latency_table(f"{name}: page reflects the write", [timings.page])
    latency_table(f"{name}: event delivered", [timings.event])
    latency_table(f"{name}: write", [timings.write])
    return timings, graph


def _row(kind: str, values: list[float]) -> str:
    marks = [percentile(values, q) for q in (0.5, 0.95, 0.99)]
    cells = " | ".join(f"{v:.0f}" for v in [*marks, max(values)])
    return f"| {kind} | {len(values)} | {cells} |"


def latency_table(title: str, tables: list[dict[str, list[float]]]) -> None:
    joined: dict[str, list[float]] = {}
    for table in tables:
        for kind, values in table.items():
            joined.setdefault(kind, []).extend(values)
    print(f"\n{title}\n\n| kind | n | p50 ms | p95 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind in sorted(joined):
        print(_row(kind, joined[kind]))
    if joined:
        print(_row("**all**", [v for values in joined.values() for v in values]))


def write_table(runs: dict[str, list[Timings]]) -> None:
    print("\nwrite latency, HTTP round trip (min / median over rounds of each round's value)\n")
    print("| kind | on p50 ms | off p50 ms | on p99 ms | off p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    kinds = sorted({k for timings in runs["on"] for k in timings.write})
    for kind in [*kinds, None]:
        cells = []
        for q in (0.5, 0.99):
            for name in ("on", "off"):
                values = [_of(t, kind) for t in runs[name]]
                cells.append(spread([percentile(v, q) for v in values if v]) if any(values) else "")
        print(f"| {kind or '**all**'} | {' | '.join(cells)} |")


def _of(timings: Timings, kind: str | None) -> list[float]:
    if kind is not None:
        return timings.write.get(kind, [])
    return [v for values in timings.write.values() for v in values]


async def run(args: argparse.Namespace, settings: Settings) -> None:
    database = await connect()
    try:
        label, seeking, degrees = await dataset(database, args)  # --load: before any server
        print(f"{label}; {args.rate:g} mutations/s, {args.seconds:g} s a phase, "
              f"{args.rounds} rounds; load before: {machine_load()}")  # fmt: skip
        runs: dict[str, list[Timings]] = {"on": [], "off": []}
        graph: list[Scenario] | tuple[list[str], Counter[str]] = (seeking, degrees)
        for round_ in range(args.rounds):
            for name in ("on", "off") if round_ % 2 == 0 else ("off", "on"):
                seeded = await seed_pairs(database, seeded_pairs(args.rate, args.seconds))
                timings, graph = await phase(name, database, settings, args, graph, seeded)
                runs[name].append(timings)
        print(f"load after: {machine_load()}")
        for name, timings_list in runs.items():
            for i, t in enumerate(timings_list):
                print(f"{name} round {i}: reads {t.reads}, missed {dict(t.missed)}, "
                      f"errors {dict(t.errors)}, idle ticks {t.idle_ticks}")  # fmt: skip
                if t.first_error:
                    print(f"  first error: {t.first_error}")
        latency_table("page reflects the write, pipeline on", [t.page for t in runs["on"]])
        latency_table("event delivered, pipeline on", [t.event for t in runs["on"]])
        latency_table("page reflects the write, pipeline off", [t.page for t in runs["off"]])
        write_table(runs)
    finally:
        await database.close()


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--seconds", type=float, default=120.0, help="of writes per phase")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(run(args, neo4j_server()))


if __name__ == "__main__":
    main()
