"""Checks on free text from clients: length, and no control characters."""

from __future__ import annotations

import re
import unicodedata

from graph.errors import BadInput

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,185}\.[^@\s]{2,63}$")


def text(value: str | None, *, field: str, max_length: int, required: bool = False) -> str | None:
    """Normalised text, or `BAD_USER_INPUT` naming the field."""
    if value is None:
        if required:
            raise BadInput(f"{field} is required", field=field)
        return None
    value = unicodedata.normalize("NFC", value).strip()
    if required and not value:
        raise BadInput(f"{field} must not be empty", field=field)
    if len(value) > max_length:
        raise BadInput(f"{field} is longer than {max_length} characters", field=field)
    if any(unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"} for char in value):
        raise BadInput(f"{field} contains control characters", field=field)
    return value


def key(value: str, *, field: str) -> str:
    if not KEY_PATTERN.match(value):
        raise BadInput(f"{field} is not a valid key", field=field)
    return value


def text_list(
    values: list[str] | None, *, field: str, max_items: int, max_length: int
) -> tuple[str, ...] | None:
    if values is None:
        return None
    if len(values) > max_items:
        raise BadInput(f"at most {max_items} items in {field}", field=field)
    return tuple(text(v, field=field, max_length=max_length, required=True) or "" for v in values)


def email(value: str | None, *, field: str = "email") -> str | None:
    value = text(value, field=field, max_length=254)
    if value is not None and not EMAIL_PATTERN.match(value):
        raise BadInput(f"{field} is not an e-mail address", field=field)
    return value


def overlong(value: object, *, path: str, max_length: int) -> str | None:
    """Where `value` holds a string over `max_length`, at any depth (inputs, lists, JSON)."""
    if isinstance(value, str):
        return path if len(value) > max_length else None
    if isinstance(value, dict):  # JSON's keys are client text too
        items = [(path, k) for k in value] + [(f"{path}.{k}", v) for k, v in value.items()]
    elif isinstance(value, list | tuple):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
    else:
        return None
    return next(
        (found for p, v in items if (found := overlong(v, path=p, max_length=max_length))), None
    )
