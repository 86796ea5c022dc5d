"""Running analysts' Cypher safely: saved explorations, and ad-hoc reads.

Everything here runs in a managed READ transaction, so a statement that writes
is refused by the server and changes nothing (`Forbidden`); with a timeout
(`TimedOut`); and with a row cap: at most `limit` rows come back, and
`truncated` says whether more were there.

`exec_cypher` is the one place Cypher that is not a file in `queries/` runs:
the analyst's text is the point of it, so it is wrapped in a `Statement` at
run time. It is planned first (`EXPLAIN`, which runs nothing) and refused
unless the plan only reads: no writes, schema or administration commands,
`LOAD CSV` (it reads files on the server) or `TERMINATE TRANSACTIONS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database
from graph.errors import BadInput, Forbidden, QueryFailed, TimedOut
from graph.explore.catalogue import Exploration, catalogue, exploration
from graph.registry import Statement
from graph.values import plain

DEFAULT_ROW_LIMIT = 1_000
MAX_ROW_LIMIT = 100_000
MAX_TIMEOUT = 600.0
ANALYST_TIMEOUT = 60.0
"""The command line's default: analyses may take longer than the service's queries, whose
timeout (`MENTORGRAPH_QUERY_TIMEOUT`) applies when no timeout is given."""
_REFUSED_OPERATORS = {"LoadCSV": "LOAD CSV", "TerminateTransactions": "TERMINATE TRANSACTIONS"}
_SYNTAX_ERROR = "Neo.ClientError.Statement.SyntaxError"


@dataclass(frozen=True)
class ExplorationResult:
    columns: list[str]
    rows: list[list[Any]]
    """Row values in column order, JSON-ready (temporal values as ISO strings)."""
    truncated: bool
    """True when the statement had more rows than the limit."""

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def list_explorations() -> list[Exploration]:
    """The catalogue, in name order."""
    return list(catalogue().values())


def get_exploration(name: str) -> Exploration:
    """The exploration named `name` (its file name), or `NotFound`."""
    return exploration(name)


async def run_exploration(
    database: Database,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    text: bool = False,
    limit: int = DEFAULT_ROW_LIMIT,
    timeout: float | None = None,
) -> ExplorationResult:
    """Run a saved exploration with `params` typed from its header.

    `params` are JSON values (GraphQL), or strings from the command line when
    `text` is true (`"3"`, `"a,b"`, `"2024-01-01"`). Unknown names, missing
    required parameters and wrong types are `BadInput` naming the parameter.
    """
    found = exploration(name)
    if params is not None and not isinstance(params, Mapping):
        raise BadInput("params must be an object of parameter names to values", field="params")
    bound = found.bind(dict(params or {}), text=text)
    return await _run(database, found.statement, bound, limit=limit, timeout=timeout)


async def exec_cypher(
    database: Database,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    limit: int = DEFAULT_ROW_LIMIT,
    timeout: float | None = None,
) -> ExplorationResult:
    """Run an analyst's own read-only Cypher; anything but a read is `Forbidden`."""
    if not cypher.strip():
        raise BadInput("the Cypher statement is empty", field="cypher")
    stmt = Statement(name="exec", text=cypher, header="an analyst's ad-hoc Cypher")
    _check_limits(limit, timeout)
    await _refuse_unless_read(database, stmt, dict(params or {}), timeout)
    return await _run(database, stmt, dict(params or {}), limit=limit, timeout=timeout)


async def _run(
    database: Database,
    stmt: Statement,
    params: dict[str, Any],
    *,
    limit: int,
    timeout: float | None,
) -> ExplorationResult:
    _check_limits(limit, timeout)

    async def capped(tx: AsyncManagedTransaction) -> ExplorationResult:
        result = await tx.run(stmt.text, params)
        columns = list(result.keys())
        rows: list[list[Any]] = []
        async for record in result:
            if len(rows) == limit:
                return ExplorationResult(columns, rows, truncated=True)
            values = record.data()
            rows.append([plain(values[column]) for column in columns])
        return ExplorationResult(columns, rows, truncated=False)

    try:
        return await database.read_transaction(capped, timeout=timeout)
    except TimedOut as exc:
        seconds = timeout or database.timeout
        raise TimedOut(
            f"{_label(stmt)} stopped after its {seconds:g} s timeout; narrow it or allow "
            "more time (--timeout)"
        ) from exc


async def _refuse_unless_read(
    database: Database, stmt: Statement, params: dict[str, Any], timeout: float | None
) -> None:
    async def plan(tx: AsyncManagedTransaction) -> tuple[str, set[str]]:
        result = await tx.run(f"EXPLAIN {stmt.text}", params)
        summary = await result.consume()
        return str(summary.query_type), _operators(summary.plan)

    try:
        query_type, operators = await database.read_transaction(plan, timeout=timeout)
    except QueryFailed as exc:
        if exc.code != _SYNTAX_ERROR:
            raise
        # The message quotes the text with "EXPLAIN " in front: run the text alone to
        # report the error as the analyst wrote it. Text that does not parse runs nothing.
        await database.read(stmt, params, timeout=timeout)
        raise
    if query_type != "r":
        raise Forbidden(
            f"exec only reads, and this statement {_KINDS.get(query_type, 'does not only read')}; "
            "nothing was run"
        )
    for operator, clause in _REFUSED_OPERATORS.items():
        if operator in operators:
            raise Forbidden(f"exec does not run {clause}; nothing was run")


_KINDS = {"rw": "writes", "w": "writes", "s": "changes the schema or administers the server"}


def _operators(plan: Any) -> set[str]:
    if not plan:
        return set()
    found = {str(plan.get("operatorType", "")).split("@")[0]}
    for child in plan.get("children", []):
        found |= _operators(child)
    return found


def _check_limits(limit: int, timeout: float | None) -> None:
    if not 1 <= limit <= MAX_ROW_LIMIT:
        raise BadInput(f"limit must be between 1 and {MAX_ROW_LIMIT}, got {limit}", field="limit")
    if timeout is not None and not 0 < timeout <= MAX_TIMEOUT:
        raise BadInput(
            f"timeout must be above 0 and at most {MAX_TIMEOUT:g} s, got {timeout:g}",
            field="timeout",
        )


def _label(stmt: Statement) -> str:
    if stmt.name == "exec":
        return "the statement"
    return f"exploration {stmt.name.removeprefix('explore/')!r}"
