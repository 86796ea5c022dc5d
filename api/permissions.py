"""Who may read a field or run a mutation, declared where the field is.

An anonymous caller is told to sign in (`UNAUTHENTICATED`); a signed-in caller
without the right is refused (`FORBIDDEN`).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from strawberry.permission import BasePermission

from api.context import Info
from graph.viewer import Viewer


def _signed_in(info: Info) -> Viewer:
    info.context.viewer_key()  # raises Unauthenticated for an anonymous caller
    return info.context.viewer


class _Refusal(BasePermission):
    error_extensions = MappingProxyType({"code": "FORBIDDEN"})  # type: ignore[assignment]


class IsAuthenticated(_Refusal):
    message = "sign in: this needs 'Authorization: Bearer <token>'"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return _signed_in(info).key is not None


class IsSelfOrAdmin(_Refusal):
    """The person themself, or an admin: for a person's private lists."""

    message = "only this person (or an admin) may read this"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = _signed_in(info)
        return viewer.is_admin or viewer.key == source.key


class IsAdmin(_Refusal):
    message = "only an admin may do this"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return _signed_in(info).is_admin


class IsAnalystOrAdmin(_Refusal):
    message = "only analysts and admins may run explorations"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return _signed_in(info).role in ("analyst", "admin")
