"""Line mapping between the measured source and the editor buffer (no server involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from covopt_ls.freshness import LineMap, MeasuredSource, read_source, source_hash, split_lines

SOURCE = """\
def f(x):
    if x > 0:
        return 1
    return 2


def g(y):
    total = 0
    for i in range(y):
        total += i
    return total
""".splitlines()


def test_identical_text_maps_every_line_to_itself() -> None:
    line_map = LineMap.between(SOURCE, list(SOURCE))
    assert line_map.identical
    assert [line_map.to_current(n) for n in (1, 5, 11)] == [1, 5, 11]
    assert line_map.to_current(12) is None
    assert line_map.range_to_current(9, 10) == (9, 10)


def test_lines_inserted_above_a_gap_move_it_down() -> None:
    edited = ["import os", "import sys", "", *SOURCE]
    line_map = LineMap.between(SOURCE, edited)
    assert not line_map.identical
    assert line_map.range_to_current(9, 10) == (12, 13)
    assert line_map.to_measured(12) == 9
    assert line_map.to_measured(1) is None
    assert line_map.changed_blocks == 1


def test_deleting_a_gap_removes_it_and_moves_what_follows() -> None:
    edited = SOURCE[:1] + SOURCE[3:]  # lines 2-3 (the `if` and its return) deleted
    line_map = LineMap.between(SOURCE, edited)
    assert line_map.range_to_current(2, 3) is None
    assert line_map.range_to_current(4, 4) == (2, 2)
    assert line_map.range_to_current(9, 10) == (7, 8)


def test_a_partly_deleted_range_shrinks_to_its_surviving_lines() -> None:
    edited = SOURCE[:9] + SOURCE[10:]  # line 10 deleted
    assert LineMap.between(SOURCE, edited).range_to_current(9, 11) == (9, 10)


def test_a_line_being_typed_on_keeps_its_place_a_rewritten_one_does_not() -> None:
    typed = list(SOURCE)
    typed[2] = "        return 10  # edited"
    assert LineMap.between(SOURCE, typed).to_current(3) == 3
    rewritten = list(SOURCE)
    rewritten[2] = "        raise NotImplementedError('something else entirely')"
    line_map = LineMap.between(SOURCE, rewritten)
    assert line_map.to_current(3) is None
    assert line_map.to_current(4) == 4


def test_edits_in_several_places_count_as_several_blocks() -> None:
    edited = ["# header", *SOURCE[:6], "# between", *SOURCE[6:], "# footer"]
    line_map = LineMap.between(SOURCE, edited)
    assert line_map.changed_blocks == 3
    assert line_map.to_current(1) == 2
    assert line_map.to_current(8) == 10


def test_measured_source_hash_identifies_the_text() -> None:
    text = "\n".join(SOURCE) + "\n"
    snapshot = MeasuredSource.of(("coverage.xml", 1.0), text)
    assert snapshot.hash == source_hash(text)
    assert snapshot.hash != source_hash(text + "\n")
    assert snapshot.map_to(text).identical
    assert split_lines("a\r\nb\rc\n") == ["a", "b", "c"]


def test_read_source_honours_the_coding_cookie(tmp_path: Path) -> None:
    path = tmp_path / "latin.py"
    path.write_bytes("# -*- coding: latin-1 -*-\nname = 'café'\n".encode("latin-1"))
    source = read_source(path)
    assert source.problem is None
    assert "café" in source.text


def test_read_source_reports_bytes_invalid_in_utf8_but_keeps_the_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.py"
    path.write_bytes(b"x = 1\nname = '\xff\xfe'\ny = 2\n")
    source = read_source(path)
    assert source.problem is not None and "not valid utf-8" in source.problem
    assert len(split_lines(source.text)) == 3


@pytest.mark.parametrize("size", [2000, 8000])
def test_large_files_with_one_edit_map_without_quadratic_work(size: int) -> None:
    lines = [f"x{i} = {i}" if i % 3 else "" for i in range(size)]
    edited = [*lines[:1000], "inserted = True", *lines[1000:]]
    line_map = LineMap.between(lines, edited)
    assert line_map.to_current(1500) == 1501
    assert line_map.to_current(10) == 10


def test_edits_scattered_over_a_big_file_are_followed_everywhere() -> None:
    """Beyond the exact-diff limit the diff is split at unique lines (patience anchors)."""
    lines = [f"value_{i} = compute({i})" if i % 4 else "" for i in range(8000)]
    edited: list[str] = []
    for i, line in enumerate(lines):
        if i % 400 == 0:
            edited.append(f"# note {i}")
        edited.append("value_changed = 0" if i % 1000 == 1 else line)
    line_map = LineMap.between(lines, edited)
    assert line_map.to_current(3) == 4  # one note above it
    assert line_map.to_current(8000) == 8000 + 20
    assert line_map.to_current(1002) is None  # rewritten, not similar enough to keep
    assert line_map.changed_blocks == 20 + 8
    kept = [n for n in range(3, 8001, 7) if (n - 1) % 1000 != 1]
    assert all(line_map.to_measured(line_map.to_current(n) or 0) == n for n in kept)
