"""Every list the API returns has a bound, declared once, where the field is declared.

`MaxItems(n)` on a field does both halves: it cuts the list at `n` items (so the
bound holds whatever the layer below returns), and it tells the query cost how
many items to multiply the selection below by (`api.limits`). The lists of a
page (a connection's `edges` and `nodes`) are `paged`: the `first` of the field
that returned the page counts them already. `tests/api/test_list_bounds.py` fails
when a list field of the schema has no bound.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from inspect import isawaitable
from typing import Any

from graphql import GraphQLField
from strawberry.extensions.field_extension import (
    AsyncExtensionResolver,
    FieldExtension,
    SyncExtensionResolver,
)
from strawberry.types import Info


class MaxItems(FieldExtension):
    def __init__(self, limit: int, *, paged: bool = False) -> None:
        self.limit = limit
        self.paged = paged
        """The items of a page, counted by the `first` above them."""

    def resolve(self, next_: SyncExtensionResolver, source: Any, info: Info, **kwargs: Any) -> Any:
        items = next_(source, info, **kwargs)
        return self._cut_later(items) if isawaitable(items) else items[: self.limit]

    async def _cut_later(self, items: Awaitable[Sequence[Any]]) -> Sequence[Any]:
        """A sync resolver's answer that was not there yet (`api.loaders.soon`)."""
        return (await items)[: self.limit]

    async def resolve_async(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, **kwargs: Any
    ) -> Any:
        return (await next_(source, info, **kwargs))[: self.limit]


def max_items(definition: GraphQLField) -> MaxItems | None:
    """The bound declared on a field of the built schema, if any."""
    field = definition.extensions.get("strawberry-definition")
    extensions = getattr(field, "extensions", None) or ()
    return next((e for e in extensions if isinstance(e, MaxItems)), None)
