"""Grouping equals coverage.py's own `format_lines` (the algorithm behind the Missing column)."""

from __future__ import annotations

import random

from coverage.results import format_lines

from covopt_ls.coverage.model import FileCoverage
from covopt_ls.coverage.ranges import group_lines, uncovered_ranges


def _as_text(pairs: list[tuple[int, int]]) -> str:
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in pairs)


def test_group_lines_matches_format_lines_on_random_files() -> None:
    rng = random.Random(7)
    for _ in range(500):
        statements = sorted(rng.sample(range(1, 200), rng.randint(0, 80)))
        missing = [n for n in statements if rng.random() < 0.4]
        assert _as_text(group_lines(statements, missing)) == format_lines(statements, missing)


def test_gaps_between_statements_do_not_split_a_range() -> None:
    # lines 3 and 7 are consecutive statements (4-6 are blank or comments): one range
    assert group_lines([1, 3, 7, 8, 10], [3, 7]) == [(3, 7)]
    assert group_lines([1, 3, 7, 8, 10], [3, 10]) == [(3, 3), (10, 10)]


def test_partial_branches_only_on_executed_lines() -> None:
    fc = FileCoverage(
        path="m.py",
        statements=frozenset({1, 2, 3, 5}),
        executed=frozenset({1, 2}),
        missing_arcs=((2, 5), (2, -1), (3, 5)),
    )
    ranges = [r.to_json() for r in uncovered_ranges(fc)]
    assert ranges == [
        {"start_line": 2, "end_line": 2, "type": "branch", "missing_arcs": [[2, -1], [2, 5]]},
        {"start_line": 3, "end_line": 5, "type": "line"},
    ]
    assert [r.type for r in uncovered_ranges(fc, branches=False)] == ["line"]
