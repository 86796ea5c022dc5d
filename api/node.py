"""Relay global IDs: `base64("Type:key")`."""

from __future__ import annotations

import base64
import binascii
import json

import strawberry

from graph.errors import BadInput


@strawberry.interface(
    description=(
        "An object with a global ID (Relay): an entity a client may cache and refetch with "
        "`node(id:)`. Types without an `id` (signals, skill paths, employment, learning "
        "paths, payloads) are values embedded in their parent: reading the "
        "parent again replaces them (docs/model.md)."
    )
)
class Node:
    @strawberry.field(description="The global ID; `Query.node(id:)` finds the object again.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_id(type(self).__name__, self.key))  # type: ignore[attr-defined]


def global_id(type_name: str, key: str) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


def parse_global_id(value: str) -> tuple[str, str]:
    try:
        type_name, _, key = base64.b64decode(value, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadInput("not a global ID", field="id") from exc
    if not type_name or not key:
        raise BadInput("not a global ID", field="id")
    return type_name, key


def pair_key(first: str, second: str) -> str:
    """The key of an object of two people (a match: mentee, mentor), as JSON.

    Person keys may hold `:` (`api.validation.KEY_PATTERN`), so no separator would split
    every pair one way; JSON does, whatever the keys hold.
    """
    return json.dumps([first, second], separators=(",", ":"))


def read_pair_key(key: str) -> tuple[str, str] | None:
    """The two keys of `pair_key`, or `None` when `key` is no pair (nobody's, then)."""
    try:
        pair = json.loads(key)
    except ValueError:
        return None
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(k, str) for k in pair):
        return pair[0], pair[1]
    return None
