"""The due-step scan: each guided step that falls due is announced once, to both sides.

Like the match event store (`graph.events.store`), what was announced is in the graph:
a step keeps the `Upcoming` label until a scan takes it, in the same transaction that
returns it, so a restart announces nothing twice and the scan reads only the steps
still to come. Scans queue on the `step-due` sequence lock, so two API processes never
take the same step. Each scan takes at most `limit` steps: a backlog drains over scans.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.events.bus import EventBus
from graph.programmes.progress import GuidedStep
from graph.registry import statement
from graph.values import plain

logger = logging.getLogger("mentorgraph.programmes")

_LOCK_SEQUENCE = statement("events/lock_sequence")
_ANNOUNCE_DUE_STEPS = statement("programmes/announce_due_steps")

SEQUENCE = "step-due"
SCAN_LIMIT = 500


@dataclass(frozen=True)
class DueStep:
    step: GuidedStep
    programme: str
    mentor: str
    mentee: str


def step_topic(person: str) -> str:
    """The bus topic of the guided steps falling due in a person's mentorships."""
    return f"step-due:{person}"


async def take_due_steps(database: Database, *, limit: int = SCAN_LIMIT) -> list[DueStep]:
    """The steps that fell due since the last scan, marked announced."""

    async def work(tx: AsyncManagedTransaction) -> list[DueStep]:
        await run(tx, _LOCK_SEQUENCE, {"name": SEQUENCE})
        rows = await run(tx, _ANNOUNCE_DUE_STEPS, {"limit": limit})
        return [
            DueStep(
                step=GuidedStep.from_row(row["pairing"], row["step"]),
                programme=row["programme"],
                mentor=row["mentor"],
                mentee=row["mentee"],
            )
            for row in rows
        ]

    return await database.write_transaction(work)


async def announce_due_steps(database: Database, bus: EventBus) -> int:
    """One scan: take the due steps and publish each on both sides' topics."""
    due = await take_due_steps(database)
    for found in due:
        message = {
            "pairing": found.step.pairing,
            "index": found.step.index,
            "title": found.step.title,
            "dueOn": plain(found.step.due_on),
            "programme": found.programme,
        }
        for person in (found.mentor, found.mentee):
            await bus.publish(step_topic(person), message)
    return len(due)


async def scan_due_steps(database: Database, bus: EventBus, *, every: float) -> None:
    """Scan every `every` seconds (MENTORGRAPH_STEP_SCAN_SECONDS, 60: a step is due on a
    day, so a minute late is on time) until cancelled, the first after `every`, so a
    start-up adds no work; a failed scan is retried at the next."""
    while True:
        await asyncio.sleep(every)
        try:
            await announce_due_steps(database, bus)
        except Exception:
            logger.exception("the due-step scan failed; retrying in %g s", every)
