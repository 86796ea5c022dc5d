"""Our API against the peer a team would pick instead: `@neo4j/graphql` served by Apollo.

    python -m bench.bench_peer --rounds 5 --requests 1000 --concurrency 16

Both sides on the same Neo4j and the same ego-Facebook graph. The bench server is
provisioned when missing and loaded when it does not hold ego-Facebook (port 7724,
`.neo4j/bench`, heap 1g, unless `MENTORGRAPH_NEO4J_*` / `NEO4J_URI` say otherwise). Our API
runs as `mentorgraph serve --workers 2` (`--workers` processes, each listening on the port);
the peer (bench/peer/server.mjs, its npm packages installed by `npm ci` when missing) as one
Node process and as `--peer-processes` processes in a Node cluster on one port.

First both sides must say the same (bench.peer_operations: the top 10 mentor keys and
scores for `--check` mentees, the screen after `--check` keys); then, round by round, each
operation is sent to each side in turn (the order rotates every round) by the same load
generator, autocannon (bench/peer/load.mjs): `--requests` POSTs at `--concurrency`
connections, each for the next mentee or start key. Printed per operation and side: req/s,
p50 and p99 as min / median over the rounds, the ratio ours / peer of each round, the CPU a
request took in the side's processes and in Neo4j (from /proc, over each run: where a side's
time goes), the load generator's CPU; then our saturation (matches/s at increasing
concurrency) and the load average before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager as ContextManager
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from api.metrics import MULTIPROCESS_DIR
from bench.bench_ranking import ego_people
from bench.peer_operations import MATCHES, OPERATIONS, Operation, Reading, Request, request
from bench.ranking_support import (
    ROOT,
    connect,
    ego_edges,
    load_ego_facebook,
    machine_load,
    spread,
    tree_cpu,
)
from graph.ranking.matches import match_parameters
from graph.registry import statement
from graph.server.local import LocalServer
from graph.server.stats import graph_stats
from graph.settings import Settings
from tests.servers import every_socket_answers, free_port

PEER = ROOT / "bench" / "peer"
Process = subprocess.Popen[bytes]
START_TIMEOUT = 300.0
BENCH_SERVER = {
    "MENTORGRAPH_NEO4J_HOME": str(ROOT / ".neo4j" / "bench"),
    "MENTORGRAPH_NEO4J_PORT": "7724",
    "MENTORGRAPH_NEO4J_HEAP": "1g",
    "MENTORGRAPH_NEO4J_PAGECACHE": "512m",
}


@dataclass(frozen=True)
class Side:
    name: str
    url: str
    """The GraphQL endpoint."""
    secret: str | None
    """Our API's token secret (requests go as the subject); `None` for the peer."""

    def reading(self, operation: Operation) -> Reading:
        return operation.peer if self.secret is None else operation.ours


@dataclass(frozen=True)
class Load:
    """One run of bench/peer/load.mjs."""

    requests: int
    seconds: float
    throughput: float
    p50: float
    p99: float
    failed: int
    firstFailure: str | None
    cpu: float
    """The load generator's CPU over the run, in cores."""
    server_ms: float = 0.0
    """The side's processes' CPU a request, in ms (uvicorn's workers, a Node cluster's)."""
    neo4j_ms: float = 0.0
    """The Neo4j server's CPU a request, in ms (0 for a server this project does not run)."""


async def ensure_ego_facebook(people: int, edges: list[tuple[int, int]]) -> None:
    """Load ego-Facebook unless the graph already is it (same people and connections)."""
    database = await connect()
    try:
        stats = await graph_stats(database, with_hash=False)
        if stats.labels.get("Person") != people or stats.relationships.get("KNOWS") != len(edges):
            print("loading ego-Facebook into the bench server")
            await load_ego_facebook(database, edges)
    finally:
        await database.close()


def _ranking_file(folder: Path) -> Path:
    """What the peer's `mentorMatches` runs: our statement's forwards text and defaults."""
    path = folder / "ranking.json"
    ranking = {
        "statement": statement("ranking/mentor_matches").text,
        "parameters": match_parameters(""),
    }
    path.write_text(json.dumps(ranking), encoding="utf-8")
    return path


def _npm_ci() -> None:
    if not (PEER / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--prefix", str(PEER), "--no-audit", "--no-fund"], check=True)


@contextmanager
def serving(
    command: list[str], env: dict[str, str], ready: Callable[[], bool]
) -> Iterator[Process]:
    """`command` running until the block ends, once `ready()` (a busy machine may take
    minutes to start two workers: the wait is generous, and ends if the process does);
    yields the process."""
    with subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}) as process:
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not ready():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{command[0]} did not start (exit {process.poll()})")
                time.sleep(0.5)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=60)


def _answers(probe: httpx.Request) -> bool:
    try:
        with httpx.Client(timeout=10) as http:
            return http.send(probe).status_code == 200
    except httpx.HTTPError:
        return False


def our_api(
    settings: Settings,
    secret: str,
    workers: int,
    metrics: Path,
    *,
    extra: Mapping[str, str] | None = None,
) -> tuple[Side, ContextManager[Process]]:
    """`mentorgraph serve --workers N` (the workers' metrics in one directory), on a free
    port, with no mutation limit and no access log."""
    port = free_port()
    env = {
        MULTIPROCESS_DIR: str(metrics),
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": secret,
        "MENTORGRAPH_MUTATIONS_PER_MINUTE": "0",
        "MENTORGRAPH_GRAPHIQL": "false",
        # The peer sets no deadline and no cost limit: ours are generous (a cold start on a
        # busy machine; the screen costs about 23,000 by our count, over the default 20,000).
        "MENTORGRAPH_MAX_QUERY_COST": "100000",
        "MENTORGRAPH_QUERY_TIMEOUT": "60",
        "MENTORGRAPH_REQUEST_TIMEOUT": "70",
        **(extra or {}),
    }
    command = [str(Path(sys.executable).parent / "mentorgraph"), "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    base = f"http://127.0.0.1:{port}"
    probe = httpx.Request("GET", f"{base}/healthz")
    # Every worker serving, not only the first: else the first rounds wait for the others.
    process = serving(command, env, lambda: _answers(probe) and every_socket_answers(port))
    return Side(f"ours ({workers} workers)", f"{base}/graphql", secret), process


def peer(settings: Settings, ranking: Path, processes: int) -> tuple[Side, ContextManager[Process]]:
    """bench/peer/server.mjs on a free port: one process, or a Node cluster of `processes`."""
    port = free_port()
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "NODE_ENV": "production",
        "PEER_PORT": str(port),
        "PEER_PROCESSES": str(processes),
        "PEER_RANKING": str(ranking),
    }
    url = f"http://127.0.0.1:{port}/graphql"
    probe = httpx.Request("POST", url, json={"query": "{ __typename }"})
    name = f"peer ({processes} process{'es' * (processes > 1)})"
    command = ["node", str(PEER / "server.mjs")]
    return Side(name, url, None), serving(command, env, lambda: _answers(probe))


async def _said(http: httpx.AsyncClient, side: Side, operation: Operation, subject: str) -> object:
    asked = request(side.reading(operation), subject, secret=side.secret)
    response = await http.post(side.url, content=asked.body, headers=_headers(asked))
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise SystemExit(f"{side.name} failed {operation.name} for {subject}: {body}")
    return side.reading(operation).said(body["data"])


def _headers(asked: Request) -> dict[str, str]:
    return {"content-type": "application/json", **asked.headers}


async def check(sides: Sequence[Side], subjects: dict[str, list[str]]) -> None:
    """Every side says what ours says, for every subject of every operation."""
    async with httpx.AsyncClient(timeout=120) as http:
        for operation in OPERATIONS:
            said_something = False
            for subject in subjects[operation.name]:
                ours, *others = [await _said(http, s, operation, subject) for s in sides]
                for side, said in zip(sides[1:], others, strict=True):
                    if said != ours:
                        raise SystemExit(
                            f"{side.name} and {sides[0].name} disagree on {operation.name} "
                            f"for {subject}:\n  {sides[0].name}: {ours}\n  {side.name}: {said}"
                        )
                said_something = said_something or bool(ours)
            if not said_something:
                raise SystemExit(f"{operation.name} answered nothing for every subject")


def load(
    side: Side,
    operation: Operation,
    subjects: Sequence[str],
    *,
    connections: int,
    amount: int,
    cpu_of: Mapping[str, int] | None = None,
) -> Load:
    """`amount` requests from bench/peer/load.mjs at `connections`, round robin over subjects;
    with `cpu_of` ({"server": pid, "neo4j": pid}, either may be missing), the CPU each used
    a request."""
    requests = [asdict(request(side.reading(operation), s, secret=side.secret)) for s in subjects]
    spec = {"url": side.url, "connections": connections, "amount": amount, "requests": requests}
    watched = dict(cpu_of or {})
    before = {name: tree_cpu(pid) for name, pid in watched.items()}
    with tempfile.NamedTemporaryFile("w", suffix=".json") as file:
        json.dump(spec, file)
        file.flush()
        out = subprocess.run(
            ["node", str(PEER / "load.mjs"), file.name], capture_output=True, text=True, check=True
        ).stdout
    used = {name: (tree_cpu(pid) - before[name]) / amount * 1000 for name, pid in watched.items()}
    result = Load(**json.loads(out), **{f"{name}_ms": ms for name, ms in used.items()})
    if result.failed:
        raise SystemExit(
            f"{side.name}: {result.failed} of {amount} {operation.name} requests failed, "
            f"the first: {result.firstFailure}"
        )
    return result


def report(results: dict[tuple[str, str], list[Load]], sides: Sequence[Side], rounds: int) -> None:
    print(
        f"| operation | side | req/s (min / median of {rounds}) | p50 ms | p99 ms "
        "| ours / side, req/s, per round (min / median) | server CPU ms a request "
        "| Neo4j CPU ms a request | generator CPU (cores, max) |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for operation in OPERATIONS:
        ours = results[operation.name, sides[0].name]
        for side in sides:
            runs = results[operation.name, side.name]
            ratios = [o.throughput / r.throughput for o, r in zip(ours, runs, strict=True)]
            print(
                f"| {operation.name} | {side.name} | {spread([r.throughput for r in runs])} "
                f"| {spread([r.p50 for r in runs])} | {spread([r.p99 for r in runs])} "
                f"| {'' if side is sides[0] else spread(ratios)} "
                f"| {spread([r.server_ms for r in runs])} | {spread([r.neo4j_ms for r in runs])} "
                f"| {max(r.cpu for r in runs):.2f} |"
            )


def bench_server() -> Settings:
    """The bench's own server (`BENCH_SERVER` unless the environment names another), started."""
    for name, value in BENCH_SERVER.items():
        os.environ.setdefault(name, value)
    settings = Settings.from_env()
    if settings.managed:
        LocalServer(settings).start()
    return settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=1000, help="per operation, side, round")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="our uvicorn processes")
    parser.add_argument("--peer-processes", type=int, default=2, help="the peer's second run")
    parser.add_argument("--subjects", type=int, default=200, help="mentees and screen starts")
    parser.add_argument("--check", type=int, default=50, help="subjects checked per operation")
    parser.add_argument("--saturation", type=int, nargs="+", default=[1, 4, 16, 32, 64])
    args = parser.parse_args()

    settings = bench_server()
    seeking, degrees = ego_people()
    asyncio.run(ensure_ego_facebook(len(degrees), ego_edges()))
    _npm_ci()
    shuffled = random.Random(7)
    subjects = {
        MATCHES.name: shuffled.sample(seeking, min(args.subjects, len(seeking))),
        "screen": shuffled.sample(sorted(degrees), min(args.subjects, len(degrees))),
    }
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-peer-")))
        ranking = _ranking_file(folder)
        metrics = folder / "metrics"
        metrics.mkdir()
        started = [our_api(settings, secrets.token_urlsafe(32), args.workers, metrics)]
        started += [peer(settings, ranking, n) for n in sorted({1, args.peer_processes})]
        neo4j = LocalServer(settings).running_pid() if settings.managed else None
        cpu_of: dict[str, dict[str, int]] = {}
        for side, process in started:
            pid = stack.enter_context(process).pid
            cpu_of[side.name] = {"server": pid} | ({"neo4j": neo4j} if neo4j else {})
        sides = [side for side, _ in started]
        asyncio.run(check(sides, {name: keys[: args.check] for name, keys in subjects.items()}))
        print(f"{len(sides)} sides agree on {args.check} subjects per operation")
        for side in sides:  # warm up: JIT, plans, page cache
            for operation in OPERATIONS:
                load(
                    side,
                    operation,
                    subjects[operation.name],
                    connections=args.concurrency,
                    amount=args.requests // 2,
                )
        print(f"load before: {machine_load()}")
        results: dict[tuple[str, str], list[Load]] = {}
        for round_ in range(args.rounds):
            turn = sides[round_ % len(sides) :] + sides[: round_ % len(sides)]
            for operation in OPERATIONS:
                for side in turn:
                    result = load(
                        side,
                        operation,
                        subjects[operation.name],
                        connections=args.concurrency,
                        amount=args.requests,
                        cpu_of=cpu_of[side.name],
                    )
                    results.setdefault((operation.name, side.name), []).append(result)
        print(f"load after rounds: {machine_load()}")
        report(results, sides, args.rounds)
        print("\n| our matches, concurrency | req/s | p50 ms | p99 ms | generator CPU |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for connections in args.saturation:
            result = load(
                sides[0],
                MATCHES,
                subjects[MATCHES.name],
                connections=connections,
                amount=args.requests,
            )
            print(
                f"| {connections} | {result.throughput:.1f} | {result.p50:.2f} "
                f"| {result.p99:.2f} | {result.cpu:.2f} |"
            )
        print(f"load after: {machine_load()}")


if __name__ == "__main__":
    main()
