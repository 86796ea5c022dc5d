"""The signals a mentor match is scored on, one shape for the ranking and its events.

A match (`graph.ranking.matches`), a re-scored pair (`graph.ranking.pair_scores`)
and a match event (`graph.events`) all carry `tuple[Signal, ...]`, in
`SIGNAL_NAMES` order: the raw value and the share of the score travel together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SIGNAL_NAMES = (
    "social",
    "skills",
    "employer",
    "availability",
    "acceptance",
    "completion",
    "rating",
)
"""The last three are the mentor's track record (graph/outcomes.py, docs/ranking.md)."""

DEFAULT_HUB_DEGREE_CAP = 300
"""The social signal expands no connection with more connections than this (docs/ranking.md);
here, with no imports, so that `graph.settings` can name it too."""


@dataclass(frozen=True)
class Signal:
    name: str
    """One of `SIGNAL_NAMES`."""
    value: float
    """The raw signal (docs/ranking.md)."""
    share: float
    """Its share of the score, in [0, 1]."""


def signals_from_row(row: dict[str, Any]) -> tuple[Signal, ...]:
    """The signals of a scored row: a column per signal, and their shares in `shares`."""
    return tuple(
        Signal(name=name, value=float(row[name]), share=float(row["shares"][name]))
        for name in SIGNAL_NAMES
    )
