"""Whole-database chores: is the graph empty, wipe it."""

from __future__ import annotations

from graph.database import Database
from graph.registry import statement

_COUNT_NODES = statement("admin/count_nodes")
_WIPE_RELATIONSHIPS = statement("admin/wipe")
_WIPE_NODES = statement("admin/wipe_nodes")


async def is_empty(database: Database) -> bool:
    rows = await database.read(_COUNT_NODES)
    return int(rows[0]["nodes"]) == 0


async def wipe(database: Database) -> None:
    """Delete every node and relationship (keeps the schema), in bounded batches."""
    await database.autocommit(_WIPE_RELATIONSHIPS)
    await database.autocommit(_WIPE_NODES)
