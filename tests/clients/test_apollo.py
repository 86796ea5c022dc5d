"""Apollo Client's core (InMemoryCache over HttpLink) against the API."""

from __future__ import annotations

import json

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person
from tests.clients.node import node, token

REQUEST = """mutation($mentor: String!) {
  requestMentorship(input: {mentor: $mentor}) { request { key } } }"""


async def test_fetch_more_merges_the_pages_of_a_connection(
    server: str, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person(f"p{i}") for i in range(5)])
    seen = await node("apollo.mjs", server, "pages", token=token("p0"))
    assert seen == {"keys": ["p0", "p1", "p2", "p3", "p4"], "requests": 3}


async def test_a_mutation_payload_updates_the_cached_list_without_a_refetch(
    server: str, api: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ana"), mentor("max"), mentor("mo")])
    for mentor_key in ("max", "mo"):
        await api.data(REQUEST, {"mentor": mentor_key}, as_="ana")
    seen = await node("apollo.mjs", server, "cache", token=token("ana"))
    assert seen == {
        "before": ["PENDING", "PENDING"],
        "after": ["WITHDRAWN", "PENDING"],
        "requests": 2,  # the query and the mutation: nothing fetched again
    }


async def test_error_codes_reach_the_client_as_extensions(
    server: str, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ana"), person("bea")])
    codes = await node("apollo.mjs", server, "errors", "bea", token=token("ana"))
    assert codes == {
        "badCursor": "BAD_USER_INPUT",
        "nobody": "NOT_FOUND",
        "someoneElses": "FORBIDDEN",
        "badToken": "UNAUTHENTICATED",
    }


async def test_automatic_persisted_queries_send_the_hash_alone_once_known(
    server: str, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ana")])
    exchanges = await node("apollo.mjs", server, "persisted", "ana", token=token("ana"))
    sent = [json.loads(exchange["request"]) for exchange in exchanges]
    assert [("query" in body) for body in sent] == [False, True, False]
    assert len({body["extensions"]["persistedQuery"]["sha256Hash"] for body in sent}) == 1
    unknown, registered, by_hash = (exchange["body"] for exchange in exchanges)
    assert unknown["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert (
        registered["data"] == by_hash["data"] == {"person": {"key": "ana", "__typename": "Person"}}
    )
