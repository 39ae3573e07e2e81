"""The words of diagnostics and hover, on coverage data from a real run of the `gaps` project
(multi-line gaps, branches to a function's exit), read in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from covopt_ls.coverage.store import CoverageStore
from covopt_ls.freshness import LineMap
from covopt_ls.lsp.presentation import branch_status, file_totals, line_status, range_message
from covopt_ls.settings import Settings
from tests.lsp.expected import expected_for
from tests.support.coverage_projects import FORMAT_FILES, make_project, run_coverage

SOURCES = ["src/gaps/flow.py", "src/gaps/shapes.py", "src/gaps/unused.py"]


@pytest.fixture(scope="module")
def gaps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("presentation"), "gaps")
    run_coverage(root)
    return root


async def _store(root: Path, fmt: str) -> CoverageStore:
    store = CoverageStore(root, Settings(coverage_files=[FORMAT_FILES[fmt]]))
    assert await store.load_all() == []
    assert store.report_paths() == [root / FORMAT_FILES[fmt]]
    return store


@pytest.mark.parametrize("fmt", ["data", "xml", "json", "lcov"])
async def test_file_totals_match_coverage_py_summary(gaps: Path, fmt: str) -> None:
    store = await _store(gaps, fmt)
    for source in SOURCES:
        fc = store.lookup(gaps / source)
        assert fc is not None, source
        summary = expected_for(gaps / "coverage.json", source).summary
        totals = file_totals(fc)
        assert (totals.lines_covered, totals.lines_total) == (
            summary["covered_lines"],
            summary["num_statements"],
        ), source
        assert (totals.branches_covered, totals.branches_total) == (
            summary["covered_branches"],
            summary["num_branches"],
        ), source


@pytest.mark.parametrize("fmt", ["data", "json"])
async def test_messages_name_lines_ranges_and_exits(gaps: Path, fmt: str) -> None:
    store = await _store(gaps, fmt)
    path = gaps / "src/gaps/flow.py"
    fc = store.lookup(path)
    ranges = store.ranges(path)
    assert fc is not None and ranges is not None
    same = LineMap.identity(200).to_current
    messages = {r.start_line: range_message(fc, r, r.start_line, r.end_line, same) for r in ranges}
    expected = expected_for(gaps / "coverage.json", "src/gaps/flow.py")

    multi = next((s, e) for s, e in expected.line_ranges if e > s)
    assert f"Lines {multi[0]}-{multi[1]} not covered by tests" in messages.values()
    single = next(s for s, e in expected.line_ranges if e == s)
    assert f"Line {single} not covered by tests" in messages.values()

    exit_line = next(line for line, targets in expected.missing_arcs.items() if min(targets) < 0)
    exit_message = next(
        range_message(fc, r, r.start_line, r.end_line, same)
        for r in ranges
        if r.type == "branch" and r.start_line == exit_line
    )
    assert exit_message.startswith(f"Branch {exit_line}→exit never taken")
    assert f"of {expected.branch_counts[exit_line]} branches covered" in exit_message


async def test_line_and_branch_status_for_hover(gaps: Path) -> None:
    store = await _store(gaps, "json")
    path = gaps / "src/gaps/flow.py"
    fc = store.lookup(path)
    assert fc is not None
    expected = expected_for(gaps / "coverage.json", "src/gaps/flow.py")
    same = LineMap.identity(200).to_current

    assert "not covered" in line_status(fc, expected.line_ranges[0][0])
    assert line_status(fc, min(fc.executed)) == "covered"  # JSON has no hit counts
    assert "not executable" in line_status(fc, max(fc.statements) + 1)
    branch_line = expected.partial_lines[0]
    status = branch_status(fc, branch_line, same)
    assert status is not None
    total = expected.branch_counts[branch_line]
    taken = total - len(expected.missing_arcs[branch_line])
    assert status.startswith(f"{taken} of {total} branches taken")
    assert "never taken: →" in status
    plain = min(fc.executed - set(fc.branch_lines))
    assert branch_status(fc, plain, same) is None
