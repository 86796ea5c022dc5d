"""Driver values as Python: native temporal types, or JSON-ready data."""

from __future__ import annotations

from typing import Any


def native(value: Any) -> Any:
    """A Neo4j date or datetime as `datetime.date` / `datetime.datetime`; anything else as is."""
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native is not None else value


def plain(value: Any) -> Any:
    """A driver value as JSON-ready Python: temporal values become ISO-8601 strings."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    iso_format = getattr(value, "iso_format", None) or getattr(value, "isoformat", None)
    if iso_format is not None:
        return str(iso_format())
    return str(value)
