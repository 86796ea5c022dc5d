"""The operations a frontend build registered ahead of time, read from its manifest.

Two formats, told apart by their shape:

- Apollo's persisted query manifest (`@apollo/generate-persisted-query-manifest`):
  `{"format": "apollo-persisted-query-manifest", "version": 1, "operations":
  [{"id", "name", "type", "body"}]}`. Apollo Client sends the id as
  `extensions.persistedQuery.sha256Hash`, so an id must be the SHA-256 of its body.
- Relay's persisted queries (`relay-compiler` with `persistConfig.file`):
  `{"<id>": "<text>"}`, the id being the MD5, SHA-1 or SHA-256 hex digest of the text
  (`persistConfig.algorithm`), told apart by its length.

Every id is checked against its text: a manifest that fails a check, or is not one of
these, stops the server from starting, with the reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from graph.settings import SettingsError

SHA256_PREFIX = "sha256:"
"""A GraphQL-over-HTTP `documentId` naming its document by SHA-256 (the persisted
documents appendix); an id without a colon is the manifest's own."""

APOLLO_FORMAT = "apollo-persisted-query-manifest"
_OPERATION_TYPES = {"query", "mutation", "subscription"}
_RELAY_DIGESTS = {32: "md5", 40: "sha1", 64: "sha256"}
_VARIABLE = "MENTORGRAPH_TRUSTED_DOCUMENTS"


class ManifestError(SettingsError):
    """The trusted documents manifest cannot be used."""


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class TrustedDocuments:
    def __init__(self, by_id: Mapping[str, str]) -> None:
        self._by_id = dict(by_id)
        self._by_sha256 = {sha256_hex(text): text for text in self._by_id.values()}

    @classmethod
    def load(cls, path: Path) -> TrustedDocuments:
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ManifestError(f"{_VARIABLE}: cannot read {path}: {exc}") from exc
        try:
            return cls(_apollo(manifest) if _is_apollo(manifest) else _relay(manifest))
        except ManifestError as exc:
            raise ManifestError(f"{_VARIABLE}: {path}: {exc}") from None

    def get(self, document_id: str) -> str | None:
        """The text a `documentId`, `doc_id` or `sha256Hash` (given as `sha256:<hex>`) names."""
        if document_id.startswith(SHA256_PREFIX):
            return self._by_sha256.get(document_id.removeprefix(SHA256_PREFIX))
        return self._by_id.get(document_id)

    def registers(self, text: str) -> bool:
        """Whether `text` is, byte for byte, one of the registered documents."""
        return sha256_hex(text) in self._by_sha256

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"TrustedDocuments({len(self)} documents)"


def _digest(algorithm: str, text: str) -> str:
    return hashlib.new(algorithm, text.encode(), usedforsecurity=False).hexdigest()


def _is_apollo(manifest: object) -> bool:
    return isinstance(manifest, dict) and "format" in manifest and "operations" in manifest


def _apollo(manifest: dict[str, object]) -> dict[str, str]:
    if manifest.get("format") != APOLLO_FORMAT or manifest.get("version") != 1:
        raise ManifestError(f'an Apollo manifest has "format": "{APOLLO_FORMAT}", "version": 1')
    operations = manifest["operations"]
    if not isinstance(operations, list):
        raise ManifestError('"operations" is a list')
    documents: dict[str, str] = {}
    for index, operation in enumerate(operations):
        where = f"operations[{index}]"
        if not isinstance(operation, dict) or not all(
            isinstance(operation.get(key), str) for key in ("id", "name", "type", "body")
        ):
            raise ManifestError(f'{where} has string "id", "name", "type" and "body"')
        if operation["type"] not in _OPERATION_TYPES:
            raise ManifestError(f"{where} ({operation['name']}) has type {operation['type']!r}")
        if operation["id"] != sha256_hex(operation["body"]):
            raise ManifestError(
                f"{where} ({operation['name']}): the id is not the SHA-256 of the body "
                "(leave the generator's createOperationId at its default)"
            )
        documents[operation["id"]] = operation["body"]
    return documents


def _relay(manifest: object) -> dict[str, str]:
    if not isinstance(manifest, dict) or not all(
        isinstance(key, str) and isinstance(text, str) for key, text in manifest.items()
    ):
        raise ManifestError(
            "not a persisted query manifest: neither Apollo's "
            f'{{"format": "{APOLLO_FORMAT}", ...}} nor Relay\'s {{"<id>": "<text>"}}'
        )
    for document_id, text in manifest.items():
        algorithm = _RELAY_DIGESTS.get(len(document_id))
        if algorithm is None or _digest(algorithm, text) != document_id:
            raise ManifestError(
                f"{document_id!r} is not the MD5, SHA-1 or SHA-256 hex digest of its text"
            )
    return dict(manifest)
