"""Limits on what one operation may hold, cost and write, checked before it runs.

All three count what execution will run (`api.operation_plan`): arguments as
execution coerces them (literals, variables, variables' defaults, the schema's
defaults), fields from fragments and under aliases, without what `@skip` drops.

Strings: no string argument, at any depth of an input or JSON value, is longer than
`max_string_length`; over it, `BAD_USER_INPUT` naming the argument.

Query cost: every field costs 1, multiplied by the number of items of each list
above it: the `first` of a page, or the bound a list field declares
(`api.list_bounds`). So `people(first: 100) { nodes { connections(first: 100) } }`
costs about 10,000 while a screen of 10 by 10 costs about 100. Over
`max_query_cost`: `QUERY_TOO_COSTLY`. The operations of a batch share one budget
(`CostBudget`): each is charged as it starts, and one that would take the batch's
total over the limit is refused.

Mutations: each top-level mutation field counts one, in a sliding one-minute window
per viewer (per client address when anonymous), shared through Redis when
`REDIS_URL` is set (`graph.rate_window`), else per process. An operation that would
go over the rate is refused whole: `RATE_LIMITED`, nothing written.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphql import GraphQLList, OperationType, get_nullable_type
from strawberry.extensions import SchemaExtension

from api.list_bounds import max_items
from api.operation_plan import OperationPlan, PlannedField
from api.pagination import page_size
from api.validation import overlong
from graph.errors import BadInput, MentorgraphError
from graph.rate_window import RateWindow, rate_window

if TYPE_CHECKING:
    from api.context import Context

_MINUTE = 60.0


class TooCostly(MentorgraphError):
    """The operation would cost more than the configured limit."""


class RateLimited(MentorgraphError):
    """The viewer sent more mutations than allowed in the window."""


class MutationRateLimiter:
    def __init__(self, per_minute: int, window: RateWindow) -> None:
        self.per_minute = per_minute
        self.window = window

    @classmethod
    def create(cls, per_minute: int, redis_url: str | None) -> MutationRateLimiter:
        return cls(per_minute, rate_window(redis_url, period=_MINUTE))

    async def check(self, who: str, count: int) -> None:
        """Take `count` mutations from `who`'s window, or refuse them all."""
        if self.per_minute <= 0 or count == 0:
            return
        if not await self.window.admit(f"mutations:{who}", count, self.per_minute):
            raise RateLimited(f"at most {self.per_minute} mutations a minute; try again shortly")

    async def close(self) -> None:
        await self.window.close()


@dataclass
class CostBudget:
    """What the operations of one request may cost together: one operation's, or a
    batch's summed."""

    limit: int
    spent: int = 0

    def charge(self, cost: int) -> None:
        """Take `cost` from what is left, or refuse the operation whole."""
        if self.spent + cost > self.limit:
            left = f"the {self.limit - self.spent} left of " if self.spent else ""
            raise TooCostly(
                f"this operation would cost {cost}, over {left}the limit of {self.limit}"
            )
        self.spent += cost


def operation_cost(plan: OperationPlan) -> int:
    return sum(_field_cost(plan, field, 1) for field in plan.root_fields())


def _field_cost(plan: OperationPlan, field: PlannedField, multiplier: int) -> int:
    inner = multiplier * _items(field)
    # Below an interface, the costliest of the object types it may turn out to be.
    below = (sum(_field_cost(plan, c, inner) for c in fields) for fields in plan.subfields(field))
    return multiplier + max(below, default=0)


def _items(field: PlannedField) -> int:
    """How many times the selection below `field` runs, for each time `field` does."""
    if "first" in field.definition.args:
        return page_size(field.arguments or {})
    if not isinstance(get_nullable_type(field.definition.type), GraphQLList):
        return 1
    bound = max_items(field.definition)
    if bound is None:  # tests/api/test_list_bounds.py keeps this from happening
        raise TypeError(f"{field.parent.name}.{field.name} declares no MaxItems")
    return 1 if bound.paged else bound.limit


def check_strings(plan: OperationPlan, max_length: int) -> None:
    for field in plan.walk():
        for name, value in (field.arguments or {}).items():
            where = overlong(value, path=name, max_length=max_length)
            if where is not None:
                raise BadInput(
                    f"{field.name}({where}) is longer than {max_length} characters", field=where
                )


def mutation_count(plan: OperationPlan) -> int:
    """Top-level mutation fields that will run (each alias runs its own)."""
    return len(plan.root_fields()) if plan.operation_type is OperationType.MUTATION else 0


class OperationLimits(SchemaExtension):
    """Refuses long strings, costly operations and mutations over the rate, before they run."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context: Context | None = execution.context
        plan = None
        if execution.graphql_document is not None and context is not None:
            plan = OperationPlan.build(
                execution.schema._schema,
                execution.graphql_document,
                execution.variables,
                execution.operation_name,
            )
        if plan is not None and context is not None:
            limits = context.api_settings
            check_strings(plan, limits.max_string_length)
            budget = context.batch_cost or CostBudget(limits.max_query_cost)
            budget.charge(operation_cost(plan))
            await context.rate_limiter.check(context.rate_key(), mutation_count(plan))
        yield
