"""Whole-cohort assignment: every mentee at most one mentor, every mentor within capacity,
the total match score as high as it can be. Pure: scores in, pairs out, no Neo4j.

The problem is a maximum-weight b-matching on the bipartite graph of candidate pairs,
solved exactly as a min-cost flow (OR-Tools' `SimpleMinCostFlow`):

    source ─1─▶ mentee ─1, -score─▶ mentor ─slot k: 1, penalty(k)─▶ sink
                  └────────────── 1, 0 (left unmatched) ──────────────┘

Every mentee sends one unit, through a mentor or past them all; a mentor's slots are
parallel arcs to the sink. The flow's integrality makes the optimum a true assignment.

**Spreading demand.** Left alone, a mentor everyone ranks first fills up with the cohort's
best pairs, whoever else could have served them nearly as well. So a mentor's k-th slot
costs `penalty(k) = spread * (k - 1) * typical`, where `typical` is the median candidate
score: each further mentee a mentor takes is worth `spread` of a typical match less than
the one before (a concave, diminishing marginal value per mentor). The flow then moves a
mentee off a popular mentor whenever the score it loses is smaller than the penalty it
saves. `spread = 0` is the exact maximum-weight b-matching; `DEFAULT_SPREAD` gives up
little total score (BENCHMARKS.md, "Cohort assignment") for a flatter load.

Scores are scaled to integers (`SCALE` units per point, rounded), the same way every
run. Ties are broken the same way every run too: the input is put in (mentee, mentor)
order before the flow is built, so the same candidates in any order give the same pairs.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from graph.errors import BadInput

SCALE = 1_000_000
"""Integer cost units per score point: scores keep six decimals, as the ranking rounds them
to nine and a cohort sums at most a few hundred thousand of them within int64."""
DEFAULT_SPREAD = 0.1
"""Each further mentee of one mentor is worth a tenth of a typical match less."""


@dataclass(frozen=True)
class Candidate:
    """A pair the ranking admits, with its match score (>= 0)."""

    mentee: str
    mentor: str
    score: float


@dataclass(frozen=True)
class Assignment:
    pairs: tuple[Candidate, ...]
    """The chosen pairs, in mentee order."""
    unmatched: tuple[str, ...]
    """Mentees with candidates who got no mentor, in key order."""

    @property
    def total_score(self) -> float:
        return math.fsum(pair.score for pair in self.pairs)

    def load(self) -> Counter[str]:
        """How many mentees each mentor got."""
        return Counter(pair.mentor for pair in self.pairs)


def assign(
    candidates: Sequence[Candidate],
    capacities: Mapping[str, int],
    *,
    spread: float = DEFAULT_SPREAD,
) -> Assignment:
    """The assignment of greatest total score, demand spread by `spread` (module docstring).

    A mentor missing from `capacities`, or with capacity 0, takes nobody. Raises `BadInput`
    for a repeated pair, a negative or non-finite score or spread, or a negative capacity.
    """
    ordered = _checked(candidates, capacities)
    if not math.isfinite(spread) or spread < 0:
        raise BadInput("spread must be a finite number >= 0", field="spread")
    mentees = sorted({c.mentee for c in ordered})
    usable = [c for c in ordered if capacities.get(c.mentor, 0) > 0]
    mentors = sorted({c.mentor for c in usable})
    mentee_node = {key: 2 + i for i, key in enumerate(mentees)}
    mentor_node = {key: 2 + len(mentees) + i for i, key in enumerate(mentors)}
    source, sink = 0, 1
    scores = np.array([c.score for c in usable], dtype=np.float64)
    typical = float(np.median(scores)) if usable else 0.0
    demand = Counter(c.mentor for c in usable)
    # A mentor's slots: one arc of all of them without spreading, else one arc per slot.
    slots = [
        (mentor_node[key], k, 1 if spread else n)
        for key in mentors
        for n in [min(capacities[key], demand[key])]
        for k in range(n if spread else 1)
    ]
    people = np.arange(2, 2 + len(mentees), dtype=np.int32)
    arcs = _Arcs()
    arcs.add(np.zeros_like(people), people, 1, 0)
    arcs.add(people, np.full_like(people, sink), 1, 0)
    first_pair = arcs.count
    arcs.add(
        np.array([mentee_node[c.mentee] for c in usable], dtype=np.int32),
        np.array([mentor_node[c.mentor] for c in usable], dtype=np.int32),
        1,
        -np.rint(scores * SCALE).astype(np.int64),
    )
    arcs.add(
        np.array([node for node, _, _ in slots], dtype=np.int32),
        np.full(len(slots), sink, dtype=np.int32),
        np.array([n for _, _, n in slots], dtype=np.int64),
        np.array([round(spread * k * typical * SCALE) for _, k, _ in slots], dtype=np.int64),
    )

    # Imported here: OR-Tools adds a fifth of a second to every process's start, and only
    # a cohort assignment needs it.
    from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

    flow = SimpleMinCostFlow()
    ids = np.asarray(flow.add_arcs_with_capacity_and_unit_cost(*arcs.arrays()), dtype=np.int32)
    flow.set_node_supply(source, len(mentees))
    flow.set_node_supply(sink, -len(mentees))
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"the min-cost flow ended {status.name}: the network is malformed")
    used = np.asarray(flow.flows(ids[first_pair : first_pair + len(usable)]))
    pairs = tuple(c for c, carried in zip(usable, used, strict=True) if carried > 0)
    return _assignment(mentees, pairs)


def greedy(candidates: Sequence[Candidate], capacities: Mapping[str, int]) -> Assignment:
    """The baseline: mentees in key order, each takes its best mentor with a slot left
    (ties to the smaller mentor key)."""
    ordered = _checked(candidates, capacities)
    options: defaultdict[str, list[Candidate]] = defaultdict(list)
    for c in ordered:
        options[c.mentee].append(c)
    taken: Counter[str] = Counter()
    pairs: list[Candidate] = []
    for mentee in sorted(options):
        for c in sorted(options[mentee], key=lambda c: (-c.score, c.mentor)):
            if taken[c.mentor] < capacities.get(c.mentor, 0):
                taken[c.mentor] += 1
                pairs.append(c)
                break
    return _assignment(sorted(options), tuple(pairs))


_Integers: TypeAlias = npt.NDArray[np.int32] | npt.NDArray[np.int64]


class _Arcs:
    """The flow network's arcs, gathered as arrays for OR-Tools' bulk call."""

    def __init__(self) -> None:
        self._parts: list[tuple[_Integers, ...]] = []
        self.count = 0

    def add(
        self,
        tails: npt.NDArray[np.int32],
        heads: npt.NDArray[np.int32],
        capacity: int | npt.NDArray[np.int64],
        cost: int | npt.NDArray[np.int64],
    ) -> None:
        size = len(tails)
        self._parts.append(
            (
                tails,
                heads,
                np.broadcast_to(np.asarray(capacity, dtype=np.int64), size),
                np.broadcast_to(np.asarray(cost, dtype=np.int64), size),
            )
        )
        self.count += size

    def arrays(self) -> tuple[_Integers, ...]:
        return tuple(np.concatenate(column) for column in zip(*self._parts, strict=True))


def _checked(candidates: Sequence[Candidate], capacities: Mapping[str, int]) -> list[Candidate]:
    ordered = sorted(candidates, key=lambda c: (c.mentee, c.mentor))
    for before, after in itertools.pairwise(ordered):
        if (before.mentee, before.mentor) == (after.mentee, after.mentor):
            raise BadInput(f"the pair ({after.mentee}, {after.mentor}) is given twice")
    for c in ordered:
        if not math.isfinite(c.score) or c.score < 0:
            raise BadInput(f"the pair ({c.mentee}, {c.mentor}) has score {c.score}, not >= 0")
    for mentor, capacity in capacities.items():
        if capacity < 0:
            raise BadInput(f"mentor {mentor!r} has capacity {capacity}, not >= 0")
    return ordered


def _assignment(mentees: Sequence[str], pairs: tuple[Candidate, ...]) -> Assignment:
    matched = {pair.mentee for pair in pairs}
    return Assignment(
        pairs=tuple(sorted(pairs, key=lambda p: p.mentee)),
        unmatched=tuple(key for key in mentees if key not in matched),
    )
