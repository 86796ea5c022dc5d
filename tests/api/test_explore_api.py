from __future__ import annotations

import pytest

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person, skill

RUN = """query($params: JSON) { runExploration(name: "skill_supply_demand", params: $params) {
  columns rows truncated } }"""


async def test_analysts_run_explorations_with_typed_parameters(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        people=[mentor("max"), person("ann", seekingMentor=True)],
        skills=[skill("python")],
        has_skill=[{"person": "max", "skill": "python", "level": 4, "years": 5}],
        wants_to_learn=[{"person": "ann", "skill": "python", "priority": 1}],
    )
    data = await gql.data(RUN, {"params": {"minLevel": 4}}, as_="ada", role="analyst")
    result = data["runExploration"]
    assert result["columns"] == ["skill", "name", "domain", "mentors", "mentees", "gap"]
    assert result["rows"] == [["python", "Python", "Software", 1, 1, 0]]
    assert result["truncated"] is False
    higher = await gql.data(RUN, {"params": {"minLevel": 5}}, as_="ada", role="analyst")
    assert higher["runExploration"]["rows"] == [["python", "Python", "Software", 0, 1, 1]]
    body = await gql.send(RUN, {"params": {"minLevel": "high"}}, as_="ada", role="analyst")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "minLevel"}


async def test_the_catalogue_lists_every_exploration(gql: GraphQLClient) -> None:
    data = await gql.data(
        "{ explorations { name params { name required } } }", as_="boss", role="admin"
    )
    names = {e["name"] for e in data["explorations"]}
    assert {"skill_supply_demand", "mentor_deserts", "request_funnel"} <= names
    assert {"programme_matching", "programme_activity", "programme_satisfaction"} <= names


@pytest.mark.parametrize(("role", "code"), [("member", "FORBIDDEN"), (None, "UNAUTHENTICATED")])
async def test_members_and_anonymous_callers_may_not_explore(
    gql: GraphQLClient, role: str | None, code: str
) -> None:
    kwargs = {"as_": "ann", "role": role} if role else {}
    assert await gql.error_code("{ explorations { name } }", **kwargs) == code
    assert await gql.error_code(RUN, {"params": {}}, **kwargs) == code
