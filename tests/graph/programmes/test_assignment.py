"""The cohort solver on hand-built cohorts whose optimum is worked out here, and on small
random cohorts checked against every possible assignment."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping, Sequence

import pytest

from graph.errors import BadInput
from graph.programmes.assignment import DEFAULT_SPREAD, Assignment, Candidate, assign, greedy


def pairs_of(assignment: Assignment) -> dict[str, str]:
    return {pair.mentee: pair.mentor for pair in assignment.pairs}


def test_the_optimum_moves_the_first_mentee_where_greedy_strands_the_second() -> None:
    # a ranks P 10, Q 9; b can only take P. Greedy (a first) gives a P and strands b: 10.
    # Every assignment: {a:P} 10, {a:Q} 9, {b:P} 8, {a:Q, b:P} 17: the optimum is the last.
    cohort = [Candidate("a", "P", 10), Candidate("a", "Q", 9), Candidate("b", "P", 8)]
    capacities = {"P": 1, "Q": 1}

    best = assign(cohort, capacities, spread=0)
    first_come = greedy(cohort, capacities)

    assert pairs_of(best) == {"a": "Q", "b": "P"}
    assert best.total_score == 17 and best.unmatched == ()
    assert pairs_of(first_come) == {"a": "P"}
    assert first_come.total_score == 10 and first_come.unmatched == ("b",)


def test_a_mentor_of_capacity_two_takes_the_pair_greedy_gives_away() -> None:
    # P takes two. Greedy in key order: a→P (5), b→P (4), c→Q (1): 10. Over who gets P's two
    # slots: {a, b} leaves c Q: 10; {a, c} strands b: 8; {b, c} leaves a R: 4.9 + 4 + 3 =
    # 11.9, the optimum (a's almost-as-good R frees P for the two who need it).
    cohort = [
        Candidate("a", "P", 5),
        Candidate("a", "Q", 2),
        Candidate("a", "R", 4.9),
        Candidate("b", "P", 4),
        Candidate("c", "P", 3),
        Candidate("c", "Q", 1),
    ]
    capacities = {"P": 2, "Q": 1, "R": 1}

    best = assign(cohort, capacities, spread=0)
    first_come = greedy(cohort, capacities)

    assert pairs_of(best) == {"a": "R", "b": "P", "c": "P"}
    assert best.total_score == pytest.approx(11.9)
    assert pairs_of(first_come) == {"a": "P", "b": "P", "c": "Q"}
    assert first_come.total_score == pytest.approx(10)


def brute_force(candidates: Sequence[Candidate], capacities: Mapping[str, int]) -> float:
    """The best total over every assignment (each mentee: one candidate, or none)."""
    by_mentee: dict[str, list[Candidate | None]] = {}
    for c in candidates:
        by_mentee.setdefault(c.mentee, [None]).append(c)
    best = 0.0
    for choice in itertools.product(*by_mentee.values()):
        chosen = [c for c in choice if c is not None]
        load = {m: sum(c.mentor == m for c in chosen) for m in capacities}
        if all(load[m] <= capacities[m] for m in load):
            best = max(best, math.fsum(c.score for c in chosen))
    return best


def random_cohort(rng: random.Random) -> tuple[list[Candidate], dict[str, int]]:
    mentors = ["P", "Q", "R"]
    capacities = {m: rng.randint(0, 2) for m in mentors}
    candidates = [
        Candidate(mentee, mentor, round(rng.uniform(0, 3), 3))
        for mentee in "abcde"
        for mentor in mentors
        if rng.random() < 0.7
    ]
    return candidates, capacities


@pytest.mark.parametrize("seed", range(25))
def test_without_spreading_the_total_is_the_best_of_every_assignment(seed: int) -> None:
    candidates, capacities = random_cohort(random.Random(seed))

    best = assign(candidates, capacities, spread=0)

    assert best.total_score == pytest.approx(brute_force(candidates, capacities), abs=1e-5)
    assert best.total_score >= greedy(candidates, capacities).total_score - 1e-9


@pytest.mark.parametrize("spread", [0.0, DEFAULT_SPREAD, 1.0])
def test_capacities_hold_and_each_mentee_has_one_mentor_at_most(spread: float) -> None:
    rng = random.Random(7)
    mentors = [f"m{i}" for i in range(40)]
    capacities = {m: rng.randint(0, 3) for m in mentors}
    candidates = [
        Candidate(f"e{j:03d}", mentor, round(rng.lognormvariate(0, 0.5), 6))
        for j in range(150)
        for mentor in rng.sample(mentors, 8)
    ]

    result = assign(candidates, capacities, spread=spread)

    assert all(load <= capacities[m] for m, load in result.load().items())
    mentees = [pair.mentee for pair in result.pairs]
    assert len(mentees) == len(set(mentees))
    assert set(result.pairs) <= set(candidates)
    assert sorted([*mentees, *result.unmatched]) == sorted({c.mentee for c in candidates})


def test_spreading_takes_load_off_the_mentor_everyone_ranks_first() -> None:
    # Everyone scores P 1.0; each has one alternative of its own (a: Q .95, b: R .9,
    # c: S .85). The median score is .975, so P's slots cost 0, spread * .975, 2 * that.
    # spread 0: all on P, 3.0. spread .1: two on P (b, c) and a on Q: 2.95 - .0975 beats
    # three on P (3 - .2925) and one on P (2.85). spread 1: only c (the worst alternative).
    cohort = [
        *(Candidate(mentee, "P", 1.0) for mentee in "abc"),
        Candidate("a", "Q", 0.95),
        Candidate("b", "R", 0.9),
        Candidate("c", "S", 0.85),
    ]
    capacities = {"P": 3, "Q": 1, "R": 1, "S": 1}

    exact = assign(cohort, capacities, spread=0)
    spread = assign(cohort, capacities, spread=0.1)
    strong = assign(cohort, capacities, spread=1.0)

    assert exact.load()["P"] == 3 and exact.total_score == pytest.approx(3.0)
    assert pairs_of(spread) == {"a": "Q", "b": "P", "c": "P"}
    assert spread.total_score == pytest.approx(2.95)
    assert pairs_of(strong) == {"a": "Q", "b": "R", "c": "P"}
    assert strong.total_score == pytest.approx(2.85)
    assert DEFAULT_SPREAD == 0.1


def test_the_same_candidates_in_any_order_give_the_same_pairs() -> None:
    rng = random.Random(3)
    mentors = [f"m{i}" for i in range(10)]
    # Few distinct scores: many optimal assignments tie.
    candidates = [
        Candidate(f"e{j:02d}", mentor, float(rng.randint(1, 3)))
        for j in range(30)
        for mentor in rng.sample(mentors, 4)
    ]
    capacities = dict.fromkeys(mentors, 2)
    first = assign(candidates, capacities)

    for seed in range(5):
        shuffled = list(candidates)
        random.Random(seed).shuffle(shuffled)
        assert assign(shuffled, capacities) == first
        assert greedy(shuffled, capacities) == greedy(candidates, capacities)


def test_a_mentor_without_capacity_takes_nobody() -> None:
    cohort = [Candidate("a", "P", 2.0), Candidate("b", "Q", 1.0)]

    result = assign(cohort, {"P": 0})

    assert result.pairs == () and result.unmatched == ("a", "b")
    assert greedy(cohort, {"P": 0}).unmatched == ("a", "b")


@pytest.mark.parametrize(
    ("candidates", "capacities", "spread"),
    [
        ([Candidate("a", "P", 1.0), Candidate("a", "P", 2.0)], {"P": 1}, 0.0),
        ([Candidate("a", "P", -1.0)], {"P": 1}, 0.0),
        ([Candidate("a", "P", math.nan)], {"P": 1}, 0.0),
        ([Candidate("a", "P", 1.0)], {"P": -1}, 0.0),
        ([Candidate("a", "P", 1.0)], {"P": 1}, -0.5),
    ],
)
def test_bad_input_is_refused(
    candidates: list[Candidate], capacities: dict[str, int], spread: float
) -> None:
    with pytest.raises(BadInput):
        assign(candidates, capacities, spread=spread)
