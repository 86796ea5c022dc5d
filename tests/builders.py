"""Hand-built graphs for tests, written through the loaders' own statements."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.database import Database
from graph.loading.rows import Row, RowKind, write_graph
from graph.ranking.types import Weights
from graph.registry import Statement

FIXTURES = Path(__file__).parent / "fixtures"

SOCIAL_ONLY = Weights(
    social=1.0,
    skills=0.0,
    employer=0.0,
    availability=0.0,
    acceptance=0.0,
    completion=0.0,
    rating=0.0,
)
"""Weights that rank by the social signal alone."""


def person(key: str, **overrides: Any) -> Row:
    """A public person who is neither mentor nor mentee unless told otherwise."""
    row: Row = {
        "key": key,
        "name": key.title(),
        "headline": "",
        "location": "Lisbon",
        "languages": ["English"],
        "openToMentor": False,
        "seekingMentor": False,
        "mentorCapacity": 0,
        "visibility": "PUBLIC",
    }
    row.update(overrides)
    return row


def mentor(key: str, capacity: int = 2, **overrides: Any) -> Row:
    return person(key, openToMentor=True, mentorCapacity=capacity, **overrides)


def skill(key: str, domain: str = "Software") -> Row:
    return {"key": key, "name": key.replace("-", " ").title(), "domain": domain}


def knows(*pairs: tuple[str, str]) -> list[Row]:
    return [{"a": a, "b": b, "since": None} for a, b in pairs]


async def build(database: Database, **rows: list[Row]) -> None:
    """`build(db, people=[...], knows=[...], has_skill=[...])`: keys are row kinds."""
    typed: dict[RowKind, list[Row]] = {kind: value for kind, value in rows.items()}  # type: ignore[misc]
    await write_graph(database, typed)


def fixture_statement(name: str) -> Statement:
    """A statement only the tests run, from `tests/fixtures/<name>.cypher`."""
    text = (FIXTURES / f"{name}.cypher").read_text(encoding="utf-8")
    return Statement(name=f"tests/{name}", text=text, header="")
