"""Keyset pages: how many rows a page may ask for, and the one cursor format.

A cursor is the keyset of the last row a page returned (a key, an event's
`seq`, or a score and a key), written as URL-safe base64 of its JSON array;
the next page holds the rows strictly after it. Every list reads and writes
its cursors here, so a client sees one format. Scores are rounded by the
statements, so a score read back from a cursor compares equal to itself.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any, TypeAlias

from graph.errors import BadInput

MAX_FIRST = 100

Keyset: TypeAlias = tuple[str | int | float, ...]
ScoreKey: TypeAlias = tuple[float, str]
"""The keyset of rows ordered by `score DESC, key ASC` (the ranking's lists)."""


def check_first(first: int) -> int:
    if isinstance(first, bool) or not isinstance(first, int) or not 1 <= first <= MAX_FIRST:
        raise BadInput(f"first must be between 1 and {MAX_FIRST}", field="first")
    return first


def encode_cursor(keyset: Keyset) -> str:
    raw = json.dumps(list(keyset), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def key_after(cursor: str | None, *, field: str = "after") -> str | None:
    """The key in a cursor over rows ordered by key (or newest first by key)."""
    values = _keyset(cursor, (str,), field)
    return None if values is None else str(values[0])


def seq_after(cursor: str | None, *, field: str = "after") -> int | None:
    """The `seq` in a cursor over events."""
    values = _keyset(cursor, (int,), field)
    return None if values is None else int(values[0])


def score_after(cursor: str | None, *, field: str = "after") -> ScoreKey | None:
    """The (score, key) in a cursor over ranked rows."""
    values = _keyset(cursor, (float, str), field)
    return None if values is None else (float(values[0]), str(values[1]))


def score_param(after: ScoreKey | None) -> dict[str, Any] | None:
    """The `$after` map (`{score, key}`) of a statement over ranked rows."""
    return None if after is None else {"score": after[0], "key": after[1]}


def _keyset(cursor: str | None, kinds: tuple[type, ...], field: str) -> list[Any] | None:
    if cursor is None:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, TypeError) as exc:
        raise BadInput("the cursor is not valid", field=field) from exc
    if not (
        isinstance(values, list)
        and len(values) == len(kinds)
        and all(_is(value, kind) for value, kind in zip(values, kinds, strict=True))
    ):
        raise BadInput("the cursor is not valid", field=field)
    return values


def _is(value: object, kind: type) -> bool:
    if isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, int | float) and math.isfinite(value)
    return isinstance(value, kind)
