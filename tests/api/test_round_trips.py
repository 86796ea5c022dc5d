from __future__ import annotations

from itertools import pairwise

from starlette.applications import Starlette

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person, skill

SCREEN = """query($first: Int!) { people(first: $first) { nodes {
  key skills { skill { key } } learningGoals { skill { key } } employment { title }
  connections(first: 5) { nodes { key skills { level } } }
  mutualConnections(with: "p00") { key } } } }"""


async def _round_trips(gql: GraphQLClient, app: Starlette, first: int) -> int:
    database: Database = app.state.database
    before = database.round_trips
    data = await gql.data(SCREEN, {"first": first})
    assert len(data["people"]["nodes"]) == first
    return database.round_trips - before


async def test_a_page_of_people_costs_the_same_round_trips_at_any_size(
    gql: GraphQLClient, app: Starlette, empty_graph: Database
) -> None:
    keys = [f"p{i:02d}" for i in range(60)]
    await build(
        empty_graph,
        people=[person(key) for key in keys],
        skills=[skill("python")],
        knows=knows(*pairwise(keys)),
        has_skill=[{"person": k, "skill": "python", "level": 3, "years": 1} for k in keys],
    )
    small = await _round_trips(gql, app, 5)
    large = await _round_trips(gql, app, 50)
    assert small == large
    # people, skills, goals, employment, connections, their skills, mutual connections
    assert large == 7


async def test_a_page_of_matches_with_evidence_costs_three_round_trips(
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
    database: Database = app.state.database
    screen = (
        "{ viewer { mentorMatches(first: 10) { edges { node { mentor { name }"
        " mutualConnections { name } skillPaths { skills { name } } sharedEmployers { name }"
        " } } } } }"
    )
    await gql.data(screen, as_="ann")  # no stored page yet: live, and a refresh behind it
    await app.state.events.drain()
    before = database.round_trips
    data = await gql.data(screen, as_="ann")
    edges = data["viewer"]["mentorMatches"]["edges"]
    assert len(edges) == 10
    assert all(len(e["node"]["mutualConnections"]) == 2 for e in edges)
    assert all(e["node"]["skillPaths"][0]["skills"][0]["name"] for e in edges)
    assert database.round_trips - before == 3, (
        "the session's check (api.session), the viewer, then the stored page with its evidence"
    )
