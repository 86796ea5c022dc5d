"""Who may read a field or run a mutation, declared where the field is."""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry.permission import BasePermission

from api.context import Info


class IsAuthenticated(BasePermission):
    message = "sign in: this needs 'Authorization: Bearer <token>'"
    error_extensions: ClassVar[dict[str, object]] = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.viewer.key is not None


class IsSelfOrAdmin(BasePermission):
    """The person themself, or an admin: for a person's private lists."""

    message = "only this person (or an admin) may read this"
    error_extensions: ClassVar[dict[str, object]] = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        return viewer.key is not None and (viewer.is_admin or viewer.key == source.key)


class IsAdmin(BasePermission):
    message = "only an admin may do this"
    error_extensions: ClassVar[dict[str, object]] = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.viewer.is_admin


class IsAnalystOrAdmin(BasePermission):
    message = "only analysts and admins may run explorations"
    error_extensions: ClassVar[dict[str, object]] = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.viewer.role in ("analyst", "admin")
