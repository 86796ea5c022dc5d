"""Schema migrations: every `queries/schema/*.cypher` (idempotent `IF NOT EXISTS`)."""

from __future__ import annotations

from graph.database import Database
from graph.registry import statement, statements_under

_AWAIT_INDEXES = statement("admin/await_indexes")


async def migrate(database: Database) -> list[str]:
    """Apply every schema statement, each in its own transaction; return their names."""
    applied = []
    for schema_statement in statements_under("schema"):
        await database.write(schema_statement)
        applied.append(schema_statement.name)
    await database.read(_AWAIT_INDEXES, timeout=300.0)
    return applied
