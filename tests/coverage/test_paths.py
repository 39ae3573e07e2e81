"""Where a report's file names are on this machine (pure path logic, no files needed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from covopt_ls.coverage.model import FileCoverage
from covopt_ls.coverage.paths import PathMapper, suggest_mapping
from covopt_ls.coverage.report import CoverageReport

WORKSPACE = Path("/home/dev/shop")


def _report(path: str, keys: list[str], roots: list[str] | None = None) -> CoverageReport:
    files = {key: FileCoverage(key, frozenset(), frozenset()) for key in keys}
    return CoverageReport(Path(path), "cobertura", datetime.now(), files, roots or [])


def test_relative_names_try_roots_then_report_folder_then_workspace() -> None:
    report = _report(
        "/home/dev/shop/reports/coverage.xml",
        ["shop/pricing.py"],
        ["/ci/build/src", "/home/dev/shop/src"],
    )
    assert PathMapper(WORKSPACE, {}).candidates(report, "shop/pricing.py") == [
        Path("/ci/build/src/shop/pricing.py"),
        Path("/home/dev/shop/src/shop/pricing.py"),
        Path("/home/dev/shop/reports/shop/pricing.py"),
        Path("/home/dev/shop/shop/pricing.py"),
    ]


def test_mappings_apply_to_names_and_to_source_roots_longest_prefix_first() -> None:
    mapper = PathMapper(WORKSPACE, {"/app": "/elsewhere", "/app/src": "${workspaceFolder}/src"})
    absolute = _report("/home/dev/shop/coverage.json", ["/app/src/shop/pricing.py"])
    assert mapper.candidates(absolute, "/app/src/shop/pricing.py")[0] == Path(
        "/home/dev/shop/src/shop/pricing.py"
    )
    rooted = _report("/home/dev/shop/coverage.xml", ["shop/pricing.py"], ["/app/src"])
    assert Path("/home/dev/shop/src/shop/pricing.py") in mapper.candidates(
        rooted, "shop/pricing.py"
    )
    # a prefix matches whole path components only
    assert mapper.candidates(absolute, "/application/x.py") == [Path("/application/x.py")]


def test_suggested_mapping_is_checked_to_resolve() -> None:
    mapper = PathMapper(WORKSPACE, {})
    report = _report("/home/dev/shop/coverage.xml", ["/builds/42/src/shop/pricing.py"])
    suggestion = suggest_mapping(
        mapper, report, "/builds/42/src/shop/pricing.py", WORKSPACE / "src/shop/pricing.py"
    )
    assert suggestion == {"/builds/42": "${workspaceFolder}"}
    fixed = PathMapper(WORKSPACE, suggestion)
    assert fixed.candidates(report, "/builds/42/src/shop/pricing.py")[0] == (
        WORKSPACE / "src/shop/pricing.py"
    )
