"""Loads SNAP's ego-Facebook graph: real friendships, anonymised profiles, derived wishes.

What becomes what (the values are anonymised ids, global across ego networks):

- every node id N of the edge list or of a feature file is a `Person` `fb-N`, named
  "Facebook member N" (names are not loaded), `PUBLIC` (nobody in the data chose);
  `location` is "Location G" for the smallest `location;id` value G, `languages`
  the "Language G" of `languages;id`;
- `work;employer;id` G → `Employer` `fb-employer-G` "Employer G" (industry unknown);
- `education;school;id` G → `School` `fb-school-G` "School G" (`STUDIED_AT`, no dates);
- skills, each a `Skill` with a readable name: `education;concentration;id` →
  "Field of study G" (level 3), `work;position;id` → "Job position G" (level 4),
  `languages;id` → "Language G" (level 3);
- the edge list (`facebook_combined.txt`, or `--edges FILE`) → `KNOWS` (no date).

Work dates: the data holds `work;start_date` / `work;end_date` values that are
anonymised (equal dates share a value, nothing else is known) and not tied to
one employer. A person with exactly one employer gets that stint dated by a
stand-in that keeps equality: value G ↦ the 1st of month `G // 20 mod 12 + 1` of
year `2000 + G mod 20`; `since` is the earliest of their start values, `until`
the latest of their end values (null when they have none: a current job; moved
to `since` if earlier). People with several employers get undated stints.

Mentoring is not in the data; the rule is:
- open to mentor: whoever has an employer; capacity = employers + positions, at most 3;
- seeking a mentor: whoever has a field of study and no employer, and wants up to 3
  fields of study or job positions that they lack, most common among their
  friends open to mentoring first (ties by key; priority 1, 2, 3). Someone whose
  friends offer nothing they lack is not seeking.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.database import Database
from graph.loading.ego_facebook_files import EgoData, read_folder
from graph.loading.rows import Row, RowKind, write_rows

Progress = Callable[[RowKind, int], None]

EMPLOYER, POSITION = "work;employer;id", "work;position;id"
START, END = "work;start_date", "work;end_date"
SCHOOL, FIELD = "education;school;id", "education;concentration;id"
LANGUAGE, LOCATION = "languages;id", "location;id"

# category → (key prefix, readable name prefix, domain, level)
SKILL_CATEGORIES = {
    FIELD: ("fb-field-of-study", "Field of study", "Field of study", 3),
    POSITION: ("fb-position", "Job position", "Work", 4),
    LANGUAGE: ("fb-language", "Language", "Language", 3),
}
MAX_GOALS = 3


def person_key(node: int) -> str:
    return f"fb-{node}"


def skill_key(category: str, value: int) -> str:
    return f"{SKILL_CATEGORIES[category][0]}-{value}"


def stand_in_date(value: int) -> dt.date:
    return dt.date(2000 + value % 20, value // 20 % 12 + 1, 1)


@dataclass(frozen=True)
class EgoGraph:
    rows: dict[RowKind, list[Row]]

    def count(self, kind: RowKind) -> int:
        return len(self.rows.get(kind, []))


def build(data: EgoData) -> EgoGraph:
    """Every row of the graph, by the rules of the module docstring."""
    nodes = data.nodes()
    mentors = {n for n in nodes if data.values(n, EMPLOYER)}
    friends: dict[int, list[int]] = defaultdict(list)
    for a, b in data.edges:
        friends[a].append(b)
        friends[b].append(a)
    rows: dict[RowKind, list[Row]] = {
        "skills": _skills(data, nodes),
        "employers": [
            {"key": f"fb-employer-{g}", "name": f"Employer {g}", "industry": None}
            for g in _all_values(data, nodes, EMPLOYER)
        ],
        "schools": [
            {"key": f"fb-school-{g}", "name": f"School {g}"}
            for g in _all_values(data, nodes, SCHOOL)
        ],
        "people": [],
        "has_skill": [],
        "works_at": [],
        "studied_at": [],
        "wants_to_learn": [],
        "knows": [{"a": person_key(a), "b": person_key(b), "since": None} for a, b in data.edges],
    }
    for node in nodes:
        goals = [] if node in mentors else _goals(data, node, friends[node], mentors)
        rows["people"].append(_person(data, node, mentor=node in mentors, seeking=bool(goals)))
        key = person_key(node)
        for category, (_, _, _, level) in SKILL_CATEGORIES.items():
            rows["has_skill"] += [
                {"person": key, "skill": skill_key(category, g), "level": level, "years": None}
                for g in data.values(node, category)
            ]
        rows["works_at"] += _stints(data, node)
        rows["studied_at"] += [
            {"person": key, "school": f"fb-school-{g}", "since": None, "until": None}
            for g in data.values(node, SCHOOL)
        ]
        rows["wants_to_learn"] += [
            {"person": key, "skill": skill, "priority": rank}
            for rank, skill in enumerate(goals, start=1)
        ]
    return EgoGraph(rows=rows)


async def load(
    database: Database,
    folder: Path,
    *,
    edges: Path | None = None,
    progress: Progress | None = None,
    batch_size: int = 10_000,
) -> EgoGraph:
    """Read and check every file, then write the graph batch by batch (idempotent)."""
    graph = build(read_folder(folder, edges=edges))
    for kind, rows in graph.rows.items():
        report = (lambda n, kind=kind: progress(kind, n)) if progress else None
        await write_rows(database, kind, rows, batch_size=batch_size, on_batch=report)
    return graph


def _all_values(data: EgoData, nodes: list[int], category: str) -> list[int]:
    return sorted({g for n in nodes for g in data.values(n, category)})


def _skills(data: EgoData, nodes: list[int]) -> list[Row]:
    return [
        {"key": skill_key(category, g), "name": f"{name} {g}", "domain": domain}
        for category, (_, name, domain, _) in SKILL_CATEGORIES.items()
        for g in _all_values(data, nodes, category)
    ]


def _person(data: EgoData, node: int, *, mentor: bool, seeking: bool) -> Row:
    employers, positions = data.values(node, EMPLOYER), data.values(node, POSITION)
    locations = data.values(node, LOCATION)
    return {
        "key": person_key(node),
        "name": f"Facebook member {node}",
        "headline": _headline(data, node),
        "location": f"Location {locations[0]}" if locations else None,
        "languages": [f"Language {g}" for g in data.values(node, LANGUAGE)],
        "openToMentor": mentor,
        "seekingMentor": seeking,
        "mentorCapacity": min(3, len(employers) + len(positions)) if mentor else 0,
        "visibility": "PUBLIC",
    }


def _headline(data: EgoData, node: int) -> str:
    employers, positions = data.values(node, EMPLOYER), data.values(node, POSITION)
    fields, schools = data.values(node, FIELD), data.values(node, SCHOOL)
    if employers:
        role = f"Job position {positions[0]}" if positions else "Works"
        return f"{role} at Employer {employers[0]}"
    if fields:
        return f"Field of study {fields[0]}" + (f" at School {schools[0]}" if schools else "")
    return f"School {schools[0]}" if schools else ""


def _stints(data: EgoData, node: int) -> list[Row]:
    employers, positions = data.values(node, EMPLOYER), data.values(node, POSITION)
    title = f"Job position {positions[0]}" if positions else None
    since = until = None
    if len(employers) == 1:
        starts = [stand_in_date(g) for g in data.values(node, START)]
        ends = [stand_in_date(g) for g in data.values(node, END)]
        since = min(starts) if starts else None
        until = max(ends) if ends else None
        if since is not None and until is not None and until < since:
            until = since
    return [
        {
            "person": person_key(node),
            "employer": f"fb-employer-{g}",
            "title": title,
            "since": since,
            "until": until,
        }
        for g in employers
    ]


def _goals(data: EgoData, node: int, friends: list[int], mentors: set[int]) -> list[str]:
    if not data.values(node, FIELD) or data.values(node, EMPLOYER):
        return []
    held = {skill_key(c, g) for c in (FIELD, POSITION) for g in data.values(node, c)}
    offered: Counter[str] = Counter(
        skill_key(c, g)
        for friend in sorted(set(friends))
        if friend in mentors
        for c in (FIELD, POSITION)
        for g in data.values(friend, c)
    )
    ranked = sorted((s for s in offered if s not in held), key=lambda s: (-offered[s], s))
    return ranked[:MAX_GOALS]
