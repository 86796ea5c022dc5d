from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.errors import StatementError
from graph.registry import QUERIES_DIR, all_statement_names, statement

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
