"""Whole-database chores: is the graph empty, wipe it."""

from __future__ import annotations

from graph.database import Database
from graph.registry import statement

_COUNT_NODES = statement("admin/count_nodes")
_WIPE = statement("admin/wipe")


async def is_empty(database: Database) -> bool:
    rows = await database.read(_COUNT_NODES)
    return int(rows[0]["nodes"]) == 0


async def wipe(database: Database) -> None:
    """Delete every node and relationship (keeps the schema)."""
    await database.autocommit(_WIPE)
