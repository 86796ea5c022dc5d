"""Trusted documents: only what the frontend build registered runs, on every entry.

The manifests as `@apollo/generate-persisted-query-manifest` and `relay-compiler`
(`persistConfig.file`) write them; a bad one stops the server. A real uvicorn in
trusted mode is walked entry by entry: HTTP POST and GET, graphql-transport-ws
`subscribe` and graphql-ws `start`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.trusted_documents import APOLLO_FORMAT, ManifestError, TrustedDocuments, sha256_hex
from graph.database import Database
from graph.settings import Settings
from tests.servers import api_exit, api_server
from tests.ws import LEGACY_WS, TRANSPORT_WS, Socket

QUERY = "query Viewer { viewer { name } }"
SUBSCRIPTION = "subscription Requests { mentorshipRequestUpdated { key } }"
FREE_FORM = "{ viewer { key } }"
INTROSPECTION = "{ __schema { queryType { name } } }"


def apollo_manifest(*bodies: str) -> dict[str, Any]:
    operations = [
        {"id": sha256_hex(body), "name": body.split()[1], "type": body.split()[0], "body": body}
        for body in bodies
    ]
    return {"format": APOLLO_FORMAT, "version": 1, "operations": operations}


def written(path: Path, manifest: object) -> Path:
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


def test_an_apollo_manifest_names_each_document_by_its_sha256(tmp_path: Path) -> None:
    documents = TrustedDocuments.load(written(tmp_path / "m.json", apollo_manifest(QUERY)))
    assert documents.get(sha256_hex(QUERY)) == QUERY
    assert documents.get(f"sha256:{sha256_hex(QUERY)}") == QUERY
    assert documents.registers(QUERY)
    assert not documents.registers(QUERY + " ")


@pytest.mark.parametrize("algorithm", ["md5", "sha1", "sha256"])
def test_a_relay_manifest_names_each_text_by_its_digest(tmp_path: Path, algorithm: str) -> None:
    relay_id = hashlib.new(algorithm, QUERY.encode()).hexdigest()
    documents = TrustedDocuments.load(written(tmp_path / "q.json", {relay_id: QUERY}))
    assert documents.get(relay_id) == QUERY
    assert documents.get(f"sha256:{sha256_hex(QUERY)}") == QUERY


def _with_operation(**changed: str) -> dict[str, Any]:
    """An Apollo manifest whose one operation has `changed` fields."""
    operation = apollo_manifest(QUERY)["operations"][0]
    return {**apollo_manifest(), "operations": [{**operation, **changed}]}


BAD_MANIFESTS = [
    ([], "not a persisted query manifest"),
    ({"a" * 32: 1}, "not a persisted query manifest"),
    ({"0" * 32: QUERY}, "is not the MD5, SHA-1 or SHA-256 hex digest"),
    ({"custom-id": QUERY}, "is not the MD5, SHA-1 or SHA-256 hex digest"),
    ({**apollo_manifest(QUERY), "version": 2}, '"version": 1'),
    ({**apollo_manifest(QUERY), "operations": {}}, '"operations" is a list'),
    ({**apollo_manifest(), "operations": [{"id": "x"}]}, 'string "id", "name", "type"'),
    (
        {
            **apollo_manifest(),
            "operations": [{**apollo_manifest(QUERY)["operations"][0], "id": "0"}],
        },
        "operations[0] (Viewer): the id is not the SHA-256 of the body",
    ),
    (
        {
            **apollo_manifest(),
            "operations": [{**apollo_manifest(QUERY)["operations"][0], "type": "x"}],
        },
        "has type 'x'",
    ),
]


@pytest.mark.parametrize(("manifest", "reason"), BAD_MANIFESTS)
def test_a_bad_manifest_is_refused_with_the_reason(
    tmp_path: Path, manifest: object, reason: str
) -> None:
    with pytest.raises(ManifestError, match="MENTORGRAPH_TRUSTED_DOCUMENTS") as refused:
        TrustedDocuments.load(written(tmp_path / "bad.json", manifest))
    assert reason in str(refused.value)


def test_a_server_with_a_bad_or_missing_manifest_does_not_start(tmp_path: Path) -> None:
    bad = written(tmp_path / "bad.json", {"custom-id": QUERY})
    missing = tmp_path / "missing.json"
    for path, reason in ((bad, "is not the MD5, SHA-1"), (missing, "cannot read")):
        result = api_exit({"MENTORGRAPH_TRUSTED_DOCUMENTS": str(path)})
        assert result.returncode != 0
        assert "MENTORGRAPH_TRUSTED_DOCUMENTS: " in result.stderr
        assert reason in result.stderr
        assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def trusted(
    settings: Settings, database: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    manifest = written(
        tmp_path_factory.mktemp("trusted") / "manifest.json",
        apollo_manifest(QUERY, SUBSCRIPTION),
    )
    env = {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_TRUSTED_DOCUMENTS": str(manifest)}
    with api_server(env) as base:
        yield base


Entry = Callable[[str, dict[str, Any]], Awaitable[str | None]]
"""Sends an operation's parameters one way; the first error's code, None when it ran."""


async def _post(base: str, params: dict[str, Any]) -> str | None:
    async with httpx.AsyncClient(timeout=30) as http:
        return _code(await http.post(f"{base}/graphql", json=params))


async def _get(base: str, params: dict[str, Any]) -> str | None:
    encoded = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
    headers = {"accept": "application/json"}
    async with httpx.AsyncClient(timeout=30) as http:
        return _code(await http.get(f"{base}/graphql", params=encoded, headers=headers))


def _code(response: httpx.Response) -> str | None:
    errors = response.json().get("errors")
    return str(errors[0]["extensions"]["code"]) if errors else None


async def _socket(base: str, protocol: str, params: dict[str, Any]) -> str | None:
    sock = await Socket.open(base, protocol)
    try:
        assert (await sock.init())["type"] == "connection_ack"
        kind = "subscribe" if protocol == TRANSPORT_WS else "start"
        await sock.send({"id": "1", "type": kind, "payload": params})
        answer = await sock.receive()
    finally:
        await sock.close()
    if answer["type"] != "error":
        assert answer["type"] in ("next", "data"), answer
        errors = answer["payload"].get("errors")
        return str(errors[0]["extensions"]["code"]) if errors else None
    payload = answer["payload"]
    return str((payload[0] if isinstance(payload, list) else payload)["extensions"]["code"])


async def _transport_ws(base: str, params: dict[str, Any]) -> str | None:
    return await _socket(base, TRANSPORT_WS, params)


async def _legacy_ws(base: str, params: dict[str, Any]) -> str | None:
    return await _socket(base, LEGACY_WS, params)


def _hashed(text: str) -> dict[str, Any]:
    return {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(text)}}}


# Each entry with a registered document it may run, and what running it anonymously
# answers: the legacy protocol runs subscriptions only, which want a viewer.
ENTRIES: list[tuple[Entry, str, str | None]] = [
    (_post, QUERY, None),
    (_get, QUERY, None),
    (_transport_ws, QUERY, None),
    (_legacy_ws, SUBSCRIPTION, "UNAUTHENTICATED"),
]


@pytest.mark.parametrize(("send", "registered", "ran"), ENTRIES)
async def test_every_entry_runs_registered_documents_only(
    trusted: str, send: Entry, registered: str, ran: str | None
) -> None:
    assert await send(trusted, _hashed(registered)) == ran
    assert await send(trusted, {"documentId": sha256_hex(registered)}) == ran
    assert await send(trusted, {"doc_id": f"sha256:{sha256_hex(registered)}"}) == ran
    assert await send(trusted, {"query": registered}) == ran
    for refused in (FREE_FORM, INTROSPECTION):
        assert await send(trusted, {"query": refused}) == "PERSISTED_QUERY_REQUIRED"
        # Sent as APQ registers it, nothing registers: the hash stays unknown.
        assert await send(trusted, {"query": refused, **_hashed(refused)}) == (
            "PERSISTED_QUERY_REQUIRED"
        )
        assert await send(trusted, _hashed(refused)) == "PERSISTED_QUERY_NOT_IN_LIST"
    assert await send(trusted, {"documentId": "unknown"}) == "PERSISTED_QUERY_NOT_IN_LIST"


async def test_refusals_carry_their_http_status(trusted: str) -> None:
    async with httpx.AsyncClient(base_url=trusted, timeout=30) as http:
        free_form = await http.post("/graphql", json={"query": FREE_FORM})
        unknown = await http.post("/graphql", json={"documentId": "unknown"})
    assert (free_form.status_code, unknown.status_code) == (403, 404)
