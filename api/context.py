"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from graph.database import Database
from graph.settings import Settings


@dataclass
class Context:
    request: Request | WebSocket
    database: Database
    settings: Settings
    loaders: dict[str, Any] = field(default_factory=dict)


Info: TypeAlias = StrawberryInfo[Context, None]
