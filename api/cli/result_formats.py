"""Printing an exploration's result as a table (rich), CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Any

from rich.table import Table

from api.cli.output import console, errors
from graph.explore.runner import ExplorationResult


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def render(result: ExplorationResult, format: Format, *, limit: int) -> None:
    """Rows to stdout; for a table or CSV, a truncation note to stderr."""
    if format is Format.json:
        document = {
            "columns": result.columns,
            "rows": result.records(),
            "truncated": result.truncated,
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    if format is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(value) for value in row] for row in result.rows)
    else:
        table = Table(*result.columns, header_style="bold")
        for row in result.rows:
            table.add_row(*(_cell(value) for value in row))
        console.print(table)
        console.print(f"{len(result.rows)} row{'' if len(result.rows) == 1 else 's'}")
    if result.truncated:
        errors.print(f"stopped at the first {limit} rows; more were found (raise --limit)")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
