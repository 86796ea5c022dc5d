"""The skill taxonomy: skills in domains, learning paths (`LEADS_TO`), relations (`RELATED_TO`).

The data is hand-written text beside this module: `skills.txt` (a `## Domain`
line, then one skill a line as `key | Name`), `learning_paths.txt` (`a > b > c`,
each `>` one `LEADS_TO` step) and `related_skills.txt` (`a ~ b weight`, an
undirected `RELATED_TO` with a weight in (0, 1]). This module parses it once,
checks it (every key known, paths without cycles, weights in (0, 1]) and turns
it into rows for `graph.loading.rows.write_rows`.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graph.loading.rows import Row

_DATA_DIR = Path(__file__).parent


class TaxonomyError(ValueError):
    """The hand-written taxonomy is inconsistent (a bug in its text files)."""


@dataclass(frozen=True)
class Skill:
    key: str
    name: str
    domain: str


@dataclass(frozen=True)
class Taxonomy:
    skills: dict[str, Skill]
    leads_to: list[tuple[str, str]]
    related: list[tuple[str, str, float]]
    domains: dict[str, list[str]] = field(default_factory=dict)
    next_steps: dict[str, list[str]] = field(default_factory=dict)
    """Skill key → the skills it leads on to (sorted)."""
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    """Skill key → related skills (sorted, both directions)."""

    def skill_rows(self) -> list[Row]:
        return [{"key": s.key, "name": s.name, "domain": s.domain} for s in self.skills.values()]

    def leads_to_rows(self) -> list[Row]:
        return [{"from": a, "to": b} for a, b in self.leads_to]

    def related_rows(self) -> list[Row]:
        return [{"a": a, "b": b, "weight": w} for a, b, w in self.related]

    def goals_for(self, held: set[str], *, depth: int = 2) -> list[str]:
        """Skills a person holding `held` could learn next: `LEADS_TO` up to `depth` steps,
        then related skills; never one already held. Nearest first, ties by key."""
        seen = set(held)
        goals: list[str] = []
        frontier = sorted(held)
        for _ in range(depth):
            step = sorted({n for key in frontier for n in self.next_steps.get(key, [])} - seen)
            goals.extend(step)
            seen.update(step)
            frontier = step
        goals.extend(sorted({n for key in held for n in self.neighbours.get(key, [])} - seen))
        return goals


def _parse_skills(text: str) -> dict[str, Skill]:
    skills: dict[str, Skill] = {}
    domain = ""
    for raw in text.strip().splitlines():
        line = raw.strip()
        if line.startswith("## "):
            domain = line[3:]
            continue
        key, _, name = (part.strip() for part in line.partition("|"))
        if not domain or not name or key in skills:
            raise TaxonomyError(f"bad or duplicate skill line {line!r}")
        skills[key] = Skill(key=key, name=name, domain=domain)
    return skills


def _parse_paths(text: str, skills: dict[str, Skill]) -> list[tuple[str, str]]:
    steps: dict[tuple[str, str], None] = {}
    for line in text.strip().splitlines():
        keys = [k.strip() for k in line.split(">")]
        for a, b in itertools.pairwise(keys):
            _known(skills, a, b)
            steps[(a, b)] = None
    return list(steps)


def _parse_related(text: str, skills: dict[str, Skill]) -> list[tuple[str, str, float]]:
    related: dict[frozenset[str], tuple[str, str, float]] = {}
    for line in text.strip().splitlines():
        pair, _, weight_text = line.rpartition(" ")
        a, _, b = (part.strip() for part in pair.partition("~"))
        _known(skills, a, b)
        weight = float(weight_text)
        if not 0 < weight <= 1 or a == b:
            raise TaxonomyError(f"bad relation {line!r}")
        related[frozenset((a, b))] = (a, b, weight)
    return list(related.values())


def _known(skills: dict[str, Skill], *keys: str) -> None:
    for key in keys:
        if key not in skills:
            raise TaxonomyError(f"unknown skill {key!r} in the taxonomy")


def _check_acyclic(next_steps: dict[str, list[str]]) -> None:
    state: dict[str, int] = {}

    def visit(key: str, trail: tuple[str, ...]) -> None:
        if state.get(key) == 1:
            raise TaxonomyError(f"learning paths form a cycle: {' > '.join((*trail, key))}")
        if state.get(key) == 2:
            return
        state[key] = 1
        for nxt in next_steps.get(key, []):
            visit(nxt, (*trail, key))
        state[key] = 2

    for key in sorted(next_steps):
        visit(key, ())


def _text(name: str) -> str:
    return (_DATA_DIR / name).read_text(encoding="utf-8")


@cache
def taxonomy() -> Taxonomy:
    skills = _parse_skills(_text("skills.txt"))
    leads_to = _parse_paths(_text("learning_paths.txt"), skills)
    related = _parse_related(_text("related_skills.txt"), skills)
    domains: dict[str, list[str]] = defaultdict(list)
    for skill in skills.values():
        domains[skill.domain].append(skill.key)
    next_steps: dict[str, list[str]] = defaultdict(list)
    for a, b in leads_to:
        next_steps[a].append(b)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b, _ in related:
        neighbours[a].append(b)
        neighbours[b].append(a)
    _check_acyclic(next_steps)
    return Taxonomy(
        skills=skills,
        leads_to=leads_to,
        related=related,
        domains=dict(domains),
        next_steps={k: sorted(v) for k, v in next_steps.items()},
        neighbours={k: sorted(v) for k, v in neighbours.items()},
    )
