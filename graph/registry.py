"""The catalogue of Cypher statements: every statement lives in `queries/`.

A statement is named by its path below `queries/` without `.cypher`
(`"ranking/mentor_matches"`). Modules load the statements they run at import
time with `statement(name)`, so a missing or unreadable file stops the process
at start-up with the file's name rather than at the first request.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import StatementError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


@dataclass(frozen=True)
class Statement:
    name: str
    text: str
    header: str
    """The leading `//` comment block: what it does, parameters, columns."""


def _header(text: str) -> str:
    header: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        header.append(stripped[2:].removeprefix(" "))
    return "\n".join(header)


@cache
def statement(name: str) -> Statement:
    """Return the statement stored in `queries/<name>.cypher`."""
    path = QUERIES_DIR / f"{name}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise StatementError(f"Cypher statement {name!r} not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise StatementError(f"Cypher statement {name!r} unreadable: {path}: {exc}") from exc
    header = _header(text)
    code = [line for line in text.splitlines() if not line.strip().startswith("//")]
    if not "".join(code).strip():
        raise StatementError(f"Cypher statement {name!r} is empty: {path}")
    return Statement(name=name, text=text, header=header)


def statements_under(area: str) -> list[Statement]:
    """Every statement in `queries/<area>/`, sorted by name."""
    folder = QUERIES_DIR / area
    if not folder.is_dir():
        raise StatementError(f"no Cypher folder {folder}")
    return [statement(f"{area}/{path.stem}") for path in sorted(folder.glob("*.cypher"))]


def all_statement_names() -> list[str]:
    return sorted(
        str(path.relative_to(QUERIES_DIR).with_suffix("")) for path in QUERIES_DIR.rglob("*.cypher")
    )
