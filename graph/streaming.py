"""Writing an unbounded stream of rows in bounded memory.

A generator yields `(kind, row)` pairs, each node before the relationships that
need it. `batches` groups them per kind and, before a batch of relationships,
flushes the pending nodes, so every endpoint is committed first. `write_stream`
produces the batches in a thread while the event loop writes the previous ones
(one transaction at a time: no lock contention), through a bounded queue.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from graph.database import Database
from graph.loading import STATEMENTS, Row, RowKind, write_rows

NODE_KINDS: tuple[RowKind, ...] = ("skills", "employers", "schools", "people")
Progress = Callable[[RowKind, int], None]
Batch = tuple[RowKind, list[Row]]
_DONE = object()


def batches(
    items: Iterable[tuple[RowKind, Row]], *, size: int, sizes: dict[RowKind, int] | None = None
) -> Iterator[Batch]:
    """Group rows per kind into batches of `size` (or `sizes[kind]`), nodes first."""
    pending: dict[RowKind, list[Row]] = {}
    limits = sizes or {}

    def flush_nodes() -> Iterator[Batch]:
        for kind in NODE_KINDS:
            if pending.get(kind):
                yield kind, pending.pop(kind)

    for kind, row in items:
        buffer = pending.setdefault(kind, [])
        buffer.append(row)
        if len(buffer) >= limits.get(kind, size):
            if kind not in NODE_KINDS:
                yield from flush_nodes()
            if pending.get(kind):
                yield kind, pending.pop(kind)
    yield from flush_nodes()
    for last in STATEMENTS:
        if pending.get(last):
            yield last, pending.pop(last)


async def write_stream(
    database: Database,
    stream: Iterable[Batch],
    *,
    progress: Progress | None = None,
    prefetch: int = 4,
    create: bool = False,
) -> dict[RowKind, int]:
    """Write every batch of `stream` in order, one transaction each.

    Returns what was written per kind, counting each connection of a
    `knows_from` row (that is, relationships rather than rows).

    `create=True` uses the plain `CREATE` statements (a fresh database only: not
    idempotent); it exists to measure what `MERGE` costs.
    """
    handoff: queue.Queue[Any] = queue.Queue(maxsize=prefetch)
    stop = threading.Event()
    producer = threading.Thread(target=_produce, args=(stream, handoff, stop), daemon=True)
    producer.start()
    written: dict[RowKind, int] = {}
    try:
        while True:
            item = await asyncio.to_thread(handoff.get)
            if item is _DONE:
                break
            if isinstance(item, BaseException):
                raise item
            kind, rows = item
            await write_rows(database, kind, rows, batch_size=len(rows), create=create)
            count = sum(len(row["b"]) for row in rows) if kind == "knows_from" else len(rows)
            written[kind] = written.get(kind, 0) + count
            if progress is not None:
                progress(kind, count)
    finally:
        stop.set()
        while producer.is_alive():
            _drain(handoff)
            await asyncio.to_thread(producer.join, 0.1)
    return written


def _produce(stream: Iterable[Batch], handoff: queue.Queue[Any], stop: threading.Event) -> None:
    try:
        for batch in stream:
            while not stop.is_set():
                try:
                    handoff.put(batch, timeout=0.1)
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
