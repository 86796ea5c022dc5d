"""Relay connections over keyset pages (`graph.pages`: the window, the cursor format).

A connection's resolver is decorated `@paged(read_key)` (or `read_seq`,
`read_score`: its kind of cursor). `paged` gives the field Relay's four arguments,
`first`/`after` and `last`/`before`, in one place, so no list forgets a direction,
and hands the resolver the checked `window` instead; the resolver fetches
`window.limit` rows and returns `connection(rows, window, ...)`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from api.list_bounds import MaxItems
from graph.pages import DEFAULT_SIZE, MAX_FIRST, Keyset, Window, encode_cursor, window

T = TypeVar("T")
N = TypeVar("N")
R = TypeVar("R")

_ARGUMENTS: dict[str, tuple[type, str]] = {
    "first": (int, f"Page forwards: up to this many rows (1 to {MAX_FIRST}; {DEFAULT_SIZE} "
              "when neither first nor last is given)."),
    "after": (str, "Page forwards: the rows strictly after this cursor (from the start "
              "without one)."),
    "last": (int, f"Page backwards: up to this many rows (1 to {MAX_FIRST}), the ones nearest "
             "`before`, in the list's order. Not with `first` or `after`."),
    "before": (str, "Page backwards: the rows strictly before this cursor (from the end "
               "without one). Not with `first` or `after`."),
}  # fmt: skip
_PAGE_PARAMETERS = [
    inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[kind | None, strawberry.argument(description=description)],
    )
    for name, (kind, description) in _ARGUMENTS.items()
]


@strawberry.type(description="Where a page lies in its list (Relay).")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Forwards: whether rows come after this page. Backwards (`last`): whether "
        "rows came after `before` when it was written (true when `before` was given: its own "
        "row did), without reading the list again."
    )
    has_previous_page: bool = strawberry.field(
        description="Backwards (`last`): whether rows come before this page. Forwards: whether "
        "rows came before `after` when it was written (true when `after` was given: its own "
        "row did), without reading the list again."
    )
    start_cursor: str | None = strawberry.field(
        description="The first edge's cursor: pass it as `before` for the page before this one."
    )
    end_cursor: str | None = strawberry.field(
        description="The last edge's cursor: pass it as `after` for the page after this one."
    )


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
    items: Sequence[N],
    window: Window[Any],
    keyset: Callable[[N], Keyset],
    to_node: Callable[[N], T],
) -> Connection[T]:
    """A page from up to `window.limit` fetched items, in the list's order.

    `keyset` gives an item's place in the list's order; its cursor encodes it. A backward
    window's items come nearest its cursor first: the page is turned round.
    """
    more = len(items) > window.size
    page = list(items[: window.size])
    if window.backward:
        page.reverse()
    edges = [Edge(cursor=encode_cursor(keyset(item)), node=to_node(item)) for item in page]
    cursor_given = window.cursor is not None
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=cursor_given if window.backward else more,
            has_previous_page=more if window.backward else cursor_given,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


def page_size(arguments: dict[str, Any]) -> int:
    """How many rows a connection field's arguments ask for (for the query cost)."""
    size = arguments.get("first") or arguments.get("last")
    return size if isinstance(size, int) and size > 0 else DEFAULT_SIZE


def paged(
    read: Callable[[str | None, str], Any],
) -> Callable[[Callable[..., Awaitable[R]]], Callable[..., Awaitable[R]]]:
    """Give a connection's resolver Relay's `first`/`after`/`last`/`before`, as a `window`.

    The resolver declares `window: Window[...]`; the field's GraphQL arguments are the
    resolver's others and these four, read into the window by `read` (its kind of cursor).
    """

    def decorate(resolver: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
        @functools.wraps(resolver)
        async def resolve(
            *args: Any,
            first: int | None = None,
            after: str | None = None,
            last: int | None = None,
            before: str | None = None,
            **kwargs: Any,
        ) -> R:
            page = window(read, first=first, after=after, last=last, before=before)
            result: R = await resolver(*args, window=page, **kwargs)
            return result

        signature = inspect.signature(resolver)
        own = [p for name, p in signature.parameters.items() if name != "window"]
        resolve.__signature__ = signature.replace(parameters=[*own, *_PAGE_PARAMETERS])  # type: ignore[attr-defined]
        resolve.__annotations__ = {
            name: annotation
            for name, annotation in resolver.__annotations__.items()
            if name != "window"
        } | {p.name: p.annotation for p in _PAGE_PARAMETERS}
        return resolve

    return decorate
