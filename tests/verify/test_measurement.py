"""The judgement rules over raw runs (the data the runner writes), without a subprocess."""

from __future__ import annotations

from typing import Any

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.generation import RecommendedTest
from covopt_ls.verify.measurement import Measurement, describe_coverage, judge, target_of


def _passing(lines: list[int], arcs: list[list[int]] | None = None) -> dict[str, Any]:
    return {"exit_code": 0, "passed": 1, "failed": 0, "lines": lines, "arcs": arcs or []}


def _assertion_failure(lines: list[int]) -> dict[str, Any]:
    return {
        "exit_code": 1,
        "passed": 0,
        "failed": 1,
        "failures": ["E   assert 85.0 == 80"],
        "assertion_failures": 1,
        "lines": lines,
    }


def _test() -> RecommendedTest:
    return RecommendedTest("def test_it():\n    pass\n", 5, "scenario", "claimed")


def _judge(runs: list[dict[str, Any]], start: int, end: int) -> RecommendedTest:
    target = target_of([UncoveredRange(start, end, "line")])
    return judge(_test(), Measurement.from_runs(runs, len(runs)), target)


def test_target_of_line_and_branch_ranges() -> None:
    target = target_of(
        [
            UncoveredRange(4, 6, "line"),
            UncoveredRange(9, 9, "branch", missing_arcs=((9, 11), (9, -8))),
        ]
    )
    assert target.lines == frozenset({4, 5, 6, 11})
    assert target.arcs == frozenset({(9, 11), (9, -8)})
    assert target_of([]).lines is None


def test_coverage_counts_only_what_every_run_executed() -> None:
    runs = [_passing([4, 5, 6]), _passing([4, 5]), _passing([4, 5, 7])]
    result = judge(
        _test(), Measurement.from_runs(runs, 3), target_of([UncoveredRange(4, 7, "line")])
    )
    assert result.verified and result.covered_lines == [4, 5]
    assert result.expected_coverage_impact == "Covers lines 4-5 (measured)"


def test_a_branch_taken_verifies_even_without_a_new_line() -> None:
    target = target_of([UncoveredRange(9, 9, "branch", missing_arcs=((9, -8),))])
    result = judge(_test(), Measurement.from_runs([_passing([9], [[9, -8]])], 1), target)
    assert result.verified and result.covered_arcs == [(9, -8)]
    assert result.expected_coverage_impact == "Covers branch 9->exit (measured)"


def test_flaky_is_neither_verified_nor_a_possible_bug() -> None:
    runs = [_passing([5]), _assertion_failure([5]), _passing([5])]
    result = judge(
        _test(), Measurement.from_runs(runs, 3), target_of([UncoveredRange(5, 5, "line")])
    )
    assert (result.passed, result.verified, result.possible_bug) == (False, False, False)
    assert result.failure is not None and result.failure.startswith("flaky: passed 2 of 3 runs")


def test_consistent_assertion_failure_on_reached_code_is_a_possible_bug() -> None:
    runs = [_assertion_failure([5])] * 3
    result = judge(
        _test(), Measurement.from_runs(runs, 3), target_of([UncoveredRange(5, 5, "line")])
    )
    assert result.possible_bug and not result.verified
    assert result.failure == "E   assert 85.0 == 80"
    assert result.expected_coverage_impact == "Covers line 5 (measured)"


def test_assertion_failure_away_from_the_gap_is_not_a_possible_bug() -> None:
    runs = [_assertion_failure([2])] * 3
    result = judge(
        _test(), Measurement.from_runs(runs, 3), target_of([UncoveredRange(5, 5, "line")])
    )
    assert not result.possible_bug
    assert result.expected_coverage_impact == "claimed"


def test_describe_coverage() -> None:
    assert describe_coverage([3], []) == "Covers line 3 (measured)"
    assert describe_coverage([3, 4, 5, 9], [(8, 9)]) == "Covers lines 3-5, 9 (measured)"
    assert describe_coverage([3], [(2, 4)]) == "Covers line 3 and branch 2->4 (measured)"
    assert describe_coverage([], []) == "Covers no target line (measured)"
