"""Loading benchmarks: ego-Facebook, and the synthetic graph with MERGE against plain CREATE.

    MENTORGRAPH_NEO4J_HOME=.neo4j/bench MENTORGRAPH_NEO4J_PORT=7695 \\
    MENTORGRAPH_NEO4J_HEAP=3g MENTORGRAPH_NEO4J_PAGECACHE=3g \\
    .venv/bin/python bench/bench_load.py --ego /work/shared/data/ego-facebook --ego-runs 5 \\
        --people 100000 --runs 1

Each load runs in its own child process (so its peak RSS is the loader's own)
against an emptied database (ego-Facebook: wiped, on a warm server;
synthetic: a fresh store, so a cold server); the synthetic loads are measured
three ways in the same run, round after round: the loader's way (look up which
people exist, CREATE the rest: `lookup`), `MERGE` of every row, and plain
`UNWIND ... CREATE`; then once more as a re-run over the loaded graph (the
loader's way: everything exists and is merged). The server's CPU seconds per
load are reported too: on a shared machine they vary less than the wall time.
Prints a Markdown table and the machine's load, for BENCHMARKS.md. WIPES the
database it points at: use a server of its own.
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

from graph.database import Database  # noqa: E402
from graph.loading import ego_facebook, synthetic  # noqa: E402
from graph.loading.streaming import Method  # noqa: E402
from graph.server.admin import wipe  # noqa: E402
from graph.server.local import LocalServer  # noqa: E402
from graph.server.migrations import migrate  # noqa: E402
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
            method = _METHODS["lookup" if mode == "rerun" else mode]
            written = await synthetic.load(database, int(arg), 42, method=method)
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


def _server_cpu(settings: Settings) -> float:
    """CPU seconds (user + system) the local server has used so far."""
    pid = LocalServer(settings).running_pid() if settings.managed else None
    if pid is None:
        return float("nan")
    fields = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _child(kind: str, arg: str, mode: str) -> dict[str, float]:
    settings = Settings.from_env()
    began = _server_cpu(settings)
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, arg, mode],
        stdout=subprocess.PIPE,  # a failing child's traceback goes to stderr
        text=True,
        check=True,
        cwd=ROOT,
    )
    result = dict(json.loads(out.stdout.strip().splitlines()[-1]))
    result["server_cpu"] = _server_cpu(settings) - began
    return result


_METHODS: dict[str, Method] = {"lookup": "lookup", "merge": "merge", "create": "create"}
_MODES = {
    "lookup": "look-up: CREATE new, MERGE existing (the loader)",
    "merge": "MERGE every row",
    "create": "plain CREATE",
}


def _loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _row(label: str, mode: str, runs: list[dict[str, float]]) -> str:
    times = [r["seconds"] for r in runs]
    rows = runs[0]["rows"]
    best, median = min(times), statistics.median(times)
    rss = max(r["rss_mb"] for r in runs)
    cpu = statistics.median(r["server_cpu"] for r in runs)
    return (
        f"| {label} | {mode} | {len(runs)} | {rows:,.0f} | {best:.1f} | {median:.1f} "
        f"| {rows / median:,.0f} | {cpu:.0f} | {rss:,.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ego", type=Path, help="the ego-Facebook folder")
    parser.add_argument("--ego-runs", type=int, default=5)
    parser.add_argument("--people", type=int, nargs="*", default=[])
    parser.add_argument("--runs", type=int, default=1, help="runs per synthetic size and mode")
    parser.add_argument(
        "--modes", nargs="+", choices=list(_MODES), default=list(_MODES), help="synthetic modes"
    )
    parser.add_argument("--no-rerun", action="store_true", help="skip the synthetic re-run")
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
    print(
        "| load | statements | runs | rows | min s | median s | rows/s (median) "
        "| server CPU s (median) | loader peak RSS MB |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    if args.ego:
        runs = [_child("ego", str(args.ego), "merge") for _ in range(args.ego_runs)]
        print(_row("ego-Facebook", "MERGE", runs), flush=True)
    for people in args.people:
        label = f"synthetic {people:,}"
        by_mode: dict[str, list[dict[str, float]]] = {mode: [] for mode in args.modes}
        for _ in range(args.runs):
            for mode in args.modes:
                _fresh_store(settings)
                by_mode[mode].append(_child("synthetic", str(people), mode))
        for mode in args.modes:
            print(_row(label, _MODES[mode], by_mode[mode]), flush=True)
        if not args.no_rerun:
            rerun = [_child("synthetic", str(people), "rerun")]
            print(_row(label, "look-up, re-run (no change)", rerun), flush=True)
    print()
    print(f"load average after (1/5/15 min): {_loadavg()}")


if __name__ == "__main__":
    main()
