"""`mentorgraph load` and `mentorgraph stats`, run as a user would (subprocesses)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "mentorgraph"
ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        cwd=ROOT,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("people", "message"),
    [("0", "at least 1, got 0"), ("-4", "at least 1, got -4"), ("9000000", "5,000,000")],
)
def test_absurd_sizes_are_refused_before_touching_neo4j(people: str, message: str) -> None:
    result = _run("load", "synthetic", "--people", people, "--seed", "1")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_missing_ego_folder_is_named(neo4j_server: None, tmp_path: Path) -> None:
    result = _run("load", "ego-facebook", "--path", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere'}: no such folder" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_stats_print_the_same_hash_after_reloading_the_same_seed(neo4j_server: None) -> None:
    hashes = []
    for _ in range(2):
        loaded = _run("load", "synthetic", "--people", "150", "--seed", "9")
        assert loaded.returncode == 0, loaded.stderr
        stats = _run("stats")
        assert stats.returncode == 0, stats.stderr
        assert "(:Person)" in stats.stdout
        hashes += re.findall(r"content hash: ([0-9a-f]{32})", stats.stdout)
    assert len(hashes) == 2
    assert hashes[0] == hashes[1]
