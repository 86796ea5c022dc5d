"""Schema migrations: every `queries/schema/*.cypher` (idempotent: `IF NOT EXISTS`, or a
backfill that finds nothing left to do)."""

from __future__ import annotations

from graph.database import Database
from graph.registry import statement, statements_under

_AWAIT_INDEXES = statement("admin/await_indexes")


async def migrate(database: Database) -> list[str]:
    """Apply every schema statement, each in its own auto-commit transaction (a data
    backfill batches itself with `CALL { } IN TRANSACTIONS`); return their names."""
    applied = []
    for schema_statement in statements_under("schema"):
        await database.autocommit(schema_statement)
        applied.append(schema_statement.name)
    await database.read(_AWAIT_INDEXES, timeout=300.0)
    return applied
