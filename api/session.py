"""Each operation's session: checked when the operation starts, on every transport.

A WebSocket keeps one `Context` for its connection and Strawberry hands it to every
operation sent on it, so whatever the context holds would otherwise live as long as
the socket. This extension runs each operation (an HTTP request, or one operation on a
socket) on a copy of its own, made when it starts:

- the session must still hold: a bad or expired token, or the key of a deleted account
  (its tombstone), refuses the operation with `UNAUTHENTICATED` before anything runs,
  so nothing is read or written for it. For a query, the same round trip reads the
  caller's own person (`graph.sessions`) and a plain `viewer` is answered from it, since
  a query writes nothing that could change it; a mutation or subscription reads none;
- the copy has empty DataLoaders, so no answer is served from what an earlier
  operation read (after a block, the next operation no longer lists the blocker);
  each further result of a subscription starts from empty loaders as well.

The socket itself closes when its token expires (`api.ws_auth`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from strawberry.extensions import SchemaExtension
from strawberry.types import StreamExecutionResult
from strawberry.types.graphql import OperationType

from api.context import Context
from api.deadline import bounded
from api.errors import Unauthenticated
from graph.sessions import SessionCheck, check_session


class OperationSession(SchemaExtension):
    def __init__(self, *, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    async def on_execute(self) -> AsyncIterator[None]:
        connection: Context = self.execution_context.context
        context = connection.for_operation()
        # Bounded here, before the execution's own deadline starts (api.deadline): a
        # timeout that cancelled this hook from a hook entered earlier would escape
        # Strawberry's extension runner unconverted.
        query = self.execution_context.operation_type is OperationType.QUERY
        async with bounded(self.seconds):
            check = await _check(context, with_person=query)
        if query and check is not None:
            context.loaders.person.prime(context.viewer_key(), check.person)
        self.execution_context.context = context
        yield

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        yield
        context: Context = self.execution_context.context
        context.renew_loaders()


async def _check(context: Context, *, with_person: bool) -> SessionCheck | None:
    """Refuse the operation unless its session holds; what it read of a signed-in caller
    (their person too, `with_person`)."""
    if context.auth_error is not None:
        raise context.auth_error
    if context.session.expired():
        raise Unauthenticated("the token has expired")
    if context.caller.key is None:
        return None
    check = await check_session(context.database, context.caller, with_person=with_person)
    if check.deleted:
        raise Unauthenticated("this account was deleted")
    return check
