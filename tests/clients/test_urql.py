"""urql's core: queries over fetchExchange, subscriptions through graphql-ws."""

from __future__ import annotations

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.clients.node import node, token
from tests.clients.scenes import FROM_START, OPT_IN, mentee_and_experts


async def test_a_query_and_a_subscription_through_one_client(
    server: str, api: GraphQLClient, empty_graph: Database
) -> None:
    await mentee_and_experts(empty_graph, ["mo"])
    await api.data(OPT_IN, as_="mo")
    seen = await node("urql.mjs", server, FROM_START, token=token("ana"))
    assert seen["viewer"] == {"key": "ana"}
    assert seen["event"]["mentor"] == {"key": "mo"}
