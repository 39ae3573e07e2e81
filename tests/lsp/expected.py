"""What coverage.py itself says about a file, to check the server's diagnostics against.

Read from coverage.py's own JSON report of the same run (an independent source: the server
never reads it in these tests unless it is the newest report).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.coverage_projects import load_coverage_json


@dataclass(frozen=True)
class Expected:
    line_ranges: list[tuple[int, int]]
    """Missing statements grouped as coverage.py's Missing column groups them."""
    partial_lines: list[int]
    missing_arcs: dict[int, list[int]]
    branch_counts: dict[int, int]
    summary: dict[str, Any]


def expected_for(report: Path, relative_source: str) -> Expected:
    data = load_coverage_json(report)["files"][relative_source]
    missing = set(data["missing_lines"])
    statements = sorted(set(data["executed_lines"]) | missing)
    ranges: list[tuple[int, int]] = []
    run: list[int] = []
    for line in statements:
        if line in missing:
            run.append(line)
        elif run:
            ranges.append((run[0], run[-1]))
            run = []
    if run:
        ranges.append((run[0], run[-1]))
    executed = set(data["executed_lines"])
    missing_arcs: dict[int, list[int]] = {}
    for source, target in data["missing_branches"]:
        if source in executed:
            missing_arcs.setdefault(source, []).append(target)
    counts: dict[int, int] = {}
    for source, _ in data["missing_branches"] + data["executed_branches"]:
        counts[source] = counts.get(source, 0) + 1
    return Expected(ranges, sorted(missing_arcs), missing_arcs, counts, data["summary"])
