"""graphql-ws, the reference graphql-transport-ws client, subscribing to new matches."""

from __future__ import annotations

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.clients.node import NodeScript, node, token
from tests.clients.scenes import FROM_START, OPT_IN, mentee_and_experts


async def test_a_subscriber_receives_new_matches_and_resumes_after_the_last_it_saw(
    server: str, api: GraphQLClient, empty_graph: Database
) -> None:
    await mentee_and_experts(empty_graph, ["m0", "m1", "m2"])
    ana = token("ana")
    subscriber = await NodeScript.start("ws.mjs", server, "events", FROM_START, "2", token=ana)
    seen = []
    for mentor in ("m0", "m1"):
        await api.data(OPT_IN, as_=mentor)
        seen.append((await subscriber.line())["data"]["mentorMatchAdded"])
    await subscriber.finish()
    assert [event["mentor"]["key"] for event in seen] == ["m0", "m1"]

    await api.data(OPT_IN, as_="m2")
    resumed = await NodeScript.start("ws.mjs", server, "events", seen[0]["cursor"], "2", token=ana)
    later = [(await resumed.line())["data"]["mentorMatchAdded"] for _ in range(2)]
    await resumed.finish()
    assert [event["mentor"]["key"] for event in later] == ["m1", "m2"]
    assert later[0]["id"] == seen[1]["id"]
    assert len({event["id"] for event in [*seen, *later]}) == 3, "an event's id is its own"


async def test_a_bad_token_is_refused_with_4403(server: str, empty_graph: Database) -> None:
    assert await node("ws.mjs", server, "refused", token="nope") == {
        "code": 4403,
        "reason": "Forbidden",
    }
