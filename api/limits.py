"""Limits on what one operation may cost and how often one viewer may write.

Query cost: every field costs 1, multiplied by the page sizes (`first`) of the
connections it sits under, so `people(first: 100) { connections(first: 100) }`
costs about 10,000 while a screen of 10 by 10 costs about 100. An operation over
`max_query_cost` is refused before it runs.

Mutations: a sliding one-minute window per viewer (per client address when
anonymous), in this process; over it, `RATE_LIMITED`.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLArgument,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

from graph.errors import MentorgraphError


class TooCostly(MentorgraphError):
    """The operation would cost more than the configured limit."""


class RateLimited(MentorgraphError):
    """The viewer sent more mutations than allowed in the window."""


class MutationRateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._recent: defaultdict[str, deque[float]] = defaultdict(deque)

    def check(self, who: str) -> None:
        if self.per_minute <= 0:
            return
        now = time.monotonic()
        recent = self._recent[who]
        while recent and recent[0] <= now - 60.0:
            recent.popleft()
        if len(recent) >= self.per_minute:
            raise RateLimited(f"at most {self.per_minute} mutations a minute; try again shortly")
        recent.append(now)


class _CostWalker:
    """Walks one operation, multiplying each field by the page sizes above it."""

    def __init__(
        self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode], variables: Any
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables or {}

    def selection_cost(
        self, parent: GraphQLNamedType, selections: SelectionSetNode | None, multiplier: int
    ) -> int:
        if selections is None:
            return 0
        cost = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                cost += self.field_cost(parent, selection, multiplier)
                continue
            fragment: InlineFragmentNode | FragmentDefinitionNode | None = (
                self.fragments.get(selection.name.value)
                if isinstance(selection, FragmentSpreadNode)
                else selection  # type: ignore[assignment]
            )
            if fragment is None:
                continue
            target = parent
            if fragment.type_condition is not None:
                target = self.schema.get_type(fragment.type_condition.name.value) or parent
            cost += self.selection_cost(target, fragment.selection_set, multiplier)
        return cost

    def field_cost(self, parent: GraphQLNamedType, node: FieldNode, multiplier: int) -> int:
        fields = (
            parent.fields if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) else {}
        )
        definition = fields.get(node.name.value)
        if definition is None:  # __typename and the like
            return multiplier
        inner = multiplier
        if "first" in definition.args:
            inner = multiplier * max(1, self.page_size(definition.args["first"], node))
        child = get_named_type(definition.type)  # lists without `first` count once
        return multiplier + self.selection_cost(child, node.selection_set, inner)

    def page_size(self, argument: GraphQLArgument, node: FieldNode) -> int:
        given = next((a.value for a in node.arguments or () if a.name.value == "first"), None)
        value: Any = argument.default_value
        if isinstance(given, IntValueNode):
            value = int(given.value)
        elif isinstance(given, VariableNode):
            value = self.variables.get(given.name.value, value)
        return value if isinstance(value, int) else 1


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Any,
) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    return _CostWalker(schema, fragments, variables).selection_cost(
        root, operation.selection_set, 1
    )


class OperationLimits(SchemaExtension):
    """Refuses costly operations, and mutations over the viewer's rate, before they run."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        document = self.execution_context.graphql_document
        operation = _operation(document, self.execution_context.operation_name)
        if document is not None and operation is not None and context is not None:
            schema = self.execution_context.schema._schema
            cost = operation_cost(schema, document, operation, self.execution_context.variables)
            limit = context.api_settings.max_query_cost
            if cost > limit:
                raise TooCostly(f"this operation would cost {cost}, over the limit of {limit}")
            if operation.operation is OperationType.MUTATION:
                context.rate_limiter.check(context.rate_key())
        yield


def _operation(document: DocumentNode | None, name: str | None) -> OperationDefinitionNode | None:
    if document is None:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is not None:
        operations = [o for o in operations if o.name and o.name.value == name]
    return operations[0] if len(operations) == 1 else None
