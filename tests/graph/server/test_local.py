"""The provisioned Neo4j: start, crash recovery, stop, and refusals.

These use a second server (own store, own port) so the session's server is untouched:
the run's spare one for the crash, throwaway ones for the refusals.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
from pathlib import Path

import pytest

from graph.database import Database
from graph.errors import ServerError
from graph.registry import statement
from graph.server.local import ENTRY_POINT, LocalServer
from graph.settings import Settings
from tests.builders import fixture_statement
from tests.servers import neo4j_port, neo4j_settings


def _java_processes_for(home: Path) -> list[str]:
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True)
    return [line for line in ps.stdout.splitlines() if ENTRY_POINT in line and str(home) in line]


async def _count_nodes(settings: Settings) -> int:
    database = Database.connect(settings)
    try:
        rows = await database.read(statement("admin/count_nodes"))
        return int(rows[0]["nodes"])
    finally:
        await database.close()


async def _write_marker(settings: Settings) -> None:
    database = Database.connect(settings)
    try:
        await database.write(fixture_statement("create_placeholder"), {"key": "crash-probe"})
    finally:
        await database.close()


def test_kill_9_loses_nothing_committed_and_stop_leaves_no_process(spare_neo4j: Settings) -> None:
    own = spare_neo4j
    server = LocalServer(own)
    server.start()  # the run's spare server may be running already (tests/api/test_faults.py)
    assert server.start() is False, "a second start is a no-op"
    try:
        asyncio.run(_write_marker(own))
        committed = asyncio.run(_count_nodes(own))
        server.kill()
        assert _java_processes_for(own.local.home) == []
        assert server.start() is True, "start recovers the store after kill -9"
        assert asyncio.run(_count_nodes(own)) == committed
        status = server.status()
        assert status.running and status.version and status.version.startswith("5.26.")
        assert status.store == own.local.home / "data"
    finally:
        server.stop()
    assert _java_processes_for(own.local.home) == []
    assert server.status().running is False


def test_a_port_taken_by_something_else_is_refused_and_nothing_is_killed(
    settings: Settings, tmp_path: Path
) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = int(squatter.getsockname()[1])
        server = LocalServer(neo4j_settings(settings, tmp_path / "neo4j", port))
        with pytest.raises(ServerError, match=f"port {port}.*Nothing was killed"):
            server.start()
        assert squatter.fileno() != -1


def test_missing_maven_is_named(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
    monkeypatch.setenv("PATH", "/nonexistent")
    server = LocalServer(neo4j_settings(settings, tmp_path / "neo4j", neo4j_port()))
    with pytest.raises(ServerError, match=r"Maven \(mvn\) is not on PATH"):
        server.ensure_runtime()


async def test_the_tests_server_keeps_its_plans_as_configured(
    settings: Settings, database: Database
) -> None:
    """The run's own server plans each statement once, not again for each test's graph."""
    if not settings.managed:
        pytest.skip("NEO4J_URI names a server this run does not configure")
    (row,) = await database.read(fixture_statement("replan_interval"))
    assert settings.local.min_replan_interval == "1h"
    assert row["value"] == "1h"
