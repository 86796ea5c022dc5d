"""Connections between people: pages of them, mutual ones, and their requests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, Conflict, Forbidden, NotFound
from graph.events.change_log import Changes, write_changes
from graph.events.domain import Connected, Disconnected
from graph.pages import Window
from graph.people import Person, Profile
from graph.registry import statement
from graph.screens import NO_PARTS, Parts, page_param
from graph.viewer import Viewer

_CONNECTIONS_OF_PEOPLE = statement("connections/connections_of_people")
_MUTUAL_CONNECTIONS = statement("connections/mutual_connections")
_CONNECTION_FACTS = statement("connections/connection_facts")
_REQUEST_CONNECTION = statement("connections/request_connection")
_RESPOND_CONNECTION = statement("connections/respond_connection")
_REMOVE_CONNECTION = statement("connections/remove_connection")
_LOCK_PERSON = statement("mentorships/lock_person")

MAX_MUTUAL_CONNECTIONS = 20
"""The most mutual connections listed for one pair."""


@dataclass(frozen=True)
class ConnectionsPage:
    """A page of one person's connections, by key, with the nested parts of each."""

    person: str
    window: Window[str]
    parts: Parts = NO_PARTS


async def connections_of_people(
    database: Database, pages: Sequence[ConnectionsPage], viewer: Viewer
) -> list[list[Profile]]:
    """For each page request, the visible connections it asks for (one round trip)."""
    requests = [
        {"person": p.person, **page_param(p.window), "parts": p.parts.param()} for p in pages
    ]
    rows = await database.read(_CONNECTIONS_OF_PEOPLE, {"requests": requests, **viewer.params()})
    return [[Profile.from_row(item) for item in row["connections"]] for row in rows]


async def mutual_connections(
    database: Database,
    pairs: Sequence[tuple[str, str]],
    viewer: Viewer,
    *,
    limit: int = MAX_MUTUAL_CONNECTIONS,
) -> list[list[Person]]:
    """For each (a, b) pair, the connections both share that `viewer` may see (one round trip)."""
    params = {"pairs": [{"a": a, "b": b} for a, b in pairs], "limit": limit, **viewer.params()}
    rows = await database.read(_MUTUAL_CONNECTIONS, params)
    return [[Person.from_row(item) for item in row["people"]] for row in rows]


async def request_connection(
    database: Database, sender: str, target: str, *, daily_limit: int
) -> None:
    """Ask `target` to connect; checks and write in one transaction, under the sender's lock."""
    if sender == target:
        raise BadInput("you cannot connect to yourself", field="person")

    async def work(tx) -> None:  # type: ignore[no-untyped-def]
        await run(tx, _LOCK_PERSON, {"key": sender})
        (facts,) = await run(tx, _CONNECTION_FACTS, {"from": sender, "to": target})
        if not facts["target"]:
            raise NotFound(f"no person {target!r}")
        if facts["connected"]:
            raise Conflict(f"you are already connected to {target!r}")
        if facts["requested"]:
            raise Conflict(f"you already asked {target!r} to connect")
        if facts["reverse"]:
            raise Conflict(f"{target!r} already asked you: answer their request instead")
        if facts["sentToday"] >= daily_limit:
            raise Forbidden(f"at most {daily_limit} connection requests a day")
        await run(tx, _REQUEST_CONNECTION, {"from": sender, "to": target})

    await database.write_transaction(work)


async def respond_to_connection(
    database: Database, requester: str, responder: str, *, accept: bool
) -> bool:
    params = {"from": requester, "to": responder, "accept": accept}

    async def work(tx: AsyncManagedTransaction) -> tuple[bool, Changes]:
        rows = await run(tx, _RESPOND_CONNECTION, params)
        if not rows:
            raise NotFound(f"no pending connection request from {requester!r}")
        connected = bool(rows[0]["connected"])
        return connected, [Connected(requester, responder)] if connected else []

    return await write_changes(database, work)


async def remove_connection(database: Database, a: str, b: str) -> None:
    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        (row,) = await run(tx, _REMOVE_CONNECTION, {"a": a, "b": b})
        if row["removed"] == 0:
            raise NotFound(f"you are not connected to {b!r}")
        return None, [Disconnected(a, b)]

    await write_changes(database, work)
