"""Writing an unbounded stream of rows in bounded memory, on two lanes.

A generator yields `(kind, row)` pairs, each node before the relationships that
need it: a catalogue (skills, employers, schools, the relationships between
them), then people one by one, each followed by their own rows
(`PERSON_KINDS`: skills, jobs, school, wishes) and by one `knows_from` row, their
connections to people before them.

`chunks` groups the catalogue per kind and the people in blocks. `write_stream`
writes the catalogue, then each block of people with their own rows in one
transaction (lane one); once a block is committed, its connections go to lane
two, in batches of one transaction each, while lane one writes the next block.
The lanes touch disjoint people (lane one the block's new people, lane two people
of committed blocks), so neither waits for the other's locks.

Idempotent without the cost of `MERGE` where nothing can exist yet: a block
looks up which of its people exist, `CREATE`s the others with all their rows
(a node created in this transaction has no relationships to merge with) and
`MERGE`s the rest; connections are `CREATE`d from people with no outgoing
`KNOWS` yet (a person's connections are one row, so one transaction) and merged
otherwise. A re-run, or a run after a crash, finds everything and merges.
The block's lookup and `CREATE` return each person's element id, and the
connections name their ends by it: a seek by id instead of an index seek by key
for each of the millions of `KNOWS` (BENCHMARKS.md, Loading).
A thread produces the chunks ahead of the writers, through a bounded queue.
"""

from __future__ import annotations

import asyncio
import functools
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.loading.rows import CREATE_STATEMENTS, STATEMENTS, Row, RowKind, batched, write_rows
from graph.registry import statement

NODE_KINDS: tuple[RowKind, ...] = ("skills", "employers", "schools", "people")
PERSON_KINDS: tuple[RowKind, ...] = (
    "people",
    "has_skill",
    "works_at",
    "studied_at",
    "wants_to_learn",
)
"""Rows that belong to one person, written with that person's block (`people` first)."""

Progress = Callable[[RowKind, int], None]
Batch = tuple[RowKind, list[Row]]
Method = Literal["lookup", "merge", "create"]
"""`lookup`: CREATE what cannot exist yet, MERGE the rest (the loaders' way).
`merge`: MERGE everything; `create`: CREATE everything, a fresh database only
(not idempotent). The last two are the benchmarks' references."""

_EXISTING_PEOPLE = statement("load/match_existing_people")
_PEOPLE_WITH_KNOWS = statement("load/match_people_with_knows")
_CREATE_KNOWS_BY_ID = statement("load/create_knows_by_id")
_MERGE_KNOWS_BY_ID = statement("load/merge_knows_by_id")
_DONE = object()
_TIMEOUT = 300.0


@dataclass
class Block:
    """Consecutive people with their own rows, and their `knows_from` rows."""

    rows: dict[RowKind, list[Row]] = field(default_factory=dict)
    knows: list[Row] = field(default_factory=list)

    @property
    def people(self) -> int:
        return len(self.rows.get("people", ()))


def chunks(
    items: Iterable[tuple[RowKind, Row]],
    *,
    people: int,
    size: int,
) -> Iterator[Batch | Block]:
    """Blocks of `people` people, and the other rows in batches of `size` per kind.

    Whatever is yielded only refers to nodes yielded before it: pending catalogue
    nodes go before a block, and the block before a batch of other relationships
    (which may join its people).
    """
    pending: dict[RowKind, list[Row]] = {}
    block = Block()

    def flush_nodes() -> Iterator[Batch]:
        for kind in NODE_KINDS:
            if pending.get(kind):
                yield kind, pending.pop(kind)

    for kind, row in items:
        if kind == "knows_from":
            block.knows.append(row)
            continue
        if kind in PERSON_KINDS:
            if kind == "people" and block.people >= people:
                yield from flush_nodes()
                yield block
                block = Block()
            block.rows.setdefault(kind, []).append(row)
            continue
        buffer = pending.setdefault(kind, [])
        buffer.append(row)
        if len(buffer) >= size:
            if kind not in NODE_KINDS:
                yield from flush_nodes()
                if block.rows or block.knows:
                    yield block
                    block = Block()
            yield kind, pending.pop(kind)
    yield from flush_nodes()
    if block.rows or block.knows:
        yield block
    for kind in STATEMENTS:
        if pending.get(kind):
            yield kind, pending.pop(kind)


async def write_stream(
    database: Database,
    stream: Iterable[Batch | Block],
    *,
    progress: Progress | None = None,
    knows_rows: int = 400,
    prefetch: int = 4,
    method: Method = "lookup",
) -> dict[RowKind, int]:
    """Write every chunk of `stream` (see `chunks`), one transaction each.

    Returns what was written per kind, counting each connection of a
    `knows_from` row (that is, relationships rather than rows). `knows_rows`
    `knows_from` rows go in one transaction.
    """
    handoff: queue.Queue[Any] = queue.Queue(maxsize=prefetch)
    knows: asyncio.Queue[list[Row] | None] = asyncio.Queue(maxsize=prefetch * 4)
    stop = threading.Event()
    producer = threading.Thread(target=_produce, args=(stream, handoff, stop), daemon=True)
    written: dict[RowKind, int] = {}
    element_ids: dict[str, str] = {}
    """Person key -> element id, of every person written (the `lookup` method)."""

    def count(kind: RowKind, rows: int) -> None:
        written[kind] = written.get(kind, 0) + rows
        if progress is not None:
            progress(kind, rows)

    async def lane_one() -> None:
        while True:
            item = await asyncio.to_thread(handoff.get)
            if item is _DONE:
                break
            if isinstance(item, BaseException):
                raise item
            if isinstance(item, Block):
                work = functools.partial(_write_block, block=item, method=method)
                element_ids.update(await database.write_transaction(work, timeout=_TIMEOUT))
                for kind, rows in item.rows.items():
                    count(kind, len(rows))
                for batch in batched(item.knows, knows_rows):
                    await knows.put(batch)
            else:
                kind, rows = item
                await write_rows(
                    database, kind, rows, batch_size=len(rows), create=method == "create"
                )
                count(kind, len(rows))
        await knows.put(None)

    async def lane_two() -> None:
        while (batch := await knows.get()) is not None:
            work = functools.partial(
                _write_knows, rows=batch, method=method, element_ids=element_ids
            )
            await database.write_transaction(work, timeout=_TIMEOUT)
            count("knows_from", sum(len(row["b"]) for row in batch))

    producer.start()
    lanes = [asyncio.create_task(lane_one()), asyncio.create_task(lane_two())]
    try:
        await asyncio.gather(*lanes)
    finally:
        for lane in lanes:
            lane.cancel()
        await asyncio.gather(*lanes, return_exceptions=True)
        stop.set()
        while producer.is_alive():
            _drain(handoff)
            await asyncio.to_thread(producer.join, 0.1)
    return written


async def _write_block(
    tx: AsyncManagedTransaction, *, block: Block, method: Method
) -> dict[str, str]:
    """Write a block; return its people's element ids by key (`lookup` only)."""
    keys = [row["key"] for row in block.rows.get("people", ())]
    new: set[str] = set(keys) if method == "create" else set()
    element_ids: dict[str, str] = {}
    if method == "lookup":
        element_ids = _ids(await run(tx, _EXISTING_PEOPLE, {"keys": keys}))
        new = set(keys) - element_ids.keys()
    for kind in PERSON_KINDS:
        rows = block.rows.get(kind)
        if not rows:
            continue
        owner = "key" if kind == "people" else "person"
        fresh = [row for row in rows if row[owner] in new]
        known = [row for row in rows if row[owner] not in new]
        if fresh:
            created = await run(tx, CREATE_STATEMENTS[kind], {"rows": fresh})
            if kind == "people" and method == "lookup":
                element_ids.update(_ids(created))
        if known:
            await run(tx, STATEMENTS[kind], {"rows": known})
    return element_ids


async def _write_knows(
    tx: AsyncManagedTransaction, *, rows: list[Row], method: Method, element_ids: dict[str, str]
) -> None:
    if method != "lookup":
        stmt = CREATE_STATEMENTS if method == "create" else STATEMENTS
        await run(tx, stmt["knows_from"], {"rows": rows})
        return
    keys = [row["a"] for row in rows]
    merged = {row["key"] for row in await run(tx, _PEOPLE_WITH_KNOWS, {"keys": keys})}
    fresh = [_by_id(row, element_ids) for row in rows if row["a"] not in merged]
    known = [_by_id(row, element_ids) for row in rows if row["a"] in merged]
    if fresh:
        await run(tx, _CREATE_KNOWS_BY_ID, {"rows": fresh})
    if known:
        await run(tx, _MERGE_KNOWS_BY_ID, {"rows": known})


def _ids(rows: list[Row]) -> dict[str, str]:
    return {row["key"]: row["id"] for row in rows}


def _by_id(row: Row, element_ids: dict[str, str]) -> Row:
    """A `knows_from` row with its people named by element id (all written in earlier blocks)."""
    return {
        "a": element_ids[row["a"]],
        "b": [element_ids[key] for key in row["b"]],
        "since": row["since"],
    }


def _produce(stream: Iterable[Any], handoff: queue.Queue[Any], stop: threading.Event) -> None:
    try:
        for item in stream:
            while not stop.is_set():
                try:
                    handoff.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if stop.is_set():
                return
        handoff.put(_DONE)
    except BaseException as exc:  # handed over to the writer, which raises it
        handoff.put(exc)


def _drain(handoff: queue.Queue[Any]) -> None:
    while True:
        try:
            handoff.get_nowait()
        except queue.Empty:
            return
