"""Keys made by the product (requests, reports, changes, programmes, …)."""

from __future__ import annotations

import secrets
import time


def new_key(prefix: str) -> str:
    """A key that sorts by creation time, so newest-first pages can be keyed on it; the
    random part breaks ties between processes."""
    return f"{prefix}-{time.time_ns():020d}-{secrets.token_hex(4)}"
