"""A small GraphQL-over-WebSocket client for tests (graphql-transport-ws and graphql-ws)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"


class Socket:
    def __init__(self, connection: ClientConnection, protocol: str) -> None:
        self.connection = connection
        self.protocol = protocol

    @classmethod
    async def open(cls, base: str, protocol: str = TRANSPORT_WS) -> Socket:
        url = base.replace("http://", "ws://") + "/graphql"
        return cls(await connect(url, subprotocols=[protocol]), protocol)  # type: ignore[list-item]

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self, timeout: float = 10.0) -> dict[str, Any]:
        while True:
            message: dict[str, Any] = json.loads(
                await asyncio.wait_for(self.connection.recv(), timeout)
            )
            if message["type"] not in ("ka", "ping", "pong"):
                return message

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(self, id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        await self.send(
            {"id": id, "type": kind, "payload": {"query": query, "variables": variables or {}}}
        )

    async def next_data(self, id: str, timeout: float = 10.0) -> dict[str, Any]:
        """The next result of operation `id`, asserting it carries data and no error."""
        message = await self.receive(timeout)
        assert message["id"] == id, message
        assert message["type"] in ("next", "data"), message
        assert "errors" not in message["payload"], message
        data: dict[str, Any] = message["payload"]["data"]
        return data

    async def quiet(self, timeout: float = 0.5) -> bool:
        """True when nothing arrives within `timeout`."""
        try:
            message = await self.receive(timeout)
        except TimeoutError:
            return True
        raise AssertionError(f"unexpected message {message}")

    async def close_code(self, timeout: float = 10.0) -> int | None:
        """Wait for the server to close the socket; its close code."""
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), timeout)
        except ConnectionClosed as exc:
            return exc.rcvd.code if exc.rcvd else None

    async def close(self) -> None:
        await self.connection.close()
