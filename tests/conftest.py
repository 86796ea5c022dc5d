"""Fixtures: a real Neo4j (started or reused), a migrated database, the real ASGI app.

Unless `NEO4J_URI` names a server, the tests provision their own Neo4j in
`.neo4j/test` on port 7688, apart from the development server of `make run`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import neo4j
import pytest
from starlette.applications import Starlette

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("MENTORGRAPH_NEO4J_HOME", str(ROOT / ".neo4j" / "test"))
os.environ.setdefault("MENTORGRAPH_NEO4J_PORT", "7688")
os.environ.setdefault("MENTORGRAPH_NEO4J_HEAP", "1g")
os.environ.setdefault("MENTORGRAPH_NEO4J_PAGECACHE", "512m")
# Neo4j plans a statement again whenever the graph's statistics shift, as they do with
# each test's graph; the ranking's statements take seconds to plan on a busy machine. The
# tests that are about timeouts and deadlines set their own.
os.environ.setdefault("MENTORGRAPH_QUERY_TIMEOUT", "120")
os.environ.setdefault("MENTORGRAPH_REQUEST_TIMEOUT", "120")
# So the tests' own server keeps a plan for the run instead of planning again for each
# test's graph: answers never depend on a plan, and a run takes about a fifth less time.
os.environ.setdefault("MENTORGRAPH_NEO4J_MIN_REPLAN_INTERVAL", "1h")
# Compiling every plan at each app's start would only add work: the first test to run a
# statement plans it for the run (tests/graph/ranking/test_plans.py runs the compilation).
os.environ.setdefault("MENTORGRAPH_PREPARE_PLANS", "false")
# An app a test closes may hold a batch of changes whose rankings nobody waits for; the
# default drain would give it 10 s at every such teardown. A released change is retaken at
# once by another consumer (tests that need changes applied wait for them with `drain()`).
os.environ.setdefault("MENTORGRAPH_CHANGE_DRAIN", "1")
# A secret of this run's own, which every process the tests start inherits; never dev mode.
os.environ["MENTORGRAPH_JWT_SECRET"] = secrets.token_urlsafe(32)
os.environ.pop("MENTORGRAPH_DEV_MODE", None)

import graph.database  # noqa: E402
from api.app import create_app  # noqa: E402
from api.settings import ApiSettings  # noqa: E402
from graph.database import Database  # noqa: E402
from graph.server.admin import wipe  # noqa: E402
from graph.server.local import LocalServer  # noqa: E402
from graph.server.migrations import migrate  # noqa: E402
from graph.settings import Settings  # noqa: E402
from tests.api.graphql import GraphQLClient  # noqa: E402
from tests.servers import lifespan, neo4j_port, neo4j_settings  # noqa: E402

EGO_FACEBOOK_DIR = Path(
    os.environ.get("EGO_FACEBOOK_DIR", ROOT.parent / "shared" / "data" / "ego-facebook")
)


_GRAPH_VALUES = (neo4j.graph.Node, neo4j.graph.Relationship, neo4j.graph.Path)


def graph_values(value: object) -> list[object]:
    """Nodes, relationships and paths anywhere inside `value`."""
    if isinstance(value, _GRAPH_VALUES):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return [found for item in value for found in graph_values(item)]
    return []


@pytest.fixture(scope="session", autouse=True)
def rows_hold_no_graph_values() -> Iterator[None]:
    """Holds every statement a test runs to the contract of `graph.database.rows`: maps,
    lists and scalars, never nodes (which the product would hand on unconverted)."""
    plain_rows = graph.database.rows

    async def checked_rows(result: neo4j.AsyncResult) -> list[dict[str, object]]:
        found = await plain_rows(result)
        offending = graph_values(found)
        assert not offending, f"a statement returned graph values: {offending[:3]}"
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(graph.database, "rows", checked_rows)
        yield


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def api_settings() -> ApiSettings:
    return ApiSettings.from_env()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[None]:
    """The real server for the whole run; stopped at the end if this run started it."""
    if not settings.managed:
        yield
        return
    server = LocalServer(settings)
    started = server.start()
    yield
    if started and os.environ.get("MENTORGRAPH_KEEP_NEO4J") != "1":
        server.stop()


@pytest.fixture(scope="session")
def spare_neo4j(
    settings: Settings, neo4j_server: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """Settings of a second provisioned Neo4j (own store, own port) for the tests that kill
    one; the session's server is untouched. One for the run: a fresh store's first start,
    which creates its databases, is the slowest start there is. A test starts it (a no-op
    when it runs) and may leave it running; it is stopped at the end."""
    home = tmp_path_factory.mktemp("spare-neo4j") / "neo4j"
    own = neo4j_settings(settings, home, neo4j_port())
    yield own
    LocalServer(own).stop()


@pytest.fixture(scope="session")
async def database(settings: Settings, neo4j_server: None) -> AsyncIterator[Database]:
    database = Database.connect(settings)
    await migrate(database)
    yield database
    await database.close()


@pytest.fixture
async def empty_graph(database: Database) -> Database:
    """The database with every node deleted (schema kept)."""
    await wipe(database)
    return database


@pytest.fixture
async def app(settings: Settings, empty_graph: Database) -> AsyncIterator[Starlette]:
    """The real ASGI app, lifespan run, over an empty graph."""
    application = create_app(settings)
    async with lifespan(application):
        yield application


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the real ASGI app."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


@pytest.fixture
def gql(client: httpx.AsyncClient, api_settings: ApiSettings) -> GraphQLClient:
    return GraphQLClient(client, api_settings.jwt_secret)
