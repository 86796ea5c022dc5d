"""The catalogue of Cypher statements: every statement lives in `queries/`.

A statement is named by its path below `queries/` without `.cypher`
(`"ranking/mentor_matches"`). Modules load the statements they run at import
time with `statement(name)`, so a missing or unreadable file stops the process
at start-up with the file's name rather than at the first request.

A rule the product applies in many statements (who may see whom, who may be
suggested as a mentor) is written once, in `queries/rules/<rule>.cypher`, as a
Cypher predicate over the variables its header names between double braces.
A statement applies it as `{{rule(a, b)}}`: the registry puts the rule's text
in its place, in parentheses, with the statement's variables for the rule's.
Only static text is composed (rule bodies and variable names, checked to be
identifiers), never a value: values stay `$parameters`.

A statement over a keyset page reads the list either way (`graph.pages.Window`):
where the two readings differ it writes `{{forwards|backwards}}`, the text of each.
`paged_statement(name)` composes both fixed texts at import time, so each has its own
cached plan and the forward one is exactly the statement as written for forward pages;
`statement(name)` of such a file is its forward reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import StatementError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
RULES = "rules"
"""The folder of rules: predicates composed into statements, never run alone."""

_APPLY = re.compile(r"\{\{\s*(\w+)\(([^(){}]*)\)\s*\}\}")
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CHOICE = re.compile(r"\{\{([^{}|]*)\|([^{}|]*)\}\}")


@dataclass(frozen=True)
class Statement:
    name: str
    text: str
    """What runs: the file with every rule it applies composed in."""
    header: str
    """The leading `//` comment block: what it does, parameters, columns."""


@dataclass(frozen=True)
class Rule:
    name: str
    arguments: tuple[str, ...]
    body: str


def _header(text: str) -> str:
    header: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        header.append(stripped[2:].removeprefix(" "))
    return "\n".join(header)


def _code(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


def _read(name: str) -> str:
    path = QUERIES_DIR / f"{name}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise StatementError(f"Cypher statement {name!r} not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise StatementError(f"Cypher statement {name!r} unreadable: {path}: {exc}") from exc
    if not _code(text).strip():
        raise StatementError(f"Cypher statement {name!r} is empty: {path}")
    return text


@cache
def rule(name: str) -> Rule:
    """The rule in `queries/rules/<name>.cypher`, the rules it applies composed in."""
    return _rule(name, ())


def _rule(name: str, applying: tuple[str, ...]) -> Rule:
    if name in applying:
        raise StatementError(f"rules apply each other in a circle: {' -> '.join(applying)}")
    text = _read(f"{RULES}/{name}")
    arguments = re.search(r"^//\s*Arguments:\s*(.+)$", text, re.MULTILINE)
    if arguments is None:
        raise StatementError(f"rule {name!r} names no `// Arguments:` in its header")
    names = re.sub(r"\([^)]*\)", "", arguments.group(1))
    declared = tuple(_IDENTIFIER.findall(names))
    body = _compose(_code(text).strip(), f"rule {name!r}", (*applying, name), declared)
    used = set(_PLACEHOLDER.findall(body))
    if used != set(declared):
        raise StatementError(
            f"rule {name!r} declares arguments {sorted(declared)} but uses {sorted(used)}"
        )
    return Rule(name=name, arguments=declared, body=body)


def _compose(text: str, within: str, applying: tuple[str, ...], own: tuple[str, ...] = ()) -> str:
    """Apply each rule in `text`; within a rule, its own arguments stay placeholders."""

    def apply(match: re.Match[str]) -> str:
        name, given = match.group(1), [arg.strip() for arg in match.group(2).split(",")]
        applied = _rule(name, applying)
        if len(given) != len(applied.arguments) or not all(
            _IDENTIFIER.fullmatch(arg) for arg in given
        ):
            raise StatementError(
                f"{within}: {name}(...) takes the variables {', '.join(applied.arguments)}, "
                f"not {match.group(2)!r}"
            )
        variables = {
            argument: "{{" + var + "}}" if var in own else var
            for argument, var in zip(applied.arguments, given, strict=True)
        }
        return "(" + _PLACEHOLDER.sub(lambda m: variables[m.group(1)], applied.body) + ")"

    return _APPLY.sub(apply, text)


def compose(text: str, *, within: str) -> str:
    """`text` with every `{{rule(variables)}}` replaced by the rule's predicate."""
    return _compose(text, within, ())


@dataclass(frozen=True)
class PagedStatement:
    """The two readings of a statement over a keyset page."""

    forward: Statement
    backward: Statement

    def reading(self, *, backward: bool) -> Statement:
        return self.backward if backward else self.forward


def reading(text: str, *, backward: bool) -> str:
    """One reading of a statement's text: each `{{forwards|backwards}}` replaced by one side."""
    return _CHOICE.sub(lambda choice: choice.group(2 if backward else 1), text)


@cache
def statement(name: str, *, backward: bool = False) -> Statement:
    """Return the statement stored in `queries/<name>.cypher`, its rules composed in."""
    if name.startswith(f"{RULES}/"):
        raise StatementError(f"{name!r} is a rule: statements apply it, it does not run alone")
    text = _read(name)
    composed = compose(reading(text, backward=backward), within=f"statement {name!r}")
    if "{{" in _code(composed):
        raise StatementError(f"Cypher statement {name!r} has a malformed {{{{rule(...)}}}}")
    return Statement(name=name, text=composed, header=_header(text))


def paged_statement(name: str) -> PagedStatement:
    """Both readings of a statement over a keyset page (see the module's docstring)."""
    if not _CHOICE.search(_code(_read(name))):
        raise StatementError(f"Cypher statement {name!r} reads one way: it has no {{{{a|b}}}}")
    return PagedStatement(statement(name), statement(name, backward=True))


def statements_under(area: str) -> list[Statement]:
    """Every statement in `queries/<area>/`, sorted by name."""
    folder = QUERIES_DIR / area
    if not folder.is_dir():
        raise StatementError(f"no Cypher folder {folder}")
    return [statement(f"{area}/{path.stem}") for path in sorted(folder.glob("*.cypher"))]


def all_statement_names() -> list[str]:
    """Every statement that runs (rules are composed into them, not run alone)."""
    return sorted(
        str(path.relative_to(QUERIES_DIR).with_suffix(""))
        for path in QUERIES_DIR.rglob("*.cypher")
        if path.parent.name != RULES
    )


def all_rule_names() -> list[str]:
    return sorted(path.stem for path in (QUERIES_DIR / RULES).glob("*.cypher"))
