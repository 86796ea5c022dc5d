"""What the freshness and soak benchmarks share: the deployment they run against, and reading it.

The deployment is the one issue 17 describes: `mentorgraph serve --workers 2` as uvicorn
runs it (`bench.bench_peer.our_api`: its workers' metrics in one directory, no mutation
limit) with a Redis bus (`REDIS_URL`, a throwaway `redis-server`), since without one a
worker's events reach only its own subscribers live. The Neo4j server is the one
`MENTORGRAPH_NEO4J_*` / `NEO4J_URI` name, started when it is a managed one.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

from bench.bench_peer import Process, our_api
from bench.bench_ranking import dataset_arguments, sample
from bench.write_mix import FAMILIES, Api, Scenario, choose
from graph.database import Database
from graph.events.change_log import log_size
from graph.server.local import LocalServer
from graph.settings import Settings

DRAIN_BOUND = 120.0
"""Seconds a deployment is given to apply the log a run before it left."""


def seeded_pairs(rate: float, seconds: float) -> int:
    """Enough one-shot scenarios that the two families making matches keep their share."""
    return int(rate * seconds * 2 / len(FAMILIES) * 1.2) + 10


def arguments(doc: str) -> argparse.ArgumentParser:
    """The ranking benchmarks' dataset arguments, and the write load's."""
    parser = dataset_arguments(doc, mentees=800, runs=1)
    parser.add_argument("--rate", type=float, default=10.0, help="mutations per second")
    parser.add_argument("--poll", type=float, default=0.1, help="seconds between page reads")
    parser.add_argument("--give-up", type=float, default=10.0, help="seconds to wait for a step")
    parser.add_argument("--per-family", type=int, default=30, help="scenarios per graph family")
    return parser


def neo4j_server() -> Settings:
    settings = Settings.from_env()
    if settings.managed:
        LocalServer(settings).start()
    return settings


@contextmanager
def deployment(
    settings: Settings, secret: str, redis_url: str, env: Mapping[str, str]
) -> Iterator[tuple[str, Process]]:
    """Two workers serving on a free port; yields the base URL and the uvicorn supervisor."""
    with TemporaryDirectory(prefix="bench-writes-") as folder:
        metrics = Path(folder)
        side, serving = our_api(settings, secret, 2, metrics, extra={"REDIS_URL": redis_url, **env})
        with serving as process:
            yield side.url.removesuffix("/graphql"), process


async def drained(database: Database, *, bound: float = DRAIN_BOUND) -> float:
    """Wait until the log holds no pending change; the seconds it took."""
    began = time.monotonic()
    while (await log_size(database)).pending:
        if time.monotonic() - began > bound:
            raise TimeoutError(f"the log still holds changes after {bound:.0f} s")
        await asyncio.sleep(0.5)
    return time.monotonic() - began


def worker_pids(supervisor: int) -> list[int]:
    """The uvicorn supervisor's workers."""
    children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    return sorted(int(pid) for pid in children if _is_worker(int(pid)))


def _is_worker(pid: int) -> bool:
    """A spawned worker, not multiprocessing's resource tracker."""
    return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def client() -> httpx.AsyncClient:
    """Requests to the deployment: generous timeouts (a loaded machine), many connections."""
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    return httpx.AsyncClient(timeout=120, limits=limits)


async def graph_scenarios(
    api: Api, seeking: list[str], degrees: Counter[str], args: argparse.Namespace
) -> list[Scenario]:
    """The graph families' scenarios, from the pages of `--mentees` sampled mentees."""
    return await choose(api, sample(seeking, degrees, args.mentees), args.per_family)
