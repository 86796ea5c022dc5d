"""Who may read a programme's admin-only fields: its own admins, not the global admin role."""

from __future__ import annotations

from typing import Any

from api.context import Info
from api.permissions import _Refusal, _signed_in


class IsProgrammeAdmin(_Refusal):
    message = "only this programme's admins may read this"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        _signed_in(info)
        return bool(source.record.viewer_is_admin)
