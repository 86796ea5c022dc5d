"""`/metrics`: what it counts, in the app and across processes that share a directory."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from api.metrics import MULTIPROCESS_DIR, metrics_directory
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.servers import api_server
from tests.ws import Socket

REQUESTS = "mentorgraph_http_requests_total"
ERRORS = "mentorgraph_graphql_errors_total"
LATENCY_COUNT = "mentorgraph_http_request_duration_seconds_count"
OPEN_WEBSOCKETS = "mentorgraph_websockets_open"


async def scrape(http: httpx.AsyncClient, base: str = "") -> dict[tuple[str, frozenset], float]:
    response = await http.get(f"{base}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: dict[tuple[str, frozenset], float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def test_requests_errors_and_latency_are_counted(client: httpx.AsyncClient) -> None:
    before = await scrape(client)
    assert (await client.post("/graphql", json={"query": "{ viewer { key } }"})).status_code == 200
    too_many = await client.post(
        "/graphql", json={"query": "{ skills(first: 500) { edges { cursor } } }"}
    )
    assert too_many.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert (await client.get("/nowhere/p-0000042")).status_code == 404
    after = await scrape(client)

    def added(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert added(REQUESTS, route="/graphql", method="POST", status="200") == 2
    assert added(LATENCY_COUNT, route="/graphql") == 2
    assert added(ERRORS, code="BAD_USER_INPUT") == 1
    # An unknown path is counted as `other`: labels never carry what a client made up.
    assert added(REQUESTS, route="other", method="GET", status="404") == 1
    assert not any("p-0000042" in str(labels) for _, labels in after)


async def test_processes_sharing_a_directory_report_each_others_counts(
    settings: Settings, api_settings: ApiSettings, database: Database, tmp_path: Path
) -> None:
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": api_settings.jwt_secret,
        MULTIPROCESS_DIR: str(tmp_path),
    }
    with api_server(env) as first, api_server(env) as second:
        async with httpx.AsyncClient() as http:
            for _ in range(3):
                await http.get(f"{first}/readyz")
            for _ in range(4):
                await http.get(f"{second}/readyz")
            for base in (first, second):
                samples = await scrape(http, base)
                assert value(samples, REQUESTS, route="/readyz", method="GET", status="200") == 7

            socket = await Socket.open(first)
            samples = await scrape(http, second)
            assert value(samples, OPEN_WEBSOCKETS) == 1
            await socket.close()
            for _ in range(50):
                if value(await scrape(http, second), OPEN_WEBSOCKETS) == 0:
                    break
                await asyncio.sleep(0.1)
            assert value(await scrape(http, second), OPEN_WEBSOCKETS) == 0


def test_several_workers_get_a_directory_and_a_named_one_is_emptied_of_earlier_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MULTIPROCESS_DIR, raising=False)
    with metrics_directory(1):
        assert MULTIPROCESS_DIR not in os.environ
    with metrics_directory(2):
        made = Path(os.environ[MULTIPROCESS_DIR])
        assert made.is_dir()
    assert not made.exists()
    assert MULTIPROCESS_DIR not in os.environ

    monkeypatch.setenv(MULTIPROCESS_DIR, str(tmp_path))
    for workers in (1, 2):
        earlier = tmp_path / "counter_123.db"
        earlier.write_bytes(b"stale")
        own = tmp_path / f"gauge_livesum_{os.getpid()}.db"
        own.write_bytes(b"this process's, made at import")
        (tmp_path / "notes.txt").write_text("kept")
        with metrics_directory(workers):
            assert sorted(p.name for p in tmp_path.iterdir()) == sorted([own.name, "notes.txt"])
        assert os.environ[MULTIPROCESS_DIR] == str(tmp_path)
