"""lcov as other tools write it, derived from real coverage.py tracefiles.

Checksummed DA lines, one file over two records, BRDA before DA: the fast path must step aside
and the line-by-line parser give the same ranges. Numbered BRDA branches keep coverage.py's
layout, so both paths read them, with destinations unknown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from covopt_ls.coverage.indexed import IndexedFiles
from covopt_ls.coverage.model import UNKNOWN_TARGET
from covopt_ls.coverage.paths import PathMapper
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from tests.coverage.reference import expected_by_path


def _ranges(path: Path, root: Path, *, fast: bool) -> dict[str, list[dict[str, Any]]]:
    """Ranges per local file; with the fast path, its single-pass ranges must agree too."""
    report = read_report(path, want_ranges=True)
    assert (report.ranges is not None) == fast
    if not fast:
        assert not isinstance(report.files, IndexedFiles)
    result = {}
    for key in report.files:
        local = next(c for c in PathMapper(root, {}).candidates(report, key) if c.is_file())
        fc = report.file_coverage(key, local)
        result[str(local.resolve())] = [r.to_json() for r in uncovered_ranges(fc)]
        if report.ranges is not None:
            assert [r.to_json() for r in report.ranges[key]] == result[str(local.resolve())]
    return result


def _records(text: str) -> list[list[str]]:
    return [r.strip().splitlines() for r in text.split("end_of_record") if r.strip()]


def _write(records: list[list[str]], path: Path) -> Path:
    path.write_text("".join("\n".join(lines) + "\nend_of_record\n" for lines in records))
    return path


def test_checksums_and_split_records(measured: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    run = measured["gaps"]
    records = []
    for lines in _records(run["lcov"].read_text()):
        lines = [re.sub(r"^(DA:\d+,\d+)$", r"\1,c0ffee", line) for line in lines]
        da = [line for line in lines if line.startswith("DA:")]
        rest = [line for line in lines if not line.startswith(("DA:", "SF:"))]
        half = len(da) // 2
        records.append([lines[0], *rest, *da[:half]])  # BRDA before DA, first half
        records.append([lines[0], *da[half:]])  # the same file again, second half
    variant = _write(records, tmp_path / "lcov.info")
    expected = expected_by_path(run["root"], run["json"])
    assert _ranges(variant, run["root"], fast=False) == expected


def test_numbered_branches_have_unknown_destinations(
    measured: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    run = measured["flat"]
    records = []
    for lines in _records(run["lcov"].read_text()):
        numbered, counter = [], 0
        for line in lines:
            if line.startswith("BRDA:"):
                number, taken = line[5:].split(",")[0], line.rsplit(",", 1)[1]
                taken = "0" if taken == "-" else taken  # as tools that never write "-"
                line = f"BRDA:{number},0,{counter},{taken}"
                counter += 1
            numbered.append(line)
        records.append(numbered)
    variant = _write(records, tmp_path / "lcov.info")
    expected = expected_by_path(run["root"], run["json"])
    for ranges in expected.values():
        for r in ranges:
            if r["type"] == "branch":
                r["missing_arcs"] = [[r["start_line"], UNKNOWN_TARGET]]
    assert _ranges(variant, run["root"], fast=True) == expected
