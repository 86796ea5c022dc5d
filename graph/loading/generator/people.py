"""Synthetic people: employers and schools, and each person's profile, skills, jobs, wishes.

Shares of the generated population (measured at 100k people, `docs/data.md`):
about 20 % open to mentor (capacity 1-4, more likely with experience), about a
quarter of the others seeking a mentor (more likely when junior), each wanting
one to three skills reachable from theirs by learning paths.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from graph.loading.generator import words
from graph.loading.generator.taxonomy import Taxonomy
from graph.loading.rows import Row, RowKind

THIS_YEAR = 2025
_VISIBILITY = ("PUBLIC",) * 16 + ("CONNECTIONS",) * 3 + ("PRIVATE",)


@dataclass(frozen=True)
class Catalogue:
    """The fixed employers and schools, the same for every seed."""

    employers: list[Row]
    by_industry: dict[str, list[Row]]
    schools: list[Row]

    @classmethod
    def build(cls) -> Catalogue:
        rng = random.Random("mentorgraph:catalogue")
        employers: list[Row] = []
        by_industry: dict[str, list[Row]] = {}
        used: set[str] = set()
        for industry, (_, suffixes) in words.INDUSTRIES.items():
            by_industry[industry] = []
            while len(by_industry[industry]) < 18:
                name = f"{rng.choice(words.EMPLOYER_WORDS)} {rng.choice(suffixes)}"
                if name in used:
                    continue
                used.add(name)
                row = {"key": f"emp-{len(employers) + 1:04d}", "name": name, "industry": industry}
                employers.append(row)
                by_industry[industry].append(row)
        schools = [
            {"key": f"school-{i + 1:03d}", "name": kind.format(city)}
            for i, (city, kind) in enumerate(
                (city, kind) for city in words.CITIES for kind in words.SCHOOL_KINDS[:2]
            )
        ]
        return cls(employers=employers, by_industry=by_industry, schools=schools)

    def employer_rows(self) -> list[Row]:
        return self.employers

    def school_rows(self) -> list[Row]:
        return self.schools


@dataclass(frozen=True)
class Setting:
    """What the members of one community share."""

    industry: str
    employers: list[Row]
    city: str
    school: Row


class PersonMaker:
    def __init__(self, rng: random.Random, catalogue: Catalogue, skills: Taxonomy) -> None:
        self._rng = rng
        self._catalogue = catalogue
        self._skills = skills
        self._industries = list(words.INDUSTRIES)
        # Entry points of each domain: skills nothing in the domain leads to.
        led_to = {b for _, b in skills.leads_to}
        self._entries = {
            domain: [k for k in keys if k not in led_to] or keys
            for domain, keys in skills.domains.items()
        }

    def community(self, rng: random.Random) -> Setting:
        industry = rng.choice(self._industries)
        pool = self._catalogue.by_industry[industry]
        return Setting(
            industry=industry,
            employers=rng.sample(pool, rng.randint(1, 3)),
            city=rng.choice(words.CITIES),
            school=rng.choice(self._catalogue.schools),
        )

    def person(self, key: str, setting: Setting) -> Iterator[tuple[RowKind, Row]]:
        rng = self._rng
        experience = min(40, int(rng.expovariate(1 / 9)))
        domains = words.INDUSTRIES[setting.industry][0]
        domain = rng.choices(domains, weights=(8, 4, 2, 1, 1)[: len(domains)])[0]
        held = self._skill_path(domain, 2 + min(8, experience // 3) + rng.randrange(2))
        jobs = self._jobs(key, experience, setting, domain)
        mentor = experience >= 4 and rng.random() < min(0.45, 0.1 + 0.025 * experience)
        goals = (
            self._goals(held)
            if not mentor and rng.random() < (0.4 if experience < 6 else 0.15)
            else []
        )
        yield (
            "people",
            {
                "key": key,
                "name": f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}",
                "headline": f"{jobs[-1]['title']} at {jobs[-1]['_name']}",
                "location": setting.city if rng.random() < 0.85 else rng.choice(words.CITIES),
                "languages": [
                    "English",
                    *([rng.choice(words.LANGUAGES)] if rng.random() < 0.4 else []),
                ],
                "openToMentor": mentor,
                "seekingMentor": bool(goals),
                "mentorCapacity": 1 + rng.randrange(min(4, 1 + experience // 5)) if mentor else 0,
                "visibility": rng.choice(_VISIBILITY),
            },
        )
        for rank, skill in enumerate(held):
            level = max(1, min(5, 1 + experience // 6 - rank // 3 + rng.randrange(2)))
            years = max(0, experience - rank - rng.randrange(3))
            yield "has_skill", {"person": key, "skill": skill, "level": level, "years": years}
        for job in jobs:
            yield "works_at", {k: v for k, v in job.items() if k != "_name"}
        if rng.random() < 0.85:
            school = setting.school if rng.random() < 0.5 else rng.choice(self._catalogue.schools)
            start = THIS_YEAR - experience
            yield (
                "studied_at",
                {
                    "person": key,
                    "school": school["key"],
                    "since": dt.date(start - 4, 9, 1),
                    "until": dt.date(start, 6, 30),
                },
            )
        for priority, skill in enumerate(goals, start=1):
            yield "wants_to_learn", {"person": key, "skill": skill, "priority": priority}

    def _skill_path(self, domain: str, count: int) -> list[str]:
        rng, skills = self._rng, self._skills
        entries = self._entries[domain]
        held = [entries[rng.randrange(len(entries))]]
        in_domain = skills.domains[domain]
        for _ in range(count * 3):
            if len(held) >= count:
                break
            roll = rng.random()
            if roll < 0.6:
                options = [n for k in held for n in skills.next_steps.get(k, ())]
            elif roll < 0.8:
                options = [n for k in held for n in skills.neighbours.get(k, ())]
            else:
                options = in_domain
            fresh = [o for o in options if o not in held]
            if fresh:
                held.append(fresh[rng.randrange(len(fresh))])
        return held

    def _goals(self, held: list[str]) -> list[str]:
        candidates = self._skills.goals_for(set(held))[:6]
        if not candidates:
            return []
        picked = sorted(
            self._rng.sample(range(len(candidates)), min(len(candidates), self._rng.randint(1, 3)))
        )
        return [candidates[i] for i in picked]

    def _jobs(self, key: str, experience: int, setting: Setting, domain: str) -> list[Row]:
        rng = self._rng
        stints = 1 + min(3, experience // 4)
        start = THIS_YEAR - experience
        bounds = sorted(rng.sample(range(start + 1, THIS_YEAR + 1), min(stints - 1, experience)))
        starts = [start, *bounds]
        titles = words.TITLES[domain]
        jobs: list[Row] = []
        for i, year in enumerate(starts):
            current = i == len(starts) - 1
            if current:
                employer = setting.employers[rng.randrange(len(setting.employers))]
            elif rng.random() < 0.6:
                employer = rng.choice(self._catalogue.by_industry[setting.industry])
            else:
                employer = rng.choice(self._catalogue.employers)
            jobs.append(
                {
                    "person": key,
                    "employer": employer["key"],
                    "title": titles[min(len(titles) - 1, i)],
                    "since": dt.date(year, rng.randint(1, 12), 1),
                    "until": None if current else dt.date(starts[i + 1], 1, 1),
                    "_name": employer["name"],
                }
            )
        return jobs
