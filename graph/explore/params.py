"""Typing an exploration's parameters: from CLI text, or from JSON values (GraphQL).

A wrong type is a `BadInput` naming the parameter, before any Cypher runs, so
an analyst never sees a Cypher type error for a mistyped `--param`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.errors import BadInput

SCALARS = ("string", "int", "float", "bool", "date")
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    """`string`, `int`, `float`, `bool`, `date` or `list<...>` of those."""
    description: str
    required: bool
    default: Any = None

    def coerce(self, value: Any, *, text: bool = False) -> Any:
        """The value typed for Cypher: from a CLI string when `text`, else from JSON."""
        return from_text(self, value) if text else from_json(self, value)


def check_type(name: str) -> None:
    """Raise ValueError unless `name` is a parameter type the runner knows."""
    element = _element(name)
    if (element or name) not in SCALARS:
        raise ValueError(f"unknown parameter type {name!r} (known: {', '.join(SCALARS)}, list<T>)")


def from_text(param: Param, raw: str) -> Any:
    """`--param name=raw`: a list is comma-separated; a bool is true/false/yes/no/1/0."""
    element = _element(param.type)
    if element is None:
        return _scalar_from_text(param, param.type, raw)
    items = [item.strip() for item in raw.split(",")]
    return [_scalar_from_text(param, element, item) for item in items if item]


def from_json(param: Param, value: Any) -> Any:
    """A JSON value (a date as an ISO string); no silent conversion between types."""
    element = _element(param.type)
    if element is None:
        return _scalar_from_json(param, param.type, value)
    if not isinstance(value, list):
        raise _wrong(param, value)
    return [_scalar_from_json(param, element, item) for item in value]


def _element(type_name: str) -> str | None:
    if type_name.startswith("list<") and type_name.endswith(">"):
        return type_name[5:-1]
    return None


def _scalar_from_text(param: Param, type_name: str, raw: str) -> Any:
    text = raw.strip()
    try:
        if type_name == "string":
            return raw
        if type_name == "bool" and text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        parse: Callable[[str], Any] | None = _TEXT.get(type_name)
        if parse is not None:
            return parse(text)
    except ValueError:
        pass
    raise _wrong(param, raw)


def _scalar_from_json(param: Param, type_name: str, value: Any) -> Any:
    if type_name == "string" and isinstance(value, str):
        return value
    if type_name == "bool" and isinstance(value, bool):
        return value
    if type_name == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if type_name == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if type_name == "date":
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
    raise _wrong(param, value)


_TEXT: dict[str, Callable[[str], Any]] = {"int": int, "float": float, "date": date.fromisoformat}

_EXPECTED = {
    "string": ("a string", "strings"),
    "int": ("an integer", "integers"),
    "float": ("a number", "numbers"),
    "bool": ("true or false", "true/false values"),
    "date": ("a date (YYYY-MM-DD)", "dates (YYYY-MM-DD)"),
}


def _wrong(param: Param, value: Any) -> BadInput:
    element = _element(param.type)
    expected = f"a list of {_EXPECTED[element][1]}" if element else _EXPECTED[param.type][0]
    return BadInput(f"parameter {param.name!r} must be {expected}, got {value!r}", field=param.name)
