"""GraphiQL's page and files, in process: only this service's own assets, no inline script,
a strict CSP, cache headers by kind, and the vendored files as their manifest says."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from api.app import create_app
from api.graphiql.assets import IMMUTABLE, MANIFEST, REVALIDATE, STATIC
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.servers import lifespan

HTML = {"Accept": "text/html"}
ASSET = re.compile(r'<(?:script|link rel="stylesheet")[^>]* (?:src|href)="([^"]+)"')


@asynccontextmanager
async def _client(
    settings: Settings, api_settings: ApiSettings, *, graphiql: bool = True
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, dataclasses.replace(api_settings, graphiql=graphiql))
    async with lifespan(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def test_the_page_loads_only_its_own_files_under_a_strict_policy(
    settings: Settings, api_settings: ApiSettings, database: Database
) -> None:
    async with _client(settings, api_settings) as http:
        page = await http.get("/graphql", headers=HTML)
        sources = ASSET.findall(page.text)
        files = {source: await http.get(f"/{source}") for source in sources}
        again = await http.get("/graphql", headers=HTML)
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "default-src 'none'" in policy
    nonce = re.search(r"'nonce-([\w-]+)'", policy)
    assert nonce and f'content="{nonce[1]}"' in page.text
    assert nonce[1] not in again.headers["content-security-policy"], "a nonce per page"
    assert re.findall(r"<script(?![^>]* src=)", page.text) == [], "no inline script"
    assert [s for s in sources if not s.startswith("graphiql/")] == []
    assert sources[-1] == "graphiql/start.js"
    for source, response in files.items():
        assert response.status_code == 200, source
        assert response.headers["x-content-type-options"] == "nosniff"
        kind = "text/javascript" if source.endswith(".js") else "text/css"
        assert response.headers["content-type"] == f"{kind}; charset=utf-8", source
        vendored = source.startswith("graphiql/vendor/")
        assert response.headers["cache-control"] == (IMMUTABLE if vendored else REVALIDATE)


async def test_a_cached_file_is_revalidated_with_its_etag(
    settings: Settings, api_settings: ApiSettings, database: Database
) -> None:
    async with _client(settings, api_settings) as http:
        first = await http.get("/graphiql/start.js")
        etag = {"If-None-Match": first.headers["etag"]}
        again = await http.get("/graphiql/start.js", headers=etag)
    assert again.status_code == 304
    assert again.headers["cache-control"] == REVALIDATE


async def test_switched_off_there_is_neither_page_nor_files(
    settings: Settings, api_settings: ApiSettings, database: Database
) -> None:
    async with _client(settings, api_settings, graphiql=False) as http:
        page = await http.get("/graphql", headers=HTML)
        script = await http.get("/graphiql/start.js")
    assert "graphiql" not in page.text.lower()
    assert script.status_code == 404


def test_the_vendored_files_are_what_the_manifest_says_with_their_licences() -> None:
    manifest = json.loads(MANIFEST.read_text())
    listed = {MANIFEST.parent / "manifest.json"}
    for package in manifest:
        assert re.fullmatch(r"\d+\.\d+\.\d+", package["version"]), "an exact version"
        assert package["license"] == "MIT"
        for file in [package["licenseFile"], *package["files"]]:
            path = MANIFEST.parent / file["path"]
            assert path.parent.name == f"{package['name']}@{package['version']}"
            assert hashlib.sha256(path.read_bytes()).hexdigest() == file["sha256"], path
            listed.add(path)
    shipped = {path for path in (STATIC / "vendor").rglob("*") if path.is_file()}
    assert shipped == listed
