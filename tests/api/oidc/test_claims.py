"""A verified token's claims as a person key and a role."""

from __future__ import annotations

from typing import Any

import pytest

from api.errors import Unauthenticated
from api.oidc.claims import person_key, viewer
from api.validation import KEY_PATTERN
from tests.oidc import JwksEndpoint

SETTINGS = JwksEndpoint.settings_for("http://127.0.0.1:1/certs")


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("ann", "ann"),
        ("f47ac10b-58cc-4372-a567-0e02b2c3d479", "f47ac10b-58cc-4372-a567-0e02b2c3d479"),
        ("auth0|5f7c8ec7", "auth0_7C5f7c8ec7"),
        ("a_b", "a_5Fb"),
        ("ann@example.com", "ann_40example.com"),
        ("zoë", "zo_C3_AB"),
        ("x" * 100, "x" * 100),
    ],
)
def test_a_value_maps_to_a_key(value: str, key: str) -> None:
    assert person_key(value) == key
    assert KEY_PATTERN.match(key)


@pytest.mark.parametrize("value", ["", "_ann", "-ann", "x" * 101, "a|" * 40])
def test_a_value_that_cannot_be_a_key_maps_to_none(value: str) -> None:
    assert person_key(value) is None


def test_a_prefix_keeps_keys_apart_and_maps_what_starts_with_punctuation() -> None:
    assert person_key("_ann", prefix="idp:") == "idp:_5Fann"
    assert person_key("ann", prefix="idp:") == "idp:ann"


def test_two_values_never_share_a_key() -> None:
    values = ["a_7Cb", "a|b", "a_b", "a_5Fb", "a:b", "a.b", "a-b", "a b", "a_20b"]
    keys = [person_key(value) for value in values]
    assert len(set(keys)) == len(values), keys


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        (None, "member"),
        ("mentorgraph-admins", "admin"),
        (["staff", "mentorgraph-admins"], "admin"),
        (["staff"], "member"),
        (["MENTORGRAPH-ADMINS"], "member"),
        ([{"name": "mentorgraph-admins"}, 1, None], "member"),
        ({"mentorgraph-admins": True}, "member"),
    ],
)
def test_only_a_listed_value_of_the_role_claim_grants_a_role(groups: Any, role: str) -> None:
    claims = {"sub": "ann", "groups": groups, "role": "admin"}
    assert viewer(claims, SETTINGS).role == role


def test_the_highest_listed_role_wins() -> None:
    settings = JwksEndpoint.settings_for(
        "http://127.0.0.1:1/certs", analyst_values=frozenset({"analysts"})
    )
    assert viewer({"sub": "ann", "groups": ["analysts"]}, settings).role == "analyst"
    both = {"sub": "ann", "groups": ["analysts", "mentorgraph-admins"]}
    assert viewer(both, settings).role == "admin"


@pytest.mark.parametrize("sub", [None, 42, ["ann"], "_ann"])
def test_a_subject_without_a_key_is_unauthenticated(sub: Any) -> None:
    with pytest.raises(Unauthenticated):
        viewer({"sub": sub}, SETTINGS)
