"""`mentorgraph worker`: a process that only applies the change log.

API processes consume the log themselves by default. A deployment that would rather
keep that work off its serving processes sets `MENTORGRAPH_CHANGE_CONSUMER=off` on
them and runs workers: their leases share the log between them. A worker publishes
on the bus its API processes share (`REDIS_URL`); without one, its events are still
recorded, and subscribers receive them when they resume with `after`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import signal

from api.metrics import ConsumerMetrics
from graph.database import Database
from graph.events.hub import EventHub
from graph.settings import Settings

logger = logging.getLogger("mentorgraph.events")


async def run_worker(settings: Settings) -> None:
    """Consume the log until SIGINT or SIGTERM; then stop as an API process does."""
    settings = dataclasses.replace(
        settings, change_log=dataclasses.replace(settings.change_log, consumer=True)
    )
    if not settings.redis_url:
        logger.warning("REDIS_URL is not set: events reach subscribers only through `after`")
    database = Database.connect(settings)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    try:
        hub = await EventHub.start(settings, database, stats=ConsumerMetrics())
        try:
            await stopping.wait()
        finally:
            await hub.close()
    finally:
        await database.close()
