"""The one coverage model every reader produces and every front door consumes.

Line numbers are 1-based, as coverage tools write them. Arcs are (from_line, to_line) pairs;
a negative to_line means "exit from the code object that starts at -to_line", as coverage.py
writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

RangeType = Literal["line", "branch"]
Arc = tuple[int, int]

UNKNOWN_TARGET = 0
"""Destination of a missing branch when the format does not say where it goes (generic lcov
BRDA records, Cobertura without `missing-branches`)."""
EXIT_UNRESOLVED = -1
"""Cobertura ("exit") and lcov ("return from function") do not name the code object an exit
leaves; their exit arcs point here until resolved against the source (`exits.resolve_exits`).
-1 is also what coverage.py writes for an exit from module-level code."""


@dataclass(frozen=True, slots=True)
class UncoveredRange:
    start_line: int
    end_line: int
    type: RangeType
    missing_arcs: tuple[Arc, ...] = ()

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "start_line": self.start_line,
            "end_line": self.end_line,
            "type": self.type,
        }
        if self.type == "branch":
            data["missing_arcs"] = [list(arc) for arc in self.missing_arcs]
        return data


@dataclass(frozen=True, slots=True)
class CoverageOrigin:
    """Where a file's coverage came from, so hover can say which report and how old it is."""

    report_path: Path
    report_format: Literal["coverage.py", "cobertura", "json", "lcov"]
    measured_at: datetime


@dataclass(slots=True)
class FileCoverage:
    """One source file's measured coverage.

    `statements` are the lines coverage considers executable (needed to group missing lines the
    way coverage.py's "Missing" column does). `hits` is per-line hit counts where the format has
    them (Cobertura, lcov); coverage.py data only knows executed or not, so hits is 1 there.
    `branch_lines` maps a branch line to all its possible destinations (where known); `missing_arcs`
    holds the arcs never taken from executed lines.
    """

    path: str
    statements: frozenset[int]
    executed: frozenset[int]
    missing_arcs: tuple[Arc, ...] = ()
    executed_arcs: tuple[Arc, ...] = ()
    branch_lines: dict[int, int] = field(default_factory=dict)
    hits: dict[int, int] = field(default_factory=dict)
    origin: CoverageOrigin | None = None

    @property
    def missing(self) -> frozenset[int]:
        return self.statements - self.executed
