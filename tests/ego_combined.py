"""ego-Facebook's combined edge list (`facebook_combined.txt`) as pairs, and back to a file,
so tests and benchmarks can load a chosen subset with `--edges`."""

from __future__ import annotations

from pathlib import Path

from graph.loading.ego_facebook_files import COMBINED_EDGES


def combined_edges(folder: Path) -> list[tuple[int, int]]:
    """Every friendship once, as (smaller id, larger id), sorted."""
    lines = (folder / COMBINED_EDGES).read_text().splitlines()
    pairs = (line.split() for line in lines if line.strip())
    return sorted({_pair(int(a), int(b)) for a, b in pairs})


def write_edges(path: Path, edges: list[tuple[int, int]]) -> Path:
    path.write_text("".join(f"{a} {b}\n" for a, b in edges))
    return path


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)
