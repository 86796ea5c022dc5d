"""The token secret of a local development install: made once, at random, and kept.

`mentorgraph up` (what `make run` runs) and `mentorgraph token` use it when
`MENTORGRAPH_JWT_SECRET` is not set. It lives in one file only its owner may read
(mode 0600, in a 0700 folder); a file others may read is refused, not used.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from pathlib import Path

from graph.settings import SettingsError

DEFAULT_PATH = Path(".mentorgraph") / "jwt-secret"
"""Relative to the working directory, as the local Neo4j's `.neo4j/dev`."""

_SECRET_BYTES = 48


def dev_secret(path: Path) -> str:
    """The secret in `path`, made first if there is none. Concurrent callers (several
    workers starting at once) all get the one that was written first."""
    if not path.exists():
        _create(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise SettingsError(f"{path} may be read by others (mode {mode:o}): chmod 600 it")
    return path.read_text().strip()


def _create(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, written = tempfile.mkstemp(dir=path.parent, prefix=".jwt-secret-")  # mode 0600
    try:
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(_SECRET_BYTES) + "\n")
        # A hard link appears whole or not at all, and never replaces one already there.
        os.link(written, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(written)
