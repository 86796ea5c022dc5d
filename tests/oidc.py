"""An identity provider for tests: keys made here with `cryptography`, a JWKS endpoint
(a real HTTP server on a free loopback port, in a thread) and tokens they sign."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from api.oidc.settings import OidcSettings

ISSUER = "https://id.example.test/realms/staff"
AUDIENCE = "mentorgraph"
ADMINS = "mentorgraph-admins"


@dataclass(frozen=True)
class SigningKey:
    kid: str
    alg: str
    private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = field(repr=False)

    @classmethod
    def rsa(cls, kid: str) -> SigningKey:
        return cls(kid, "RS256", rsa.generate_private_key(public_exponent=65537, key_size=2048))

    @classmethod
    def ec(cls, kid: str) -> SigningKey:
        return cls(kid, "ES256", ec.generate_private_key(ec.SECP256R1()))

    def jwk(self) -> dict[str, Any]:
        algorithm = RSAAlgorithm if self.alg == "RS256" else ECAlgorithm
        public: dict[str, Any] = algorithm.to_jwk(self.private.public_key(), as_dict=True)
        return {**public, "kid": self.kid, "use": "sig"}

    def sign(self, sub: str = "ann", *, alg: str | None = None, **overrides: Any) -> str:
        """A token for `sub` from the issuer, for our audience, for an hour; `overrides`
        replace claims (None removes one), `alg` signs with another algorithm."""
        headers = {"kid": self.kid}
        return jwt.encode(claims(sub, **overrides), self.private, alg or self.alg, headers)


def claims(sub: str, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    found = {"iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": now, "exp": now + 3600}
    found.update(overrides)
    return {name: value for name, value in found.items() if value is not None}


def unsigned(header: dict[str, Any], payload: dict[str, Any], secret: bytes | None) -> str:
    """A token made by hand, as an attacker would: HMAC-SHA256 with `secret` (any bytes,
    a public key's PEM included, which PyJWT refuses to sign with), or no signature."""
    parts = [_b64(json.dumps(part).encode()) for part in (header, payload)]
    signing_input = ".".join(parts).encode()
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest() if secret else b""
    return ".".join([*parts, _b64(signature)])


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class JwksEndpoint:
    """Serves `keys` as a JWKS at `url` (or `document`, when set: as JSON, or as it is
    when it is bytes), counting the fetches; `stop()` takes it down."""

    def __init__(self, keys: list[SigningKey]) -> None:
        self.keys = keys
        self.document: object = None
        self.cache_control: str | None = None
        self.hits = 0
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                endpoint.hits += 1
                document = endpoint.document or {"keys": [key.jwk() for key in endpoint.keys]}
                body = document if isinstance(document, bytes) else json.dumps(document).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if endpoint.cache_control:
                    self.send_header("Cache-Control", endpoint.cache_control)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/certs"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()

    def settings(self, **overrides: Any) -> OidcSettings:
        return self.settings_for(self.url, **overrides)

    @staticmethod
    def settings_for(url: str, **overrides: Any) -> OidcSettings:
        """Settings trusting the JWKS at `url`, whose keys are the person keys (no
        prefix), where the `groups` claim may name admins; a new `kid` is fetched at
        once (no cooldown)."""
        values: dict[str, Any] = {
            "issuer": ISSUER,
            "audience": AUDIENCE,
            "jwks_url": url,
            "key_prefix": "",
            "role_claim": "groups",
            "admin_values": frozenset({ADMINS}),
            "jwks_cooldown": 0.0,
        }
        return OidcSettings(**{**values, **overrides})


@contextmanager
def jwks_endpoint(*keys: SigningKey) -> Iterator[JwksEndpoint]:
    endpoint = JwksEndpoint(list(keys))
    try:
        yield endpoint
    finally:
        endpoint.stop()


_RSA = SigningKey.rsa("junk-rsa").jwk()
_EC = SigningKey.ec("junk-ec").jwk()

MALFORMED_ENTRIES: dict[str, object] = {
    "alg as a list": {**_RSA, "alg": ["RS256"]},
    "kty missing": {name: value for name, value in _RSA.items() if name != "kty"},
    "kty as a list": {**_RSA, "kty": ["RSA"]},
    "n not base64": {**_RSA, "n": "!!not base64!!"},
    "n a number": {**_RSA, "n": 65537},
    "e too small": {**_RSA, "e": "AA"},
    "crv unknown": {**_EC, "crv": "P-999"},
    "point off the curve": {**_EC, "x": _RSA["n"][:43]},
    "a string": "not a key",
    "a number": 42,
    "null": None,
    "a list": [_RSA],
}
"""JWKS entries that no key can be built from, whichever way PyJWT fails on them."""

UNREADABLE_DOCUMENTS: dict[str, object] = {
    "no keys": {"keys": []},
    "keys not a list": {"keys": _RSA},
    "only malformed entries": {"keys": list(MALFORMED_ENTRIES.values())},
    "not JSON": b"<html>Bad gateway</html>",
    "not UTF-8": b"\xff\xfe{",
    "JSON null": b"null",
    "a list": [_RSA],
    "nested too deep": b"[" * 100_000,
    "larger than 256 KiB": "x" * 300_000,
}
"""JWKS answers with no usable key in them: each is a failed fetch."""
