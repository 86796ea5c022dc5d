"""The look-ahead changes the cost of an answer, never the answer (`api.lookahead`).

Every combination of the nested parts a screen may ask for, at the three fields that
start screens, is answered twice: by the app, and by an app with the look-ahead off
(`MENTORGRAPH_LOOKAHEAD=off`: each level read by its own loader, as before it). The
graph holds PRIVATE, CONNECTIONS-only, blocked and blocking people, connected to the
people shown, so the screen statements' privacy is checked too: a hidden person never
appears nested, and pages of connections (cursors, pageInfo) are the same both ways.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from itertools import combinations
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.settings import ApiSettings
from graph.database import Database
from graph.pages import encode_cursor
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person, skill
from tests.servers import lifespan

VIEWER, HUB = "v", "a"
HIDDEN_FROM = {
    None: {"t-private", "t-connections", "t-far"},
    VIEWER: {"t-private", "t-blocked", "t-blocker", "t-far"},
}
PUBLIC = [VIEWER, HUB, "b", "q0", "q1", "q2", "q3", "t-blocked", "t-blocker"]
HIDING = {"t-private": "PRIVATE", "t-connections": "CONNECTIONS", "t-far": "CONNECTIONS"}
EVERYONE = [*PUBLIC, *HIDING]

PARTS = [
    "skills { level years skill { key name domain } }",
    "learningGoals { priority skill { key } }",
    "employment { title since until employer { key name industry } }",
]
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
CONNECTIONS = [  # (arguments, the nested parts of each connection)
    ("first: 3", ()),
    ("first: 3", (0,)),
    ("last: 2", (1, 2)),
    (f'first: 2, after: "{encode_cursor(("b",))}"', (0, 1, 2)),
    (f'last: 4, before: "{encode_cursor(("t-far",))}"', (0,)),
]
ROOTS = [
    "{ people(first: 20) { edges { cursor node { %s } } " + PAGE_INFO + " } }",
    '{ person(key: "a") { %s } }',
    '{ node(id: "UGVyc29uOmE=") { ... on Person { %s } } }',
    "{ viewer { %s } }",
]


def _selections() -> Iterator[str]:
    subsets = [c for n in range(len(PARTS) + 1) for c in combinations(range(len(PARTS)), n)]
    for top in subsets:
        own = " ".join(PARTS[i] for i in top)
        yield f"key {own}"
        for arguments, nested in CONNECTIONS:
            parts = " ".join(PARTS[i] for i in nested)
            yield (
                f"key {own} connections({arguments}) {{ edges {{ cursor node {{ key {parts} }} }}"
                f" {PAGE_INFO} }}"
            )


DOCUMENTS = [root % selection for root in ROOTS for selection in _selections()]


@pytest.fixture
async def privacy_graph(empty_graph: Database) -> Database:
    people = [person(k) for k in PUBLIC] + [person(k, visibility=v) for k, v in HIDING.items()]
    hub_knows = [(HUB, k) for k in EVERYONE if k != HUB]
    viewer_knows = [(VIEWER, k) for k in ("b", "t-private", "t-connections", "t-blocked")]
    await build(
        empty_graph,
        people=people,
        skills=[skill("python"), skill("go"), skill("rust")],
        employers=[{"key": "acme", "name": "Acme", "industry": "Software"}],
        knows=knows(*hub_knows, *viewer_knows, ("t-blocker", VIEWER), ("b", "q0")),
        has_skill=[
            {"person": k, "skill": s, "level": 1 + i % 5, "years": i}
            for i, k in enumerate(EVERYONE)
            for s in ("python", "go")[: 1 + i % 2]
        ],
        wants_to_learn=[{"person": k, "skill": "rust", "priority": 1} for k in EVERYONE],
        works_at=[
            {"person": k, "employer": "acme", "title": f"T{i}", "since": None, "until": None}
            for i, k in enumerate(EVERYONE)
        ],
        blocks=[
            {"person": VIEWER, "blocked": "t-blocked"},
            {"person": "t-blocker", "blocked": VIEWER},
        ],
    )
    return empty_graph


@pytest.fixture
async def unprimed(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> AsyncIterator[GraphQLClient]:
    """The same app with the look-ahead off: every level from its own loader."""
    application = create_app(settings, dataclasses.replace(api_settings, lookahead=False))
    async with lifespan(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield GraphQLClient(http, api_settings.jwt_secret)


def _people_keys(value: Any) -> set[str]:
    """Every person's key in an answer (skills and employers have keys too: not theirs)."""
    if isinstance(value, list):
        return set().union(*map(_people_keys, value)) if value else set()
    if not isinstance(value, dict):
        return set()
    found = {value["key"]} if value.get("key") in EVERYONE else set()
    return found.union(
        *(_people_keys(v) for k, v in value.items() if k not in ("skill", "employer"))
    )


@pytest.mark.parametrize("viewer", [None, VIEWER])
async def test_a_primed_answer_equals_the_unprimed_one_and_hides_the_hidden(
    gql: GraphQLClient, unprimed: GraphQLClient, privacy_graph: Database, viewer: str | None
) -> None:
    shown: set[str] = set()
    for document in DOCUMENTS:
        primed = await gql.send(document, as_=viewer)
        assert primed == await unprimed.send(document, as_=viewer), document
        keys = _people_keys(primed.get("data"))
        assert not keys & HIDDEN_FROM[viewer], document
        shown |= keys
    assert shown == set(EVERYONE) - HIDDEN_FROM[viewer]  # every visible person was reached
