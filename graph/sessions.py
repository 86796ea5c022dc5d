"""The check every signed-in operation starts with (`api.session`), in one round trip."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database
from graph.people import Person
from graph.registry import statement
from graph.tombstones import tombstone_hash

_CHECK_SESSION = statement("safety/check_session")


@dataclass(frozen=True)
class SessionCheck:
    deleted: bool
    """The key belonged to an account that was deleted: its tombstone exists."""
    person: Person | None
    """The caller's own person, nothing nested; None before sign-up."""


async def check_session(database: Database, key: str) -> SessionCheck:
    """Whether `key`'s account was deleted, and its person (two index lookups)."""
    (row,) = await database.read(_CHECK_SESSION, {"key": key, "hash": tombstone_hash(key)})
    person = row["person"]
    return SessionCheck(bool(row["deleted"]), Person.from_row(person) if person else None)
