"""`mentorMatches(first: 10)` with evidence over HTTP, against `graph.ranking` directly.

    python -m bench.bench_api --load --workers 2 --mentees 500 --runs 3

The server is the one `MENTORGRAPH_NEO4J_*` / `NEO4J_URI` name; `--load` replaces
its graph with ego-Facebook. uvicorn runs in its own processes (`--workers`), the
load generator here. Each run measures, side by side:

- direct: `graph.ranking.mentor_matches` through the driver, one after another;
- in process: the same query executed by the app's schema here, with the context a
  request would get, one after another (against direct: the GraphQL layer alone);
- HTTP, sequential: the same mentees through the real server, one request at a time
  (against direct: the GraphQL layer, HTTP and the client together);
- HTTP at a fixed rate (`--rate`, open loop: requests leave on schedule whether or
  not earlier ones answered), p50 / p99;
- saturation: `--concurrency` clients in a closed loop, requests per second.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import tempfile
import time
from collections.abc import Sequence

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response

from api.app import GraphQLApp, create_app
from api.auth import issue_token
from api.metrics import MULTIPROCESS_DIR
from api.settings import ApiSettings
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
from graph.ranking.matches import mentor_matches
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
        await mentor_matches(database, key)
        times.append(time.perf_counter() - began)
    return times


async def in_process(app: Starlette, tokens: Sequence[str]) -> list[float]:
    """The schema runs the query as `GraphQLApp` would, minus the HTTP request and the JSON."""
    graphql = next(r.endpoint for r in app.routes if isinstance(r.endpoint, GraphQLApp))
    times = []
    for token in tokens:
        began = time.perf_counter()
        headers = [(b"authorization", f"Bearer {token}".encode())]
        request = Request({"type": "http", "app": app, "method": "POST", "headers": headers})
        context = await graphql.get_context(request, Response())
        result = await graphql.schema.execute(QUERY, context_value=context)
        times.append(time.perf_counter() - began)
        if result.errors:
            raise RuntimeError(f"bad answer: {result.errors}")
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
    api_settings = ApiSettings.from_env()
    database = await connect()
    if args.load:
        await load_ego_facebook(database, ego_edges())
    seeking, _ = ego_people()
    mentees = random.Random(7).sample(seeking, min(args.mentees, len(seeking)))
    tokens = [issue_token(api_settings.jwt_secret, key) for key in mentees]
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": api_settings.jwt_secret,
        "MENTORGRAPH_MUTATIONS_PER_MINUTE": "0",
        "WEB_CONCURRENCY": str(args.workers),
    }
    print(f"load before: {machine_load()}; workers {args.workers}; mentees {len(mentees)}")
    rows: dict[str, list[float]] = {}
    app = create_app(settings, api_settings)
    # As `mentorgraph serve --workers N` runs them: the workers' metrics in one directory.
    with (
        tempfile.TemporaryDirectory(prefix="bench-api-metrics-") as metrics,
        api_process({**env, MULTIPROCESS_DIR: metrics}) as (_, base),
    ):
        async with LifespanManager(app), _client(base, args.concurrency) as http:
            # Warm the server, its caches and the page cache.
            await sequential(http, tokens)
            await in_process(app, tokens)
            await direct(database, mentees)
            # As the server does after start-up (api.app): a full collection over what
            # set-up made would stall the load generator, and its timings, now and then.
            gc.collect()
            gc.freeze()
            for _ in range(args.runs):
                d = await direct(database, mentees)
                g = await in_process(app, tokens)
                s = await sequential(http, tokens)
                r = await fixed_rate(http, tokens, args.rate)
                sat = await saturation(http, tokens, args.concurrency, args.seconds)
                for name, value in (
                    ("direct p50 ms", _ms(d, 50)),
                    ("direct p99 ms", _ms(d, 99)),
                    ("in process p50 ms", _ms(g, 50)),
                    ("HTTP sequential p50 ms", _ms(s, 50)),
                    ("HTTP sequential p99 ms", _ms(s, 99)),
                    ("GraphQL layer (in process / direct, medians)", _ratio(g, d)),
                    ("GraphQL and HTTP (HTTP sequential / direct, medians)", _ratio(s, d)),
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
