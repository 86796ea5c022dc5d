"""ego-Facebook's combined edge list, rebuilt from the ego networks when SNAP's file is absent.

`facebook_combined.txt` is the union of every ego network: each `N.edges` file,
plus an edge from the ego N to every member of its network (the rows of `N.feat`).
Rebuilt this way it has SNAP's 4,039 people and 88,234 friendships.
"""

from __future__ import annotations

from pathlib import Path

from graph.ego_files import COMBINED_EDGES


def combined_edges(folder: Path) -> list[tuple[int, int]]:
    """Every friendship once, as (smaller id, larger id), sorted."""
    combined = folder / COMBINED_EDGES
    edges: set[tuple[int, int]] = set()
    if combined.is_file():
        pairs = [line.split() for line in combined.read_text().splitlines() if line.strip()]
        edges = {_pair(int(a), int(b)) for a, b in pairs}
        return sorted(edges)
    for edge_file in sorted(folder.glob("*.edges")):
        ego = int(edge_file.stem)
        for line in edge_file.read_text().splitlines():
            if line.strip():
                a, b = line.split()
                edges.add(_pair(int(a), int(b)))
        for line in edge_file.with_suffix(".feat").read_text().splitlines():
            if line.strip():
                edges.add(_pair(ego, int(line.split(maxsplit=1)[0])))
    return sorted(edges)


def write_edges(path: Path, edges: list[tuple[int, int]]) -> Path:
    path.write_text("".join(f"{a} {b}\n" for a, b in edges))
    return path


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)
