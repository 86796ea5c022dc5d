"""Keyset pages: which rows a page asks for, how many it may, and the one cursor format.

A cursor is the keyset of a row (a key, an event's `seq`, or a score and a key),
written as URL-safe base64 of its JSON array. A page reads forwards (`first`,
`after`: the rows strictly after the cursor) or backwards (`last`, `before`: the
rows strictly before it), by keyset both ways, never by offset. Every list reads
and writes its cursors here, so a client sees one format. Scores are rounded by
the statements, so a score read back from a cursor compares equal to itself.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

from graph.errors import BadInput
from graph.text import is_text

MAX_FIRST = 100
"""The most rows a page may ask for, forwards (`first`) or backwards (`last`)."""
DEFAULT_SIZE = 10
"""The rows of a page that names neither `first` nor `last`."""

Keyset: TypeAlias = tuple[str | int | float, ...]
ScoreKey: TypeAlias = tuple[float, str]
"""The keyset of rows ordered by `score DESC, key ASC` (the ranking's lists)."""

C = TypeVar("C")


@dataclass(frozen=True)
class Window(Generic[C]):
    """The rows one page asks for.

    Forwards: up to `size` rows strictly after `cursor` (from the start without one),
    in the list's order. Backwards: up to `size` rows strictly before `cursor` (from the
    end without one), nearest the cursor first: the statement reads the list the other
    way, and `api.pagination.connection` turns the page back into the list's order.
    Either way a statement returns up to `limit` rows: the one past the page only tells
    that there is more in the direction read.
    """

    size: int = DEFAULT_SIZE
    cursor: C | None = None
    backward: bool = False

    @property
    def limit(self) -> int:
        return self.size + 1

    def bounds(self, value: Callable[[C], Any] = lambda cursor: cursor) -> dict[str, Any]:
        """A statement's `$after` and `$before`: the cursor on its side, null on the other."""
        bound = None if self.cursor is None else value(self.cursor)
        return {
            "after": None if self.backward else bound,
            "before": bound if self.backward else None,
        }


FIRST_PAGE: Window[Any] = Window()
"""The default window: the first `DEFAULT_SIZE` rows."""


def window(
    read: Callable[[str | None, str], C | None],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Window[C]:
    """The window of a connection's arguments; `read` reads its kind of cursor.

    `first`/`after` page forwards and `last`/`before` backwards; a page goes one way, so
    mixing the two pairs is BAD_USER_INPUT. Neither size given: `DEFAULT_SIZE` rows.
    """
    if first is not None and last is not None:
        raise BadInput("give first or last, not both", field="last")
    if after is not None and before is not None:
        raise BadInput("give after or before, not both", field="before")
    if last is not None or before is not None:
        if first is not None or after is not None:
            field = "first" if first is not None else "after"
            raise BadInput(f"{field} pages forwards, last and before backwards", field=field)
        size = DEFAULT_SIZE if last is None else check_first(last, field="last")
        return Window(size, read(before, "before"), backward=True)
    size = DEFAULT_SIZE if first is None else check_first(first)
    return Window(size, read(after, "after"))


def check_first(first: int, *, field: str = "first") -> int:
    if isinstance(first, bool) or not isinstance(first, int) or not 1 <= first <= MAX_FIRST:
        raise BadInput(f"{field} must be between 1 and {MAX_FIRST}", field=field)
    return first


def encode_cursor(keyset: Keyset) -> str:
    raw = json.dumps(list(keyset), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_key(cursor: str | None, field: str = "after") -> str | None:
    """The key in a cursor over rows ordered by key (or newest first by key)."""
    values = _keyset(cursor, (str,), field)
    return None if values is None else str(values[0])


def read_seq(cursor: str | None, field: str = "after") -> int | None:
    """The `seq` in a cursor over events."""
    values = _keyset(cursor, (int,), field)
    return None if values is None else int(values[0])


def read_score(cursor: str | None, field: str = "after") -> ScoreKey | None:
    """The (score, key) in a cursor over ranked rows."""
    values = _keyset(cursor, (float, str), field)
    return None if values is None else (float(values[0]), str(values[1]))


def score_param(bound: ScoreKey) -> dict[str, Any]:
    """The `$after`/`$before` map (`{score, key}`) of a statement over ranked rows."""
    return {"score": bound[0], "key": bound[1]}


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
    if kind is str:
        return isinstance(value, str) and is_text(value)
    return isinstance(value, kind)
