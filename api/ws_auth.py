"""WebSocket authentication: the token travels in `connection_init`'s payload.

Browsers cannot set headers on a WebSocket, so the payload carries
`{"authorization": "Bearer <token>"}` or `{"token": "<token>"}`. A bad token
rejects the connection: graphql-transport-ws closes it with 4403, legacy
graphql-ws answers `connection_error`. Without a token the connection keeps the
viewer of the upgrade request's `Authorization` header, or stays anonymous (and
subscriptions then fail with UNAUTHENTICATED); subscribing before
`connection_init` closes with 4401.
"""

from __future__ import annotations

from strawberry.exceptions import ConnectionRejectionError

from api.auth import viewer_from_header, viewer_from_token
from api.context import Context
from api.errors import Unauthenticated
from api.loaders import Loaders

MAX_SUBSCRIPTIONS_PER_CONNECTION = 20


async def authenticate_connection(context: Context) -> None:
    """Set the connection's viewer from `connection_init`; raise to reject the connection."""
    params = context.connection_params or {}
    header = params.get("authorization", params.get("Authorization"))
    token = params.get("token")
    try:
        if header is None and token is None:
            if context.auth_error is not None:
                raise context.auth_error
            return
        if header is not None and not isinstance(header, str):
            raise Unauthenticated("`authorization` must be 'Bearer <token>'")
        if token is not None and not isinstance(token, str):
            raise Unauthenticated("`token` must be a string")
        secret = context.api_settings.jwt_secret
        if header is not None:
            viewer = viewer_from_header(secret, header)
        else:
            viewer = viewer_from_token(secret, token or "")
    except Unauthenticated as exc:
        raise ConnectionRejectionError({"message": str(exc), "code": "UNAUTHENTICATED"}) from exc
    context.caller = viewer
    context.auth_error = None
    context.loaders = Loaders.create(context.database, viewer)
