"""Employers and employment histories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.database import Database
from graph.pages import Window
from graph.registry import paged_statement, statement
from graph.values import native

_EMPLOYMENT_OF_PEOPLE = statement("people/employment_of_people")
_SEARCH_EMPLOYERS = paged_statement("employers/search_employers")
_GET_EMPLOYERS = statement("employers/get_employers")


@dataclass(frozen=True)
class Employer:
    key: str
    name: str
    industry: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Employer:
        return cls(
            key=row["key"], name=row.get("name") or row["key"], industry=row.get("industry") or ""
        )


@dataclass(frozen=True)
class Employment:
    employer: Employer
    title: str
    since: dt.date | None
    until: dt.date | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Employment:
        return cls(
            employer=Employer.from_row(row["employer"]),
            title=row.get("title") or "",
            since=_date(row.get("since")),
            until=_date(row.get("until")),
        )


def _date(value: Any) -> dt.date | None:
    converted = native(value)
    return converted if isinstance(converted, dt.date) else None


async def employment_of_people(database: Database, keys: Sequence[str]) -> list[list[Employment]]:
    """Each person's stints, newest first, in the order of `keys` (one round trip)."""
    rows = await database.read(_EMPLOYMENT_OF_PEOPLE, {"keys": list(keys)})
    return [[Employment.from_row(item) for item in row["employment"]] for row in rows]


async def get_employers(database: Database, keys: Sequence[str]) -> list[Employer | None]:
    rows = await database.read(_GET_EMPLOYERS, {"keys": list(keys)})
    return [Employer.from_row(row["employer"]) if row["employer"] else None for row in rows]


async def search_employers(
    database: Database, window: Window[str], *, search: str | None = None
) -> list[Employer]:
    rows = await database.read(
        _SEARCH_EMPLOYERS.reading(backward=window.backward),
        {"search": search, **window.bounds(), "limit": window.limit},
    )
    return [Employer.from_row(row["employer"]) for row in rows]
