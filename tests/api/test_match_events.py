"""Each triggering mutation records exactly the expected match events; `matchEvents` pages them."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill

EVENTS = """
query($key: String!, $after: String) {
  person(key: $key) {
    matchEvents(first: 50, after: $after) {
      edges { cursor node { cursor score mentee { key } mentor { key } signals { name share } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""


def seeker(key: str) -> dict[str, object]:
    return person(key, seekingMentor=True)


async def _pairs(gql: GraphQLClient, key: str, after: str | None = None) -> list[tuple[str, str]]:
    data = await gql.data(EVENTS, {"key": key, "after": after}, as_=key)
    edges: list[dict[str, Any]] = data["person"]["matchEvents"]["edges"]
    for edge in edges:
        assert edge["cursor"] == edge["node"]["cursor"]
    return [(e["node"]["mentee"]["key"], e["node"]["mentor"]["key"]) for e in edges]


async def _all_pairs(gql: GraphQLClient, keys: list[str]) -> list[tuple[str, str]]:
    return [pair for key in keys for pair in await _pairs(gql, key)]


async def test_each_trigger_records_exactly_the_expected_events(
    app: Starlette, gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        skills=[skill("django"), skill("ml"), skill("python")],
        people=[
            person("mo"), seeker("ana"), seeker("bea"), seeker("ivy"), seeker("eve"),
            mentor("dan", capacity=1), person("zed"),
            mentor("fay", capacity=1), person("gus"), seeker("hal"),
        ],
        knows=knows(("zed", "dan")),
        has_skill=[{"person": "mo", "skill": "django", "level": 5, "years": 1},
                   {"person": "fay", "skill": "python", "level": 5, "years": 1}],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1},
                        {"person": "bea", "skill": "ml", "priority": 1},
                        {"person": "hal", "skill": "python", "priority": 1}],
        mentors=[{"mentor": "fay", "mentee": "gus", "status": "ACTIVE", "since": None}],
    )  # fmt: skip
    hub = app.state.events
    everyone = ["ana", "bea", "ivy", "eve", "hal"]

    async def after(mutation: str, variables: dict[str, Any], as_: str) -> list[tuple[str, str]]:
        before = await _all_pairs(gql, everyone)
        await gql.data(mutation, {"input": variables}, as_=as_)
        await hub.drain()
        return [pair for pair in await _all_pairs(gql, everyone) if pair not in before]

    set_prefs = "mutation($input: MentorPreferencesInput!) { setMentorPreferences(input: $input) { person { key } } }"  # noqa: E501
    add_skill = "mutation($input: AddSkillInput!) { addSkill(input: $input) { person { key } } }"
    set_goals = "mutation($input: LearningGoalsInput!) { setLearningGoals(input: $input) { person { key } } }"  # noqa: E501
    ask = "mutation($input: ConnectionRequestInput!) { requestConnection(input: $input) { connected } }"  # noqa: E501
    answer = "mutation($input: ConnectionResponseInput!) { respondToConnectionRequest(input: $input) { connected } }"  # noqa: E501
    end = "mutation($input: EndMentorshipInput!) { endMentorship(input: $input) { status } }"

    opt_in = {"openToMentor": True, "capacity": 2}
    assert await after(set_prefs, opt_in, "mo") == [("ana", "mo")]
    assert await after(set_prefs, {"openToMentor": True, "capacity": 3}, "mo") == []
    assert await after(add_skill, {"skill": "ml", "level": 5}, "mo") == [("bea", "mo")]
    assert await after(set_goals, {"skills": ["ml"]}, "ivy") == [("ivy", "mo")]
    await gql.data(ask, {"input": {"person": "zed"}}, as_="eve")
    assert await after(answer, {"person": "eve", "accept": True}, "zed") == [("eve", "dan")]
    ending = {"person": "gus", "outcome": "COMPLETED", "reason": "done"}
    assert await after(end, ending, "fay") == [("hal", "fay")]


async def test_match_events_page_by_cursor_and_only_for_self_or_admin(
    app: Starlette, gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        skills=[skill("django")],
        people=[seeker("ana"), seeker("bea")] + [mentor(f"m{i}") for i in range(3)],
        has_skill=[{"person": f"m{i}", "skill": "django", "level": 5, "years": 1}
                   for i in range(3)],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
    )  # fmt: skip
    set_goals = 'mutation { setLearningGoals(input: {skills: ["django"]}) { person { key } } }'
    await gql.data(set_goals, as_="ana")
    await app.state.events.drain()
    data = await gql.data(EVENTS, {"key": "ana"}, as_="ana")
    edges = data["person"]["matchEvents"]["edges"]
    assert [e["node"]["mentor"]["key"] for e in edges] == ["m0", "m1", "m2"]
    assert await _pairs(gql, "ana", after=edges[0]["cursor"]) == [("ana", "m1"), ("ana", "m2")]
    assert await gql.error_code(EVENTS, {"key": "ana"}, as_="bea") == "FORBIDDEN"
    admin = await gql.data(EVENTS, {"key": "ana"}, as_="bea", role="admin")
    assert len(admin["person"]["matchEvents"]["edges"]) == 3
    bad = await gql.error_code(EVENTS, {"key": "ana", "after": "nope"}, as_="ana")
    assert bad == "BAD_USER_INPUT"


async def test_an_event_s_id_is_a_global_id_and_its_cursor_the_edge_s(
    app: Starlette, gql: GraphQLClient, empty_graph: Database
) -> None:
    """`node(id:)` finds an event again with the fields of its `matchEvents` entry; its
    `cursor` is its edge's, which `mentorMatchAdded(after:)` and `matchEvents(after:)` take."""
    await build(
        empty_graph,
        skills=[skill("django")],
        people=[seeker("ana"), mentor("m0"), mentor("m1")],
        has_skill=[{"person": m, "skill": "django", "level": 5, "years": 1} for m in ("m0", "m1")],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
    )
    await gql.data('mutation { setLearningGoals(input: {skills: ["django"]}) { person { key } } }',
                   as_="ana")  # fmt: skip
    await app.state.events.drain()
    fields = "id cursor at score signals { name value share } mentee { key } mentor { key }"
    listed = await gql.data(
        f"{{ viewer {{ matchEvents {{ edges {{ cursor node {{ {fields} }} }} }} }} }}", as_="ana"
    )
    edges = listed["viewer"]["matchEvents"]["edges"]
    assert len(edges) == 2
    node = f"query($id: ID!) {{ node(id: $id) {{ ... on MentorMatchEvent {{ {fields} }} }} }}"
    for edge in edges:
        assert edge["node"]["cursor"] == edge["cursor"]
        assert edge["node"]["id"] != edge["cursor"]
        for viewer, role in (("ana", "member"), ("boss", "admin")):
            found = await gql.data(node, {"id": edge["node"]["id"]}, as_=viewer, role=role)
            assert found["node"] == edge["node"], viewer
    assert await _pairs(gql, "ana", after=edges[0]["node"]["cursor"]) == [("ana", "m1")]
