"""`mentorgraph cypher …` in a subprocess, against the hand-built exploration graph."""

from __future__ import annotations

import csv
import io
import json

import pytest

from graph.database import Database
from tests.cli.test_commands import _run
from tests.explore_graph import explore_graph  # noqa: F401 (a fixture, used by `graph`)


@pytest.fixture(scope="module")
def graph(explore_graph: Database) -> Database:  # noqa: F811
    return explore_graph


def test_list_and_show_need_no_database() -> None:
    listed = _run("cypher", "list", NEO4J_URI="bolt://127.0.0.1:1", COLUMNS="200")
    assert listed.returncode == 0, listed.stderr
    assert "mentor_deserts" in listed.stdout
    assert "minLevel int = 3" in listed.stdout
    shown = _run("cypher", "show", "separation_people", NEO4J_URI="bolt://127.0.0.1:1")
    assert shown.returncode == 0, shown.stderr
    assert "from string: the first person's key" in shown.stdout
    assert "SHORTEST 1" in shown.stdout


def test_run_prints_a_table_csv_or_json(graph: Database) -> None:
    table = _run("cypher", "run", "mentor_load", "--param", "state=IDLE")
    assert table.returncode == 0, table.stderr
    assert "bo" in table.stdout and "IDLE" in table.stdout and "1 row" in table.stdout

    as_csv = _run("cypher", "run", "request_funnel", "-p", "since=2024-03-10", "-f", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["week", "state", "requests", "answered", "meanHoursToAnswer", "medianHoursToAnswer"],
        ["2024-03-11", "DECLINED", "1", "1", "12.0", "12.0"],
        ["2024-03-11", "EXPIRED", "1", "0", "", ""],
    ]

    as_json = _run(
        "cypher", "run", "separation_people", "-p", "from=hal", "-p", "to=eli", "-f", "json"
    )
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == {
        "columns": ["degrees", "path"],
        "rows": [{"degrees": 5, "path": ["hal", "fay", "cy", "gus", "bo", "eli"]}],
        "truncated": False,
    }


def test_run_caps_rows_and_says_so(graph: Database) -> None:
    result = _run("cypher", "run", "skill_supply_demand", "--limit", "2", "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3  # header and two rows
    assert "first 2 rows" in result.stderr


def test_exec_reads_with_parameters_and_refuses_writes(graph: Database) -> None:
    read = _run(
        "cypher", "exec", "MATCH (p:Person {key: $key}) RETURN p.name AS name",
        "-p", "key=ana", "-f", "json",
    )  # fmt: skip
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)["rows"] == [{"name": "Ana"}]

    write = _run("cypher", "exec", "MATCH (p:Person {key: 'ana'}) DETACH DELETE p")
    assert write.returncode == 1
    assert "writes; nothing was run" in write.stderr
    assert "Traceback" not in write.stderr + write.stdout
    still = _run(
        "cypher", "exec", "MATCH (p:Person {key: 'ana'}) RETURN count(p) AS n", "-f", "csv"
    )
    assert still.stdout.splitlines() == ["n", "1"]


def test_a_mistyped_parameter_is_one_error_line(graph: Database) -> None:
    result = _run("cypher", "run", "skill_supply_demand", "-p", "minLevel=high")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: parameter 'minLevel' must be an integer, got 'high'"
