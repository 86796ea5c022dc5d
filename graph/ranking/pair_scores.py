"""Scoring given (mentee, mentor) pairs, as the ranking scores them, in one round trip.

A change to the graph names the few pairs it can affect; scoring just those is
far cheaper than ranking every affected mentee in full. The statement mirrors
`ranking/mentor_matches` and takes the ranking's own default weights, and a test
compares the two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.database import Database
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP, Signal, signals_from_row
from graph.ranking.types import DEFAULT_WEIGHTS, Weights
from graph.registry import statement

_SCORE_PAIRS = statement("ranking/score_pairs")


@dataclass(frozen=True)
class PairScore:
    mentee: str
    mentor: str
    score: float
    signals: tuple[Signal, ...]


async def score_pairs(
    database: Database,
    pairs: Iterable[tuple[str, str]],
    *,
    seekers_only: bool = True,
    weights: Weights = DEFAULT_WEIGHTS,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
) -> list[PairScore]:
    """The eligible pairs among `pairs` with their scores; ineligible pairs are left out.

    With `seekers_only` (for new-match events), a mentee not seeking a mentor has no
    eligible pair; without it, eligibility is the ranking's.
    """
    unique = sorted(set(pairs))
    if not unique:
        return []
    rows = await database.read(
        _SCORE_PAIRS,
        {
            "pairs": [{"mentee": mentee, "mentor": mentor} for mentee, mentor in unique],
            "seekersOnly": seekers_only,
            **weights.params(),
            "hubDegreeCap": hub_degree_cap,
        },
    )
    return [
        PairScore(
            mentee=row["mentee"],
            mentor=row["mentor"],
            score=float(row["score"]),
            signals=signals_from_row(row),
        )
        for row in rows
    ]
