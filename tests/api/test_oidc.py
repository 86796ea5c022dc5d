"""Tokens from an OpenID Connect issuer, over HTTP, against the real app and Neo4j.

The issuer's keys are made here and served by a real JWKS endpoint on a loopback
port (`tests.oidc`): no network. Each test has an app of its own, so its keys are
fetched afresh.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from api.app import create_app
from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.builders import build, person
from tests.oidc import (
    ADMINS,
    AUDIENCE,
    ISSUER,
    MALFORMED_ENTRIES,
    UNREADABLE_DOCUMENTS,
    JwksEndpoint,
    SigningKey,
    claims,
    jwks_endpoint,
    unsigned,
)
from tests.servers import api_server, lifespan
from tests.ws import LEGACY_WS, TRANSPORT_WS, Socket

VIEWER = "{ viewer { key } }"
CREATE = """mutation($name: String!) {
  createProfile(input: {name: $name}) { person { key name } } }"""
REPORTS = "{ reports { edges { cursor } } }"

RSA = SigningKey.rsa("rsa-1")
EC = SigningKey.ec("ec-1")


@pytest.fixture
def idp() -> Iterator[JwksEndpoint]:
    with jwks_endpoint(RSA, EC) as endpoint:
        yield endpoint


@asynccontextmanager
async def _client(
    settings: Settings, api_settings: ApiSettings, idp: JwksEndpoint
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the real app, in process, trusting `idp`."""
    app = create_app(settings, dataclasses.replace(api_settings, oidc=idp.settings()))
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
async def http(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database, idp: JwksEndpoint
) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(settings, api_settings, idp) as client:
        yield client


@pytest.fixture(scope="module")
async def refusing(
    settings: Settings, api_settings: ApiSettings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    """One app for the tests of tokens it refuses, which read and write nothing."""
    with jwks_endpoint(RSA, EC) as idp:
        async with _client(settings, api_settings, idp) as client:
            yield client


async def _send(http: httpx.AsyncClient, token: str, query: str = VIEWER, **variables: Any) -> Any:
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _signed_up(http: httpx.AsyncClient, token: str, name: str = "Ann") -> str:
    body = await _send(http, token, CREATE, name=name)
    assert "errors" not in body, body
    key: str = body["data"]["createProfile"]["person"]["key"]
    return key


def _refusal(body: dict[str, Any]) -> tuple[str, str]:
    error = body["errors"][0]
    return error["extensions"]["code"], error["message"]


@pytest.mark.parametrize("key", [RSA, EC], ids=["RS256", "ES256"])
async def test_a_token_of_the_issuer_signs_up_and_signs_in(
    http: httpx.AsyncClient, key: SigningKey
) -> None:
    token = key.sign("ann")
    assert (await _send(http, token))["data"] == {"viewer": None}, "no profile yet"
    assert await _signed_up(http, token) == "ann"
    assert (await _send(http, token))["data"] == {"viewer": {"key": "ann"}}
    again = await _send(http, token, CREATE, name="Ann")
    assert _refusal(again)[0] == "CONFLICT"


async def test_a_subject_that_is_no_key_signs_up_under_its_mapped_key(
    http: httpx.AsyncClient,
) -> None:
    assert await _signed_up(http, RSA.sign("auth0|5f7c8e_c3")) == "auth0_7C5f7c8e_5Fc3"
    refused = await _send(http, RSA.sign("x" * 101), CREATE, name="Long")
    assert _refusal(refused) == ("UNAUTHENTICATED", "the token's 'sub' cannot be a person key")


async def test_a_deleted_accounts_subject_cannot_sign_up_again(http: httpx.AsyncClient) -> None:
    token = RSA.sign("ann")
    await _signed_up(http, token)
    deleted = await _send(http, token, "mutation { deleteAccount { deleted } }")
    assert deleted["data"] == {"deleteAccount": {"deleted": "ann"}}
    again = await _send(http, token, CREATE, name="Ann")
    assert _refusal(again) == ("UNAUTHENTICATED", "this account was deleted")


async def test_the_role_comes_from_the_mapped_claim_only(http: httpx.AsyncClient) -> None:
    admin = RSA.sign("root", groups=["staff", ADMINS])
    assert "errors" not in await _send(http, admin, REPORTS)
    claimed = RSA.sign("mallory", groups=["staff"], role="admin")
    assert _refusal(await _send(http, claimed, REPORTS))[0] == "FORBIDDEN"


async def test_our_own_tokens_keep_working(
    http: httpx.AsyncClient, api_settings: ApiSettings
) -> None:
    assert await _signed_up(http, issue_token(api_settings.jwt_secret, "bob")) == "bob"


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (lambda: RSA.sign(iss="https://evil.example.test/"), "the token's issuer is not accepted"),
        (lambda: RSA.sign(aud="another-service"), "the token is meant for another audience"),
        (lambda: RSA.sign(exp=int(time.time()) - 60), "the token has expired"),
        (lambda: RSA.sign(exp=None), "the token has no 'exp' claim"),
        (lambda: RSA.sign(nbf=int(time.time()) + 600), "the token is not valid yet"),
        (lambda: SigningKey.rsa("rsa-1").sign(), "the token's signature is not valid"),
        (lambda: SigningKey.rsa("rsa-9").sign(), "the token's signing key (kid) is not known"),
        (
            lambda: jwt.encode(claims("ann"), RSA.private, algorithm="RS256"),
            "the token does not name its signing key (kid)",
        ),
        (
            lambda: RSA.sign(alg="PS256"),
            "the token's algorithm must be one of ['ES256', 'RS256']",
        ),
        (
            lambda: unsigned({"alg": "none", "kid": "rsa-1"}, claims("ann"), None),
            "the token's algorithm must be one of ['ES256', 'RS256']",
        ),
        (
            # The EC key's kid on an RS256 signature: the key decides the algorithm.
            lambda: jwt.encode(claims("ann"), RSA.private, "RS256", headers={"kid": "ec-1"}),
            "the token's algorithm does not match its signing key",
        ),
        (
            # Algorithm confusion: HMAC with the issuer's public key as the secret.
            lambda: unsigned(
                {"alg": "HS256", "typ": "JWT", "kid": "rsa-1"},
                claims("ann"),
                RSA.private.public_key().public_bytes(
                    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
                ),
            ),
            "the identity provider's tokens are never HS256",
        ),
    ],
    ids=[
        "wrong issuer",
        "wrong audience",
        "expired beyond the leeway",
        "no exp",
        "not yet valid",
        "another key under a known kid",
        "unknown kid",
        "no kid",
        "an algorithm not allowed",
        "alg none",
        "alg that does not match the key",
        "HS256 with the public key",
    ],
)
async def test_a_token_that_does_not_hold_is_unauthenticated(
    refusing: httpx.AsyncClient, token: Any, message: str
) -> None:
    assert _refusal(await _send(refusing, token())) == ("UNAUTHENTICATED", message)


async def test_an_hs256_token_claiming_the_issuer_is_refused_even_with_our_secret(
    refusing: httpx.AsyncClient, api_settings: ApiSettings
) -> None:
    token = jwt.encode(claims("ann"), api_settings.jwt_secret, algorithm="HS256")
    message = "the identity provider's tokens are never HS256"
    assert _refusal(await _send(refusing, token)) == ("UNAUTHENTICATED", message)


async def test_a_token_from_another_issuer_fetches_no_key(
    http: httpx.AsyncClient, idp: JwksEndpoint
) -> None:
    await _send(http, RSA.sign(iss="https://evil.example.test/"))
    assert idp.hits == 0


async def test_a_token_expired_within_the_leeway_holds(http: httpx.AsyncClient) -> None:
    token = RSA.sign("ann", exp=int(time.time()) - 5)
    assert await _signed_up(http, token) == "ann"


async def test_a_rotated_key_is_fetched_and_the_dropped_one_refused(
    http: httpx.AsyncClient, idp: JwksEndpoint
) -> None:
    old = RSA.sign("ann")
    assert await _signed_up(http, old) == "ann"
    rotated = SigningKey.rsa("rsa-2")
    idp.keys = [rotated, EC]
    assert (await _send(http, rotated.sign("ann")))["data"] == {"viewer": {"key": "ann"}}
    assert idp.hits == 2, "the new kid made the keys be fetched again"
    unknown = ("UNAUTHENTICATED", "the token's signing key (kid) is not known")
    assert _refusal(await _send(http, old)) == unknown


async def test_the_keys_fetched_last_hold_while_the_endpoint_is_down(
    http: httpx.AsyncClient, idp: JwksEndpoint
) -> None:
    assert await _signed_up(http, RSA.sign("ann")) == "ann"
    idp.stop()
    unknown = await _send(http, SigningKey.rsa("rsa-2").sign("ann"))
    assert _refusal(unknown) == ("UNAUTHENTICATED", "the token's signing key (kid) is not known")
    fresh = EC.sign("ann", iat=int(time.time()) + 1)
    assert (await _send(http, fresh))["data"] == {"viewer": {"key": "ann"}}


JUNK = {
    **{
        f"entry {name}": {"keys": [MALFORMED_ENTRIES[name], RSA.jwk()]}
        for name in ("alg as a list", "point off the curve", "a string")
    },
    **{
        f"answer {name}": UNREADABLE_DOCUMENTS[name]
        for name in ("only malformed entries", "not JSON", "nested too deep")
    },
}
"""A sample through the real app, one of each way PyJWT or the answer fails; every
shape of `tests.oidc` goes through the key cache itself (`tests/api/oidc/test_jwks.py`)."""


@pytest.mark.parametrize("document", JUNK.values(), ids=JUNK.keys())
async def test_nothing_in_the_jwks_fails_a_request(
    http: httpx.AsyncClient, idp: JwksEndpoint, document: object
) -> None:
    """Beside a good key, a junk entry is left out; an answer without any usable key
    keeps the last good keys. Either way the good key's tokens hold."""
    assert "errors" not in await _send(http, RSA.sign("ann"))
    idp.document = document
    unknown = jwt.encode(claims("ann"), RSA.private, "RS256", headers={"kid": "rsa-9"})
    refused = _refusal(await _send(http, unknown))
    assert refused == ("UNAUTHENTICATED", "the token's signing key (kid) is not known")
    assert idp.hits == 2, "the unknown kid fetched the junk"
    assert "errors" not in await _send(http, RSA.sign("bob"))


async def test_no_key_ever_fetched_is_unavailable(
    http: httpx.AsyncClient, idp: JwksEndpoint
) -> None:
    idp.stop()
    body = await _send(http, RSA.sign("ann"))
    assert _refusal(body) == ("UNAVAILABLE", "The service is unavailable; try again shortly.")
    assert "requestId" in body["errors"][0]["extensions"]


def _env(settings: Settings, endpoint: JwksEndpoint) -> dict[str, str | None]:
    """A real uvicorn's environment, trusting `endpoint`."""
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_OIDC_ISSUER": ISSUER,
        "MENTORGRAPH_OIDC_AUDIENCE": AUDIENCE,
        "MENTORGRAPH_OIDC_JWKS_URL": endpoint.url,
        "MENTORGRAPH_OIDC_KEY_PREFIX": "",  # the issuer owns the key namespace
    }


@pytest.fixture(scope="module")
def served(settings: Settings, database: Database) -> Iterator[str]:
    with jwks_endpoint(RSA, EC) as endpoint, api_server(_env(settings, endpoint)) as base:
        yield base


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
@pytest.mark.parametrize("key", [RSA, EC], ids=["RS256", "ES256"])
async def test_a_socket_signs_in_with_a_token_of_the_issuer(
    served: str, empty_graph: Database, protocol: str, key: SigningKey
) -> None:
    await build(empty_graph, people=[person("ann")])
    sock = await Socket.open(served, protocol)
    ack = await sock.init({"authorization": f"Bearer {key.sign('ann')}"})
    assert ack["type"] == "connection_ack", ack
    if protocol == TRANSPORT_WS:
        await sock.subscribe("1", VIEWER)
        assert await sock.next_data("1") == {"viewer": {"key": "ann"}}
    else:  # queries are not for graphql-ws; an anonymous subscription fails at once
        await sock.subscribe("1", "subscription { mentorshipRequestUpdated { key } }")
        assert await sock.quiet()
    await sock.close()


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
@pytest.mark.parametrize(
    ("token", "message"),
    [
        (lambda: RSA.sign(iss="https://evil.example.test/"), "the token's issuer is not accepted"),
        (lambda: RSA.sign(aud="another-service"), "the token is meant for another audience"),
        (lambda: RSA.sign(exp=int(time.time()) - 60), "the token has expired"),
        (lambda: SigningKey.rsa("rsa-9").sign(), "the token's signing key (kid) is not known"),
    ],
    ids=["wrong issuer", "wrong audience", "expired", "unknown kid"],
)
async def test_a_socket_with_a_token_that_does_not_hold_is_rejected(
    served: str, protocol: str, token: Any, message: str
) -> None:
    sock = await Socket.open(served, protocol)
    await sock.send({"type": "connection_init", "payload": {"token": token()}})
    if protocol == TRANSPORT_WS:
        assert await sock.close_code() == 4403
    else:
        answer = await sock.receive()
        assert answer["type"] == "connection_error", answer
        assert answer["payload"] == {"code": "UNAUTHENTICATED", "message": message}
    await sock.close()


async def test_a_socket_is_rejected_as_unavailable_while_no_key_is_known(
    settings: Settings, database: Database
) -> None:
    with jwks_endpoint(RSA) as endpoint:
        endpoint.stop()
        with api_server(_env(settings, endpoint)) as base:
            sock = await Socket.open(base, LEGACY_WS)
            answer = await sock.init({"token": RSA.sign()})
            await sock.close()
    assert answer["type"] == "connection_error", answer
    assert answer["payload"]["code"] == "UNAVAILABLE"
    assert answer["payload"]["message"] == "The service is unavailable; try again shortly."
