"""Query cost counts what runs: variables' defaults, fragments, aliases, lists by their bound."""

from __future__ import annotations

from graph.connections import MAX_MUTUAL_CONNECTIONS
from graph.database import Database
from graph.skills import MAX_LEARNING_GOALS
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person

WIDE = """query($n: Int! = 100, $m: Int! = 100) {
  people(first: $n) { nodes { connections(first: $m) { nodes { key } } } } }"""


async def test_a_variables_default_counts_like_a_value_passed(gql: GraphQLClient) -> None:
    passed = await gql.send(WIDE, {"n": 100, "m": 100})
    assert passed["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    defaulted = await gql.send(WIDE)
    assert defaulted["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert defaulted["data"] is None
    assert "errors" not in await gql.send(WIDE, {"n": 10, "m": 10})


async def test_fragments_inline_fragments_and_aliases_count(gql: GraphQLClient) -> None:
    # Each alias costs about 10,200 at the defaults: two stay under 20,000 ...
    document = """query($n: Int! = 100) {
      a: people(first: $n) { ...Wide }
      b: people(first: $n) { ... on PersonConnection { nodes { ...Inner } } }
      %s
    }
    fragment Wide on PersonConnection { nodes { ...Inner } }
    fragment Inner on Person { connections(first: $n) { nodes { key } } }"""
    assert "errors" not in await gql.send(document % "", {"n": 10})
    # ... and a third, reached through a fragment, goes over.
    costly = await gql.send(document % "c: people(first: $n) { ...Wide }")
    assert costly["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


async def test_what_skip_leaves_out_costs_nothing(gql: GraphQLClient) -> None:
    skipped = """query($heavy: Boolean! = false) { viewer { key }
      people(first: 100) @include(if: $heavy) { nodes { connections(first: 100) {
        nodes { connections(first: 100) { nodes { key } } } } } } }"""
    assert "errors" not in await gql.send(skipped)
    included = await gql.send(skipped, {"heavy": True})
    assert included["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


async def test_unpaged_lists_count_by_their_bound(gql: GraphQLClient) -> None:
    def nested(depth: int) -> str:
        inner = "key"
        for _ in range(depth):
            inner = f'mutualConnections(with: "b") {{ {inner} }}'
        return f"{{ viewer {{ {inner} }} }}"

    assert "errors" not in await gql.send(nested(2))
    four = await gql.send(nested(4))
    assert four["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


async def test_a_list_never_holds_more_than_its_bound(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    friends = [f"f{i:03d}" for i in range(MAX_MUTUAL_CONNECTIONS + 5)]
    pairs = [(end, f) for f in friends for end in ("a", "b")]
    await build(
        empty_graph,
        people=[person("a"), person("b"), *map(person, friends)],
        knows=knows(*pairs),
    )
    data = await gql.data('{ person(key: "a") { mutualConnections(with: "b") { key } } }')
    listed = [p["key"] for p in data["person"]["mutualConnections"]]
    assert listed == friends[:MAX_MUTUAL_CONNECTIONS]


async def test_the_skills_a_match_explains_are_bounded_like_its_skill_paths(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann")])
    document = """query($skills: [String!]) { viewer { mentorMatches(filter: {skills: $skills}) {
      nodes { skillPaths { strength } } } } }"""
    wanted = [f"s{i}" for i in range(MAX_LEARNING_GOALS)]
    assert "errors" not in await gql.send(document, {"skills": wanted}, as_="ann")
    too_many = {"skills": [*wanted, "one-more"]}
    assert await gql.error_code(document, too_many, as_="ann") == "BAD_USER_INPUT"
