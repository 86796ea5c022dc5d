"""Whole-cohort assignment against a greedy pass, on synthetic cohorts. No Neo4j.

    python -m bench.bench_assignment --members 1000 10000 --runs 3

A cohort of `--members` people: 30 % mentors (capacity 1 to `--max-capacity`, uniform: more
slots than mentees, so where demand goes is a choice), 70 % mentees,
each mentee with up to `--candidates` candidate mentors. Popularity is Zipf-like: a
mentee draws its candidates with weight 1 / rank^0.8, so the few top mentors appear in
most lists; a pair's score is the mentor's quality (higher for popular mentors) plus a
log-normal fit of the pair, rounded to nine decimals as the ranking rounds.

For each cohort: the solver without spreading (the exact maximum), with the default
spread, and the greedy pass (mentees in key order, each its best free mentor); total
score, share of mentees matched, how full the 10 most-demanded mentors are, and the time
(min / median of `--runs`), with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable

from graph.programmes.assignment import DEFAULT_SPREAD, Assignment, Candidate, assign, greedy

MENTOR_SHARE = 0.3


def cohort(
    members: int, per_mentee: int, max_capacity: int, seed: int
) -> tuple[list[Candidate], dict[str, int]]:
    rng = random.Random(seed)
    mentors = [f"m{i:06d}" for i in range(round(members * MENTOR_SHARE))]
    mentees = [f"e{i:06d}" for i in range(members - len(mentors))]
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(mentors))]
    quality = {m: 1.0 + 2.0 * p for m, p in zip(mentors, popularity, strict=True)}
    candidates = []
    for mentee in mentees:
        chosen = set(rng.choices(mentors, weights=popularity, k=per_mentee))
        for mentor in sorted(chosen):
            fit = rng.lognormvariate(0.0, 0.5)
            candidates.append(Candidate(mentee, mentor, round(quality[mentor] + fit, 9)))
    return candidates, {m: rng.randint(1, max_capacity) for m in mentors}


def timed(solve: Callable[[], Assignment], runs: int) -> tuple[Assignment, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = solve()
        times.append(time.perf_counter() - start)
    return result, times


def report(members: int, per_mentee: int, max_capacity: int, runs: int, seed: int) -> None:
    candidates, capacities = cohort(members, per_mentee, max_capacity, seed)
    mentees = len({c.mentee for c in candidates})
    demand = Counter(c.mentor for c in candidates)
    popular = [m for m, _ in demand.most_common(10)]
    print(
        f"\n{members} members: {mentees} mentees, {len(capacities)} mentors "
        f"({sum(capacities.values())} slots), {len(candidates)} candidate pairs"
    )
    print(f"  load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"  {'':<22}{'total score':>12}{'vs greedy':>10}{'matched':>9}"
        f"{'top-10 load':>12}{'mentors used':>13}{'min s':>8}{'median s':>9}"
    )
    rows: list[tuple[str, Callable[[], Assignment]]] = [
        ("greedy", lambda: greedy(candidates, capacities)),
        ("solver, spread 0", lambda: assign(candidates, capacities, spread=0)),
        (
            f"solver, spread {DEFAULT_SPREAD:g}",
            lambda: assign(candidates, capacities, spread=DEFAULT_SPREAD),
        ),
    ]
    baseline = 0.0
    for name, solve in rows:
        result, times = timed(solve, runs)
        baseline = baseline or result.total_score
        load = result.load()
        full = sum(load[m] for m in popular) / sum(capacities[m] for m in popular)
        print(
            f"  {name:<22}{result.total_score:>12.1f}{result.total_score / baseline:>10.3f}"
            f"{len(result.pairs) / mentees:>9.1%}{full:>12.0%}{len(load) / len(capacities):>13.1%}"
            f"{min(times):>8.2f}{statistics.median(times):>9.2f}"
        )
    print(f"  load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--candidates", type=int, default=50, help="candidates per mentee")
    parser.add_argument("--max-capacity", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    for members in args.members:
        report(members, args.candidates, args.max_capacity, args.runs, args.seed)


if __name__ == "__main__":
    main()
