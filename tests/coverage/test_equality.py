"""Every reader gives exactly the ranges coverage.py reports, on real runs of fixture projects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from covopt_ls.coverage import cobertura, lcov
from covopt_ls.coverage.exits import resolve_range_exits
from covopt_ls.coverage.indexed import IndexedFiles
from covopt_ls.coverage.model import CoverageOrigin, FileCoverage
from covopt_ls.coverage.paths import PathMapper
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from covopt_ls.coverage.report import CoverageReport
from tests.coverage.reference import expected_by_path
from tests.support.coverage_projects import PROJECT_NAMES

FORMATS = ["data", "xml", "json", "lcov"]


def _local(report: CoverageReport, key: str, root: Path) -> Path:
    candidates = PathMapper(root, {}).candidates(report, key)
    found = [c for c in candidates if c.is_file()]
    assert found, f"{key} not found among {candidates}"
    return found[0].resolve()


def _ranges_by_path(report: CoverageReport, root: Path) -> dict[str, list[dict[str, Any]]]:
    result = {}
    for key in report.files:
        local = _local(report, key, root)
        fc = report.file_coverage(key, local)
        result[str(local)] = [r.to_json() for r in uncovered_ranges(fc)]
    return result


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("project", PROJECT_NAMES)
def test_reader_ranges_equal_coverage_py(
    measured: dict[str, dict[str, Path]], project: str, fmt: str
) -> None:
    run = measured[project]
    expected = expected_by_path(run["root"], run["json"])
    report = read_report(run[fmt])
    assert _ranges_by_path(report, run["root"]) == expected


@pytest.mark.parametrize("fmt", ["xml", "lcov"])
@pytest.mark.parametrize("project", PROJECT_NAMES)
def test_single_pass_ranges_equal_coverage_py(
    measured: dict[str, dict[str, Path]], project: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path engages on coverage.py's own output and computes the same ranges."""
    monkeypatch.setattr("covopt_ls.coverage.readers.EAGER_BELOW", 0)  # as for a big report
    run = measured[project]
    expected = expected_by_path(run["root"], run["json"])
    report = read_report(run[fmt], want_ranges=True)
    assert isinstance(report.files, IndexedFiles)
    assert report.ranges is not None
    assert _ranges_by_path(report, run["root"]) == expected  # files parsed from their offsets
    got = {}
    for key, ranges in report.ranges.items():
        local = _local(report, key, run["root"])
        got[str(local)] = [r.to_json() for r in resolve_range_exits(ranges, local)]
    assert got == expected


@pytest.mark.parametrize("project", PROJECT_NAMES)
def test_safe_parsers_agree_with_fast_paths(
    measured: dict[str, dict[str, Path]], project: str
) -> None:
    run = measured[project]
    for fmt, read_safely in (("xml", _safe_cobertura), ("lcov", _safe_lcov)):
        fast = read_report(run[fmt])
        safe = read_safely(run[fmt])
        assert set(safe) == set(fast.files)
        for key, fc in safe.items():
            assert _comparable(fc) == _comparable(fast.files[key]), (fmt, key)


def _origin(path: Path) -> CoverageOrigin:
    return CoverageOrigin(path, "cobertura", read_report(path).measured_at)


def _safe_cobertura(path: Path) -> dict[str, FileCoverage]:
    files, _ = cobertura.read_safely(path, _origin(path))
    return files


def _safe_lcov(path: Path) -> dict[str, FileCoverage]:
    return lcov.read_safely(path, _origin(path))


def _comparable(fc: FileCoverage) -> tuple[object, ...]:
    return (fc.statements, fc.executed, set(fc.missing_arcs), fc.branch_lines, fc.hits)


def test_fixtures_exercise_the_hard_cases(measured: dict[str, dict[str, Path]]) -> None:
    """Guards the guard: the fixture runs must contain what the equality tests are about."""
    run = measured["gaps"]
    expected = expected_by_path(run["root"], run["json"])
    flow = expected[str((run["root"] / "src/gaps/flow.py").resolve())]
    source = (run["root"] / "src/gaps/flow.py").read_text().splitlines()
    spanning = [
        r
        for r in flow
        if r["type"] == "line"
        and any(not source[n - 1].strip() or source[n - 1].strip().startswith("#")
                for n in range(r["start_line"], r["end_line"] + 1))
    ]  # fmt: skip
    assert spanning, "a gap with blank or comment lines inside"
    exits = [arc for r in flow if r["type"] == "branch" for arc in r["missing_arcs"] if arc[1] < 0]
    assert exits, "a partial branch whose missing arc leaves the function"
    raised = [r for r in flow if r["type"] == "branch" and len(r["missing_arcs"]) == 2]
    assert raised, "a branch line that ran but always raised (no branch taken)"


def test_parallel_data_files_are_combined_in_memory(parallel_gaps: dict[str, Path]) -> None:
    root = parallel_gaps["root"]
    before = sorted(p.name for p in root.iterdir())
    assert not (root / ".coverage").exists()
    assert len([name for name in before if name.startswith(".coverage.")]) == 2
    report = read_report(parallel_gaps["data"])
    assert _ranges_by_path(report, root) == expected_by_path(root, parallel_gaps["json"])
    assert sorted(p.name for p in root.iterdir()) == before
