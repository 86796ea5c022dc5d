"""Size limits hold before any query runs: bodies, WebSocket messages, every string argument."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    OperationType,
    get_named_type,
    get_nullable_type,
)
from websockets.exceptions import ConnectionClosed

from api.app import create_app
from api.schema import build_schema
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.servers import api_server, lifespan
from tests.ws import Socket

SECRET = ApiSettings.from_env().jwt_secret
MAX_BYTES = 10_000
MAX_STRING = 50


@pytest.fixture
async def small(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> AsyncIterator[httpx.AsyncClient]:
    limits = dataclasses.replace(
        api_settings, max_body_bytes=MAX_BYTES, max_string_length=MAX_STRING
    )
    async with lifespan(create_app(settings, limits)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield http


def _search(length: int) -> bytes:
    query = "query($s: String) { people(search: $s) { nodes { key } } }"
    return json.dumps({"query": query, "variables": {"s": "x" * length}}).encode()


async def test_a_body_over_the_limit_is_refused_before_it_is_read(
    small: httpx.AsyncClient,
) -> None:
    headers = {"content-type": "application/json"}
    fits = await small.post("/graphql", content=_search(MAX_STRING), headers=headers)
    assert fits.status_code == 200 and "errors" not in fits.json()
    over = await small.post("/graphql", content=_search(MAX_BYTES), headers=headers)
    assert over.status_code == 413
    assert over.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        body = _search(MAX_BYTES)
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    chunked = await small.post("/graphql", content=chunks(), headers=headers)
    assert chunked.status_code == 413


# Every String, ID or JSON a client can send, at any depth of any argument.
def _string_paths(type_: GraphQLInputType) -> Iterator[tuple[str, ...]]:
    named = get_named_type(type_)
    if isinstance(named, GraphQLInputObjectType):
        for name, field in named.fields.items():
            for rest in _string_paths(field.type):
                yield (name, *rest)
    elif isinstance(named, GraphQLScalarType) and named.name in {"String", "ID", "JSON"}:
        yield ()


class _EnumValue(str):
    """Written bare in a document, as a string in variables."""


def _value(type_: GraphQLInputType, path: tuple[str, ...] | None, long: str) -> Any:
    """A valid value of `type_`, with `long` at `path` (None: a short sample)."""
    inner = get_nullable_type(type_)
    if isinstance(inner, GraphQLList):
        return [_value(inner.of_type, path, long)]
    if isinstance(inner, GraphQLInputObjectType):
        return {
            name: _value(field.type, path[1:] if path and path[0] == name else None, long)
            for name, field in inner.fields.items()
            if (path and path[0] == name) or isinstance(field.type, GraphQLNonNull)
        }
    if isinstance(inner, GraphQLEnumType):
        return _EnumValue(next(iter(inner.values)))
    samples = {
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "JSON": {"k": "x"},
        "Date": "2027-01-04",
        "DateTime": "2027-01-04T09:00:00Z",
    }
    if path is not None:
        return {"k": long} if inner.name == "JSON" else long
    return samples.get(inner.name, "x")


def _routes(schema: GraphQLSchema, root: GraphQLObjectType) -> dict[str, tuple[str, str]]:
    """For each object type reachable from `root`, a selection around it: (before, after)."""
    routes = {root.name: ("", "")}
    pending = [root]
    while pending:
        parent = pending.pop(0)
        before, after = routes[parent.name]
        for name, field in parent.fields.items():
            child = get_named_type(field.type)
            if not isinstance(child, GraphQLObjectType) or child.name in routes:
                continue
            args = _literal_args(field.args)
            routes[child.name] = (f"{before}{name}{args} {{ ", f" }}{after}")
            pending.append(child)
    return routes


def _literal_args(args: dict[str, GraphQLArgument]) -> str:
    required = {n: a for n, a in args.items() if isinstance(a.type, GraphQLNonNull)}
    if not required:
        return ""
    given = ", ".join(f"{n}: {_literal(_value(a.type, None, ''))}" for n, a in required.items())
    return f"({given})"


def _literal(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(_literal, value)) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, _EnumValue):
        return str(value)
    return json.dumps(value) if isinstance(value, str) else str(value)


def _documents(operation: OperationType) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(where, document, variables) for every string position of every argument."""
    schema = build_schema()._schema
    root = schema.get_root_type(operation)
    assert root is not None
    for type_name, (before, after) in _routes(schema, root).items():
        parent = schema.get_type(type_name)
        assert isinstance(parent, GraphQLObjectType)
        for field_name, field in parent.fields.items():
            leaf = isinstance(get_named_type(field.type), GraphQLScalarType | GraphQLEnumType)
            selection = "" if leaf else " { __typename }"
            for arg_name, arg in field.args.items():
                others = _literal_args({n: a for n, a in field.args.items() if n != arg_name})
                args = ", ".join(filter(None, [f"{arg_name}: $v", others[1:-1]]))
                for path in _string_paths(arg.type):
                    document = (
                        f"{operation.value}($v: {arg.type}) "
                        f"{{ {before}{field_name}({args}){selection}{after} }}"
                    )
                    value = _value(arg.type, path, "x" * (MAX_STRING + 1))
                    where = ".".join((f"{type_name}.{field_name}", arg_name, *path))
                    yield where, document, {"v": value}


@pytest.mark.parametrize("operation", [OperationType.QUERY, OperationType.MUTATION])
async def test_every_string_argument_is_bounded_before_anything_runs(
    small: httpx.AsyncClient, operation: OperationType
) -> None:
    refused = []
    for where, document, variables in _documents(operation):
        response = await small.post("/graphql", json={"query": document, "variables": variables})
        errors = response.json().get("errors") or [{}]
        refused.append((where, errors[0].get("extensions", {}).get("code")))
    assert len(refused) > 5
    assert [r for r in refused if r[1] != "BAD_USER_INPUT"] == []


@pytest.fixture(scope="module")
def server(settings: Settings, database: Database) -> Iterator[str]:
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": SECRET,
        "MENTORGRAPH_MAX_BODY_BYTES": str(MAX_BYTES),
        "MENTORGRAPH_MAX_STRING_LENGTH": str(MAX_STRING),
    }
    with api_server(env) as base:
        yield base


async def test_subscription_arguments_are_bounded_on_a_real_socket(server: str) -> None:
    sock = await Socket.open(server)
    assert (await sock.init())["type"] == "connection_ack"
    refused = []
    for number, (where, document, variables) in enumerate(_documents(OperationType.SUBSCRIPTION)):
        await sock.subscribe(str(number), document, variables)
        message = await sock.receive()
        assert message["type"] == "next", message
        refused.append((where, message["payload"]["errors"][0]["extensions"]["code"]))
        assert (await sock.receive())["type"] == "complete"
    await sock.connection.close()
    assert len(refused) > 1
    assert [r for r in refused if r[1] != "BAD_USER_INPUT"] == []


async def test_a_websocket_message_over_the_limit_closes_the_socket(server: str) -> None:
    sock = await Socket.open(server)
    assert (await sock.init())["type"] == "connection_ack"
    await sock.subscribe("1", "subscription { mentorMatchAdded { id } }" + " " * MAX_BYTES)
    with pytest.raises(ConnectionClosed) as closed:
        await sock.receive()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
