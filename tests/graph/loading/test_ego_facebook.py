"""The ego-Facebook load, checked against SNAP's raw files (read here, independently)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph.database import Database
from graph.loading.ego_facebook import EgoGraph, load
from graph.server.admin import wipe
from graph.server.stats import GraphStats, graph_stats, person_links
from tests.conftest import EGO_FACEBOOK_DIR

READABLE = {
    "work;employer;id": "Employer",
    "education;school;id": "School",
    "education;concentration;id": "Field of study",
    "work;position;id": "Job position",
    "languages;id": "Language",
}


def _raw_profiles(folder: Path) -> dict[int, set[str]]:
    """Node → {"Employer 144", "Field of study 14", ...}, the union over ego networks."""
    profiles: dict[int, set[str]] = defaultdict(set)
    for names_file in folder.glob("*.featnames"):
        names = []
        for line in names_file.read_text().splitlines():
            category, _, value = line.split(" ", 1)[1].rpartition(";anonymized feature ")
            names.append(f"{READABLE[category]} {value}" if category in READABLE else None)
        vectors = [
            line.split() for line in names_file.with_suffix(".feat").read_text().splitlines()
        ]
        ego = names_file.with_suffix(".egofeat").read_text().split()
        for node, *bits in [*vectors, [names_file.stem, *ego]]:
            profiles[int(node)] |= {
                n for n, bit in zip(names, bits, strict=True) if bit == "1" and n
            }
    return profiles


@pytest.fixture(scope="module")
async def loaded(database: Database) -> AsyncIterator[tuple[EgoGraph, GraphStats]]:
    await wipe(database)
    graph = await load(database, EGO_FACEBOOK_DIR)
    yield graph, await graph_stats(database, with_hash=False)


async def test_every_person_and_friendship_is_loaded(loaded: tuple[EgoGraph, GraphStats]) -> None:
    _, stats = loaded
    assert stats.labels["Person"] == 4_039
    assert stats.relationships["KNOWS"] == 88_234
    assert stats.degrees.max == 1_045  # node 107, the best-connected ego
    assert stats.labels["Employer"] == 145
    assert stats.labels["School"] == 357
    assert stats.labels["Skill"] == 98 + 63 + 29  # fields of study, positions, languages


async def test_a_sample_of_profiles_matches_the_raw_files(
    database: Database, loaded: tuple[EgoGraph, GraphStats]
) -> None:
    raw = _raw_profiles(EGO_FACEBOOK_DIR)
    sample = [*random.Random(3).sample(sorted(raw), 60), 0, 107, 1684]
    links = await person_links(database, [f"fb-{node}" for node in sample])
    for node in sample:
        person, expected = links[f"fb-{node}"], raw[node]
        employers = sorted(f"fb-employer-{n.split()[-1]}" for n in expected if n[0] == "E")
        schools = sorted(f"fb-school-{n.split()[-1]}" for n in expected if n[0] == "S")
        assert person.employers == employers, node
        assert person.schools == schools, node
        skills = sorted(n for n in expected if n.startswith(("Field", "Job", "Language")))
        assert person.skills == skills, node


async def test_mentoring_follows_the_documented_rule(
    database: Database, loaded: tuple[EgoGraph, GraphStats]
) -> None:
    graph, _ = loaded
    people = {row["key"]: row for row in graph.rows["people"]}
    mentors = [key for key, row in people.items() if row["openToMentor"]]
    assert len(mentors) == 638  # everyone with an employer (README's table)
    assert all(row["visibility"] == "PUBLIC" for row in people.values())
    seekers = [key for key, row in people.items() if row["seekingMentor"]]
    links = await person_links(database, seekers[:50] + mentors[:10])
    for key in seekers[:50]:
        assert links[key].employers == []
        assert 1 <= len(links[key].wants) <= 3
        assert not set(links[key].wants) & set(links[key].skills)
    assert all(links[key].wants == [] for key in mentors[:10])


def test_sensitive_categories_are_not_loaded(loaded: tuple[EgoGraph, GraphStats]) -> None:
    graph, _ = loaded
    for row in graph.rows["people"]:
        assert row["name"] == f"Facebook member {row['key'][3:]}"
        text = repr(row).lower()
        assert not any(word in text for word in ("gender", "birthday", "religion", "political"))
    assert {row["domain"] for row in graph.rows["skills"]} == {
        "Field of study",
        "Work",
        "Language",
    }


async def test_a_rerun_changes_nothing(
    database: Database, loaded: tuple[EgoGraph, GraphStats]
) -> None:
    _, before = loaded
    await load(database, EGO_FACEBOOK_DIR)
    after = await graph_stats(database, with_hash=False)
    assert (after.labels, after.relationships) == (before.labels, before.relationships)
