"""What is in the graph: counts per label and relationship type, degrees, a content hash.

The content hash is order-independent: every node (labels, properties) and
every relationship (its ends' keys, type, properties) is hashed on its own and
the digests are added modulo 2**128, so two databases holding the same graph
have the same hash whatever order it was written in. It streams the rows
inside one read transaction, holding none of them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database
from graph.registry import Statement, statement

_LABELS = statement("stats/count_labels")
_TYPES = statement("stats/count_relationships")
_DEGREES = statement("stats/summarize_degrees")
_NODES = statement("stats/list_node_contents")
_RELATIONSHIPS = statement("stats/list_relationship_contents")
_LINKS = statement("stats/list_person_links")
_MODULUS = 2**128
HASH_TIMEOUT = 3600.0


@dataclass(frozen=True)
class Degrees:
    people: int
    min: int
    max: int
    mean: float
    p50: int
    p90: int
    p99: int


@dataclass(frozen=True)
class GraphStats:
    labels: dict[str, int]
    relationships: dict[str, int]
    degrees: Degrees
    content_hash: str | None


async def graph_stats(database: Database, *, with_hash: bool = True) -> GraphStats:
    # Labels and types known to the schema but unused (count 0) are left out.
    labels = {r["label"]: int(r["count"]) for r in await database.read(_LABELS) if r["count"]}
    types = {r["type"]: int(r["count"]) for r in await database.read(_TYPES) if r["count"]}
    row = (await database.read(_DEGREES, timeout=600.0))[0]
    degrees = Degrees(
        people=int(row["people"]),
        min=int(row["min"] or 0),
        max=int(row["max"] or 0),
        mean=float(row["mean"] or 0.0),
        p50=int(row["p50"] or 0),
        p90=int(row["p90"] or 0),
        p99=int(row["p99"] or 0),
    )
    digest = await content_hash(database) if with_hash else None
    return GraphStats(labels=labels, relationships=types, degrees=degrees, content_hash=digest)


async def content_hash(database: Database) -> str:
    """The order-independent hash of every node and relationship (hex, 32 digits)."""
    nodes = await database.read_transaction(_summing(_NODES, _node_text), timeout=HASH_TIMEOUT)
    rels = await database.read_transaction(
        _summing(_RELATIONSHIPS, _relationship_text), timeout=HASH_TIMEOUT
    )
    return f"{(nodes + rels) % _MODULUS:032x}"


def _summing(stmt: Statement, text: Any) -> Any:
    async def work(tx: AsyncManagedTransaction) -> int:
        total = 0
        result = await tx.run(stmt.text)
        async for record in result:
            digest = hashlib.blake2b(text(record).encode(), digest_size=16).digest()
            total += int.from_bytes(digest, "big")
        return total % _MODULUS

    return work


def _node_text(record: Any) -> str:
    return f"{sorted(record['labels'])}{_props(record['props'])}"


def _relationship_text(record: Any) -> str:
    return f"{record['a']}|{record['type']}|{record['b']}|{_props(record['props'])}"


def _props(props: dict[str, Any]) -> str:
    return repr(sorted((key, str(value)) for key, value in props.items()))


@dataclass(frozen=True)
class PersonLinks:
    key: str
    employers: list[str]
    schools: list[str]
    skills: list[str]
    """Skill names (readable), sorted."""
    wants: list[str]


async def person_links(database: Database, keys: list[str]) -> dict[str, PersonLinks]:
    """What the loaders wrote about these people (keys not found are left out)."""
    rows = await database.read(_LINKS, {"keys": keys})
    return {row["key"]: PersonLinks(**row) for row in rows}
