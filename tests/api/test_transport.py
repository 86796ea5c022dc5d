"""Requests `/graphql` cannot read answer 4xx with a JSON error body, never 500.

Every entry that carries JSON: a POST body, GET's `variables` and `extensions`, a
multipart body (uploads are off), a content type that is none of these.
"""

from __future__ import annotations

import httpx
import pytest

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


async def test_other_content_types_and_multipart_answer_400(client: httpx.AsyncClient) -> None:
    files = {"operations": (None, '{"query": "{ viewer { name } }"}'), "map": (None, "{}")}
    _assert_json_error(await client.post("/graphql", files=files))
    text = {"content-type": "text/plain"}
    _assert_json_error(await client.post("/graphql", content=QUERY, headers=text))
