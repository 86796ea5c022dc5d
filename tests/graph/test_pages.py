"""The one cursor format: each keyset reads back as written, and nothing else reads."""

from __future__ import annotations

import pytest

from graph.errors import BadInput
from graph.pages import check_first, encode_cursor, read_key, read_score, read_seq


def test_each_keyset_reads_back_as_written() -> None:
    assert read_key(encode_cursor(("p-0042",))) == "p-0042"
    assert read_seq(encode_cursor((17,))) == 17
    assert read_score(encode_cursor((0.125, "m1"))) == (0.125, "m1")
    assert read_score(encode_cursor((2, "m1"))) == (2.0, "m1"), "a whole score is a score"
    assert read_key(None) is None and read_seq(None) is None and read_score(None) is None


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor",
        encode_cursor(()),
        encode_cursor(("m1", 0.5)),  # the fields the wrong way round
        encode_cursor((True, "m1")),  # a boolean is no score
        encode_cursor((0.5,)),
        "WyJOYU4iLCJtMSJd",  # ["NaN","m1"]
        "W05hTiwibTEiXQ",  # [NaN,"m1"]: JSON Python reads, but no finite score
    ],
)
def test_a_malformed_or_foreign_cursor_is_bad_input_naming_its_field(cursor: str) -> None:
    with pytest.raises(BadInput) as caught:
        read_score(cursor, "after")
    assert caught.value.field == "after"


def test_a_cursor_of_one_kind_is_no_cursor_of_another() -> None:
    with pytest.raises(BadInput):
        read_key(encode_cursor((3,)))
    with pytest.raises(BadInput):
        read_seq(encode_cursor(("3",)))
    with pytest.raises(BadInput):
        read_seq(encode_cursor((True,)))


@pytest.mark.parametrize("first", [0, 101, True])
def test_a_page_holds_1_to_100_rows(first: int) -> None:
    with pytest.raises(BadInput) as caught:
        check_first(first)
    assert caught.value.field == "first"
    assert check_first(100) == 100
