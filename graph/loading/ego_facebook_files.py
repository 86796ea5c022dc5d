"""Reading SNAP's ego-Facebook files: feature names, feature vectors, edge lists.

Every malformed line or missing file raises `BadFile` naming the file and line,
before anything is written. Only the categories the loader uses are kept: the
sensitive ones (gender, birthday, names, religion, politics) and those it has
no use for (hometown, locale, classes, ...) are dropped while reading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import BadFile

COMBINED_EDGES = "facebook_combined.txt"
KEPT_CATEGORIES = frozenset(
    {
        "work;employer;id",
        "work;position;id",
        "work;start_date",
        "work;end_date",
        "education;school;id",
        "education;concentration;id",
        "languages;id",
        "location;id",
    }
)
_MARKER = "anonymized feature "


@dataclass
class EgoData:
    """Each node's values per kept category (union over every ego network it is in)."""

    features: dict[int, dict[str, set[int]]] = field(default_factory=dict)
    edges: list[tuple[int, int]] = field(default_factory=list)

    def values(self, node: int, category: str) -> list[int]:
        return sorted(self.features.get(node, {}).get(category, ()))

    def nodes(self) -> list[int]:
        ends = {n for edge in self.edges for n in edge}
        return sorted(ends | set(self.features))


def read_folder(folder: Path, *, edges: Path | None = None) -> EgoData:
    """Read every ego network in `folder` and the edge list (`facebook_combined.txt`)."""
    if not folder.is_dir():
        raise BadFile(folder, "no such folder")
    egos = sorted(folder.glob("*.featnames"), key=lambda p: p.name)
    if not egos:
        raise BadFile(folder, "holds no *.featnames file: is this the ego-Facebook folder?")
    features: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for names_path in egos:
        ego = _node_id(names_path.stem, names_path, None)
        columns = _read_featnames(names_path)
        feat_path = names_path.with_suffix(".feat")
        for node, bits in _vectors(feat_path, len(columns), with_node=True):
            _collect(features[node], columns, bits)
        ego_path = names_path.with_suffix(".egofeat")
        for _, bits in _vectors(ego_path, len(columns), with_node=False):
            _collect(features[ego], columns, bits)
    edge_path = edges if edges is not None else folder / COMBINED_EDGES
    return EgoData(features={n: dict(f) for n, f in features.items()}, edges=read_edges(edge_path))


def read_edges(path: Path) -> list[tuple[int, int]]:
    """An undirected edge list, `a b` a line (blank lines are allowed)."""
    edges: list[tuple[int, int]] = []
    for line_no, line in _lines(path):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 2:
            raise BadFile(path, f"expected two node ids 'a b', got {line.strip()!r}", line=line_no)
        a, b = (_node_id(part, path, line_no) for part in parts)
        if a == b:
            raise BadFile(path, f"a person cannot know themselves ({a})", line=line_no)
        edges.append((a, b))
    return edges


def _read_featnames(path: Path) -> list[tuple[str, int] | None]:
    """Column i → (category, global value), or None for a category not kept."""
    columns: list[tuple[str, int] | None] = []
    for line_no, line in _lines(path):
        index_text, _, rest = line.strip().partition(" ")
        category, marker, value_text = rest.rpartition(_MARKER)
        if not marker or not index_text.isdigit() or not value_text.isdigit():
            raise BadFile(
                path,
                f"expected 'INDEX category;...;anonymized feature N', got {line.strip()!r}",
                line=line_no,
            )
        if int(index_text) != len(columns):
            raise BadFile(path, f"expected feature index {len(columns)}", line=line_no)
        category = category.removesuffix(";")
        kept = category in KEPT_CATEGORIES
        columns.append((category, int(value_text)) if kept else None)
    return columns


def _vectors(path: Path, width: int, *, with_node: bool) -> Iterator[tuple[int, list[str]]]:
    for line_no, line in _lines(path):
        parts = line.split()
        if not parts:
            continue
        node = _node_id(parts[0], path, line_no) if with_node else -1
        bits = parts[1:] if with_node else parts
        if len(bits) != width or any(bit not in ("0", "1") for bit in bits):
            raise BadFile(
                path, f"expected {width} features, each 0 or 1, after the node id", line=line_no
            )
        yield node, bits


def _collect(
    into: dict[str, set[int]], columns: list[tuple[str, int] | None], bits: list[str]
) -> None:
    for column, bit in zip(columns, bits, strict=True):
        if bit == "1" and column is not None:
            into[column[0]].add(column[1])


def _node_id(text: str, path: Path, line_no: int | None) -> int:
    if not text.isdigit():
        raise BadFile(path, f"expected a numeric node id, got {text!r}", line=line_no)
    return int(text)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as handle:
            yield from enumerate(handle, start=1)
    except FileNotFoundError:
        raise BadFile(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadFile(path, f"unreadable: {exc}") from None
