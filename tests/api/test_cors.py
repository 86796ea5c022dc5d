"""CORS through the real ASGI app: preflights from an allowed origin and from another, and
the origins MENTORGRAPH_CORS_ORIGINS accepts."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from api.cors import PREFLIGHT_MAX_AGE
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings, SettingsError
from tests.servers import lifespan

ALLOWED = "http://localhost:3000"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,content-type",
}


@pytest.fixture
async def http(
    settings: Settings, api_settings: ApiSettings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, dataclasses.replace(api_settings, cors_origins=(ALLOWED,)))
    async with lifespan(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_a_preflight_from_an_allowed_origin_is_answered_and_cached(
    http: httpx.AsyncClient,
) -> None:
    response = await http.options("/graphql", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert response.headers["access-control-allow-credentials"] == "true"
    assert response.headers["access-control-max-age"] == str(PREFLIGHT_MAX_AGE)
    assert set(response.headers["access-control-allow-methods"].split(", ")) == {"GET", "POST"}
    allowed_headers = response.headers["access-control-allow-headers"].lower().split(", ")
    assert {"authorization", "content-type"} <= set(allowed_headers)


async def test_a_preflight_from_another_origin_is_refused(http: httpx.AsyncClient) -> None:
    for origin in ("http://localhost:4000", "https://localhost:3000", "null"):
        response = await http.options("/graphql", headers={"Origin": origin, **PREFLIGHT})
        assert response.status_code == 400, origin
        assert "access-control-allow-origin" not in response.headers
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST", origin


async def test_answers_to_an_allowed_origin_say_so_and_vary_by_origin(
    http: httpx.AsyncClient,
) -> None:
    query = {"query": "{ __typename }"}
    allowed = await http.post("/graphql", json=query, headers={"Origin": ALLOWED})
    other = await http.post("/graphql", json=query, headers={"Origin": "http://localhost:4000"})
    assert allowed.headers["access-control-allow-origin"] == ALLOWED
    assert "origin" in allowed.headers["vary"].lower()
    assert "access-control-allow-origin" not in other.headers


def test_no_origin_is_allowed_by_default(api_settings: ApiSettings) -> None:
    assert ApiSettings(jwt_secret=api_settings.jwt_secret).cors_origins == ()


def test_origins_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MENTORGRAPH_CORS_ORIGINS", " http://localhost:3000, https://[::1]:8443,")
    origins = ApiSettings.from_env().cors_origins
    assert origins == ("http://localhost:3000", "https://[::1]:8443")


@pytest.mark.parametrize(
    "origin",
    [
        "*",
        "localhost:3000",
        "http://localhost:3000/",
        "http://localhost:3000/app",
        "http://Localhost:3000",
        "HTTP://localhost:3000",
        "https://example.com:443",
        "http://example.com:80",
        "http://localhost:99999",
        "http://user@localhost:3000",
        "ftp://localhost",
        "null",
    ],
)
def test_anything_but_an_origin_as_browsers_send_it_is_refused(
    origin: str, api_settings: ApiSettings
) -> None:
    with pytest.raises(SettingsError, match="MENTORGRAPH_CORS_ORIGINS"):
        ApiSettings(jwt_secret=api_settings.jwt_secret, cors_origins=(origin,))
