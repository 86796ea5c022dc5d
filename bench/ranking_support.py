"""What the ranking benchmarks share: a database, the datasets, PROFILE, percentiles.

The server is the one `MENTORGRAPH_NEO4J_*` / `NEO4J_URI` name (start it with
`mentorgraph neo4j start` under the same environment); loading wipes it first.
"""

from __future__ import annotations

import logging
import os
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import neo4j

from graph.database import Database
from graph.loading import ego_facebook, synthetic
from graph.registry import Statement, compose, reading
from graph.server.admin import wipe
from graph.server.migrations import migrate
from graph.settings import Settings
from tests.ego_combined import combined_edges, write_edges

ROOT = Path(__file__).resolve().parent.parent
EGO_FACEBOOK_DIR = Path(
    os.environ.get("EGO_FACEBOOK_DIR", ROOT.parent / "shared" / "data" / "ego-facebook")
)


async def connect() -> Database:
    # The statements name types a dataset may lack (MENTORS, REQUESTED): not worth a warning.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    database = Database.connect(Settings.from_env())
    await migrate(database)
    return database


async def load_ego_facebook(database: Database, edges: list[tuple[int, int]]) -> None:
    """Replace the graph with ego-Facebook restricted to `edges` (via `--edges`' code path)."""
    await wipe(database)
    with tempfile.TemporaryDirectory() as folder:
        edge_file = write_edges(Path(folder) / "edges.txt", edges)
        await ego_facebook.load(database, EGO_FACEBOOK_DIR, edges=edge_file)


async def load_synthetic(database: Database, people: int, seed: int) -> None:
    await wipe(database)
    await synthetic.load(database, people, seed)


def ego_edges() -> list[tuple[int, int]]:
    return combined_edges(EGO_FACEBOOK_DIR)


def former(path: Path) -> Statement:
    """A statement's text from a file (a former version, say), composed as the registry does
    (forwards reading, rules in)."""
    text = compose(reading(path.read_text(), backward=False), within=str(path))
    return Statement(name=str(path), text=text, header="")


async def profile(stmt: Statement, params: dict[str, Any]) -> tuple[int, int]:
    """(db hits, rows) of one PROFILEd run of `stmt`."""
    summary, rows = await profiled(stmt, params)
    return _db_hits(summary.profile or {}), rows


async def profiled(stmt: Statement, params: dict[str, Any]) -> tuple[neo4j.ResultSummary, int]:
    """(summary, rows) of one PROFILEd run of `stmt`, on a driver of its own."""
    settings = Settings.from_env()
    driver = neo4j.AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        notifications_min_severity="OFF",
    )
    try:
        async with driver.session(database=settings.neo4j_database) as session:
            result = await session.run("PROFILE " + stmt.text, params)
            rows = len([record async for record in result])
            summary = await result.consume()
    finally:
        await driver.close()
    return summary, rows


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(child) for child in plan.get("children", []))


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def spread(values: Sequence[float]) -> str:
    """`min / median` of several runs."""
    return f"{min(values):.2f} / {statistics.median(values):.2f}"


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """Seconds of CPU (user + system) process `pid` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def tree_cpu(pid: int) -> float:
    """Seconds of CPU process `pid` and its living descendants have used (uvicorn's workers,
    a Node cluster's): a child that ended meanwhile takes its share with it."""
    pids, cpu = [pid], 0.0
    while pids:
        current = pids.pop()
        try:
            cpu += process_cpu(current)
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # it ended
            continue
        pids += [int(child) for child in children]
    return cpu


def machine_load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
