from __future__ import annotations

from starlette.applications import Starlette

from api.node import global_id, pair_key
from graph.database import Database
from graph.ranking.signals import SIGNAL_NAMES
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill

MATCHES = """query($k: String!, $first: Int!, $after: String) { person(key: $k) {
  mentorMatches(first: $first, after: $after) {
    edges { cursor node { mentor { key } score freeCapacity
      signals { name share } mutualConnections { key }
      skillPaths { skills { key } mentorLevel } sharedEmployers { key } } }
    pageInfo { hasNextPage endCursor } } } }"""


async def _graph(database: Database) -> None:
    await build(
        database,
        people=[
            person("ann", seekingMentor=True),
            person("bob"),
            mentor("max", capacity=2),
            mentor("mia", capacity=1),
            mentor("mo"),
        ],
        skills=[skill("python"), skill("sql")],
        knows=knows(("ann", "bob"), ("bob", "max"), ("bob", "mia")),
        has_skill=[
            {"person": "max", "skill": "python", "level": 4, "years": 6},
            {"person": "mo", "skill": "python", "level": 5, "years": 9},
        ],
        wants_to_learn=[{"person": "ann", "skill": "python", "priority": 1}],
    )


async def test_matches_are_explained_and_paged(gql: GraphQLClient, empty_graph: Database) -> None:
    await _graph(empty_graph)
    first = (await gql.data(MATCHES, {"k": "ann", "first": 1}, as_="ann"))["person"]
    edge = first["mentorMatches"]["edges"][0]["node"]
    assert edge["mentor"] == {"key": "max"}, "knows a friend and teaches python"
    assert edge["mutualConnections"] == [{"key": "bob"}]
    assert edge["skillPaths"] == [{"skills": [{"key": "python"}], "mentorLevel": 4}]
    assert [s["name"] for s in edge["signals"]] == list(SIGNAL_NAMES)
    assert abs(sum(s["share"] for s in edge["signals"]) - 1.0) < 1e-6
    seen = ["max"]
    after = first["mentorMatches"]["pageInfo"]["endCursor"]
    while after:
        page = await gql.data(MATCHES, {"k": "ann", "first": 1, "after": after}, as_="ann")
        conn = page["person"]["mentorMatches"]
        seen += [e["node"]["mentor"]["key"] for e in conn["edges"]]
        after = conn["pageInfo"]["endCursor"] if conn["pageInfo"]["hasNextPage"] else None
    assert sorted(seen) == ["max", "mia", "mo"]
    assert len(seen) == len(set(seen))


async def test_closing_to_mentoring_removes_a_mentor_and_reopening_brings_their_skills(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await _graph(empty_graph)
    prefs = """mutation($open: Boolean!) { setMentorPreferences(
      input: {openToMentor: $open, capacity: 2}) { person { openToMentor } } }"""
    add = 'mutation { addSkill(input: {skill: "python", level: 5}) { person { key } } }'

    async def matched() -> list[str]:
        data = await gql.data(MATCHES, {"k": "ann", "first": 10}, as_="ann")
        return [e["node"]["mentor"]["key"] for e in data["person"]["mentorMatches"]["edges"]]

    assert "mo" in await matched(), "found through python alone"
    await gql.data(prefs, {"open": False}, as_="mo")
    assert "mo" not in await matched()
    await gql.data(prefs, {"open": True}, as_="mo")
    assert "mo" in await matched(), "their python again teachable"
    await gql.data(prefs, {"open": True}, as_="bob")
    await gql.data(add, as_="bob")
    assert "bob" in await matched(), "a friend who now mentors and knows python"


async def test_only_the_mentee_or_an_admin_reads_matches(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await _graph(empty_graph)
    assert await gql.error_code(MATCHES, {"k": "ann", "first": 5}, as_="bob") == "FORBIDDEN"
    assert await gql.error_code(MATCHES, {"k": "ann", "first": 5}) == "UNAUTHENTICATED"
    admin = await gql.data(MATCHES, {"k": "ann", "first": 5}, as_="boss", role="admin")
    assert admin["person"]["mentorMatches"]["edges"]
    assert await gql.error_code(MATCHES, {"k": "ann", "first": 101}, as_="ann") == (
        "BAD_USER_INPUT"
    )


async def test_a_skill_path_names_its_skills(gql: GraphQLClient, empty_graph: Database) -> None:
    await _graph(empty_graph)
    await build(empty_graph, leads_to=[{"from": "python", "to": "sql"}])
    path = '{ skillPath(from: "python", to: "sql") { skills { key } steps { relation } } }'
    data = await gql.data(path)
    assert data["skillPath"] == {
        "skills": [{"key": "python"}, {"key": "sql"}],
        "steps": [{"relation": "LEADS_TO"}],
    }
    missing = '{ skillPath(from: "python", to: "nope") { strength } }'
    assert await gql.error_code(missing) == "NOT_FOUND"


SUGGESTIONS = """query($first: Int!, $after: String) { viewer {
  suggestedConnections(first: $first, after: $after) {
    edges { cursor node { score mutualCount
      person { key name headline } mutualConnections { key name } } }
    pageInfo { hasNextPage endCursor } } } }"""


async def test_suggested_connections_are_a_keyset_connection_read_in_one_statement(
    gql: GraphQLClient, app: Starlette, empty_graph: Database
) -> None:
    others = [f"o{i}" for i in range(5)]
    await build(
        empty_graph,
        people=[person("ann"), person("bob"), person("cy"), *[person(k) for k in others]],
        knows=knows(("ann", "bob"), ("ann", "cy"), *[("bob", k) for k in others], ("cy", "o3")),
    )
    trips = app.state.database.round_trips
    page = (await gql.data(SUGGESTIONS, {"first": 2}, as_="ann"))["viewer"]
    assert app.state.database.round_trips == trips + 2, (
        "the session's check with the viewer, one statement: no reloads"
    )
    top = page["suggestedConnections"]["edges"][0]["node"]
    assert top["person"] == {"key": "o3", "name": "O3", "headline": ""}
    assert (top["mutualCount"], top["mutualConnections"]) == (
        2,
        [{"key": "cy", "name": "Cy"}, {"key": "bob", "name": "Bob"}],
    )
    seen: list[str] = []
    after = None
    for _ in range(len(others)):
        found = await gql.data(SUGGESTIONS, {"first": 2, "after": after}, as_="ann")
        conn = found["viewer"]["suggestedConnections"]
        seen += [e["node"]["person"]["key"] for e in conn["edges"]]
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert seen == ["o3", "o0", "o1", "o2", "o4"], "best first, then by key, no gap or duplicate"
    bad = await gql.error_code(SUGGESTIONS, {"first": 2, "after": "bm90IGEgY3Vyc29y"}, as_="ann")
    assert bad == "BAD_USER_INPUT"


async def test_node_of_a_suggestion_is_the_list_s_entry(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """`node(id:)` ranks the pair again, for the person and admins; for anyone else, and
    for someone the list does not suggest, the pair is nobody's."""
    await build(
        empty_graph,
        people=[person(k) for k in ("ann", "bob", "cy", "o1", "o2")],
        knows=knows(("ann", "bob"), ("ann", "cy"), ("bob", "o1"), ("bob", "o2"), ("cy", "o2")),
    )
    entry = "id score mutualCount person { id key } mutualConnections { id key }"
    listing = f"{{ viewer {{ suggestedConnections(first: 10) {{ nodes {{ {entry} }} }} }} }}"
    node = f"query($id: ID!) {{ node(id: $id) {{ ... on ConnectionSuggestion {{ {entry} }} }} }}"
    entries = (await gql.data(listing, as_="ann"))["viewer"]["suggestedConnections"]["nodes"]
    assert [e["person"]["key"] for e in entries] == ["o2", "o1"]
    for found in entries:
        for viewer, role in (("ann", "member"), ("boss", "admin")):
            assert (await gql.data(node, {"id": found["id"]}, as_=viewer, role=role))["node"] == (
                found
            )
        assert await gql.error_code(node, {"id": found["id"]}, as_="bob") == "NOT_FOUND"
    connected = global_id("ConnectionSuggestion", pair_key("ann", "bob"))
    assert await gql.error_code(node, {"id": connected}, as_="ann") == "NOT_FOUND"


_ENTRY = """id score freeCapacity signals { name value share } mutualConnections { id key }
  skillPaths { skills { id } steps { fromSkill toSkill relation weight } strength mentorLevel }
  sharedEmployers { id } mentor { id key }"""


async def test_node_of_a_match_is_the_list_s_entry(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """`node(id:)` ranks the pair again: every field as in `mentorMatches`, for the mentee
    (seeking a mentor or not) and admins; for anyone else the pair is nobody's."""
    await _graph(empty_graph)
    await build(
        empty_graph,
        employers=[{"key": "acme", "name": "Acme", "industry": "Software"}],
        people=[person("cy")],
        knows=knows(("cy", "bob")),
        works_at=[{"person": p, "employer": "acme", "title": "dev", "since": None, "until": None}
                  for p in ("cy", "mia")],
    )  # fmt: skip
    listing = f"""query($k: String!) {{ person(key: $k) {{
      mentorMatches(first: 10) {{ nodes {{ {_ENTRY} }} }} }} }}"""
    node = f"query($id: ID!) {{ node(id: $id) {{ ... on MentorMatch {{ {_ENTRY} }} }} }}"
    for mentee in ("ann", "cy"):
        entries = (await gql.data(listing, {"k": mentee}, as_=mentee))["person"]
        entries = entries["mentorMatches"]["nodes"]
        assert len(entries) >= 2, mentee
        assert len({entry["id"] for entry in entries}) == len(entries)
        for entry in entries:
            for viewer, role in ((mentee, "member"), ("boss", "admin")):
                found = await gql.data(node, {"id": entry["id"]}, as_=viewer, role=role)
                assert found["node"] == entry, (mentee, viewer)
            other = "bob" if mentee != "bob" else "ann"
            assert await gql.error_code(node, {"id": entry["id"]}, as_=other) == "NOT_FOUND"
    assert any(e["sharedEmployers"] for e in entries), "cy and mia work at Acme"
