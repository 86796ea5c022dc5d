"""Batched, idempotent writes of graph rows: what every loader and fixture uses.

Each kind of row has one `MERGE` statement in `queries/load/`; rows are sent in
batches of `UNWIND $rows`, each batch in its own transaction, so a failed load
keeps what it committed and a re-run completes it without duplicates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Literal

from graph.database import Database
from graph.registry import Statement, statement

RowKind = Literal[
    "people",
    "skills",
    "employers",
    "schools",
    "knows",
    "knows_from",
    "has_skill",
    "wants_to_learn",
    "works_at",
    "studied_at",
    "related_to",
    "leads_to",
    "mentors",
    "blocks",
    "mentorship_requests",
    "holds",
]

STATEMENTS: dict[RowKind, Statement] = {
    "people": statement("load/merge_people"),
    "skills": statement("load/merge_skills"),
    "employers": statement("load/merge_employers"),
    "schools": statement("load/merge_schools"),
    "knows": statement("load/merge_knows"),
    "knows_from": statement("load/merge_knows_from"),
    "has_skill": statement("load/merge_has_skill"),
    "wants_to_learn": statement("load/merge_wants_to_learn"),
    "works_at": statement("load/merge_works_at"),
    "studied_at": statement("load/merge_studied_at"),
    "related_to": statement("load/merge_related_to"),
    "leads_to": statement("load/merge_leads_to"),
    "mentors": statement("load/merge_mentors"),
    "blocks": statement("load/merge_blocks"),
    "mentorship_requests": statement("load/merge_mentorship_requests"),
    "holds": statement("load/merge_holds"),
}

# Plain `CREATE` variants, for rows that cannot exist yet: `graph.loading.streaming` uses them for
# people it has just created (and connections of people with none), benchmarks as a baseline.
CREATE_STATEMENTS: dict[RowKind, Statement] = {
    "people": statement("load/create_people"),
    "knows_from": statement("load/create_knows_from"),
    "has_skill": statement("load/create_has_skill"),
    "wants_to_learn": statement("load/create_wants_to_learn"),
    "works_at": statement("load/create_works_at"),
    "studied_at": statement("load/create_studied_at"),
}

# Nodes before the relationships that need them.
LOAD_ORDER: tuple[RowKind, ...] = tuple(STATEMENTS)

Row = dict[str, Any]


def batched(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


async def write_rows(
    database: Database,
    kind: RowKind,
    rows: Iterable[Row],
    *,
    batch_size: int = 5000,
    on_batch: Callable[[int], None] | None = None,
    create: bool = False,
) -> int:
    """Write `rows` of one kind in batches, one transaction each; return how many.

    `create=True` uses the plain `CREATE` variant where there is one (benchmarks).
    """
    stmt = CREATE_STATEMENTS.get(kind, STATEMENTS[kind]) if create else STATEMENTS[kind]
    written = 0
    for batch in batched(rows, batch_size):
        await database.write(stmt, {"rows": batch}, timeout=300.0)
        written += len(batch)
        if on_batch is not None:
            on_batch(len(batch))
    return written


async def write_graph(database: Database, rows: dict[RowKind, Iterable[Row]]) -> None:
    """Write several kinds of rows in dependency order (small graphs and fixtures)."""
    for kind in LOAD_ORDER:
        if kind in rows:
            await write_rows(database, kind, rows[kind])
