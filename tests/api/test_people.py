from __future__ import annotations

import dataclasses
import time

import httpx
import pytest

from api.app import create_app
from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person, skill
from tests.servers import lifespan

CREATE = """mutation($input: ProfileInput!) {
  createProfile(input: $input) { person { key name visibility openToMentor } } }"""
PEOPLE = """query($first: Int!, $after: String) {
  people(first: $first, after: $after) {
    edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }"""


async def test_sign_up_creates_the_token_subjects_profile_once(gql: GraphQLClient) -> None:
    data = await gql.data(CREATE, {"input": {"name": "Ada Lovelace"}}, as_="ada")
    assert data["createProfile"]["person"] == {
        "key": "ada",
        "name": "Ada Lovelace",
        "visibility": "PUBLIC",
        "openToMentor": False,
    }
    again = await gql.error_code(CREATE, {"input": {"name": "Ada"}}, as_="ada")
    assert again == "CONFLICT"


async def test_mutations_without_a_token_are_unauthenticated(gql: GraphQLClient) -> None:
    code = await gql.error_code('mutation { updateProfile(input: {name: "X"}) { person { key } } }')
    assert code == "UNAUTHENTICATED"


async def test_a_bad_token_is_unauthenticated(gql: GraphQLClient) -> None:
    response = await gql.http.post(
        "/graphql",
        json={"query": "{ viewer { key } }"},
        headers={"Authorization": "Bearer not-a-jwt"},
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_token_accepted_before_is_refused_once_it_expires(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await gql.data(CREATE, {"input": {"name": "Ada"}}, as_="ada")
    token = issue_token(gql.jwt_secret, "ada", hours=1)
    query = {"query": "{ viewer { key } }"}
    headers = {"Authorization": f"Bearer {token}"}
    response = await gql.http.post("/graphql", json=query, headers=headers)
    assert response.json()["data"]["viewer"] == {"key": "ada"}
    in_two_hours = time.time() + 7200
    monkeypatch.setattr(time, "time", lambda: in_two_hours)
    response = await gql.http.post("/graphql", json=query, headers=headers)
    error = response.json()["errors"][0]
    assert (error["extensions"]["code"], error["message"]) == (
        "UNAUTHENTICATED",
        "the token has expired",
    )


async def test_bad_profile_input_names_the_field_and_writes_nothing(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    body = await gql.send(CREATE, {"input": {"name": "A\u0007da"}}, as_="ada")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "name"}
    assert (await gql.send('{ person(key: "ada") { key } }'))["data"]["person"] is None


async def test_names_in_any_script_are_accepted(gql: GraphQLClient) -> None:
    data = await gql.data(CREATE, {"input": {"name": "  李小龍 "}}, as_="lee")
    assert data["createProfile"]["person"]["name"] == "李小龍"


async def test_mentor_topics_are_served_as_set(gql: GraphQLClient, empty_graph: Database) -> None:
    await build(empty_graph, people=[person("mo"), person("ann")])
    prefs = """mutation($topics: [String!]) { setMentorPreferences(
      input: {openToMentor: true, capacity: 2, topics: $topics}) { person { mentorTopics } } }"""
    read = '{ person(key: "mo") { mentorTopics } }'
    assert (await gql.data(read, as_="ann"))["person"] == {"mentorTopics": []}
    set_ = await gql.data(prefs, {"topics": ["python", "career"]}, as_="mo")
    assert set_["setMentorPreferences"]["person"] == {"mentorTopics": ["python", "career"]}
    assert (await gql.data(read, as_="ann"))["person"] == {"mentorTopics": ["python", "career"]}
    await gql.data(prefs, {"topics": None}, as_="mo")
    assert (await gql.data(read))["person"] == {"mentorTopics": ["python", "career"]}, "unchanged"
    await gql.data(prefs, {"topics": []}, as_="mo")
    assert (await gql.data(read))["person"] == {"mentorTopics": []}


async def test_people_pages_have_no_gaps_and_no_duplicates(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    keys = [f"p{i:02d}" for i in range(23)]
    await build(empty_graph, people=[person(k) for k in keys])
    seen: list[str] = []
    after = None
    while True:
        page = (await gql.data(PEOPLE, {"first": 10, "after": after}))["people"]
        seen += [edge["node"]["key"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == keys


async def test_first_above_100_is_bad_input(gql: GraphQLClient) -> None:
    assert await gql.error_code(PEOPLE, {"first": 101}) == "BAD_USER_INPUT"
    assert await gql.error_code(PEOPLE, {"first": 5, "after": "%%%"}) == "BAD_USER_INPUT"


async def test_hidden_people_are_not_found(gql: GraphQLClient, empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[
            person("ada"),
            person("bob", visibility="PRIVATE"),
            person("cy", visibility="CONNECTIONS"),
            person("dee", visibility="CONNECTIONS"),
        ],
        knows=knows(("ada", "dee")),
    )
    query = "query($k: String!) { person(key: $k) { key } }"
    assert await gql.error_code(query, {"k": "bob"}, as_="ada") == "NOT_FOUND"
    assert await gql.error_code(query, {"k": "cy"}, as_="ada") == "NOT_FOUND"
    assert (await gql.data(query, {"k": "dee"}, as_="ada"))["person"]["key"] == "dee"
    assert (await gql.data(query, {"k": "bob"}, as_="bob"))["person"]["key"] == "bob"
    listed = await gql.data(PEOPLE, {"first": 10}, as_="ada")
    assert [e["node"]["key"] for e in listed["people"]["edges"]] == ["ada", "dee"]


async def test_node_finds_a_person_by_global_id(gql: GraphQLClient, empty_graph: Database) -> None:
    await build(empty_graph, people=[person("ada")])
    node_id = (await gql.data('{ person(key: "ada") { id } }'))["person"]["id"]
    found = await gql.data(
        "query($id: ID!) { node(id: $id) { ... on Person { key } } }", {"id": node_id}
    )
    assert found == {"node": {"key": "ada"}}


async def test_skills_and_goals_round_trip(gql: GraphQLClient, empty_graph: Database) -> None:
    await build(empty_graph, people=[person("ada")], skills=[skill("python"), skill("sql")])
    await gql.data(
        'mutation { addSkill(input: {skill: "python", level: 4, years: 3}) { person { key } } }',
        as_="ada",
    )
    data = await gql.data(
        'mutation { setLearningGoals(input: {skills: ["sql"]}) {'
        " person { skills { skill { key } level years } learningGoals { skill { key } priority } }"
        " } }",
        as_="ada",
    )
    assert data["setLearningGoals"]["person"] == {
        "skills": [{"skill": {"key": "python"}, "level": 4, "years": 3}],
        "learningGoals": [{"skill": {"key": "sql"}, "priority": 1}],
    }
    bad = 'mutation { setLearningGoals(input: {skills: ["nope"]}) { person { key } } }'
    assert await gql.error_code(bad, as_="ada") == "BAD_USER_INPUT"
    level = 'mutation { addSkill(input: {skill: "sql", level: 9}) { person { key } } }'
    assert await gql.error_code(level, as_="ada") == "BAD_USER_INPUT"


async def test_connection_requests_connect_two_people(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ada"), person("bob")])
    ask = 'mutation { requestConnection(input: {person: "bob"}) { connected } }'
    assert (await gql.data(ask, as_="ada"))["requestConnection"]["connected"] is False
    assert await gql.error_code(ask, as_="ada") == "CONFLICT"
    answer = (
        'mutation { respondToConnectionRequest(input: {person: "ada", accept: true})'
        " { connected person { key } } }"
    )
    assert (await gql.data(answer, as_="bob"))["respondToConnectionRequest"]["connected"]
    conns = await gql.data('{ person(key: "ada") { connections { nodes { key } } } }')
    assert conns["person"]["connections"]["nodes"] == [{"key": "bob"}]
    remove = 'mutation { removeConnection(input: {person: "ada"}) { connected } }'
    await gql.data(remove, as_="bob")
    assert await gql.error_code(remove, as_="bob") == "NOT_FOUND"


async def test_malformed_keys_are_bad_input_naming_the_field(gql: GraphQLClient) -> None:
    body = await gql.send(
        'mutation { requestConnection(input: {person: "no spaces\\n"}) { connected } }', as_="ann"
    )
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "person"}
    body = await gql.send(
        'mutation { setLearningGoals(input: {skills: ["ok", ""]}) { person { key } } }', as_="ann"
    )
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "skills"}


async def test_skills_and_employers_are_searched_and_paged(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        skills=[skill("python"), skill("pytorch"), skill("sql")],
        employers=[{"key": f"e{i}", "name": f"Acme {i}", "industry": "Software"} for i in range(3)],
    )
    found = await gql.data(
        '{ skills(search: "PY", first: 1) { nodes { key name } '
        "pageInfo { hasNextPage endCursor } } }"
    )
    assert found["skills"]["nodes"] == [{"key": "python", "name": "Python"}]
    after = found["skills"]["pageInfo"]["endCursor"]
    rest = await gql.data(
        'query($a: String) { skills(search: "py", after: $a) { nodes { key } } }', {"a": after}
    )
    assert rest["skills"]["nodes"] == [{"key": "pytorch"}]
    employers = await gql.data(
        '{ employers(search: "acme", first: 2) { nodes { key industry } '
        "pageInfo { hasNextPage } } }"
    )
    assert employers["employers"] == {
        "nodes": [{"key": "e0", "industry": "Software"}, {"key": "e1", "industry": "Software"}],
        "pageInfo": {"hasNextPage": True},
    }


async def test_connection_requests_a_day_are_limited(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> None:
    safety = dataclasses.replace(settings.safety, connection_requests_per_day=2)
    limited = dataclasses.replace(settings, safety=safety)
    await build(empty_graph, people=[person("ann"), *(person(f"p{i}") for i in range(3))])
    async with lifespan(create_app(limited, api_settings)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            gql = GraphQLClient(http, api_settings.jwt_secret)
            ask = "mutation($p: String!) { requestConnection(input: {person: $p}) { connected } }"
            for i in range(2):
                await gql.data(ask, {"p": f"p{i}"}, as_="ann")
            assert await gql.error_code(ask, {"p": "p2"}, as_="ann") == "FORBIDDEN"
