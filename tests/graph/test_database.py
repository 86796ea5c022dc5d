from __future__ import annotations

import asyncio
import time

import neo4j
import pytest

from graph.database import Database, run
from graph.errors import QueryFailed, Unavailable
from graph.registry import Statement
from graph.server.admin import is_empty
from graph.server.migrations import migrate
from graph.settings import Settings
from tests.builders import build, fixture_statement, person


async def test_the_schema_applies_every_time_and_a_data_migration_once(
    empty_graph: Database,
) -> None:
    first = await migrate(empty_graph)
    second = await migrate(empty_graph)
    assert "schema/person_key" in first
    assert "migrations/can_teach_backfill" in first
    assert second == [name for name in first if name.startswith("schema/")]
    assert await is_empty(empty_graph), "a migration's record is not content"


async def test_the_server_is_neo4j_5_26(database: Database) -> None:
    assert (await database.server_version()).startswith("5.26.")


async def test_an_unreachable_server_is_unavailable_and_names_the_address(
    settings: Settings,
) -> None:
    unreachable = Settings(**{**settings.__dict__, "neo4j_uri": "bolt://127.0.0.1:1"})
    database = Database.connect(unreachable)
    try:
        with pytest.raises(Unavailable, match=r"127\.0\.0\.1:1"):
            await database.ping()
        # A read is retried while the failure is transient (here: nobody listens), then given up.
        assert database.round_trips > 1
    finally:
        await database.close()


async def test_a_read_that_cannot_succeed_is_not_retried(database: Database) -> None:
    broken = Statement(name="test/broken", text="RETURN 1 +", header="")
    before = database.round_trips
    with pytest.raises(QueryFailed):
        await database.read(broken)
    assert database.round_trips == before + 1


async def test_a_statement_returning_a_node_breaks_the_rows_contract(
    empty_graph: Database,
) -> None:
    """The check `tests/conftest.py` puts on every statement the suite runs can fail."""
    plain = Statement(name="test/plain", text="RETURN {inner: [{}]} AS ok", header="")
    assert await empty_graph.read(plain) == [{"ok": {"inner": [{}]}}]
    nested_node = Statement(
        name="test/node", text="CREATE (n:Scratch) RETURN {n: [n]} AS bad", header=""
    )
    with pytest.raises(AssertionError, match="graph values"):
        await empty_graph.write(nested_node)
    assert await is_empty(empty_graph), "the failed transaction was rolled back"


async def test_a_write_that_meets_a_person_deleted_under_it_runs_again(
    empty_graph: Database,
) -> None:
    """A write binds a person, then waits at a gate (a lock the test holds) before it makes a
    relationship to them; meanwhile the person is deleted, and the delete commits. Neo4j then
    refuses the write (`EntityNotFound`, "Unable to load NODE"): it runs again, and finds
    nobody."""
    gate, through, delete = (
        fixture_statement(f"race_{n}") for n in ("gate", "through_gate", "delete")
    )
    await build(empty_graph, people=[person("ana")])
    await empty_graph.write(gate)
    held, go = asyncio.Event(), asyncio.Event()
    attempts: list[int] = []

    async def hold_then_delete(tx: neo4j.AsyncManagedTransaction) -> None:
        await run(tx, gate)
        held.set()
        await go.wait()
        await run(tx, delete, {"key": "ana"})

    async def through_gate(tx: neo4j.AsyncManagedTransaction) -> list[dict[str, object]]:
        attempts.append(len(attempts) + 1)
        return await run(tx, through, {"key": "ana"})

    holder = asyncio.create_task(empty_graph.write_transaction(hold_then_delete))
    await held.wait()
    racer = asyncio.create_task(empty_graph.write_transaction(through_gate))
    deadline = time.monotonic() + 60
    while (await empty_graph.read(fixture_statement("race_blocked")))[0]["blocked"] == 0:
        assert time.monotonic() < deadline, "the write never waited at the gate"
        await asyncio.sleep(0.02)
    go.set()
    await holder
    assert await racer == [{"created": 0}] and attempts == [1, 2]
    assert await empty_graph.read(fixture_statement("race_marks")) == [{"marks": 0}]
