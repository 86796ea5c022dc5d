from __future__ import annotations

from graph.database import Database
from graph.loading.rows import write_rows
from graph.registry import statement
from tests.builders import build, knows, person


async def _count(database: Database) -> int:
    return int((await database.read(statement("admin/count_nodes")))[0]["nodes"])


async def test_writing_the_same_rows_twice_changes_nothing(empty_graph: Database) -> None:
    people = [person("ada"), person("bob"), person("cy")]
    for _ in range(2):
        await build(empty_graph, people=people, knows=knows(("ada", "bob"), ("bob", "ada")))
    assert await _count(empty_graph) == 3


async def test_rows_are_written_in_batches(empty_graph: Database) -> None:
    batches: list[int] = []
    rows = [person(f"p{i}") for i in range(12)]
    written = await write_rows(empty_graph, "people", rows, batch_size=5, on_batch=batches.append)
    assert written == 12
    assert batches == [5, 5, 2]
