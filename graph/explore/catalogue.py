"""The analysts' saved explorations: `queries/explore/*.cypher` and their headers.

An exploration is named by its file name without `.cypher`. Its `//` header
declares what the runner needs, one field a line, an indented line continuing
the field above:

    // title: Mentor supply and demand per skill
    // description: For every skill, the people open to mentoring who hold it ...
    //   (continued)
    // param: minLevel int = 3 — the lowest skill level that counts
    // param: from string — the first person's key          (no default: required)
    // returns: skill, name, mentors, mentees
    // indexes: skill_key

Parameter types: `string`, `int`, `float`, `bool`, `date`, and `list<T>` of
those. A default is read as JSON when it parses (`3`, `null`, `["A", "B"]`),
else as text for the type (`2024-01-01`). The catalogue checks at load time
that the parameters declared are exactly the `$parameters` the statement uses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from graph.errors import BadInput, NotFound, StatementError
from graph.explore.params import Param, check_type
from graph.registry import Statement, statements_under

AREA = "explore"
_FIELDS = {"title", "description", "param", "returns", "indexes"}
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\S+)(?:\s*=\s*(?P<default>.+?))?$")
_SEPARATOR = " \u2014 "  # an em dash between a parameter's declaration and its description
_USED = re.compile(r"\$([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Exploration:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    statement: Statement

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise BadInput(
            f"exploration {self.name!r} has no parameter {name!r} (parameters: {known})",
            field=name,
        )

    def bind(self, values: dict[str, Any] | None = None, *, text: bool = False) -> dict[str, Any]:
        """Every parameter typed, defaults filled in; unknown or ill-typed values are BadInput."""
        given = dict(values or {})
        for name in given:
            self.param(name)
        bound: dict[str, Any] = {}
        for param in self.params:
            value = given.get(param.name)
            if value is None or (text and value == "" and param.type != "string"):
                if param.required:
                    raise BadInput(
                        f"exploration {self.name!r} needs parameter {param.name!r} "
                        f"({param.type}: {param.description})",
                        field=param.name,
                    )
                bound[param.name] = param.default
            else:
                bound[param.name] = param.coerce(value, text=text)
        return bound


def parse(stmt: Statement) -> Exploration:
    """Read an exploration's header; a malformed one is a StatementError naming the file."""
    name = stmt.name.removeprefix(f"{AREA}/")
    fields: list[tuple[str, str]] = []
    for line in stmt.header.splitlines():
        if line[:1].isspace() and fields:
            key, value = fields[-1]
            fields[-1] = (key, f"{value} {line.strip()}")
            continue
        key, sep, value = line.partition(":")
        if not sep or key not in _FIELDS:
            raise StatementError(f"exploration {name!r}: unexpected header line {line!r}")
        fields.append((key, value.strip()))
    single = {key: value for key, value in fields if key != "param"}
    for required in ("title", "description", "returns"):
        if not single.get(required):
            raise StatementError(f"exploration {name!r}: the header has no {required!r}")
    params = tuple(_param(name, value) for key, value in fields if key == "param")
    _check_used(name, stmt, params)
    columns = tuple(column.strip() for column in single["returns"].split(","))
    return Exploration(
        name=name,
        title=single["title"],
        description=single["description"],
        params=params,
        columns=columns,
        statement=stmt,
    )


def _param(exploration: str, text: str) -> Param:
    declaration, sep, description = text.partition(_SEPARATOR)
    match = _PARAM.match(declaration.strip())
    if not sep or match is None:
        raise StatementError(
            f"exploration {exploration!r}: parameter {text!r} should read "
            f"'name type [= default]{_SEPARATOR}description'"
        )
    try:
        check_type(match["type"])
    except ValueError as exc:
        raise StatementError(f"exploration {exploration!r}: {exc}") from exc
    param = Param(
        name=match["name"],
        type=match["type"],
        description=description.strip(),
        required=match["default"] is None,
    )
    if param.required:
        return param
    try:
        return replace(param, default=_default(param, match["default"]))
    except BadInput as exc:
        raise StatementError(f"exploration {exploration!r}: default of {exc}") from exc


def _default(param: Param, text: str) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return param.coerce(text, text=True)
    return None if value is None else param.coerce(value)


def _check_used(exploration: str, stmt: Statement, params: tuple[Param, ...]) -> None:
    body = "\n".join(line for line in stmt.text.splitlines() if not line.lstrip().startswith("//"))
    used = set(_USED.findall(body))
    declared = {param.name for param in params}
    if used != declared:
        raise StatementError(
            f"exploration {exploration!r}: the header declares {sorted(declared)} "
            f"but the statement uses {sorted(used)}"
        )


@cache
def catalogue() -> dict[str, Exploration]:
    """Every exploration by name, in name order (parsed once)."""
    explorations = (parse(stmt) for stmt in statements_under(AREA))
    return {exploration.name: exploration for exploration in explorations}


def exploration(name: str) -> Exploration:
    try:
        return catalogue()[name]
    except KeyError:
        raise NotFound(
            f"no exploration {name!r}; `mentorgraph cypher list` shows them all"
        ) from None
