from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.errors import StatementError
from graph.registry import (
    QUERIES_DIR,
    all_rule_names,
    all_statement_names,
    compose,
    statement,
)

ROOT = Path(__file__).resolve().parents[2]
# Run by folder, not by name: explorations from the analysts' catalogue, schema and data
# migrations by `graph.server.migrations` (`statements_under`).
LOOKED_UP_BY_FOLDER = ("explore/", "schema/", "migrations/")


def _source(*folders: str) -> str:
    return "\n".join(p.read_text() for d in folders for p in (ROOT / d).rglob("*.py"))


def test_every_statement_file_is_used_by_the_code() -> None:
    source = _source("api", "graph")
    unused = [
        name
        for name in all_statement_names()
        if not name.startswith(LOOKED_UP_BY_FOLDER) and f'"{name}"' not in source
    ]
    assert unused == []


def test_every_statement_the_code_names_exists() -> None:
    names = set(re.findall(r'statement\("([^"]+)"\)', _source("api", "graph")))
    assert names, "the code loads no statements?"
    missing = sorted(n for n in names if not (QUERIES_DIR / f"{n}.cypher").is_file())
    assert missing == []


def test_every_statement_opens_with_a_header() -> None:
    for name in all_statement_names():
        assert statement(name).header, f"{name} has no // header"


def test_a_missing_statement_fails_with_its_name() -> None:
    with pytest.raises(StatementError, match="no/such_statement"):
        statement("no/such_statement")


def _code(path: Path) -> str:
    return "\n".join(
        line for line in path.read_text().splitlines() if not line.strip().startswith("//")
    )


def test_every_rule_is_applied_by_some_statement() -> None:
    texts = "\n".join(p.read_text() for p in QUERIES_DIR.rglob("*.cypher"))
    unapplied = [rule for rule in all_rule_names() if f"{{{{{rule}(" not in texts]
    assert unapplied == []


def test_rules_are_composed_in_and_leave_no_braces() -> None:
    for name in all_statement_names():
        assert "{{" not in statement(name).text, name
    composed = statement("people/get_people").text
    assert "visible_to" not in composed.split("// Indexes")[-1]
    assert "EXISTS { (viewer)-[:BLOCKED]-(p) }" in composed


def test_visibility_is_decided_in_the_rules_alone() -> None:
    """No statement that serves people spells out who may see whom: it applies the rule, so
    there is no copy to drift (loads write the property)."""
    spelled = re.compile(r"visibility\s*(=|IN|<>)")
    copies = [
        name
        for name in all_statement_names()
        if not name.startswith("load/") and spelled.search(_code(QUERIES_DIR / f"{name}.cypher"))
    ]
    assert copies == []


def test_visible_to_is_exactly_its_two_parts() -> None:
    """visible_given asks the rule of a viewer whose seen_connections are listed: it answers
    as visible_to only while visible_to is its two parts and nothing beside them."""
    assert _code(QUERIES_DIR / "rules" / "visible_to.cypher").split() == [
        "{{seen_openly(viewer,",
        "person)}}",
        "OR",
        "{{seen_as_connection(viewer,",
        "person)}}",
    ]


def test_a_listed_viewer_is_asked_with_their_own_list() -> None:
    """Every statement that asks visible_given, visible_degree or capped_degree passes the
    list that seen_connections made for the same viewer, never another person's."""
    listing = r"visible_given|visible_degree|capped_degree"
    asked = re.compile(rf"\{{\{{\s*(?:{listing})\((\w+),\s*\w+,\s*(\w+)\)\s*\}}\}}")
    asks = 0
    for name in all_statement_names():
        code = _code(QUERIES_DIR / f"{name}.cypher")
        for viewer, listed in asked.findall(code):
            made = rf"\{{\{{\s*seen_connections\({viewer}\)\s*\}}\}}\s+AS\s+{listed}\b"
            assert re.search(made, code), (name, viewer, listed)
            asks += 1
    assert asks >= 3


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("RETURN {{visible_to(a)}}", "takes the variables viewer, person"),
        ("RETURN {{visible_to(a, $b)}}", "takes the variables"),
        ("RETURN {{no_such_rule(a, b)}}", "not found"),
    ],
)
def test_a_bad_rule_application_fails_with_the_reason(text: str, error: str) -> None:
    with pytest.raises(StatementError, match=error):
        compose(text, within="test")


def test_a_rule_is_not_a_statement() -> None:
    with pytest.raises(StatementError, match="is a rule"):
        statement("rules/visible_to")
