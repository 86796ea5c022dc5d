"""What one request of the peer benchmark's operations costs: our Python, and Neo4j's CPU.

    python -m bench.request_cost --subjects 40 --rounds 5

On `bench.bench_peer`'s server (`.neo4j/bench`, port 7724, ego-Facebook loaded when it is
not there), one app in this process (`api.app.create_app`, the settings from the
environment; no mutation limit, and the cost limit and deadlines `bench_peer` gives ours)
answers each operation of `bench.peer_operations` for every subject, one request at a time, through
httpx's ASGI transport, signed in as the subject. A warm-up round comes first (plans, and
the match pages it leaves behind). Per round: the median latency, this process's CPU per
request (the client's part included), the Neo4j server's CPU per request (its process's
user and system time, from /proc: only for a server this project runs), and round trips per
request. Printed: min / median over the rounds, with the load average. Just after the server
started, its CPU a request reads several times higher while the JVM compiles: run it twice.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import secrets
import statistics
import time

import httpx
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.settings import ApiSettings
from bench.bench_peer import bench_server, ensure_ego_facebook
from bench.bench_ranking import ego_people
from bench.peer_operations import MATCHES, OPERATIONS, Operation, request
from bench.ranking_support import ego_edges, machine_load, process_cpu, spread
from graph.server.local import LocalServer
from graph.settings import Settings


async def one_round(
    http: httpx.AsyncClient, operation: Operation, subjects: list[str], secret: str
) -> list[float]:
    """Latencies in seconds, one request per subject."""
    latencies = []
    for subject in subjects:
        asked = request(operation.ours, subject, secret=secret)
        headers = {**asked.headers, "Content-Type": "application/json"}
        began = time.perf_counter()
        response = await http.post("/graphql", content=asked.body, headers=headers)
        latencies.append(time.perf_counter() - began)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise SystemExit(f"{operation.name} for {subject}: {response.status_code} {body}")
    return latencies


async def measure(settings: Settings, subjects: dict[str, list[str]], rounds: int) -> None:
    secret = secrets.token_urlsafe(32)
    os.environ["MENTORGRAPH_JWT_SECRET"] = secret
    api = dataclasses.replace(
        ApiSettings.from_env(), max_query_cost=100_000, mutations_per_minute=0
    )
    neo4j_pid = LocalServer(settings).running_pid() if settings.managed else None
    app = create_app(settings, api)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            for operation in OPERATIONS:
                await one_round(http, operation, subjects[operation.name], secret)
            await app.state.events.drain()
            print(f"load before: {machine_load()}")
            rows: dict[str, list[float]] = {}
            for _ in range(rounds):
                for operation in OPERATIONS:
                    asked = subjects[operation.name]
                    trips, ours = app.state.database.round_trips, time.process_time()
                    theirs = process_cpu(neo4j_pid) if neo4j_pid else 0.0
                    latencies = await one_round(http, operation, asked, secret)
                    n = len(asked)
                    values = {
                        "p50 ms": statistics.median(latencies) * 1000,
                        "our CPU ms a request": (time.process_time() - ours) / n * 1000,
                        "round trips a request": (app.state.database.round_trips - trips) / n,
                    }
                    if neo4j_pid:
                        cpu = (process_cpu(neo4j_pid) - theirs) / n * 1000
                        values["Neo4j CPU ms a request"] = cpu
                    for name, value in values.items():
                        rows.setdefault(f"{operation.name}: {name}", []).append(value)
    print(f"load after: {machine_load()}")
    print(f"| {len(next(iter(subjects.values())))} subjects, {rounds} rounds | min / median |")
    print("| --- | ---: |")
    for row, values in rows.items():
        print(f"| {row} | {spread(values)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--subjects", type=int, default=40, help="mentees and screen starts")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    # As bench_peer gives ours: the first statements after a start plan for a while.
    os.environ.setdefault("MENTORGRAPH_QUERY_TIMEOUT", "60")
    os.environ.setdefault("MENTORGRAPH_REQUEST_TIMEOUT", "70")
    settings = bench_server()
    seeking, degrees = ego_people()
    asyncio.run(ensure_ego_facebook(len(degrees), ego_edges()))
    shuffled = random.Random(7)
    subjects = {
        MATCHES.name: shuffled.sample(seeking, min(args.subjects, len(seeking))),
        "screen": shuffled.sample(sorted(degrees), min(args.subjects, len(degrees))),
    }
    asyncio.run(measure(settings, subjects, args.rounds))


if __name__ == "__main__":
    main()
