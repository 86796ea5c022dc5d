"""Every exploration against the hand-built graph of `tests/explore_graph.py`."""

from __future__ import annotations

from typing import Any

import pytest

from graph.database import Database
from graph.errors import BadInput, Forbidden, NotFound, QueryFailed, TimedOut
from graph.explore.runner import (
    _run,
    exec_cypher,
    get_exploration,
    list_explorations,
    run_exploration,
)
from graph.registry import Statement
from tests.explore_graph import explore_graph  # noqa: F401 (a fixture, used by `graph`)


@pytest.fixture(scope="module")
def graph(explore_graph: Database) -> Database:  # noqa: F811
    return explore_graph


COUNT = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r"


async def rows(database: Database, name: str, **params: Any) -> list[dict[str, Any]]:
    result = await run_exploration(database, name, params)
    assert result.columns == list(get_exploration(name).columns)
    assert not result.truncated
    return result.records()


async def test_skill_supply_and_demand(graph: Database) -> None:
    found = await rows(graph, "skill_supply_demand")
    assert [(r["skill"], r["mentors"], r["mentees"], r["gap"]) for r in found] == [
        ("stats", 0, 1, 1),
        ("data", 1, 1, 0),
        ("go", 1, 1, 0),
        ("ml", 1, 1, 0),
        ("python", 2, 1, -1),
    ]
    lenient = await rows(graph, "skill_supply_demand", minLevel=2, domain="Software")
    assert {r["skill"]: r["mentors"] for r in lenient}["stats"] == 1
    assert await rows(graph, "skill_supply_demand", domain="Cooking") == []


async def test_mentor_deserts(graph: Database) -> None:
    # ana teaches ml but is at capacity; cy teaches go but is three hops from dee;
    # bo teaches data three hops from fay; cy's stats (level 2) is below the bar for hal.
    assert await rows(graph, "mentor_deserts") == [
        {"mentee": "dee", "name": "Dee", "unmetGoals": 2, "wanted": 2, "goals": ["go", "ml"]},
        {"mentee": "fay", "name": "Fay", "unmetGoals": 1, "wanted": 1, "goals": ["data"]},
        {"mentee": "hal", "name": "Hal", "unmetGoals": 1, "wanted": 1, "goals": ["stats"]},
    ]
    lenient = await rows(graph, "mentor_deserts", minLevel=2)
    assert [r["mentee"] for r in lenient] == ["dee", "fay"]


async def test_cross_employer_mentoring(graph: Database) -> None:
    found = await rows(graph, "cross_employer_mentoring")
    assert [tuple(r.values()) for r in found] == [
        # employer, name, mentorships, crossing, crossShare
        ("acme", "Acme", 2, 1, 0.5),  # ana→eli crosses, ana→dee does not
        ("initech", "Initech", 2, 1, 0.5),  # cy→ana crosses, cy→fay does not
        ("globex", "Globex", 1, 1, 1.0),  # bo→fay; bo→dee was CANCELLED
    ]
    cancelled = await rows(graph, "cross_employer_mentoring", statuses=["CANCELLED"])
    assert [(r["employer"], r["crossing"]) for r in cancelled] == [("globex", 1)]


async def test_bridges(graph: Database) -> None:
    # gus's former employer (globex) does not count for his connections' employers.
    assert await rows(graph, "bridges", minEmployers=2) == [
        {
            "person": "gus",
            "name": "Gus",
            "employerCount": 3,
            "connections": 3,
            "topEmployers": ["acme", "globex", "initech"],
        },
        {"person": "bo", "name": "Bo", "employerCount": 2, "connections": 2,
         "topEmployers": ["acme", "globex"]},
        {"person": "cy", "name": "Cy", "employerCount": 2, "connections": 2,
         "topEmployers": ["acme", "initech"]},
    ]  # fmt: skip
    assert [r["person"] for r in await rows(graph, "bridges")] == ["gus"]


async def test_learning_paths_in_demand(graph: Database) -> None:
    assert await rows(graph, "learning_paths_in_demand") == [
        {"path": ["python", "data"], "goal": "data", "steps": 1, "wanting": 1, "ready": 1},
        {"path": ["python", "data", "ml"], "goal": "ml", "steps": 2, "wanting": 1, "ready": 1},
        {"path": ["stats", "ml"], "goal": "ml", "steps": 1, "wanting": 1, "ready": 0},
    ]
    assert await rows(graph, "learning_paths_in_demand", minWanting=2) == []


async def test_request_funnel(graph: Database) -> None:
    assert await rows(graph, "request_funnel") == [
        {"week": "2024-03-04", "state": "ACCEPTED", "requests": 2, "answered": 2,
         "meanHoursToAnswer": 15.0, "medianHoursToAnswer": 15.0},
        {"week": "2024-03-04", "state": "PENDING", "requests": 1, "answered": 0,
         "meanHoursToAnswer": None, "medianHoursToAnswer": None},
        {"week": "2024-03-11", "state": "DECLINED", "requests": 1, "answered": 1,
         "meanHoursToAnswer": 12.0, "medianHoursToAnswer": 12.0},
        {"week": "2024-03-11", "state": "EXPIRED", "requests": 1, "answered": 0,
         "meanHoursToAnswer": None, "medianHoursToAnswer": None},
    ]  # fmt: skip
    later = await rows(graph, "request_funnel", since="2024-03-10")
    assert [(r["week"], r["state"]) for r in later] == [
        ("2024-03-11", "DECLINED"),
        ("2024-03-11", "EXPIRED"),
    ]


async def test_mentor_load(graph: Database) -> None:
    assert await rows(graph, "mentor_load") == [
        {"mentor": "ana", "name": "Ana", "capacity": 2, "active": 2, "free": 0, "load": 1.0,
         "state": "AT_CAPACITY"},
        {"mentor": "cy", "name": "Cy", "capacity": 2, "active": 1, "free": 1, "load": 0.5,
         "state": "AVAILABLE"},
        {"mentor": "bo", "name": "Bo", "capacity": 1, "active": 0, "free": 1, "load": 0.0,
         "state": "IDLE"},
    ]  # fmt: skip
    assert [r["mentor"] for r in await rows(graph, "mentor_load", state="IDLE")] == ["bo"]
    assert await rows(graph, "mentor_load_summary") == [
        {"mentors": 3, "capacity": 5, "active": 3, "used": 0.6, "atCapacity": 1,
         "overCapacity": 0, "idle": 1},
    ]  # fmt: skip


async def test_mentorship_chains(graph: Database) -> None:
    assert await rows(graph, "mentorship_chains") == [
        {"top": "cy", "bottom": "dee", "depth": 2, "chain": ["cy", "ana", "dee"]},
        {"top": "cy", "bottom": "eli", "depth": 2, "chain": ["cy", "ana", "eli"]},
    ]
    every = await rows(graph, "mentorship_chains", minDepth=1)
    assert [r["chain"] for r in every] == [
        ["cy", "ana", "dee"],
        ["cy", "ana", "eli"],
        ["bo", "fay"],
        ["cy", "fay"],
    ]
    # Counting only ACTIVE mentorships, ana is nobody's mentee: she tops her own chains.
    active = await rows(graph, "mentorship_chains", statuses=["ACTIVE"], minDepth=1)
    assert [r["chain"] for r in active] == [["ana", "dee"], ["ana", "eli"], ["cy", "fay"]]


async def test_separation_between_people(graph: Database) -> None:
    assert await rows(graph, "separation_people", **{"from": "hal", "to": "eli"}) == [
        {"degrees": 5, "path": ["hal", "fay", "cy", "gus", "bo", "eli"]}
    ]
    assert await rows(graph, "separation_people", **{"from": "hal", "to": "hal"}) == [
        {"degrees": 0, "path": ["hal"]}
    ]
    assert await rows(graph, "separation_people", **{"from": "hal", "to": "nobody"}) == []


async def test_separation_between_employers(graph: Database) -> None:
    assert await rows(graph, "separation_employers", **{"from": "acme", "to": "initech"}) == [
        {"degrees": 1, "people": ["gus", "cy"]}
    ]
    # gus once worked at globex, but only current jobs count.
    assert await rows(graph, "separation_employers", **{"from": "globex", "to": "initech"}) == [
        {"degrees": 2, "people": ["bo", "gus", "cy"]}
    ]


async def test_skill_cooccurrence(graph: Database) -> None:
    # python is held by 5 people, ml by 2, both by ana and gus: 2 / (5 + 2 - 2).
    assert await rows(graph, "skill_cooccurrence") == [
        {"skill": "ml", "other": "python", "people": 2, "jaccard": 0.4}
    ]
    pairs = await rows(graph, "skill_cooccurrence", minPeople=1)
    # Ties on people are broken by jaccard: go+stats 1/2, data+python 1/5, python+stats 1/6.
    assert [(r["skill"], r["other"], r["people"], r["jaccard"]) for r in pairs] == [
        ("ml", "python", 2, 0.4),
        ("go", "stats", 1, 0.5),
        ("data", "python", 1, 0.2),
        ("python", "stats", 1, 0.167),
    ]


def test_the_catalogue_has_every_exploration_the_issue_asks_for() -> None:
    names = {exploration.name for exploration in list_explorations()}
    assert len(names) >= 10
    assert all(get_exploration(name).title for name in names)


async def test_the_row_cap_truncates_and_says_so(graph: Database) -> None:
    result = await run_exploration(graph, "skill_supply_demand", limit=2)
    assert len(result.rows) == 2
    assert result.truncated
    full = await exec_cypher(graph, "UNWIND range(1, 3) AS x RETURN x", limit=3)
    assert (full.rows, full.truncated) == ([[1], [2], [3]], False)


async def test_exec_refuses_writes_and_changes_nothing(graph: Database) -> None:
    before = await exec_cypher(graph, COUNT)
    for cypher in (
        "CREATE (:Person {key: 'mallory'})",
        "MATCH (p:Person) SET p.name = 'x' RETURN count(p)",
        "MATCH (n) DETACH DELETE n",
        "CREATE INDEX spy IF NOT EXISTS FOR (p:Person) ON (p.name)",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    ):
        with pytest.raises(Forbidden, match="nothing was run"):
            await exec_cypher(graph, cypher)
    assert await exec_cypher(graph, COUNT) == before


async def test_a_write_that_reaches_the_server_is_refused_by_the_read_transaction(
    graph: Database,
) -> None:
    # The plan check aside, the read transaction itself refuses writes (Neo4j 5.26).
    before = await exec_cypher(graph, COUNT)
    sneaky = Statement(name="exec", text="CREATE (:Person {key: 'mallory'})", header="")
    with pytest.raises(Forbidden, match="only reads"):
        await _run(graph, sneaky, {}, limit=10, timeout=None)
    assert await exec_cypher(graph, COUNT) == before


async def test_a_slow_statement_times_out(graph: Database) -> None:
    slow = "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)"
    with pytest.raises(TimedOut, match=r"0\.2 s timeout"):
        await exec_cypher(graph, slow, timeout=0.2)


async def test_a_syntax_error_is_reported_as_the_analyst_wrote_it(graph: Database) -> None:
    with pytest.raises(QueryFailed, match=r"column 10") as error:
        await exec_cypher(graph, "MATCH (n RETURN n")
    assert "EXPLAIN" not in str(error.value)


@pytest.mark.parametrize(
    ("name", "params", "field", "message"),
    [
        ("skill_supply_demand", {"minLevel": "3"}, "minLevel", "must be an integer"),
        ("skill_supply_demand", {"minLevel": True}, "minLevel", "must be an integer"),
        ("skill_supply_demand", {"level": 3}, "level", "no parameter 'level'"),
        ("request_funnel", {"since": "last week"}, "since", "must be a date"),
        ("mentorship_chains", {"statuses": "ACTIVE"}, "statuses", "list of strings"),
        ("separation_people", {"from": "hal"}, "to", "needs parameter 'to'"),
    ],
)
async def test_wrong_parameters_are_bad_input_naming_the_field(
    database: Database, name: str, params: dict[str, Any], field: str, message: str
) -> None:
    before = database.round_trips
    with pytest.raises(BadInput, match=message) as error:
        await run_exploration(database, name, params)
    assert error.value.field == field
    assert database.round_trips == before  # refused before any Cypher ran


async def test_an_unknown_exploration_is_not_found(database: Database) -> None:
    with pytest.raises(NotFound, match="cypher list"):
        await run_exploration(database, "who_is_lonely")


async def test_params_must_be_an_object(database: Database) -> None:
    with pytest.raises(BadInput) as error:
        await run_exploration(database, "mentor_load", ["IDLE"])  # type: ignore[arg-type]
    assert error.value.field == "params"


async def test_limit_and_timeout_are_checked(database: Database) -> None:
    with pytest.raises(BadInput) as error:
        await run_exploration(database, "mentor_load", limit=0)
    assert error.value.field == "limit"
    with pytest.raises(BadInput) as error:
        await exec_cypher(database, "RETURN 1", timeout=-1)
    assert error.value.field == "timeout"
