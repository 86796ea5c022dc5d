"""Loading benchmarks: ego-Facebook, and the synthetic graph with MERGE against plain CREATE.

    MENTORGRAPH_NEO4J_HOME=.neo4j/bench MENTORGRAPH_NEO4J_PORT=7695 \\
    MENTORGRAPH_NEO4J_HEAP=3g MENTORGRAPH_NEO4J_PAGECACHE=3g \\
    .venv/bin/python bench/bench_load.py --ego /work/shared/data/ego-facebook --ego-runs 5 \\
        --people 100000 --runs 1

Each load runs in its own child process (so its peak RSS is the loader's own)
against an emptied database (ego-Facebook: wiped, on a warm server;
synthetic: a fresh store, so a cold server); the synthetic loads are measured twice in the same
run, with the idempotent `MERGE` statements and with plain `UNWIND ... CREATE`
of the same rows, and once more as a re-run over the loaded graph (MERGE only:
everything matches). Prints a Markdown table and the machine's load, for
BENCHMARKS.md. WIPES the database it points at: use a server of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import ego_facebook, synthetic  # noqa: E402
from graph.admin import wipe  # noqa: E402
from graph.database import Database  # noqa: E402
from graph.local_server import LocalServer  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.settings import Settings  # noqa: E402


async def _one(kind: str, arg: str, mode: str) -> dict[str, float]:
    """One load in this process: returns seconds, rows and peak RSS (MB)."""
    database = Database.connect(Settings.from_env())
    try:
        await migrate(database)
        if kind == "ego":
            await wipe(database)
        began = time.perf_counter()
        if kind == "ego":
            graph = await ego_facebook.load(database, Path(arg))
            rows = sum(len(r) for r in graph.rows.values())
        else:
            written = await synthetic.load(database, int(arg), 42, create=mode == "create")
            rows = sum(written.values())
        seconds = time.perf_counter() - began
    finally:
        await database.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rows": rows, "rss_mb": rss}


def _fresh_store(settings: Settings) -> None:
    """Stop the server, delete its store, start it: faster than deleting 25M relationships."""
    if not settings.managed:
        raise SystemExit("the synthetic benchmark resets the store: it needs its own local server")
    server = LocalServer(settings)
    server.stop()
    shutil.rmtree(settings.local.home / "data", ignore_errors=True)
    server.start()


def _child(kind: str, arg: str, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, arg, mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _row(label: str, mode: str, runs: list[dict[str, float]]) -> str:
    times = [r["seconds"] for r in runs]
    rows = runs[0]["rows"]
    best, median = min(times), statistics.median(times)
    rss = max(r["rss_mb"] for r in runs)
    return (
        f"| {label} | {mode} | {len(runs)} | {rows:,.0f} | {best:.1f} | {median:.1f} "
        f"| {rows / median:,.0f} | {rss:,.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ego", type=Path, help="the ego-Facebook folder")
    parser.add_argument("--ego-runs", type=int, default=5)
    parser.add_argument("--people", type=int, nargs="*", default=[])
    parser.add_argument("--runs", type=int, default=1, help="runs per synthetic size and mode")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "ARG", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(_one(*args.child))))
        return

    settings = Settings.from_env()
    if settings.managed:
        LocalServer(settings).start()
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}")
    print(f"Python {platform.python_version()}, server {settings.neo4j_uri}")
    print(f"heap {settings.local.heap}, pagecache {settings.local.pagecache}")
    print(f"load average before (1/5/15 min): {_loadavg()}")
    print()
    print("| load | statements | runs | rows | min s | median s | rows/s (median) | peak RSS MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    if args.ego:
        runs = [_child("ego", str(args.ego), "merge") for _ in range(args.ego_runs)]
        print(_row("ego-Facebook", "MERGE", runs), flush=True)
    for people in args.people:
        label = f"synthetic {people:,}"
        for mode, title in (("merge", "MERGE"), ("create", "plain CREATE")):
            runs = []
            for _ in range(args.runs):
                _fresh_store(settings)
                runs.append(_child("synthetic", str(people), mode))
            print(_row(label, title, runs), flush=True)
        rerun = [_child("synthetic", str(people), "rerun")]
        print(_row(label, "MERGE, re-run (no change)", rerun), flush=True)
    print()
    print(f"load average after (1/5/15 min): {_loadavg()}")


if __name__ == "__main__":
    main()
