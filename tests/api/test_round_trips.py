from __future__ import annotations

from itertools import pairwise

from starlette.applications import Starlette

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person, skill

SCREEN = """query($first: Int!) { people(first: $first) { nodes {
  key skills { skill { key } } learningGoals { skill { key } } employment { title }
  connections(first: 5) { nodes { key skills { level } } } } } }"""


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
    assert large <= 6
