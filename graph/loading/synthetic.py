"""The synthetic graph: a deterministic stream of rows for any number of people.

`rows(people, seed)` yields `(kind, row)` pairs: first the fixed catalogue
(skills and their paths, employers, schools), then, community by community,
each person followed by their skills, jobs, school, wishes and connections to
people generated before them. Everything is drawn from `random.Random`
instances seeded from `seed` and never from sets of strings, so the same seed
gives the same rows in the same order, in any process.

People (`p-0000042`) belong to communities (`graph.loading.generator.social`): a community has an
industry, one to three employers, a city and a school, and most of its members
work in one of the industry's skill domains. Skills grow along learning paths
(`LEADS_TO`, then `RELATED_TO`) from an entry skill of the person's domain, so
held skills are coherent; mentees want skills reachable from theirs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from graph.database import Database
from graph.errors import BadInput
from graph.loading.generator.people import Catalogue, PersonMaker
from graph.loading.generator.social import Community, Crowd, SocialModel, community_sizes
from graph.loading.generator.taxonomy import taxonomy
from graph.loading.rows import Row, RowKind
from graph.loading.streaming import Method, Progress, chunks, write_stream

MAX_PEOPLE = 5_000_000
DEMO_PEOPLE = 10_000
DEMO_SEED = 42
_FIRST_DAY = dt.date(2008, 1, 1)
_DAYS = (dt.date(2025, 6, 30) - _FIRST_DAY).days
_SINCE = [(_FIRST_DAY + dt.timedelta(days=day)).isoformat() for day in range(_DAYS)]
"""When connections began, as ISO dates: the statements parse them (`date()`). Sent as
dates, the driver's Python date encoding was a fifth of the loader's CPU (BENCHMARKS.md)."""


def check_size(people: int) -> None:
    if people <= 0:
        raise BadInput(f"--people must be at least 1, got {people}", field="people")
    if people > MAX_PEOPLE:
        raise BadInput(
            f"--people {people:,} is more than this generator makes ({MAX_PEOPLE:,})",
            field="people",
        )


def person_key(index: int) -> str:
    return f"p-{index:07d}"


def rows(
    people: int, seed: int, *, model: SocialModel | None = None
) -> Iterator[tuple[RowKind, Row]]:
    """Every row of the synthetic graph of `people` people for `seed`, nodes first."""
    check_size(people)
    model = model or SocialModel()
    skills = taxonomy()
    catalogue = Catalogue.build()
    for row in skills.skill_rows():
        yield "skills", row
    for row in catalogue.employer_rows():
        yield "employers", row
    for row in catalogue.school_rows():
        yield "schools", row
    for row in skills.related_rows():
        yield "related_to", row
    for row in skills.leads_to_rows():
        yield "leads_to", row

    rng_people = random.Random(f"mentorgraph:{seed}:people")
    rng_social = random.Random(f"mentorgraph:{seed}:social")
    rng_community = random.Random(f"mentorgraph:{seed}:communities")
    maker = PersonMaker(rng_people, catalogue, skills)
    crowd = Crowd(rng_social, model)
    first = 0
    for size in community_sizes(rng_community, people, model):
        setting = maker.community(rng_community)
        community = Community(first, rng_social, model)
        for index in range(first, first + size):
            key = person_key(index)
            yield from maker.person(key, setting)
            friends = community.join() + crowd.join(index, first)
            if friends:
                yield (
                    "knows_from",
                    {
                        "a": key,
                        "b": [person_key(f) for f in friends],
                        "since": [_SINCE[rng_social.randrange(_DAYS)] for _ in friends],
                    },
                )
        first += size


def expected_rows(people: int) -> int:
    """A rough total for progress bars: rows and connections, about 33 a person."""
    return people * 33 + 1_000


async def load(
    database: Database,
    people: int,
    seed: int,
    *,
    progress: Progress | None = None,
    method: Method = "lookup",
    block_people: int = 5_000,
    knows_rows: int = 1_000,
) -> dict[RowKind, int]:
    """Generate and write the graph, streaming; return what was written per kind.

    Idempotent (a re-run of the same seed changes nothing) unless
    `method="create"`, the plain-`CREATE` baseline of the benchmarks. A
    transaction holds `block_people` people with their rows (about 11 each), or
    `knows_rows` people's connections (about 24 each).
    """
    check_size(people)
    stream = chunks(rows(people, seed), people=block_people, size=10_000)
    return await write_stream(
        database, stream, progress=progress, method=method, knows_rows=knows_rows
    )
