"""`mentorgraph cypher list | show | run | exec`: analysts' read-only Cypher."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Column, Table

from api.cli.database import with_database
from api.cli.output import console, reports_errors
from api.cli.result_formats import Format, render
from graph.errors import BadInput
from graph.explore.params import Param
from graph.explore.runner import (
    ANALYST_TIMEOUT,
    DEFAULT_ROW_LIMIT,
    MAX_ROW_LIMIT,
    MAX_TIMEOUT,
    exec_cypher,
    get_exploration,
    list_explorations,
    run_exploration,
)
from graph.settings import Settings

app = typer.Typer(
    help="Run the saved explorations of queries/explore/, or your own read-only Cypher.",
    no_args_is_help=True,
)

Params = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A parameter as name=value; repeat for more."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="How to print the rows.")]
Limit = Annotated[
    int, typer.Option(help="The most rows to return (the row cap).", min=1, max=MAX_ROW_LIMIT)
]
Timeout = Annotated[
    float, typer.Option(help="Seconds before the query is stopped.", min=0.001, max=MAX_TIMEOUT)
]


@app.command("list")
@reports_errors
def list_command() -> None:
    """The saved explorations: name, title and parameters."""
    table = Table(Column("name", no_wrap=True), "title", "parameters", header_style="bold")
    for exploration in list_explorations():
        params = ", ".join(_signature(param) for param in exploration.params)
        table.add_row(exploration.name, exploration.title, escape(params))
    console.print(table)


@app.command()
@reports_errors
def show(name: Annotated[str, typer.Argument(help="The exploration's name.")]) -> None:
    """An exploration's description, parameters, columns and Cypher."""
    exploration = get_exploration(name)
    console.print(f"[bold]{escape(exploration.title)}[/] ({exploration.name})")
    console.print(escape(exploration.description), highlight=False)
    console.print("\n[bold]parameters[/]")
    for param in exploration.params or ():
        console.print(
            f"  {escape(_signature(param))}: {escape(param.description)}", highlight=False
        )
    if not exploration.params:
        console.print("  none")
    console.print(f"\n[bold]returns[/] {', '.join(exploration.columns)}\n")
    lines = exploration.statement.text.rstrip().splitlines()
    body = "\n".join(line for line in lines if not line.lstrip().startswith("//"))
    console.print(escape(body), highlight=False, soft_wrap=True)


@app.command()
@reports_errors
def run(
    name: Annotated[str, typer.Argument(help="The exploration's name (`cypher list`).")],
    param: Params = None,
    format: FormatOption = Format.table,
    limit: Limit = DEFAULT_ROW_LIMIT,
    timeout: Timeout = ANALYST_TIMEOUT,
) -> None:
    """Run a saved exploration in a read transaction."""
    params = _assignments(param or [])
    result = with_database(
        Settings.from_env(),
        lambda db: run_exploration(db, name, params, text=True, limit=limit, timeout=timeout),
    )
    render(result, format, limit=limit)


@app.command("exec")
@reports_errors
def exec_command(
    cypher: Annotated[str, typer.Argument(help="The Cypher to run; it may only read.")],
    param: Params = None,
    format: FormatOption = Format.table,
    limit: Limit = DEFAULT_ROW_LIMIT,
    timeout: Timeout = ANALYST_TIMEOUT,
) -> None:
    """Run your own Cypher in a read transaction (values given as JSON, else text)."""
    params = {key: _json_or_text(value) for key, value in _assignments(param or []).items()}
    result = with_database(
        Settings.from_env(),
        lambda db: exec_cypher(db, cypher, params, limit=limit, timeout=timeout),
    )
    render(result, format, limit=limit)


def _signature(param: Param) -> str:
    if param.required:
        return f"{param.name} {param.type}"
    return f"{param.name} {param.type} = {json.dumps(param.default, default=str)}"


def _assignments(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BadInput(f"--param takes name=value, got {pair!r}", field="param")
        params[key.strip()] = value
    return params


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value
