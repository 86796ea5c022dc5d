"""Who is asking: the key and role every visibility rule is evaluated against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Role = Literal["member", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("member", "analyst", "admin")


@dataclass(frozen=True)
class Viewer:
    key: str | None
    """The person key of the caller, `None` for an anonymous caller."""
    role: Role = "member"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def params(self) -> dict[str, Any]:
        """The `$viewer` / `$admin` parameters of statements that apply visibility."""
        return {"viewer": self.key, "admin": self.is_admin}


ANONYMOUS = Viewer(key=None)
