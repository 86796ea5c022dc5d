"""Look-ahead: what a screen will ask of the people a field returns, read before it runs.

Resolved level by level, a page of people with their skills, employment and connections
costs a round trip per level. The fields that start screens (`people`, `person`,
`viewer`, `node`, `Person.connections`) read their own selection set first, into a
`graph.screens.Screen`, and fetch the nested parts it names in their own statement; they
prime the DataLoaders with them (`Loaders.prime`), so the nested resolvers find their data
without a round trip. What the look-ahead does not cover (a second page of connections
under another alias, connections of connections, mutual connections...) falls back to the
loaders, as it would without it: correct, one more round trip.

`mentorMatches` reads its selection too (`asks_match_evidence`): a stored page is read
without the matches' evidence when no field of `MATCH_EVIDENCE` is shown. There a miss is
no fallback but an error (`MentorMatch` refuses to show evidence it was not given), so
`tests/api/test_stored_pages.py` asks every field of `MentorMatch`, in every way of
selecting it, against an app with the look-ahead off.

The selection is read as graphql-core's executor reads it (`collect_subfields`,
`get_argument_values`), not from Strawberry's `info.selected_fields`, which keeps
fragment spreads unexpanded and fields under `@include(if: false)` / `@skip(if: true)`.
`MENTORGRAPH_LOOKAHEAD=off` turns it off (each level its own round trip again).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLError,
    GraphQLField,
    GraphQLObjectType,
    GraphQLResolveInfo,
    get_argument_values,
    get_named_type,
    is_object_type,
)
from graphql.execution.collect_fields import (
    FieldDetails,
    FieldDetailsList,
    FragmentDetails,
    collect_subfields,
)
from graphql.execution.values import VariableValues

from api.context import Context, Info
from graph.errors import BadInput
from graph.pages import read_key, window
from graph.screens import NO_PARTS, PLAIN, Parts, Screen

_PERSON = "Person"
_Fields = list[tuple[GraphQLField, FieldDetailsList]]


def person_screen(info: Info) -> Screen:
    """What the selection asks of the Person a field returns (`person`, `viewer`, `node`)."""
    selection = _Selection.of(info)
    return PLAIN if selection is None else selection.screen(selection.root)


def people_screen(info: Info) -> Screen:
    """What the selection asks of each Person of a connection field's page (`people`)."""
    selection = _Selection.of(info)
    return PLAIN if selection is None else selection.screen(selection.root_nodes())


MATCH_EVIDENCE = frozenset({"mutualConnections", "skillPaths", "sharedEmployers"})
"""The fields of a `MentorMatch` read from its evidence (`graph.ranking.types.Evidence`)."""


def asks_match_evidence(info: Info) -> bool:
    """Whether the selection of a `mentorMatches` field shows any match's evidence; so
    with the look-ahead off."""
    selection = _Selection.of(info)
    if selection is None:
        return True
    connection = get_named_type(info._raw_info.return_type)
    assert is_object_type(connection), "mentorMatches returns a connection"
    match = get_named_type(connection.fields["nodes"].type)
    assert is_object_type(match), "a connection's nodes are objects"
    return not MATCH_EVIDENCE.isdisjoint(selection.names(match, selection.root_nodes()))


def connection_parts(info: Info) -> Parts:
    """The nested parts a `Person.connections` field asks of each of its people."""
    selection = _Selection.of(info)
    return NO_PARTS if selection is None else selection.parts(selection.root_nodes())


class _Selection:
    """One field's selection set, fragments and directives applied as execution will."""

    def __init__(self, raw: GraphQLResolveInfo[Context], person: GraphQLObjectType) -> None:
        self._raw = raw
        # Strawberry hands resolvers the coerced values alone; graphql-core's helpers take
        # its container (its sources serve variables inside input-object literals: the
        # arguments read here are scalars).
        values: Any = raw.variable_values
        coerced: dict[str, Any] = getattr(values, "coerced", values)
        self._variables = VariableValues({}, coerced)
        self._fragments = {name: FragmentDetails(node) for name, node in raw.fragments.items()}
        self.person = person
        self.root: FieldDetailsList = [FieldDetails(node, None) for node in raw.field_nodes]

    @classmethod
    def of(cls, info: Info) -> _Selection | None:
        """The field's selection; None with the look-ahead off."""
        raw: GraphQLResolveInfo[Context] = info._raw_info
        person = raw.schema.get_type(_PERSON)
        if not info.context.api_settings.lookahead or not is_object_type(person):
            return None
        return cls(raw, person)

    def root_nodes(self) -> FieldDetailsList:
        """The selections of the people of the field's own page (a connection field)."""
        named = get_named_type(self._raw.return_type)
        assert is_object_type(named), "a connection field returns an object type"
        return self.nodes(named, self.root)

    def fields(self, parent: GraphQLObjectType, details: FieldDetailsList) -> _Fields:
        raw = self._raw
        grouped = collect_subfields(
            raw.schema, self._fragments, self._variables, raw.operation, parent, details
        ).grouped_field_set
        return [
            (parent.fields[group[0].node.name.value], group)
            for group in grouped.values()
            if group[0].node.name.value in parent.fields
        ]

    def nodes(self, connection: GraphQLObjectType, details: FieldDetailsList) -> FieldDetailsList:
        """The selections of a connection's people, under `nodes` and `edges { node }`."""
        found: FieldDetailsList = []
        for definition, group in self.fields(connection, details):
            name = group[0].node.name.value
            if name == "nodes":
                found.extend(group)
            elif name == "edges":
                edge = get_named_type(definition.type)
                for _, nested in self.fields(edge, group):  # type: ignore[arg-type]
                    if nested[0].node.name.value == "node":
                        found.extend(nested)
        return found

    def names(self, parent: GraphQLObjectType, details: FieldDetailsList) -> set[str]:
        """The names of the fields `details` select of a `parent`."""
        return {group[0].node.name.value for _, group in self.fields(parent, details)}

    def parts(self, details: FieldDetailsList) -> Parts:
        if not details:
            return NO_PARTS
        names = self.names(self.person, details)
        return Parts(
            skills="skills" in names,
            learning_goals="learningGoals" in names,
            employment="employment" in names,
        )

    def screen(self, details: FieldDetailsList) -> Screen:
        """The parts of each person and, for the first `connections` field, its page."""
        if not details:
            return PLAIN
        parts = self.parts(details)
        for definition, group in self.fields(self.person, details):
            if group[0].node.name.value != "connections":
                continue
            try:
                arguments = get_argument_values(
                    definition,
                    group[0].node,
                    self._variables,
                    group[0].fragment_variable_values,
                )
                page = window(read_key, **arguments)
            except (GraphQLError, BadInput):
                break  # the field itself will answer the error
            connection = get_named_type(definition.type)
            nodes = self.nodes(connection, group)  # type: ignore[arg-type]
            return Screen(parts, page, self.parts(nodes))
        return Screen(parts)
