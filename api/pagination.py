"""Relay connections with keyset cursors."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from api.list_bounds import MaxItems
from graph.errors import BadInput

MAX_PAGE = 100
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
    edges: list[Edge[T]] = strawberry.field(extensions=[MaxItems(MAX_PAGE, paged=True)])
    page_info: PageInfo

    @strawberry.field(
        description="The nodes of this page, without cursors.",
        extensions=[MaxItems(MAX_PAGE, paged=True)],
    )
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def check_first(first: int) -> int:
    if not 1 <= first <= MAX_PAGE:
        raise BadInput(f"first must be between 1 and {MAX_PAGE}", field="first")
    return first


def encode_cursor(value: str) -> str:
    return base64.urlsafe_b64encode(f"k:{value}".encode()).decode()


def decode_cursor(cursor: str | None, *, field: str = "after") -> str | None:
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadInput("the cursor is not valid", field=field) from exc
    if not raw.startswith("k:"):
        raise BadInput("the cursor is not valid", field=field)
    return raw[2:]


def connection(
    items: Sequence[N], first: int, key: Callable[[N], str], to_node: Callable[[N], T]
) -> Connection[T]:
    """A page from `first + 1` fetched items: the extra one only tells there is more."""
    page = items[:first]
    edges = [Edge(cursor=encode_cursor(key(item)), node=to_node(item)) for item in page]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(items) > first,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
