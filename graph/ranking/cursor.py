"""Keyset cursors over rows ordered by `score DESC, key ASC`.

A cursor is the (score, key) of the last row a page returned, encoded as opaque
URL-safe text; the next page holds the rows strictly after it. Scores are
rounded by the statements, so a score read back compares equal to itself.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from typing import Any

from graph.errors import BadInput


@dataclass(frozen=True)
class ScoreCursor:
    score: float
    key: str

    def encode(self) -> str:
        raw = json.dumps([self.score, self.key], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, *, field: str = "after") -> ScoreCursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            score, key = json.loads(raw)
        except (binascii.Error, ValueError, TypeError) as exc:
            raise BadInput("malformed cursor", field=field) from exc
        if (
            isinstance(score, bool)
            or not isinstance(score, int | float)
            or not math.isfinite(score)
            or not isinstance(key, str)
        ):
            raise BadInput("malformed cursor", field=field)
        return cls(score=float(score), key=key)

    def params(self) -> dict[str, Any]:
        return {"score": self.score, "key": self.key}


def after_params(after: str | None) -> dict[str, Any] | None:
    """The `$after` parameter of a keyset-paginated statement."""
    return None if after is None else ScoreCursor.decode(after).params()
