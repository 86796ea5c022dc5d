"""Sending GraphQL documents to the real app, as a given person."""

from __future__ import annotations

from typing import Any

import httpx

from api.auth import issue_token


class GraphQLClient:
    def __init__(self, http: httpx.AsyncClient, jwt_secret: str) -> None:
        self.http = http
        self.jwt_secret = jwt_secret

    def token(self, key: str, role: str = "member") -> str:
        return issue_token(self.jwt_secret, key, role=role)

    async def send(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        as_: str | None = None,
        role: str = "member",
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token(as_, role)}"} if as_ else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = await self.send(query, variables, **kw)
        assert "errors" not in body, body["errors"]
        return body["data"]

    async def error_code(
        self, query: str, variables: dict[str, Any] | None = None, **kw: Any
    ) -> str:
        body = await self.send(query, variables, **kw)
        assert body.get("errors"), body
        return str(body["errors"][0]["extensions"]["code"])
