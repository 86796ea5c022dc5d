"""GraphQL types of people."""

from __future__ import annotations

import strawberry

from graph.people import Person as PersonRecord


@strawberry.type(description="Someone in the graph: a mentor, a mentee, or both.")
class Person:
    key: str
    name: str
    headline: str
    location: str
    languages: list[str]
    open_to_mentor: bool
    seeking_mentor: bool
    mentor_capacity: int
    visibility: str

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        return cls(
            key=record.key,
            name=record.name,
            headline=record.headline,
            location=record.location,
            languages=list(record.languages),
            open_to_mentor=record.open_to_mentor,
            seeking_mentor=record.seeking_mentor,
            mentor_capacity=record.mentor_capacity,
            visibility=record.visibility,
        )
