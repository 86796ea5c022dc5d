"""`MENTORGRAPH_ALLOWED_HOSTS`: a request naming another `Host` is refused on both
transports (against DNS rebinding, `api.hosts`), through a real uvicorn."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import InvalidStatus

from api.hosts import host_name
from graph.settings import Settings
from tests.servers import api_server
from tests.ws import Socket


@pytest.fixture(scope="module")
def base(settings: Settings) -> Iterator[str]:
    env = {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_ALLOWED_HOSTS": "127.0.0.1"}
    with api_server(env) as url:
        yield url


def test_a_named_host_is_answered_and_another_is_refused_in_the_error_shape(base: str) -> None:
    query = {"query": "{ __typename }"}
    named = httpx.post(f"{base}/graphql", json=query)
    assert named.json() == {"data": {"__typename": "Query"}}
    for host in ("evil.test", "localhost", "127.0.0.1.evil.test"):
        refused = httpx.post(f"{base}/graphql", json=query, headers={"host": host})
        assert refused.status_code == 400, host
        assert refused.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_websocket_naming_another_host_is_refused_at_the_handshake(base: str) -> None:
    with pytest.raises(InvalidStatus) as refused:
        await Socket.open(base.replace("127.0.0.1", "localhost"))  # not named
    assert refused.value.response.status_code == 403
    socket = await Socket.open(base)
    assert (await socket.init())["type"] == "connection_ack"
    await socket.close()


@pytest.mark.parametrize(
    ("header", "name"),
    [("localhost:8000", "localhost"), ("LOCALHOST", "localhost"), ("[::1]:8000", "[::1]"),
     ("[::1]", "[::1]"), ("127.0.0.1", "127.0.0.1"), ("", "")],
)  # fmt: skip
def test_a_host_header_names_its_host_without_the_port(header: str, name: str) -> None:
    assert host_name(header) == name
