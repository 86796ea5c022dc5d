"""Hundreds of generated GraphQL documents, valid and invalid, against a real uvicorn:
no HTTP 5xx, no internal error (masked or not), no traceback in any response.

The examples are derandomized (a seed drawn from each test), so every run sends the same
documents and a failure reproduces; `MENTORGRAPH_FUZZ_EXAMPLES` sends more for a deeper run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from api.auth import issue_token
from api.schema import schema_sdl
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.builders import build, knows, mentor, person, skill
from tests.servers import api_server

SDL = schema_sdl()
EXAMPLES = int(os.environ.get("MENTORGRAPH_FUZZ_EXAMPLES", "100"))
"""Per test below: four tests make 400 documents by default."""


@pytest.fixture(scope="module")
async def fuzz_graph(database: Database) -> Database:
    from graph.server.admin import wipe

    await wipe(database)
    await build(
        database,
        people=[person("ann"), mentor("max"), person("cy", visibility="PRIVATE")],
        skills=[skill("python")],
        knows=knows(("ann", "max")),
    )
    return database


@pytest.fixture(scope="module")
def http(
    settings: Settings, api_settings: ApiSettings, fuzz_graph: Database
) -> Iterator[httpx.Client]:
    # The client outwaits the server's own request deadline: a slow answer is the server's
    # to bound (and to answer as an error this test would see), not the client's.
    with (
        api_server(
            {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_MUTATIONS_PER_MINUTE": "0"}
        ) as url,
        httpx.Client(base_url=url, timeout=api_settings.request_timeout * 2) as client,
    ):
        yield client


def _check(http: httpx.Client, document: str, token: str | None) -> None:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = http.post("/graphql", json={"query": document}, headers=headers)
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text
    for error in response.json().get("errors") or []:
        assert error.get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR", (
            document,
            error,
        )


def _token(api_settings: ApiSettings) -> st.SearchStrategy[str | None]:
    return st.sampled_from([None, issue_token(api_settings.jwt_secret, "ann")])


SCALARS = {
    "Date": st.dates().map(lambda day: nodes.String(day.isoformat())),
    "DateTime": st.datetimes(timezones=st.just(dt.UTC)).map(
        lambda moment: nodes.String(moment.isoformat())
    ),
}
"""Our scalars, as RFC 3339 strings (their @specifiedBy); the negative mode still sends junk."""

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.parametrize("mode", [Mode.POSITIVE, Mode.NEGATIVE])
def test_generated_queries_never_fail_the_server(
    http: httpx.Client, api_settings: ApiSettings, mode: Mode
) -> None:
    @FUZZ
    @given(document=queries(SDL, mode=mode, custom_scalars=SCALARS), token=_token(api_settings))
    def run(document: str, token: str | None) -> None:
        _check(http, document, token)

    run()


@pytest.mark.parametrize("mode", [Mode.POSITIVE, Mode.NEGATIVE])
def test_generated_mutations_never_fail_the_server(
    http: httpx.Client, api_settings: ApiSettings, mode: Mode
) -> None:
    @FUZZ
    @given(document=mutations(SDL, mode=mode, custom_scalars=SCALARS), token=_token(api_settings))
    def run(document: str, token: str | None) -> None:
        _check(http, document, token)

    run()
