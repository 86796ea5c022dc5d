"""Compiling the ranking's query plans before the first request needs them.

The ranking statements are large (a few hundred lines once their rules are
composed in), and Neo4j plans one in seconds: 2 to 5 s on this machine warm,
more than the query timeout on a cold JVM under load. Neo4j keeps a plan once it
has run the statement's text (an `EXPLAIN` does not keep it), so each is run
once, for a key that is nobody's, when the process starts: the answer is empty
and cheap, and every request after it finds the plan cached.
"""

from __future__ import annotations

import contextlib
import logging
import time

from graph.database import Database
from graph.errors import NotFound, Unavailable
from graph.pages import ScoreKey, Window
from graph.ranking.matches import mentor_matches
from graph.ranking.pair_scores import score_pairs
from graph.ranking.paths import learning_paths
from graph.ranking.stored_pages import read_stored
from graph.ranking.suggestions import suggested_connections

log = logging.getLogger(__name__)

PLANNING_TIMEOUT = 180.0
"""Seconds each statement may take to plan and run: a cold JVM on a busy machine is slow."""

_BACKWARDS: Window[ScoreKey] = Window(backward=True)
_NOBODY = ""
"""No person has the empty key: every key pattern of the API and the loaders refuses it."""


async def compile_ranking_plans(database: Database) -> float:
    """Run each ranking statement once so its plan is cached; return the seconds it took.

    A database that cannot be reached is logged and left for `/readyz` to report: the
    plans are then compiled by the first requests instead.
    """
    started = time.monotonic()
    patient = database.with_timeout(PLANNING_TIMEOUT)
    try:
        await score_pairs(patient, [(_NOBODY, _NOBODY)])
        for rank in (mentor_matches, suggested_connections, learning_paths, read_stored):
            with contextlib.suppress(NotFound):
                await rank(patient, _NOBODY)
        for paged in (mentor_matches, suggested_connections, read_stored):  # backward readings
            with contextlib.suppress(NotFound):
                await paged(patient, _NOBODY, window=_BACKWARDS)
    except Unavailable as exc:
        log.warning("ranking plans not compiled at start: %s", exc)
    return time.monotonic() - started
