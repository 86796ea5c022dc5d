"""A hand-built cohort whose best assignment differs from greedy, on the real server.

Mentees `ana` (wants python) and `ben` (wants go); mentors `pia` (python 5, go 3) and
`quin` (python 4), one place each in the programme, global capacity 2 (availability 0.2
each). Scores: ana-pia 1.0 + 0.2 = 1.2, ana-quin 0.8 + 0.2 = 1.0, ben-pia 0.6 + 0.2 = 0.8;
quin teaches no go, so ben-quin is no pair. Greedy (ana first) takes ana-pia and strands
ben: 1.2. The optimum is ana-quin, ben-pia: 1.8.
"""

from __future__ import annotations

from graph.database import Database
from tests.builders import build, fixture_statement, mentor, person, skill

PROGRAMME = "career-2027"
ADMIN = "ada"
_CREATE_PROGRAMME = fixture_statement("create_programme")
PROPOSALS = fixture_statement("programme_proposals")


def _has(who: str, what: str, level: int) -> dict[str, object]:
    return {"person": who, "skill": what, "level": level, "years": 1}


def _wants(who: str, what: str) -> dict[str, object]:
    return {"person": who, "skill": what, "priority": 1}


async def build_cohort(
    database: Database, *, state: str = "OPEN", visibility: str = "PUBLIC"
) -> None:
    await build(
        database,
        people=[
            person(ADMIN),
            person("ana", seekingMentor=True),
            person("ben", seekingMentor=True),
            person("cy"),
            mentor("pia", capacity=2),
            mentor("quin", capacity=2),
        ],
        skills=[skill("python"), skill("go")],
        has_skill=[_has("pia", "python", 5), _has("pia", "go", 3), _has("quin", "python", 4)],
        wants_to_learn=[_wants("ana", "python"), _wants("ben", "go")],
    )
    await database.write(
        _CREATE_PROGRAMME,
        {
            "key": PROGRAMME,
            "state": state,
            "visibility": visibility,
            "admins": [ADMIN],
            "mentors": [{"key": "pia", "capacity": 1}, {"key": "quin", "capacity": 1}],
            "mentees": ["ana", "ben"],
        },
    )


async def proposals(database: Database) -> list[tuple[str, str, str]]:
    rows = await database.read(PROPOSALS, {"programme": PROGRAMME})
    return [(row["mentee"], row["mentor"], row["state"]) for row in rows]
