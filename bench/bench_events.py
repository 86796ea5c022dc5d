"""New-match events with many subscribers on one API process.

    NEO4J_URI=bolt://127.0.0.1:7694 python -m bench.bench_events --subscribers 1000 --samples 200

**Wipes the database `NEO4J_URI` names**: point it at a scratch server.

Graph: mentee e<i> (seeking a mentor) wants skill k<i> and skill `common`; mentor
m<i> knows k<i> but does not mentor yet; mentor `hub` knows `common`. One uvicorn
process (in-process bus) serves every subscriber; each mentee holds one
WebSocket (graphql-transport-ws) subscribed to `mentorMatchAdded`.

- **Latency**: m<i> opts in (`setMentorPreferences`), one at a time; the time from
  the mutation's response to e<i>'s delivery (watcher traversal, scoring, record,
  publish, send), p50 / p99.
- **Fan-out burst**: `hub` opts in, which matches all subscribers at once: one
  event each, recorded in one transaction; delivered events/s from the response
  to the last delivery.
- **Concurrent mutations**: the remaining mentors opt in, `--concurrency` at a
  time; delivered events/s from the first request to the last delivery.
- **Memory per idle connection**: the server's RSS with every subscriber
  connected minus before, divided by the subscribers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import time
from pathlib import Path

import httpx

from api.auth import issue_token
from graph.database import Database
from graph.server.admin import wipe
from graph.server.migrations import migrate
from graph.settings import Settings
from tests.builders import build, person, skill
from tests.servers import api_process
from tests.ws import Socket

SECRET = secrets.token_urlsafe(32)
MATCHES = "subscription { mentorMatchAdded { id mentor { key } } }"
OPT_IN = (
    "mutation { setMentorPreferences(input: {openToMentor: true, capacity: 5}) { person { key } } }"
)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def has(who: str, what: str) -> dict[str, object]:
    return {"person": who, "skill": what, "level": 5, "years": 1}


async def seed(database: Database, n: int) -> None:
    await migrate(database)
    await wipe(database)
    mentees = [person(f"e{i:04}", seekingMentor=True) for i in range(n)]
    mentees.append(person("warm", seekingMentor=True))  # never subscribed: warms the server
    mentors = [person(f"m{i:04}") for i in range(n)] + [person("hub"), person("mwarm")]
    await build(
        database,
        skills=[skill(f"k{i:04}") for i in range(n)] + [skill("common")],
        people=mentees + mentors,
        has_skill=[has(f"m{i:04}", f"k{i:04}") for i in range(n)]
        + [has("hub", "common"), has("mwarm", "k0000")],
        wants_to_learn=[{"person": f"e{i:04}", "skill": f"k{i:04}", "priority": 1}
                        for i in range(n)]
        + [{"person": f"e{i:04}", "skill": "common", "priority": 2} for i in range(n)]
        + [{"person": "warm", "skill": "k0000", "priority": 1}],
    )  # fmt: skip


class Subscribers:
    def __init__(self) -> None:
        self.delivered: dict[str, list[tuple[float, str]]] = {}
        self.arrivals: asyncio.Queue[tuple[str, str, float]] = asyncio.Queue()
        self.sockets: list[Socket] = []
        self.tasks: list[asyncio.Task[None]] = []

    async def open(self, base: str, key: str) -> None:
        sock = await Socket.open(base)
        token = issue_token(SECRET, key)
        ack = await sock.init({"authorization": f"Bearer {token}"})
        assert ack["type"] == "connection_ack", ack
        await sock.subscribe("m", MATCHES)
        self.sockets.append(sock)
        self.tasks.append(asyncio.create_task(self._listen(sock, key)))

    async def _listen(self, sock: Socket, key: str) -> None:
        while True:
            message = await sock.receive(timeout=3600)
            now = time.perf_counter()
            data = message["payload"].get("data")
            mentor = data["mentorMatchAdded"]["mentor"]["key"] if data else f"error: {message}"
            self.delivered.setdefault(key, []).append((now, mentor))
            self.arrivals.put_nowait((key, mentor, now))

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(s.close() for s in self.sockets), return_exceptions=True)


async def opt_in(http: httpx.AsyncClient, key: str) -> float:
    token = issue_token(SECRET, key)
    response = await http.post(
        "/graphql", json={"query": OPT_IN}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    return time.perf_counter()


async def wait_for(subs: Subscribers, expected: int, timeout: float = 120) -> float:
    """Wait until `expected` more deliveries arrived; the time of the last one."""
    last = 0.0
    for _ in range(expected):
        _, _, last = await asyncio.wait_for(subs.arrivals.get(), timeout)
    return last


async def run(args: argparse.Namespace) -> None:
    n = args.subscribers
    settings = Settings.from_env()
    database = Database.connect(settings)
    await seed(database, n)
    env = {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_JWT_SECRET": SECRET}
    with api_process(env) as (process, base):
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            # Warm the server up: a whole cycle (warm and e0000 both match mwarm), unmeasured.
            warm = Subscribers()
            await warm.open(base, "warm")
            await opt_in(http, "mwarm")
            await asyncio.wait_for(warm.arrivals.get(), 30)
            await warm.close()
            before = rss_kib(process.pid)
            subs = Subscribers()
            for start in range(0, n, 100):
                keys = [f"e{i:04}" for i in range(start, min(n, start + 100))]
                await asyncio.gather(*(subs.open(base, key) for key in keys))
            await asyncio.sleep(2)
            per_connection = (rss_kib(process.pid) - before) / n

            latencies = []
            for i in range(args.samples):
                answered = await opt_in(http, f"m{i:04}")
                key, mentor, arrived = await asyncio.wait_for(subs.arrivals.get(), 30)
                assert (key, mentor) == (f"e{i:04}", f"m{i:04}"), (key, mentor)
                latencies.append((arrived - answered) * 1000)

            answered = await opt_in(http, "hub")
            first = await wait_for(subs, 1)
            burst = n / (await wait_for(subs, n - 1) - answered)

            rest = [f"m{i:04}" for i in range(args.samples, n)]
            gate = asyncio.Semaphore(args.concurrency)

            async def one(key: str) -> None:
                async with gate:
                    await opt_in(http, key)

            started = time.perf_counter()
            await asyncio.gather(*(one(key) for key in rest))
            concurrent = len(rest) / (await wait_for(subs, len(rest)) - started)
            duplicates = sum(len(v) - len({m for _, m in v}) for v in subs.delivered.values())
            await subs.close()
    await database.close()
    load = [f"{x:.2f}" for x in os.getloadavg()]
    print(f"subscribers {n}, latency samples {len(latencies)}, cores {os.cpu_count()}")
    print(f"latency ms: p50 {percentile(latencies, 50):.1f}  p99 {percentile(latencies, 99):.1f}"
          f"  mean {statistics.fmean(latencies):.1f}  max {max(latencies):.1f}")  # fmt: skip
    print(f"fan-out burst: {n} events, first after {1000 * (first - answered):.0f} ms, "
          f"{burst:,.0f} delivered events/s")  # fmt: skip
    print(f"concurrent mutations ({args.concurrency} at a time): {len(rest)} events, "
          f"{concurrent:,.0f} delivered events/s")  # fmt: skip
    print(f"memory per idle connection: {per_connection:.1f} KiB; duplicates: {duplicates}")
    print(f"load average (1, 5, 15 min) at the end: {' '.join(load)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    if not os.environ.get("NEO4J_URI"):
        parser.error("set NEO4J_URI to a scratch Neo4j: the benchmark wipes it")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
