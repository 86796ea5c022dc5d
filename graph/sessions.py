"""The check every signed-in operation starts with (`api.session`), in one round trip."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database
from graph.people import Person
from graph.registry import statement
from graph.tombstones import tombstone_hash
from graph.viewer import Viewer

_CHECK_SESSION = statement("safety/check_session")


@dataclass(frozen=True)
class SessionCheck:
    deleted: bool
    """The key belonged to an account that was deleted: its tombstone exists."""
    person: Person | None
    """The caller's own person, nothing nested; None before sign-up, or when not asked."""


async def check_session(database: Database, viewer: Viewer, *, with_person: bool) -> SessionCheck:
    """Whether the signed-in `viewer`'s account was deleted, and, `with_person`, their
    person as they see it (one round trip)."""
    if viewer.key is None:
        raise ValueError("an anonymous caller has no session to check")
    hashed = tombstone_hash(viewer.key)
    params = {**viewer.params(), "hash": hashed, "withPerson": with_person}
    (row,) = await database.read(_CHECK_SESSION, params)
    person = row["person"]
    return SessionCheck(bool(row["deleted"]), Person.from_row(person) if person else None)
