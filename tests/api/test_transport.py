"""Requests `/graphql` cannot read or will not run answer 4xx with a JSON error body.

Every entry that carries JSON: a POST body, GET's `variables` and `extensions`; and
every refusal before GraphQL runs, from any layer (the router, the size limit, the
view): never `text/plain`, never 500.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from api.settings import ApiSettings

JSON = {"content-type": "application/json"}
QUERY = "{ viewer { name } }"

BODIES = [
    b'\xff\xfe{"query": "{ viewer { name } }"}',  # not UTF-8 (a UTF-16 byte order mark)
    '{"query": "{ viewer { name } }"}'.encode("utf-16"),
    b'{"query": "\xc3\x28"}',  # invalid UTF-8 inside a string
    b'{"query": ',
    b"",
    b'"a string"',
    b"42",
    b"null",
    b"true",
    b"[]",
    b'[{"query": "{ viewer { name } }"}]',  # a batch: batching is off
    b'{"query": 1}',
    b'{"query": "{ viewer { name } }", "variables": []}',
    b'{"query": "{ viewer { name } }", "extensions": "x"}',
]

PARAMS = [
    {"query": QUERY, "variables": "{not json"},
    {"query": QUERY, "variables": "1"},
    {"query": QUERY, "variables": "[]"},
    {"query": QUERY, "variables": "null"},
    {"query": QUERY, "extensions": '"x"'},
]


def _assert_json_error(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "Traceback" not in response.text


@pytest.mark.parametrize("body", BODIES)
async def test_a_post_body_that_is_not_a_json_request_answers_400(
    client: httpx.AsyncClient, body: bytes
) -> None:
    _assert_json_error(await client.post("/graphql", content=body, headers=JSON))


async def test_get_parameters_that_are_not_json_objects_answer_400(
    client: httpx.AsyncClient,
) -> None:
    for params in PARAMS:
        _assert_json_error(await client.get("/graphql", params=params))
    not_utf8 = "/graphql?query=%7Bviewer%7Bname%7D%7D&variables=%FF%FE"
    _assert_json_error(await client.get(not_utf8))


SUBSCRIPTION = "subscription { mentorshipRequestUpdated { key } }"
_OVER_THE_BODY_LIMIT = b" " * (ApiSettings.max_body_bytes + 1)

REFUSALS: list[tuple[str, str, dict[str, Any], int, str, str | None]] = [
    # method, path, what httpx sends, status, code, Allow
    ("GET", "/graphql", {"params": {"query": "mutation { __typename }"}}, 405,
     "METHOD_NOT_ALLOWED", "POST"),
    ("DELETE", "/graphql", {}, 405, "METHOD_NOT_ALLOWED", "GET, POST"),
    ("GET", "/nowhere", {}, 404, "NOT_FOUND", None),
    ("POST", "/graphql", {"content": QUERY, "headers": {"content-type": "text/plain"}}, 415,
     "UNSUPPORTED_MEDIA_TYPE", None),
    ("POST", "/graphql", {"content": QUERY}, 415, "UNSUPPORTED_MEDIA_TYPE", None),
    ("POST", "/graphql", {"files": {"operations": (None, "{}"), "map": (None, "{}")}}, 415,
     "UNSUPPORTED_MEDIA_TYPE", None),
    ("POST", "/graphql", {"json": {"query": QUERY}, "headers": {"accept": "text/event-stream"}},
     406, "NOT_ACCEPTABLE", None),
    ("POST", "/graphql", {"content": b'{"query": ', "headers": JSON}, 400, "BAD_REQUEST", None),
    ("POST", "/graphql", {"content": _OVER_THE_BODY_LIMIT, "headers": JSON}, 413,
     "PAYLOAD_TOO_LARGE", None),
    ("POST", "/graphql", {"json": [{"query": QUERY}]}, 400, "BAD_REQUEST", None),
    ("POST", "/graphql", {"json": {"query": SUBSCRIPTION}}, 400, "BAD_REQUEST", None),
    ("GET", "/graphql", {"params": {"query": SUBSCRIPTION}}, 400, "BAD_REQUEST", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "sent", "status", "code", "allow"),
    REFUSALS,
    ids=[f"{r[3]}-{r[4]}-{i}" for i, r in enumerate(REFUSALS)],
)
async def test_every_refusal_answers_json_with_a_code(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    sent: dict[str, Any],
    status: int,
    code: str,
    allow: str | None,
) -> None:
    response = await client.request(method, path, **sent)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == code
    assert error["message"]
    assert _allowed(response) == allow


def _allowed(response: httpx.Response) -> str | None:
    """The Allow header's methods in order (Starlette's router lists them from a set)."""
    allow = response.headers.get("allow")
    return None if allow is None else ", ".join(sorted(allow.replace(" ", "").split(",")))


async def test_head_answers_405_with_what_graphql_takes(client: httpx.AsyncClient) -> None:
    response = await client.head("/graphql")
    assert response.status_code == 405
    assert _allowed(response) == "GET, POST"


async def test_a_subscription_over_http_says_where_subscriptions_run(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/graphql", json={"query": SUBSCRIPTION})
    assert "WebSocket" in response.json()["errors"][0]["message"]


async def test_a_media_type_in_upper_case_is_json(client: httpx.AsyncClient) -> None:
    """Media types are case-insensitive (RFC 9110, 8.3.1)."""
    headers = {"content-type": "APPLICATION/JSON; charset=UTF-8"}
    response = await client.post(
        "/graphql", content=b'{"query": "{ __typename }"}', headers=headers
    )
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("method", ["PUT", "PATCH", "OPTIONS"])
async def test_every_other_method_answers_405_naming_get_and_post(
    client: httpx.AsyncClient, method: str
) -> None:
    response = await client.request(method, "/graphql")
    assert response.status_code == 405
    assert _allowed(response) == "GET, POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize("accept", ["*/*", "application/json, */*", "text/html, */*"])
async def test_a_get_naming_a_persisted_document_runs_whatever_it_accepts(
    client: httpx.AsyncClient, accept: str
) -> None:
    """A GET without `query` but with a document's id is an operation, not a visit to
    GraphiQL: `fetch()` sends `Accept: */*`, and a browser `text/html, */*`."""
    hashed = '{"persistedQuery": {"version": 1, "sha256Hash": "%s"}}' % ("b" * 64)
    for params in ({"extensions": hashed}, {"documentId": "sha256:" + "b" * 64}):
        response = await client.get("/graphql", params=params, headers={"accept": accept})
        assert response.headers["content-type"].startswith("application/json"), params
        assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
