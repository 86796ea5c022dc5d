"""Tombstones of deleted accounts: `(:DeletedKey {hash, deletedAt})`.

A deleted person's key is retired for good: no token for it is accepted again and
no profile can be created under it (docs/privacy.md, "Your data"). The tombstone
keeps a hash of the key, never the key: nothing in the store equals or contains
a deleted key. The hash is SHA-256 of the key under a fixed label, with no secret
on purpose: a secret that is rotated or lost would silently reopen every deleted
key, and moderation (reports, the hold) must never be shed that way.
"""

from __future__ import annotations

import hashlib

_LABEL = b"mentorgraph deleted key\x00"


def tombstone_hash(key: str) -> str:
    """The hash a deleted key's tombstone carries."""
    return hashlib.sha256(_LABEL + key.encode("utf-8")).hexdigest()
