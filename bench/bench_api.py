"""`mentorMatches(first: 10)` with evidence over HTTP, against `graph.ranking` directly.

    python -m bench.bench_api --load --workers 2 --mentees 500 --runs 3

The server is the one `MENTORGRAPH_NEO4J_*` / `NEO4J_URI` name; `--load` replaces
its graph with ego-Facebook. uvicorn runs in its own processes (`--workers`), the
load generator here. Each run measures, side by side:

- direct: `graph.ranking.mentor_matches` through the driver, one after another;
- HTTP, sequential: the same mentees through the real server, one request at a time
  (the ratio of the two medians is the cost of the GraphQL layer and HTTP);
- HTTP at a fixed rate (`--rate`, open loop: requests leave on schedule whether or
  not earlier ones answered), p50 / p99;
- saturation: `--concurrency` clients in a closed loop, requests per second.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from collections.abc import Sequence

import httpx

from api.auth import issue_token
from bench.bench_ranking import ego_people
from bench.ranking_support import (
    connect,
    ego_edges,
    load_ego_facebook,
    machine_load,
    percentile,
    spread,
)
from graph.database import Database
from graph.ranking import mentor_matches
from graph.settings import Settings
from tests.servers import api_process

QUERY = """query { viewer { mentorMatches(first: 10) { edges { cursor node {
  score mentor { key name } signals { name share }
  mutualConnections { key name } skillPaths { strength skills { key } }
  sharedEmployers { key name } } } } } }"""


def _client(base: str, concurrency: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(base_url=base, limits=limits, timeout=30)


async def _ask(http: httpx.AsyncClient, token: str) -> float:
    began = time.perf_counter()
    response = await http.post(
        "/graphql", json={"query": QUERY}, headers={"Authorization": f"Bearer {token}"}
    )
    elapsed = time.perf_counter() - began
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"bad answer: {response.status_code} {body}")
    return elapsed


async def direct(database: Database, mentees: Sequence[str]) -> list[float]:
    times = []
    for key in mentees:
        began = time.perf_counter()
        await mentor_matches(database, key, first=10)
        times.append(time.perf_counter() - began)
    return times


async def sequential(http: httpx.AsyncClient, tokens: Sequence[str]) -> list[float]:
    return [await _ask(http, token) for token in tokens]


async def fixed_rate(http: httpx.AsyncClient, tokens: Sequence[str], rate: float) -> list[float]:
    start = time.perf_counter()

    async def one(i: int, token: str) -> float:
        await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
        return await _ask(http, token)

    return list(await asyncio.gather(*(one(i, t) for i, t in enumerate(tokens))))


async def saturation(
    http: httpx.AsyncClient, tokens: Sequence[str], concurrency: int, seconds: float
) -> float:
    deadline = time.perf_counter() + seconds
    done = 0

    async def client(offset: int) -> None:
        nonlocal done
        i = offset
        while time.perf_counter() < deadline:
            await _ask(http, tokens[i % len(tokens)])
            done += 1
            i += concurrency

    began = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(concurrency)))
    return done / (time.perf_counter() - began)


def _ratio(slow: Sequence[float], fast: Sequence[float]) -> float:
    return statistics.median(slow) / statistics.median(fast)


def _ms(values: Sequence[float], q: float) -> float:
    return percentile(values, q / 100) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--load", action="store_true", help="load ego-Facebook first")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mentees", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    settings = Settings.from_env()
    database = await connect()
    if args.load:
        await load_ego_facebook(database, ego_edges())
    seeking, _ = ego_people()
    mentees = random.Random(7).sample(seeking, min(args.mentees, len(seeking)))
    tokens = [issue_token(settings.jwt_secret, key) for key in mentees]
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": settings.jwt_secret,
        "MENTORGRAPH_MUTATIONS_PER_MINUTE": "0",
        "WEB_CONCURRENCY": str(args.workers),
    }
    print(f"load before: {machine_load()}; workers {args.workers}; mentees {len(mentees)}")
    rows: dict[str, list[float]] = {}
    with api_process(env) as (_, base):
        async with _client(base, args.concurrency) as http:
            await sequential(http, tokens)  # warm the server, its caches and the page cache
            await direct(database, mentees)
            for _ in range(args.runs):
                d, s = await direct(database, mentees), await sequential(http, tokens)
                r = await fixed_rate(http, tokens, args.rate)
                sat = await saturation(http, tokens, args.concurrency, args.seconds)
                for name, value in (
                    ("direct p50 ms", _ms(d, 50)),
                    ("direct p99 ms", _ms(d, 99)),
                    ("HTTP sequential p50 ms", _ms(s, 50)),
                    ("HTTP sequential p99 ms", _ms(s, 99)),
                    (
                        "overhead (HTTP / direct, medians)",
                        statistics.median(s) / statistics.median(d),
                    ),
                    (f"HTTP at {args.rate:.0f}/s p50 ms", _ms(r, 50)),
                    (f"HTTP at {args.rate:.0f}/s p99 ms", _ms(r, 99)),
                    (f"saturation req/s ({args.concurrency} clients)", sat),
                ):
                    rows.setdefault(name, []).append(value)
    await database.close()
    print(f"load after: {machine_load()}")
    print("| measure | min / median of runs | every run |\n| --- | ---: | --- |")
    for name, values in rows.items():
        every = ", ".join(f"{v:.2f}" for v in values)
        print(f"| {name} | {spread(values)} | {every} |")


if __name__ == "__main__":
    asyncio.run(main())
