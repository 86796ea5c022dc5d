"""`:InBlock`, which lets the privacy rule skip its block check for everyone outside a
block, is on both ends of every `BLOCKED` relationship, whichever way it was written
(docs/model.md). A writer that forgot it would show a blocked person again."""

from __future__ import annotations

import re

from graph import safety
from graph.database import Database
from graph.people import get_people
from graph.registry import Statement, all_statement_names, statement
from graph.server.migrations import migrate
from graph.viewer import Viewer
from tests.builders import build, person

_UNLABELLED_ENDS = Statement(
    name="tests/unlabelled_block_ends",
    text="MATCH (a:Person)-[:BLOCKED]-(:Person) WHERE NOT a:InBlock RETURN count(a) AS n",
    header="",
)
_BLOCK_WITHOUT_LABELS = Statement(
    name="tests/block_without_labels",
    text="MATCH (a:Person {key: $a}), (b:Person {key: $b}) CREATE (a)-[:BLOCKED]->(b)",
    header="",
)
_FORGET_MIGRATIONS = Statement(
    name="tests/forget_migrations", text="MATCH (m:Migration) DELETE m", header=""
)
_WRITES_BLOCKED = re.compile(
    r"\b(?:MERGE|CREATE)\s*\((\w+)\)\s*-\[\w*:BLOCKED\b[^\]]*\]->\((\w+)\)"
)


async def _unlabelled_ends(database: Database) -> int:
    (row,) = await database.read(_UNLABELLED_ENDS)
    return int(row["n"])


async def _seen_by(database: Database, viewer: str, key: str) -> bool:
    (found,) = await get_people(database, [key], Viewer(key=viewer, role="member"))
    return found is not None


def test_every_statement_that_writes_a_block_labels_both_ends() -> None:
    writers = []
    for name in all_statement_names():
        text = statement(name).text
        for blocker, blocked in _WRITES_BLOCKED.findall(text):
            writers.append(name)
            assert f"{blocker}:InBlock" in text and f"{blocked}:InBlock" in text, name
    assert sorted(writers) == ["load/merge_blocks", "safety/block_person"]


async def test_a_block_through_the_product_or_a_loader_labels_both_and_hides(
    empty_graph: Database,
) -> None:
    await build(empty_graph, people=[person(k) for k in ("ana", "bo", "cy", "di")])
    await safety.block_person(empty_graph, "ana", "bo", reason=None)
    await build(empty_graph, blocks=[{"person": "cy", "blocked": "di"}])
    assert await _unlabelled_ends(empty_graph) == 0
    for viewer, other in (("ana", "bo"), ("bo", "ana"), ("cy", "di"), ("di", "cy")):
        assert not await _seen_by(empty_graph, viewer, other), (viewer, other)
    assert await _seen_by(empty_graph, "ana", "cy")
    await safety.unblock_person(empty_graph, "ana", "bo")
    assert await _seen_by(empty_graph, "ana", "bo") and await _seen_by(empty_graph, "bo", "ana")


async def test_the_migration_labels_blocks_stored_before_the_label(empty_graph: Database) -> None:
    await build(empty_graph, people=[person(k) for k in ("ana", "bo")])
    await empty_graph.write(_BLOCK_WITHOUT_LABELS, {"a": "ana", "b": "bo"})
    assert await _unlabelled_ends(empty_graph) == 2
    await empty_graph.write(_FORGET_MIGRATIONS)
    assert "migrations/in_block_labels" in await migrate(empty_graph)
    assert await _unlabelled_ends(empty_graph) == 0
    assert not await _seen_by(empty_graph, "bo", "ana")
