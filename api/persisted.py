"""Persisted operations: which text an operation runs, when it names a document by id.

One rule (`PersistedOperations.query_for`) for every entry: HTTP GET and POST
(`api.transport`), and the WebSocket's `subscribe` (graphql-transport-ws) and `start`
(graphql-ws) messages (`api.ws_messages`). A request names a document by
`extensions.persistedQuery = {"version": 1, "sha256Hash"}` (Apollo), or by
`documentId` (GraphQL over HTTP, `sha256:<hex>` or a manifest's own id) or `doc_id`
(Relay). One of three modes, from the settings:

- **automatic** (default, `MENTORGRAPH_PERSISTED_QUERIES`): Apollo's automatic
  persisted queries. An unknown hash answers `PersistedQueryNotFound`, on which
  Apollo Client sends the full text with its hash: the text runs, and is stored under
  the hash once the hash is checked (`provided sha does not match query` otherwise),
  in a bounded store shared through Redis when `REDIS_URL` is set
  (`api.persisted_store`). A text over the size bound runs but is not stored.
- **trusted** (`MENTORGRAPH_TRUSTED_DOCUMENTS`): only documents of the frontend
  build's manifest run (`api.trusted_documents`); an unknown id answers
  `PERSISTED_QUERY_NOT_IN_LIST`, a text that is not byte for byte a registered one
  `PERSISTED_QUERY_REQUIRED`, and nothing registers.
- **off**: an id answers `PersistedQueryNotSupported`, on which Apollo Client stops
  sending hashes.

HTTP statuses follow Apollo Server 4 and Apollo Router: the two answers Apollo
Client retries on are 200, a malformed request 400, a text refused in trusted mode
403, an id not in the list 404; none of them may be cached.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from graphql import GraphQLError
from starlette.responses import JSONResponse, Response
from strawberry.http import GraphQLRequestData

from api.metrics import count_errors
from api.persisted_store import DocumentStore, document_store
from api.trusted_documents import SHA256_PREFIX, TrustedDocuments, sha256_hex

if TYPE_CHECKING:
    from cross_web import AsyncHTTPRequestAdapter

    from api.settings import ApiSettings

NO_CACHE = "private, no-cache, must-revalidate"
_SHA256 = re.compile(r"[0-9a-f]{64}")
DOCUMENT_ID_KEYS = ("documentId", "doc_id")
"""The parameters that name a document by id (GraphQL over HTTP, Relay)."""


class PersistedQueryError(Exception):
    """An operation refused before it runs, with its code and HTTP status."""

    def __init__(self, message: str, code: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.status = status

    @property
    def formatted(self) -> dict[str, Any]:
        return {"message": str(self), "extensions": {"code": self.code}}

    def response(self) -> Response:
        body = {"errors": [self.formatted]}
        return JSONResponse(body, status_code=self.status, headers={"cache-control": NO_CACHE})


def _bad(message: str) -> PersistedQueryError:
    return PersistedQueryError(message, "BAD_REQUEST", 400)


@dataclasses.dataclass(frozen=True)
class OperationRequest:
    query: str | None
    extensions: object
    document_id: object

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> OperationRequest:
        """From a request's JSON (a body, or a WebSocket operation's payload)."""
        return cls(params.get("query"), params.get("extensions"), _document_id(params))


def names_document(params: Mapping[str, Any]) -> bool:
    """Whether a request names a persisted document, so may come without a `query`."""
    extensions = params.get("extensions")
    if isinstance(extensions, dict) and extensions.get("persistedQuery") is not None:
        return True
    return _document_id(params) is not None


class PersistedOperations:
    def __init__(
        self,
        *,
        store: DocumentStore | None = None,
        trusted: TrustedDocuments | None = None,
        max_bytes: int = 0,
    ) -> None:
        self.store = store
        self.trusted = trusted
        self.max_bytes = max_bytes

    @classmethod
    def create(cls, settings: ApiSettings, redis_url: str | None) -> PersistedOperations:
        if settings.trusted_documents is not None:
            return cls(trusted=settings.trusted_documents)
        if not settings.persisted_queries:
            return cls()
        entries, ttl = settings.persisted_query_entries, settings.persisted_query_ttl
        store = document_store(redis_url, max_entries=entries, ttl=ttl)
        return cls(store=store, max_bytes=settings.persisted_query_bytes)

    async def query_for(self, request: OperationRequest) -> str | None:
        """The text the request runs (None when it has neither a text nor an id)."""
        try:
            return await self._query_for(request)
        except PersistedQueryError as exc:
            count_errors([GraphQLError(str(exc), extensions={"code": exc.code})])
            raise

    async def http_operation(
        self,
        data: GraphQLRequestData,
        request: AsyncHTTPRequestAdapter,
        parse_json: Callable[[bytes], Any],
        *,
        index: int | None = None,
    ) -> GraphQLRequestData:
        """`data` with the text it runs (`index`: its place in a batch). Strawberry keeps
        no `documentId`: without a `query`, it is read from the request itself (the body
        is read once, and kept)."""
        document_id = None
        if data.query is None:
            if request.method == "GET":
                params = request.query_params
            else:
                body = parse_json(await request.get_body())
                params = body if index is None else body[index]
            document_id = _document_id(params)
        query = await self.query_for(OperationRequest(data.query, data.extensions, document_id))
        return dataclasses.replace(data, query=query)

    async def ws_payload(self, payload: dict[str, Any]) -> dict[str, Any]:
        """A WebSocket operation's payload with the text it runs."""
        return {**payload, "query": await self.query_for(OperationRequest.from_params(payload))}

    async def close(self) -> None:
        if self.store is not None:
            await self.store.close()

    async def _query_for(self, request: OperationRequest) -> str | None:
        sha256 = _sha256_hash(request.extensions)
        document_id = _checked_id(request.document_id)
        if self.store is None and self.trusted is None:
            if sha256 is not None or document_id is not None:
                raise PersistedQueryError(
                    "PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED", 200
                )
            return request.query
        if request.query is not None:
            return await self._text(request.query, sha256)
        reference = SHA256_PREFIX + sha256 if sha256 is not None else document_id
        if reference is None:
            return None
        if self.trusted is not None:
            text = self.trusted.get(reference)
            if text is None:
                raise PersistedQueryError(
                    "This operation is not among the registered ones.",
                    "PERSISTED_QUERY_NOT_IN_LIST",
                    404,
                )
            return text
        text = await self._stored(reference)
        if text is None:
            raise PersistedQueryError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND", 200)
        return text

    async def _text(self, query: str, sha256: str | None) -> str:
        if sha256 is not None and sha256 != sha256_hex(query):
            raise _bad("provided sha does not match query")
        if self.trusted is not None:
            if not self.trusted.registers(query):
                raise PersistedQueryError(
                    "Only registered operations run here: send a registered document's id.",
                    "PERSISTED_QUERY_REQUIRED",
                    403,
                )
        elif self.store is not None and sha256 is not None and self._fits(query):
            await self.store.put(sha256, query)
        return query

    def _fits(self, query: str) -> bool:
        return len(query.encode()) <= self.max_bytes

    async def _stored(self, reference: str) -> str | None:
        if self.store is None or not reference.startswith(SHA256_PREFIX):
            return None
        return await self.store.get(reference.removeprefix(SHA256_PREFIX))


def _document_id(params: Mapping[str, Any]) -> object:
    return next((params[key] for key in DOCUMENT_ID_KEYS if params.get(key) is not None), None)


def _checked_id(document_id: object) -> str | None:
    if document_id is not None and not isinstance(document_id, str):
        raise _bad("`documentId` (or `doc_id`) is a string")
    return document_id


def _sha256_hash(extensions: object) -> str | None:
    """`extensions.persistedQuery.sha256Hash`, checked; None without one."""
    if not isinstance(extensions, dict) or extensions.get("persistedQuery") is None:
        return None
    persisted = extensions["persistedQuery"]
    if not isinstance(persisted, dict):
        raise _bad("`extensions.persistedQuery` is an object")
    if persisted.get("version") != 1:
        raise _bad("Unsupported persisted query version")
    sha256 = persisted.get("sha256Hash")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise _bad("`extensions.persistedQuery.sha256Hash` is a SHA-256 in lowercase hex")
    return sha256
