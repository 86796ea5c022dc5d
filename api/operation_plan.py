"""The fields an operation will run, found as graphql-core's executor finds them.

Limits must count what runs, not what the document spells: a page size may come
from a literal, a variable, a variable's default or the schema's default; fields
arrive through fragments, inline fragments and aliases, and `@skip`/`@include`
drop some. So the plan does not walk the document itself: it builds graphql-core's
own `Executor` (which coerces the variables, defaults included), collects fields
with graphql-core's `collect_fields` and reads arguments with `get_argument_values`,
the calls execution makes a moment later.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    Executor,
    GraphQLError,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    OperationType,
    get_argument_values,
    get_named_type,
    is_abstract_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList, collect_fields


@dataclass(frozen=True)
class PlannedField:
    """One response key of one object type, with the arguments execution will pass."""

    parent: GraphQLObjectType
    definition: GraphQLField
    arguments: dict[str, Any] | None
    """None when the arguments do not coerce: execution fails the field, runs nothing below."""
    details: FieldDetailsList

    @property
    def name(self) -> str:
        return self.details[0].node.name.value


class OperationPlan:
    def __init__(self, executor: Executor[Any]) -> None:
        self._executor = executor

    @classmethod
    def build(
        cls,
        schema: GraphQLSchema,
        document: DocumentNode,
        variables: dict[str, Any] | None,
        operation_name: str | None,
    ) -> OperationPlan | None:
        """The plan, or None when execution will refuse the request itself (bad variables)."""
        executor = Executor.build(
            schema, document, raw_variable_values=variables, operation_name=operation_name
        )
        return None if isinstance(executor, list) else cls(executor)

    @property
    def operation_type(self) -> OperationType:
        return self._executor.operation.operation

    def root_fields(self) -> list[PlannedField]:
        executor = self._executor
        root = executor.schema.get_root_type(self.operation_type)
        if root is None:
            return []
        collected = collect_fields(
            executor.schema,
            executor.fragments,
            executor.variable_values,
            root,
            executor.operation,
        )
        return self._planned(root, collected.grouped_field_set)

    def subfields(self, field: PlannedField) -> Iterator[list[PlannedField]]:
        """The fields below `field`, once for each object type it may return."""
        if field.arguments is None:
            return
        for runtime in self._runtime_types(field):
            collected = self._executor.collect_subfields(runtime, field.details)
            yield self._planned(runtime, collected.grouped_field_set)

    def _runtime_types(self, field: PlannedField) -> list[GraphQLObjectType]:
        named = get_named_type(field.definition.type)
        if is_abstract_type(named):
            return list(self._executor.schema.get_possible_types(named))
        return [named] if is_object_type(named) else []

    def walk(self) -> Iterator[PlannedField]:
        """Every field of the operation, parents before children, each possible type once."""
        pending = self.root_fields()
        while pending:
            field = pending.pop()
            yield field
            for children in self.subfields(field):
                pending.extend(children)

    def _planned(
        self, parent: GraphQLObjectType, grouped: dict[str, FieldDetailsList]
    ) -> list[PlannedField]:
        planned = []
        for details in grouped.values():
            node = details[0].node
            definition = parent.fields.get(node.name.value)
            if definition is None:  # __typename, __schema: no arguments worth counting
                continue
            planned.append(
                PlannedField(parent, definition, self._arguments(definition, details), details)
            )
        return planned

    def _arguments(
        self, definition: GraphQLField, details: FieldDetailsList
    ) -> dict[str, Any] | None:
        first = details[0]
        try:
            return get_argument_values(
                definition,
                first.node,
                self._executor.variable_values,
                first.fragment_variable_values,
            )
        except GraphQLError:
            return None
