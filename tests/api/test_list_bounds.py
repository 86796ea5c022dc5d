from __future__ import annotations

from graphql import GraphQLList, GraphQLObjectType, get_nullable_type

from api.list_bounds import max_items
from api.schema import build_schema


def test_every_list_field_declares_its_bound() -> None:
    schema = build_schema()._schema
    unbounded = [
        f"{type_.name}.{name}"
        for type_ in schema.type_map.values()
        if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__")
        for name, field in type_.fields.items()
        if isinstance(get_nullable_type(field.type), GraphQLList) and max_items(field) is None
    ]
    assert unbounded == []
