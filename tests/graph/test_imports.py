"""What a process loads at start: the app and the CLI load neither pandas nor OR-Tools,
each a fifth of a second to more than a second of every uvicorn and CLI start."""

from __future__ import annotations

import subprocess
import sys

from tests.servers import ROOT

PROBE = "import sys, api.app, api.cli.main; print(sorted({'pandas', 'ortools'} & set(sys.modules)))"


def test_the_app_and_the_cli_start_without_pandas_or_ortools() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


def test_pandas_stays_importable_after_the_driver() -> None:
    probe = "import graph, pandas, neo4j._optional_deps as d; print(d.pd is None, pandas.NA)"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "True <NA>"
