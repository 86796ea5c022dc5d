from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from api.dev_secret import dev_secret
from graph.settings import SettingsError


def test_the_secret_is_made_once_private_and_then_reused(tmp_path: Path) -> None:
    path = tmp_path / "a" / "jwt-secret"
    with ThreadPoolExecutor(8) as pool:
        secrets = set(pool.map(lambda _: dev_secret(path), range(8)))
    assert len(secrets) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert dev_secret(path) == secrets.pop()
    assert [p.name for p in path.parent.iterdir()] == ["jwt-secret"]


def test_two_installs_do_not_share_a_secret(tmp_path: Path) -> None:
    assert dev_secret(tmp_path / "one") != dev_secret(tmp_path / "two")


def test_a_secret_others_may_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "jwt-secret"
    dev_secret(path)
    os.chmod(path, 0o644)
    with pytest.raises(SettingsError, match="chmod 600"):
        dev_secret(path)
