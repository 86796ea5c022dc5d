"""What the subscription tests share: their operations, an API process's environment, a
signed-in WebSocket, a mutation as someone, and a graph where mentors can match ana."""

from __future__ import annotations

from typing import Any

import httpx

from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.pages import encode_cursor
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, person, skill
from tests.ws import Socket

MATCHES = """subscription($after: String) {
  mentorMatchAdded(after: $after) {
    id cursor score mentee { key } mentor { key } signals { name share } }
}"""
REQUESTS = "subscription { mentorshipRequestUpdated { key state mentee { key } mentor { key } } }"
OPT_IN = (
    "mutation { setMentorPreferences(input: {openToMentor: true, capacity: 3}) { person { key } } }"
)
FROM_START = encode_cursor((0,))
SECRET = ApiSettings.from_env().jwt_secret
ASK_MO = 'mutation { requestMentorship(input: {mentor: "mo"}) { request { key } } }'
WITHDRAW = (
    'mutation {{ withdrawMentorshipRequest(input: {{request: "{}"}}) {{ request {{ key }} }} }}'
)


def server_env(settings: Settings, **extra: str) -> dict[str, str]:
    return {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_JWT_SECRET": SECRET, **extra}


async def open_socket(base: str, key: str, protocol: str = "") -> Socket:
    sock = await Socket.open(base, protocol) if protocol else await Socket.open(base)
    ack = await sock.init({"authorization": f"Bearer {issue_token(SECRET, key)}"})
    assert ack["type"] == "connection_ack", ack
    return sock


async def mutate(http: httpx.AsyncClient, base: str, query: str, key: str) -> Any:
    client = GraphQLClient(http, SECRET)
    http.base_url = httpx.URL(base)
    return await client.data(query, as_=key)


async def matches_graph(database: Database, mentors: int = 4) -> None:
    """ana wants django; m0..m{n-1} know it well but do not mentor yet."""
    await build(
        database,
        skills=[skill("django")],
        people=[person("ana", seekingMentor=True)] + [person(f"m{i}") for i in range(mentors)],
        has_skill=[{"person": f"m{i}", "skill": "django", "level": 5, "years": 1}
                   for i in range(mentors)],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
    )  # fmt: skip
