"""Relay connections over keyset pages (`graph.pages`: the cursor format, the page size)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from api.list_bounds import MaxItems
from graph.pages import MAX_FIRST, Keyset, encode_cursor

T = TypeVar("T")
N = TypeVar("N")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(extensions=[MaxItems(MAX_FIRST, paged=True)])
    page_info: PageInfo

    @strawberry.field(
        description="The nodes of this page, without cursors.",
        extensions=[MaxItems(MAX_FIRST, paged=True)],
    )
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def connection(
    items: Sequence[N], first: int, keyset: Callable[[N], Keyset], to_node: Callable[[N], T]
) -> Connection[T]:
    """A page from `first + 1` fetched items: the extra one only tells there is more.

    `keyset` gives an item's place in the list's order; its cursor encodes it.
    """
    page = items[:first]
    edges = [Edge(cursor=encode_cursor(keyset(item)), node=to_node(item)) for item in page]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(items) > first,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
