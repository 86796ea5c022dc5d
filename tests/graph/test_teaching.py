"""`CAN_TEACH`, the mentors' copy of `HAS_SKILL` that ranking scans, stays exact through
every write that changes skills or who mentors (docs/data.md)."""

from __future__ import annotations

from graph.database import Database
from graph.loading.rows import write_rows
from graph.people import set_mentor_preferences
from graph.registry import Statement
from graph.server.migrations import migrate
from graph.skills import add_skill, remove_skill
from tests.builders import build, mentor, person, skill

_TEACHING = Statement(
    name="tests/teaching",
    text="MATCH (p:Person)-[t:CAN_TEACH]->(s:Skill)"
    " RETURN p.key AS p, s.key AS s, t.level AS level",
    header="",
)
_FORGET_TEACHING = Statement(
    name="tests/forget_teaching", text="MATCH ()-[t:CAN_TEACH]->() DELETE t", header=""
)


async def teaching(database: Database) -> set[tuple[str, str, int]]:
    return {(r["p"], r["s"], r["level"]) for r in await database.read(_TEACHING)}


def has(who: str, what: str, level: int) -> dict[str, object]:
    return {"person": who, "skill": what, "level": level, "years": 2}


async def _two_people_with_skills(database: Database) -> None:
    await build(
        database,
        people=[mentor("ada"), person("bob")],
        skills=[skill("python"), skill("sql")],
        has_skill=[has("ada", "python", 4), has("ada", "sql", 2), has("bob", "python", 5)],
    )


async def test_loading_gives_mentors_and_only_mentors_their_skills_to_teach(
    empty_graph: Database,
) -> None:
    await _two_people_with_skills(empty_graph)
    assert await teaching(empty_graph) == {("ada", "python", 4), ("ada", "sql", 2)}


async def test_the_fast_create_path_does_the_same(empty_graph: Database) -> None:
    await write_rows(empty_graph, "people", [mentor("ada"), person("bob")], create=True)
    await write_rows(empty_graph, "skills", [skill("python")], create=True)
    rows = [has("ada", "python", 3), has("bob", "python", 5)]
    await write_rows(empty_graph, "has_skill", rows, create=True)
    assert await teaching(empty_graph) == {("ada", "python", 3)}


async def test_adding_changing_and_removing_a_skill_follow_through(
    empty_graph: Database,
) -> None:
    await _two_people_with_skills(empty_graph)
    await add_skill(empty_graph, "ada", "python", level=5, years=9)
    await add_skill(empty_graph, "bob", "sql", level=3, years=1)
    assert await teaching(empty_graph) == {("ada", "python", 5), ("ada", "sql", 2)}
    await remove_skill(empty_graph, "ada", "sql")
    assert await teaching(empty_graph) == {("ada", "python", 5)}


async def test_opening_and_closing_to_mentoring_adds_and_removes_every_skill(
    empty_graph: Database,
) -> None:
    await _two_people_with_skills(empty_graph)
    await set_mentor_preferences(empty_graph, "ada", open_to_mentor=False, capacity=0)
    await set_mentor_preferences(empty_graph, "bob", open_to_mentor=True, capacity=1)
    assert await teaching(empty_graph) == {("bob", "python", 5)}


async def test_reloading_someone_who_stopped_mentoring_takes_their_teaching_away(
    empty_graph: Database,
) -> None:
    await _two_people_with_skills(empty_graph)
    await build(empty_graph, people=[person("ada")])
    assert await teaching(empty_graph) == set()


async def test_migrating_fills_in_what_a_graph_loaded_before_lacks(empty_graph: Database) -> None:
    await _two_people_with_skills(empty_graph)
    await empty_graph.write(_FORGET_TEACHING)
    await migrate(empty_graph)
    assert await teaching(empty_graph) == {("ada", "python", 4), ("ada", "sql", 2)}
