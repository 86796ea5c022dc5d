"""Every connection pages by keyset in the one cursor format (`graph.pages`)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from graphql import get_named_type

from api.schema import build_schema
from graph.database import Database
from graph.events.store import NewMatch, record_matches
from graph.pages import encode_cursor
from graph.ranking.signals import Signal
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill

# field: (on Person "ann" or on Query, extra arguments)
CONNECTIONS = {
    "people": ("Query", ""),
    "skills": ("Query", ""),
    "employers": ("Query", ""),
    "reports": ("Query", ""),
    "connections": ("Person", ""),
    "mentorMatches": ("Person", ""),
    "suggestedConnections": ("Person", ""),
    "mentorshipRequests": ("Person", "role: MENTEE, "),
    "matchEvents": ("Person", ""),
}
PAGE = "edges { cursor } pageInfo { hasNextPage endCursor }"


def test_every_connection_is_listed() -> None:
    schema = build_schema()._schema
    found = set()
    for type_name in ("Query", "Person"):
        kind = schema.get_type(type_name)
        for name, field in kind.fields.items():
            if get_named_type(field.type).name.endswith("Connection"):
                found.add(name)
    assert found == set(CONNECTIONS)


@pytest.fixture
async def graph(gql: GraphQLClient, empty_graph: Database) -> Database:
    """At least two rows in every list, all of them the admin "ann"'s to read."""
    await build(
        empty_graph,
        people=[
            person("ann", seekingMentor=True), person("bob"), person("cy"),
            mentor("max"), mentor("mia"), mentor("mo"), mentor("mel"),
        ],
        skills=[skill("python"), skill("sql")],
        employers=[{"key": k, "name": k.title(), "industry": "Software"} for k in ("acme", "beta")],
        knows=knows(("ann", "bob"), ("ann", "cy"), ("bob", "max"), ("cy", "mia")),
    )  # fmt: skip
    request = "mutation($k: String!) { requestMentorship(input: {mentor: $k}) { request { key } } }"
    report = (
        "mutation($k: String!) { reportPerson(input: {person: $k, reason: SPAM}) "
        "{ report { key } } }"
    )
    for other in ("mo", "mel"):
        await gql.data(request, {"k": other}, as_="ann")
        await gql.data(report, {"k": other}, as_="ann")
    signals = (Signal("social", 1.0, 1.0),)
    await record_matches(empty_graph, [NewMatch("ann", k, 1.0, signals) for k in ("max", "mia")])
    return empty_graph


async def _page(gql: GraphQLClient, field: str, after: str | None) -> Any:
    on, arguments = CONNECTIONS[field]
    selection = f"{field}({arguments}first: 1, after: $after) {{ {PAGE} }}"
    if on == "Person":
        selection = f'person(key: "ann") {{ {selection} }}'
    document = f"query($after: String) {{ {selection} }}"
    return await gql.send(document, {"after": after}, as_="ann", role="admin")


def _connection(body: Any, field: str) -> Any:
    assert "errors" not in body, body
    data = body["data"]
    return data["person"][field] if CONNECTIONS[field][0] == "Person" else data[field]


@pytest.mark.parametrize("field", CONNECTIONS)
async def test_every_connection_pages_with_one_cursor_format(
    gql: GraphQLClient, graph: Database, field: str
) -> None:
    first = _connection(await _page(gql, field, None), field)
    (edge,) = first["edges"]
    assert first["pageInfo"] == {"hasNextPage": True, "endCursor": edge["cursor"]}
    cursor = edge["cursor"]
    keyset = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert isinstance(keyset, list) and keyset, "a cursor is the JSON array of a keyset"
    (second,) = _connection(await _page(gql, field, cursor), field)["edges"]
    assert second["cursor"] != cursor, "the next page starts after the cursor"
    for bad in ("not a cursor", encode_cursor(()), encode_cursor((True, False, None))):
        errors = (await _page(gql, field, bad))["errors"]
        assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}, (
            bad,
            errors,
        )
