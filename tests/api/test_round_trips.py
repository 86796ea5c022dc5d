"""What a screen costs in round trips (`graph.database.Database.round_trips` counts sessions).

The screen of issue 17 (a page of people with their skills, employers and ten connections
with their skills) is read in one statement (`api.lookahead`), at any page size: one round
trip anonymously, two signed in (the session's check, `api.session`, then the screen). The
session's check reads the viewer too: a query's plain `viewer` costs nothing more.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette

from graph.database import Database
from graph.people import ProfileFields, update_profile
from graph.safety import block_person
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person, skill

KEYS = [f"p{i:02d}" for i in range(60)]

SCREEN = """query($first: Int!) { people(first: $first) { nodes {
  key skills { level } employment { title employer { key } }
  connections(first: 10) { edges { cursor node { key skills { level } } }
    pageInfo { hasNextPage endCursor } } } } }"""

VARIANTS = {
    "fragments": """query($first: Int!) { people(first: $first) { ...Page } }
      fragment Page on PersonConnection { edges { node { ...Card } } }
      fragment Card on Person { key skills { level } ... on Person { employment { title } }
        connections(first: 10) { nodes { ...Skills } } }
      fragment Skills on Person { key skills { skill { key } } }""",
    "aliases": """query($first: Int!) { page: people(first: $first) { rows: nodes {
      id: key abilities: skills { level } jobs: employment { title }
      friends: connections(first: 10) { list: nodes { key known: skills { level } } } } } }""",
    # Were the skipped `all` read as the screen's page, `few` would cost a round trip.
    "@include(if: false)": """query($first: Int!, $no: Boolean = false) {
      people(first: $first) { nodes { key skills { level } employment @include(if: $no) {
        title } all: connections(first: 10) @include(if: $no) { nodes { key } }
        few: connections(first: 2) @skip(if: false) { nodes { key skills { level } } } } } }""",
}


@pytest.fixture
async def screen_graph(empty_graph: Database) -> Database:
    """Sixty people in a ring of ten connections each, every one with a skill and a job."""
    ring = [
        (k, KEYS[(i + step) % len(KEYS)]) for i, k in enumerate(KEYS) for step in (1, 2, 3, 4, 5)
    ]
    await build(
        empty_graph,
        people=[person(key) for key in KEYS],
        skills=[skill("python"), skill("go")],
        employers=[{"key": "acme", "name": "Acme", "industry": "Software"}],
        knows=knows(*ring),
        has_skill=[
            {"person": k, "skill": s, "level": 3, "years": 1}
            for k in KEYS
            for s in ("python", "go")
        ],
        works_at=[
            {"person": k, "employer": "acme", "title": "Engineer", "since": None, "until": None}
            for k in KEYS
        ],
    )
    return empty_graph


async def _cost(
    gql: GraphQLClient, app: Starlette, document: str, variables: dict[str, Any], **kw: Any
) -> tuple[int, Any]:
    database: Database = app.state.database
    before = database.round_trips
    data = await gql.data(document, variables, **kw)
    return database.round_trips - before, data


@pytest.mark.parametrize("first", [5, 20])  # the cost limit (api.limits) bounds the size
async def test_the_screen_costs_one_round_trip_at_any_page_size(
    gql: GraphQLClient, app: Starlette, screen_graph: Database, first: int
) -> None:
    trips, data = await _cost(gql, app, SCREEN, {"first": first})
    nodes = data["people"]["nodes"]
    assert len(nodes) == first
    assert all(len(n["connections"]["edges"]) == 10 for n in nodes)
    assert all(len(e["node"]["skills"]) == 2 for n in nodes for e in n["connections"]["edges"])
    assert all(n["employment"][0]["employer"]["key"] == "acme" for n in nodes)
    assert trips == 1


async def test_signed_in_the_screen_costs_the_session_check_and_one(
    gql: GraphQLClient, app: Starlette, screen_graph: Database
) -> None:
    trips, data = await _cost(gql, app, SCREEN, {"first": 20}, as_="p00")
    assert len(data["people"]["nodes"]) == 20
    assert trips == 2


@pytest.mark.parametrize("variant", VARIANTS)
async def test_fragments_aliases_and_directives_are_read_as_execution_reads_them(
    gql: GraphQLClient, app: Starlette, screen_graph: Database, variant: str
) -> None:
    trips, data = await _cost(gql, app, VARIANTS[variant], {"first": 20})
    assert trips == 1
    assert len(str(data)) > 200  # an answer, not nulls; its content: tests/api/test_lookahead.py


@pytest.mark.parametrize(
    ("document", "trips"),
    [
        ('{ person(key: "p00") { skills { level } connections(first: 10) { nodes { key'
         " employment { title } } } } }", 1),
        ('{ node(id: "UGVyc29uOnAwMA==") { ... on Person { key learningGoals { priority }'
         " connections(last: 3) { nodes { skills { level } } } } } }", 1),
        # Connections of connections, and mutual connections: the loaders, a round trip each.
        ('{ person(key: "p00") { connections(first: 3) { nodes { connections(first: 3) {'
         " nodes { key skills { level } } } } } } }", 2),
        ('{ person(key: "p00") { skills { level } mutualConnections(with: "p03") { key } } }', 2),
    ],
)  # fmt: skip
async def test_a_person_screen_costs_one_round_trip_and_one_more_per_level_beyond(
    gql: GraphQLClient, app: Starlette, screen_graph: Database, document: str, trips: int
) -> None:
    cost, data = await _cost(gql, app, document, {})
    assert next(iter(data.values())) is not None
    assert cost == trips


async def test_the_viewer_screen_costs_the_session_check_and_one(
    gql: GraphQLClient, app: Starlette, screen_graph: Database
) -> None:
    trips, data = await _cost(
        gql,
        app,
        "{ viewer { key skills { level } connections(first: 10) { nodes { key skills { level }"
        " employment { title } } } } }",
        {},
        as_="p00",
    )
    assert len(data["viewer"]["connections"]["nodes"]) == 10
    assert trips == 2


async def test_a_querys_plain_viewer_is_read_with_the_session_check(
    gql: GraphQLClient, app: Starlette, screen_graph: Database
) -> None:
    trips, data = await _cost(gql, app, "{ viewer { key name } me: viewer { key } }", {}, as_="p00")
    assert data == {"viewer": {"key": "p00", "name": "P00"}, "me": {"key": "p00"}}
    assert trips == 1
    trips, data = await _cost(gql, app, "{ viewer { key } }", {}, as_="nobody")
    assert (trips, data) == (1, {"viewer": None}), "no profile yet: nothing more to read"


@pytest.mark.parametrize("visibility", ["PRIVATE", "CONNECTIONS"])
async def test_a_hidden_viewer_sees_themself_as_the_rule_shows_them(
    gql: GraphQLClient, app: Starlette, screen_graph: Database, visibility: str
) -> None:
    """Hidden from others, and in a block: the session's read applies the visibility rule
    (themself, always), and answers as the nested screen's statement does."""
    await update_profile(screen_graph, "p00", ProfileFields(visibility=visibility))
    await block_person(screen_graph, "p00", "p01", reason=None)
    fields = "key name visibility"
    trips, plain = await _cost(gql, app, f"{{ viewer {{ {fields} }} }}", {}, as_="p00")
    nested = await gql.data(f"{{ viewer {{ {fields} skills {{ level }} }} }}", as_="p00")
    assert trips == 1
    assert plain["viewer"] == {"key": "p00", "name": "P00", "visibility": visibility}
    assert {k: nested["viewer"][k] for k in ("key", "name", "visibility")} == plain["viewer"]
    # p01 is in the block; p30 is none of the ring's ten connections of p00.
    for other in ("p01", "p30"):
        code = await gql.error_code('{ person(key: "p00") { key } }', as_=other)
        assert code == "NOT_FOUND", "hidden from others"


async def test_a_page_of_matches_with_evidence_costs_two_round_trips(
    gql: GraphQLClient, app: Starlette, empty_graph: Database
) -> None:
    mentors = [f"m{i}" for i in range(12)]
    await build(
        empty_graph,
        people=[
            person("ann"),
            person("bob"),
            person("cy"),
            *(person(m, openToMentor=True, mentorCapacity=2) for m in mentors),
        ],
        skills=[skill("python")],
        knows=knows(
            ("ann", "bob"), ("ann", "cy"), *((f, m) for f in ("bob", "cy") for m in mentors)
        ),
        has_skill=[{"person": m, "skill": "python", "level": 4, "years": 3} for m in mentors],
        wants_to_learn=[{"person": "ann", "skill": "python", "priority": 1}],
    )
    screen = (
        "{ viewer { mentorMatches(first: 10) { edges { node { mentor { name }"
        " mutualConnections { name } skillPaths { skills { name } } sharedEmployers { name }"
        " } } } } }"
    )
    await gql.data(screen, as_="ann")  # no stored page yet: live, and a refresh behind it
    await app.state.events.drain()
    trips, data = await _cost(gql, app, screen, {}, as_="ann")
    edges = data["viewer"]["mentorMatches"]["edges"]
    assert len(edges) == 10
    assert all(len(e["node"]["mutualConnections"]) == 2 for e in edges)
    assert all(e["node"]["skillPaths"][0]["skills"][0]["name"] for e in edges)
    assert trips == 2, (
        "the session's check with the viewer (api.session), then the stored page with its evidence"
    )
