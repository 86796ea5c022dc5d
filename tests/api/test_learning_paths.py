"""`Person.learningPaths`: a mentee's way from what they know to what they want, with mentors."""

from __future__ import annotations

from starlette.applications import Starlette

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person, skill

PATHS = """query($k: String!, $per: Int!, $skills: [String!]) { person(key: $k) {
  learningPaths(mentorsPerStep: $per, skills: $skills) {
    target { key } start { key name }
    path { skills { key } steps { fromSkill toSkill relation } strength }
    steps { skill { key name } mentors { key name } } } } }"""


def _has(person: str, skill: str, level: int) -> dict[str, object]:
    return {"person": person, "skill": skill, "level": level, "years": 1}


async def _graph(database: Database) -> None:
    # python -LEADS_TO-> stats -LEADS_TO-> ml; go leads nowhere from python.
    await build(
        database,
        people=[
            person("ann", seekingMentor=True), person("bob"),
            mentor("sam"), mentor("sue"), mentor("max"), mentor("gus"),
            mentor("foe"), mentor("priv", visibility="PRIVATE"), person("closed"),
        ],
        skills=[skill("python"), skill("stats"), skill("ml"), skill("go")],
        leads_to=[{"from": "python", "to": "stats"}, {"from": "stats", "to": "ml"}],
        has_skill=[
            _has("ann", "python", 3),
            _has("sam", "stats", 4), _has("sue", "stats", 5), _has("foe", "stats", 5),
            _has("closed", "stats", 5), _has("max", "ml", 3), _has("priv", "ml", 5),
            _has("gus", "go", 2),
        ],
        wants_to_learn=[
            {"person": "ann", "skill": "ml", "priority": 1},
            {"person": "ann", "skill": "go", "priority": 2},
        ],
        blocks=[{"person": "foe", "blocked": "ann"}],
    )  # fmt: skip


async def test_a_mentee_sees_each_wish_as_a_path_with_mentors_per_step(
    gql: GraphQLClient, app: Starlette, empty_graph: Database
) -> None:
    await _graph(empty_graph)
    trips = app.state.database.round_trips
    data = await gql.data(PATHS, {"k": "ann", "per": 2}, as_="ann")
    assert app.state.database.round_trips == trips + 3, "the session, the person, one statement"
    to_ml, to_go = data["person"]["learningPaths"]
    assert to_ml["target"] == {"key": "ml"}
    assert to_ml["start"] == {"key": "python", "name": "Python"}
    assert to_ml["path"] == {
        "skills": [{"key": "python"}, {"key": "stats"}, {"key": "ml"}],
        "steps": [
            {"fromSkill": "python", "toSkill": "stats", "relation": "LEADS_TO"},
            {"fromSkill": "stats", "toSkill": "ml", "relation": "LEADS_TO"},
        ],
        "strength": 1.0,
    }
    # blocked, private and closed people never teach; the best level comes first.
    assert to_ml["steps"] == [
        {"skill": {"key": "stats", "name": "Stats"},
         "mentors": [{"key": "sue", "name": "Sue"}, {"key": "sam", "name": "Sam"}]},
        {"skill": {"key": "ml", "name": "Ml"}, "mentors": [{"key": "max", "name": "Max"}]},
    ]  # fmt: skip
    assert (to_go["target"], to_go["start"]) == ({"key": "go"}, None), "nothing leads to go"
    assert to_go["steps"] == [{"skill": {"key": "go", "name": "Go"}, "mentors": [
        {"key": "gus", "name": "Gus"}]}]  # fmt: skip
    chosen = await gql.data(PATHS, {"k": "ann", "per": 1, "skills": ["go"]}, as_="ann")
    assert [p["target"]["key"] for p in chosen["person"]["learningPaths"]] == ["go"]


async def test_learning_paths_are_the_mentees_own_and_check_their_arguments(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await _graph(empty_graph)
    variables = {"k": "ann", "per": 2}
    assert await gql.error_code(PATHS, variables, as_="bob") == "FORBIDDEN"
    assert await gql.error_code(PATHS, variables) == "UNAUTHENTICATED"
    admin = await gql.data(PATHS, variables, as_="root", role="admin")
    assert len(admin["person"]["learningPaths"]) == 2
    body = await gql.send(PATHS, {"k": "ann", "per": 11}, as_="ann")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "mentorsPerStep"}
