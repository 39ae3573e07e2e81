"""What coverage.py itself says is missing, read from its own JSON report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coverage.results import format_lines

from tests.support.coverage_projects import load_coverage_json


def expected_ranges(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Ranges as the contract defines them, derived from one file of coverage.py's JSON.

    Line ranges are recovered from coverage.py's own Missing text (format_lines), so the
    grouping under test is coverage.py's, not ours.
    """
    executed = set(entry["executed_lines"])
    statements = executed | set(entry["missing_lines"])
    ranges: list[dict[str, Any]] = []
    text = format_lines(statements, entry["missing_lines"])
    for item in filter(None, (part.strip() for part in text.split(","))):
        first, _, last = item.partition("-")
        ranges.append({"start_line": int(first), "end_line": int(last or first), "type": "line"})
    partial: dict[int, list[int]] = {}
    for source, target in entry["missing_branches"]:
        if source in executed:
            partial.setdefault(source, []).append(target)
    for line, targets in partial.items():
        arcs = [[line, target] for target in sorted(targets)]
        ranges.append(
            {"start_line": line, "end_line": line, "type": "branch", "missing_arcs": arcs}
        )
    ranges.sort(key=lambda r: (r["start_line"], r["type"] != "line"))
    return ranges


def expected_by_path(project: Path, json_report: Path) -> dict[str, list[dict[str, Any]]]:
    """Absolute source path → expected ranges, for every file coverage.py measured."""
    files = load_coverage_json(json_report)["files"]
    return {str((project / key).resolve()): expected_ranges(entry) for key, entry in files.items()}
