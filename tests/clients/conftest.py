"""One real uvicorn for the whole client suite: the Node clients talk to it over the wire."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.clients.node import BOUND
from tests.servers import api_server


@pytest.fixture(scope="package")
def server(settings: Settings, database: Database) -> Iterator[str]:
    """The API's base URL (http://127.0.0.1:PORT); each test still wipes the graph."""
    with api_server({"NEO4J_URI": settings.neo4j_uri}) as base:
        yield base


@pytest.fixture
async def api(server: str, api_settings: ApiSettings) -> AsyncIterator[GraphQLClient]:
    """Documents sent to that server from Python, to set the scene for a client."""
    async with httpx.AsyncClient(base_url=server, timeout=BOUND) as http:
        yield GraphQLClient(http, api_settings.jwt_secret)
