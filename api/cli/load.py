"""`mentorgraph load synthetic | ego-facebook` and `mentorgraph stats`."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from api.cli.database import with_database
from api.cli.output import console, reports_errors
from graph.database import Database
from graph.loading import ego_facebook, synthetic
from graph.loading.rows import RowKind
from graph.server.admin import is_empty
from graph.server.migrations import migrate
from graph.server.stats import GraphStats, graph_stats
from graph.settings import Settings

app = typer.Typer(help="Load a graph into Neo4j (idempotent: a re-run changes nothing).")
T = TypeVar("T")
Report = Callable[[RowKind, int], None]


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        if task.finished and task.elapsed:
            speed: float | None = task.completed / task.elapsed  # the average, at the end
        else:
            speed = task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "… rows/s", style="cyan")


@contextmanager
def progress_bar(total: int | None) -> Iterator[Report]:
    """A bar of rows written (nodes and relationships) with the rate and current kind."""
    columns = (
        TextColumn("[bold]{task.description:<15}"),
        BarColumn(),
        TextColumn("{task.completed:>12,.0f} rows"),
        _RateColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, speed_estimate_period=10.0) as bar:
        task = bar.add_task("starting", total=total)

        def report(kind: RowKind, count: int) -> None:
            bar.update(task, advance=count, description=kind)

        yield report
        bar.update(task, description="done", total=bar.tasks[0].completed)


def _load(work: Callable[[Database], Awaitable[T]]) -> T:
    async def migrated(database: Database) -> T:
        await migrate(database)
        return await work(database)

    return with_database(Settings.from_env(), migrated)


@app.command("synthetic")
@reports_errors
def load_synthetic(
    people: int = typer.Option(..., "--people", help="How many people (1 to 5,000,000)."),
    seed: int = typer.Option(synthetic.DEMO_SEED, "--seed", help="Same seed, same graph."),
) -> None:
    """Generate a realistic graph of PEOPLE people and load it (streaming)."""
    synthetic.check_size(people)
    began = time.monotonic()
    with progress_bar(synthetic.expected_rows(people)) as report:
        written = _load(lambda db: synthetic.load(db, people, seed, progress=report))
    _summary(written, time.monotonic() - began)


@app.command("ego-facebook")
@reports_errors
def load_ego_facebook(
    path: Annotated[Path, typer.Option("--path", help="The ego-Facebook folder (SNAP's files).")],
    edges: Annotated[
        Path | None,
        typer.Option("--edges", help="An edge list to load instead of facebook_combined.txt."),
    ] = None,
) -> None:
    """Load SNAP's ego-Facebook graph: 4,039 people, their friendships and profiles."""
    began = time.monotonic()
    with progress_bar(None) as report:
        graph = _load(lambda db: ego_facebook.load(db, path, edges=edges, progress=report))
    _summary({kind: len(rows) for kind, rows in graph.rows.items()}, time.monotonic() - began)


@reports_errors
def stats(
    content_hash: bool = typer.Option(
        True, "--hash/--no-hash", help="Also hash the whole graph (reads all of it)."
    ),
) -> None:
    """Print counts per label and relationship type, a degree summary and a content hash."""
    result = with_database(Settings.from_env(), lambda db: graph_stats(db, with_hash=content_hash))
    print_stats(result)


def print_stats(result: GraphStats) -> None:
    table = Table("label / type", "count", title="graph")
    for label, count in result.labels.items():
        table.add_row(f"(:{label})", f"{count:,}")
    for kind, count in result.relationships.items():
        table.add_row(f"[:{kind}]", f"{count:,}")
    console.print(table)
    d = result.degrees
    console.print(
        f"KNOWS degree over {d.people:,} people: min {d.min}, p50 {d.p50}, p90 {d.p90}, "
        f"p99 {d.p99}, max {d.max}, mean {d.mean:.2f}"
    )
    if result.content_hash is not None:
        console.print(f"content hash: {result.content_hash}")


def _summary(written: dict[RowKind, int], seconds: float) -> None:
    total = sum(written.values())
    parts = ", ".join(f"{kind} {count:,}" for kind, count in written.items())
    console.print(
        f"loaded {total:,} rows in {seconds:.1f} s ({total / seconds:,.0f} rows/s): {parts}"
    )


def ensure_demo(settings: Settings) -> None:
    """Load the demo graph (the generator's, fixed seed) when the database is empty."""
    if not with_database(settings, is_empty):
        return
    console.print(f"empty database: loading the demo graph ({synthetic.DEMO_PEOPLE:,} people)")
    began = time.monotonic()
    people, seed = synthetic.DEMO_PEOPLE, synthetic.DEMO_SEED
    with progress_bar(synthetic.expected_rows(people)) as report:
        written = _load(lambda db: synthetic.load(db, people, seed, progress=report))
    _summary(written, time.monotonic() - began)
