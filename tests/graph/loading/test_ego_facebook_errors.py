"""Bad ego-Facebook input: missing files and malformed lines are named; a re-run completes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.database import Database
from graph.errors import BadFile
from graph.loading.ego_facebook import load
from graph.server.stats import graph_stats
from tests.conftest import EGO_FACEBOOK_DIR

EGO = "3980"  # the smallest ego network: 52 people


def _small_copy(tmp_path: Path, edges: list[str]) -> Path:
    folder = tmp_path / "ego"
    folder.mkdir()
    for suffix in ("featnames", "feat", "egofeat", "edges", "circles"):
        shutil.copy(EGO_FACEBOOK_DIR / f"{EGO}.{suffix}", folder / f"{EGO}.{suffix}")
    (folder / "facebook_combined.txt").write_text("".join(f"{line}\n" for line in edges))
    return folder


def _ego_edges() -> list[str]:
    """The ego network's friendships, each once (its file lists most in both directions)."""
    pairs = {
        tuple(sorted(map(int, line.split())))
        for line in (EGO_FACEBOOK_DIR / f"{EGO}.edges").read_text().splitlines()
    }
    return [f"{a} {b}" for a, b in sorted(pairs)]


async def test_a_malformed_edge_names_file_and_line(empty_graph: Database, tmp_path: Path) -> None:
    edges = _ego_edges()
    folder = _small_copy(tmp_path, [*edges[:40], "3981 x", *edges[40:]])
    with pytest.raises(BadFile, match=r"facebook_combined\.txt:41: expected a numeric node id"):
        await load(empty_graph, folder)
    assert (await graph_stats(empty_graph, with_hash=False)).labels == {}
    (folder / "facebook_combined.txt").write_text("".join(f"{line}\n" for line in edges))
    await load(empty_graph, folder)
    stats = await graph_stats(empty_graph, with_hash=False)
    assert stats.relationships["KNOWS"] == len(edges)


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        (f"{EGO}.feat", "3981 0 1", "expected 42 features"),
        (f"{EGO}.featnames", "7 gender;anonymized feature", "expected 'INDEX category"),
    ],
)
async def test_a_malformed_feature_line_is_named(
    database: Database, tmp_path: Path, file: str, line: str, message: str
) -> None:
    folder = _small_copy(tmp_path, _ego_edges())
    path = folder / file
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines[:5], line, *lines[5:]]) + "\n")
    with pytest.raises(BadFile, match=rf"{EGO}\.{file.split('.')[1]}:6: {message}"):
        await load(database, folder)


async def test_a_missing_file_is_named(database: Database, tmp_path: Path) -> None:
    folder = _small_copy(tmp_path, _ego_edges())
    (folder / f"{EGO}.egofeat").unlink()
    with pytest.raises(BadFile, match=rf"{EGO}\.egofeat: file not found"):
        await load(database, folder)
    with pytest.raises(BadFile, match=r"missing\.txt: file not found"):
        await load(database, EGO_FACEBOOK_DIR, edges=tmp_path / "missing.txt")


async def test_an_edge_subset_loads_only_those_friendships(
    empty_graph: Database, tmp_path: Path
) -> None:
    folder = _small_copy(tmp_path, _ego_edges())
    subset = tmp_path / "subset.txt"
    subset.write_text("".join(f"{line}\n" for line in _ego_edges()[:25]))
    graph = await load(empty_graph, folder, edges=subset)
    stats = await graph_stats(empty_graph, with_hash=False)
    assert stats.relationships["KNOWS"] == 25
    assert stats.labels["Person"] == graph.count("people")
