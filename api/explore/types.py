"""GraphQL types of the analysts' explorations."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from api.list_bounds import MaxItems
from graph.explore import catalogue, runner

MAX_PARAMS = 20
MAX_COLUMNS = 50


@strawberry.type(description="A parameter of an exploration; required unless it has a default.")
class ExplorationParam:
    name: str
    type: str
    description: str
    required: bool
    default: JSON | None


@strawberry.type(description="A saved, parameterised, read-only Cypher exploration.")
class Exploration:
    name: str
    title: str
    description: str
    params: list[ExplorationParam] = strawberry.field(extensions=[MaxItems(MAX_PARAMS)])
    columns: list[str] = strawberry.field(extensions=[MaxItems(MAX_COLUMNS)])

    @classmethod
    def from_record(cls, record: catalogue.Exploration) -> Exploration:
        return cls(
            name=record.name,
            title=record.title,
            description=record.description,
            params=[
                ExplorationParam(
                    name=p.name,
                    type=p.type,
                    description=p.description,
                    required=p.required,
                    default=p.default,
                )
                for p in record.params
            ],
            columns=list(record.columns),
        )


@strawberry.type(description="An exploration's answer: rows in column order.")
class ExplorationResult:
    columns: list[str] = strawberry.field(extensions=[MaxItems(MAX_COLUMNS)])
    rows: list[JSON] = strawberry.field(extensions=[MaxItems(runner.MAX_ROW_LIMIT)])
    truncated: bool = strawberry.field(description="True when the row limit cut the answer.")

    @classmethod
    def from_record(cls, record: runner.ExplorationResult) -> ExplorationResult:
        rows: list[JSON] = [JSON(row) for row in record.rows]
        return cls(columns=record.columns, rows=rows, truncated=record.truncated)
