"""The words a user reads: diagnostic messages, hover text, file totals.

Plain text and markdown only (no LSP types), so the wording is tested without a server. Line
numbers given here are the ones the user sees in the buffer (already mapped through edits).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from covopt_ls.coverage.model import Arc, FileCoverage, UncoveredRange

FORMAT_NAMES = {
    "coverage.py": "coverage.py data",
    "cobertura": "Cobertura XML",
    "json": "coverage.py JSON",
    "lcov": "lcov",
}
HIT_COUNT_FORMATS = frozenset({"cobertura", "lcov"})
"""Formats that record how often a line ran; coverage.py's own formats only record whether."""

LineMapper = Callable[[int], int | None]


@dataclass(frozen=True, slots=True)
class Totals:
    lines_covered: int
    lines_total: int
    branches_covered: int
    branches_total: int

    def to_json(self) -> dict[str, object]:
        return {
            "lines": {
                "covered": self.lines_covered,
                "total": self.lines_total,
                "percent": _percent(self.lines_covered, self.lines_total),
            },
            "branches": {
                "covered": self.branches_covered,
                "total": self.branches_total,
                "percent": _percent(self.branches_covered, self.branches_total),
            },
        }

    def describe(self) -> str:
        text = (
            f"{self.lines_covered} of {self.lines_total} lines covered"
            f" ({_percent(self.lines_covered, self.lines_total):g}%)"
        )
        if self.branches_total:
            text += (
                f", {self.branches_covered} of {self.branches_total} branches"
                f" ({_percent(self.branches_covered, self.branches_total):g}%)"
            )
        return text


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def file_totals(fc: FileCoverage) -> Totals:
    """Totals as coverage.py counts them: a branch of a line that never ran is not taken."""
    missing_by_line = _missing_by_line(fc.missing_arcs)
    covered = 0
    total = 0
    for line, count in fc.branch_lines.items():
        total += count
        if line in fc.executed:
            covered += max(0, count - len(missing_by_line.get(line, ())))
    return Totals(len(fc.statements & fc.executed), len(fc.statements), covered, total)


def _missing_by_line(arcs: Iterable[Arc]) -> dict[int, list[int]]:
    by_line: dict[int, list[int]] = {}
    for source, target in arcs:
        by_line.setdefault(source, []).append(target)
    return by_line


def arc_target(target: int, to_current: LineMapper) -> str:
    """A negative target is coverage.py's "exit from the function"."""
    if target < 0:
        return "exit"
    mapped = to_current(target)
    return str(mapped if mapped is not None else target)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def range_message(
    fc: FileCoverage, uncovered: UncoveredRange, start: int, end: int, to_current: LineMapper
) -> str:
    """`start`/`end` are where the range is now; arcs are mapped the same way."""
    if uncovered.type == "line":
        if start == end:
            return f"Line {start} not covered by tests"
        return f"Lines {start}-{end} not covered by tests"
    arcs = [f"{start}→{arc_target(target, to_current)}" for _, target in uncovered.missing_arcs]
    noun = "Branch" if len(arcs) == 1 else "Branches"
    message = f"{noun} {_join(arcs)} never taken"
    possible = fc.branch_lines.get(uncovered.start_line)
    if possible:
        taken = max(0, possible - len(uncovered.missing_arcs))
        message += f" ({taken} of {possible} branches covered)"
    return message


def line_status(fc: FileCoverage, measured_line: int) -> str:
    if measured_line not in fc.statements:
        return "not executable code (no coverage recorded)"
    if measured_line not in fc.executed:
        return "**not covered** by tests"
    fmt = fc.origin.report_format if fc.origin else None
    hits = fc.hits.get(measured_line)
    if fmt in HIT_COUNT_FORMATS and hits is not None:
        return f"covered ({hits} hit{'s' if hits != 1 else ''})"
    return "covered"


def branch_status(fc: FileCoverage, measured_line: int, to_current: LineMapper) -> str | None:
    possible = fc.branch_lines.get(measured_line)
    missing = [t for s, t in fc.missing_arcs if s == measured_line]
    if not possible and not missing:
        return None
    executed = measured_line in fc.executed
    taken = sorted({t for s, t in fc.executed_arcs if s == measured_line and t != s})
    if possible:
        count = max(0, possible - len(missing)) if executed else 0
        text = f"{count} of {possible} branches taken"
    else:
        text = "branch line"
    parts = [text]
    if taken and executed:
        parts.append("taken: " + ", ".join("→" + arc_target(t, to_current) for t in taken))
    if missing:
        parts.append("never taken: " + ", ".join("→" + arc_target(t, to_current) for t in missing))
    elif not executed and possible:
        parts.append("the line never ran")
    return "; ".join(parts)


def origin_text(fc: FileCoverage) -> str:
    if fc.origin is None:
        return "source of the data unknown"
    origin = fc.origin
    when = origin.measured_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    fmt = FORMAT_NAMES.get(origin.report_format, origin.report_format)
    return f"`{origin.report_path}` ({fmt}), measured {when}"
