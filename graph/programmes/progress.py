"""Guided steps and check-ins of a programme mentorship: the two sides' shared record.

Steps come from the programme's template when the mentorship starts (due `week` weeks
after), check-ins are logged by either side. Both sides and the programme's admins read
them; only the two sides write them, and only while the mentorship is ACTIVE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import Conflict, NotFound
from graph.keys import new_key
from graph.pages import Window
from graph.programmes.pairings import pairing_for
from graph.registry import paged_statement, statement
from graph.values import native

_STEPS_OF_PAIRINGS = statement("programmes/steps_of_pairings")
_COMPLETE_STEP = statement("programmes/complete_step")
_LOG_CHECK_IN = statement("programmes/log_check_in")
_CHECK_INS_OF_PAIRING = paged_statement("programmes/check_ins_of_pairing")


@dataclass(frozen=True)
class GuidedStep:
    pairing: str
    index: int
    title: str
    due_on: dt.date
    done_at: dt.datetime | None

    @classmethod
    def from_row(cls, pairing: str, row: dict[str, Any]) -> GuidedStep:
        return cls(
            pairing=pairing,
            index=int(row["index"]),
            title=row["title"],
            due_on=native(row["dueOn"]),
            done_at=native(row.get("doneAt")),
        )


@dataclass(frozen=True)
class CheckIn:
    key: str
    on: dt.date
    note: str
    by: str
    at: dt.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CheckIn:
        return cls(
            key=row["key"],
            on=native(row["on"]),
            note=row["note"],
            by=row["by"],
            at=native(row["at"]),
        )


async def _active_side(tx: AsyncManagedTransaction, key: str, person: str) -> None:
    pairing, _ = await pairing_for(tx, key, person, sides_only=True)
    if pairing.state != "ACTIVE":
        raise Conflict(f"the mentorship is {pairing.state}, not ACTIVE")


async def steps_of_pairings(database: Database, keys: Sequence[str]) -> list[list[GuidedStep]]:
    """Each mentorship's steps by index, in key order (the caller checked who may read)."""
    rows = await database.read(_STEPS_OF_PAIRINGS, {"keys": list(keys)})
    return [[GuidedStep.from_row(row["key"], s) for s in row["steps"]] for row in rows]


async def complete_step(database: Database, key: str, person: str, index: int) -> GuidedStep:
    """Either side marks a step done; marking it again keeps the first time."""

    async def work(tx: AsyncManagedTransaction) -> GuidedStep:
        await _active_side(tx, key, person)
        rows = await run(tx, _COMPLETE_STEP, {"key": key, "index": index, "person": person})
        if not rows:
            raise NotFound(f"no step {index} in this mentorship")
        return GuidedStep.from_row(key, rows[0]["step"])

    return await database.write_transaction(work)


async def log_check_in(
    database: Database, key: str, person: str, *, on: dt.date, note: str
) -> CheckIn:
    """Either side logs a check-in: when it took place and what was said."""

    async def work(tx: AsyncManagedTransaction) -> CheckIn:
        await _active_side(tx, key, person)
        params = {"key": key, "checkIn": new_key("ci"), "person": person, "on": on, "note": note}
        (row,) = await run(tx, _LOG_CHECK_IN, params)
        return CheckIn.from_row(row["checkIn"])

    return await database.write_transaction(work)


async def check_ins_of_pairing(database: Database, key: str, window: Window[str]) -> list[CheckIn]:
    """Newest first (the caller checked who may read)."""
    rows = await database.read(
        _CHECK_INS_OF_PAIRING.reading(backward=window.backward),
        {"key": key, **window.bounds(), "limit": window.limit},
    )
    return [CheckIn.from_row(row["checkIn"]) for row in rows]
