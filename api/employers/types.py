"""GraphQL types of employers and employment."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.node import Node
from graph import employers


@strawberry.type(description="A company or organisation people work at.")
class Employer(Node):
    key: str
    name: str
    industry: str

    @classmethod
    def from_record(cls, record: employers.Employer) -> Employer:
        return cls(key=record.key, name=record.name, industry=record.industry)


@strawberry.type(description="A stint at an employer; `until` is null while it lasts.")
class Employment:
    employer: Employer
    title: str
    since: dt.date | None
    until: dt.date | None

    @classmethod
    def from_record(cls, record: employers.Employment) -> Employment:
        return cls(
            employer=Employer.from_record(record.employer),
            title=record.title,
            since=record.since,
            until=record.until,
        )
