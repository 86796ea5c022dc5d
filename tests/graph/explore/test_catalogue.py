from __future__ import annotations

from datetime import date

import pytest

from graph.errors import BadInput, StatementError
from graph.explore.catalogue import catalogue, parse
from graph.registry import Statement

HEADER = """\
// title: Example
// description: Says what it does,
//   over two lines.
// param: minLevel int = 3 \u2014 the lowest level
// param: since date = 2024-01-01 \u2014 the first day
// param: statuses list<string> = ["ACTIVE"] \u2014 which statuses
// param: strict bool = false \u2014 be strict
// param: who string \u2014 a person's key
// returns: a, b
"""
BODY = "RETURN $minLevel AS a, [$since, $statuses, $strict, $who] AS b\n"


def example(header: str = HEADER, body: str = BODY) -> Statement:
    text = header + body
    lines = [line[3:] if line.startswith("// ") else line[2:] for line in header.splitlines()]
    return Statement(name="explore/example", text=text, header="\n".join(lines))


def test_a_header_gives_title_description_typed_params_and_columns() -> None:
    found = parse(example())
    assert (found.name, found.title, found.columns) == ("example", "Example", ("a", "b"))
    assert found.description == "Says what it does, over two lines."
    defaults = {p.name: (p.type, p.default, p.required) for p in found.params}
    assert defaults == {
        "minLevel": ("int", 3, False),
        "since": ("date", date(2024, 1, 1), False),
        "statuses": ("list<string>", ["ACTIVE"], False),
        "strict": ("bool", False, False),
        "who": ("string", None, True),
    }


def test_parameters_are_typed_from_command_line_text() -> None:
    found = parse(example())
    bound = found.bind(
        {"minLevel": "4", "since": "2024-02-03", "statuses": "ACTIVE, COMPLETED", "strict": "yes",
         "who": "ana"},
        text=True,
    )  # fmt: skip
    assert bound == {
        "minLevel": 4,
        "since": date(2024, 2, 3),
        "statuses": ["ACTIVE", "COMPLETED"],
        "strict": True,
        "who": "ana",
    }
    assert found.bind({"who": "ana", "since": ""}, text=True)["since"] == date(2024, 1, 1)


def test_json_values_must_have_the_declared_type() -> None:
    found = parse(example())
    assert found.bind({"who": "ana", "since": "2024-02-03"})["since"] == date(2024, 2, 3)
    with pytest.raises(BadInput, match="must be a list of strings") as error:
        found.bind({"who": "ana", "statuses": ["ACTIVE", 3]})
    assert error.value.field == "statuses"
    with pytest.raises(BadInput, match="must be true or false"):
        found.bind({"who": "ana", "strict": "maybe"}, text=True)


@pytest.mark.parametrize(
    ("header", "body", "message"),
    [
        (HEADER.replace("// title: Example\n", ""), BODY, "no 'title'"),
        (HEADER.replace("int = 3", "integer = 3"), BODY, "unknown parameter type"),
        (HEADER.replace(" \u2014 the lowest level", ""), BODY, "should read"),
        (HEADER.replace("= 3", "= three"), BODY, "default of parameter 'minLevel'"),
        (HEADER + "// author: me\n", BODY, "unexpected header line"),
        (HEADER, BODY.replace("$who", "$whom"), "uses"),
    ],
)
def test_a_malformed_header_names_the_exploration(header: str, body: str, message: str) -> None:
    with pytest.raises(StatementError, match=message) as error:
        parse(example(header, body))
    assert "'example'" in str(error.value)


def test_every_exploration_in_queries_parses() -> None:
    assert len(catalogue()) >= 10
