"""Coverage measured for a few inserted tests, merged into the data a front door shows.

After tests are inserted, running the whole suite again under coverage takes long; running just
the inserted tests takes a second or two. What those tests executed (lines, and arcs taken) is
added to the file's measured coverage, so the gap they close disappears at once. The merge is
tied to the measurement it was made on: a new coverage run brings its own, complete data, and
the overlay for the old measurement no longer applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from covopt_ls.coverage.model import Arc, FileCoverage

MeasurementKey = tuple[str, float]
"""The report a file's coverage came from and when it was measured."""


def merge_measured(fc: FileCoverage, lines: Iterable[int], arcs: Iterable[Arc]) -> FileCoverage:
    """`fc` as if the run had also executed `lines` and taken `arcs` (measured coordinates).

    Only executable lines count (a measurement of another version of the file must not invent
    statements); an arc taken is no longer missing.
    """
    new_lines = frozenset(lines) & fc.statements
    new_arcs = frozenset(arcs)
    # An arc whose source and target both ran is taken when its source line is a plain
    # statement: only arcs the measurement names are trusted here.
    executed_arcs = tuple(sorted(set(fc.executed_arcs) | new_arcs))
    missing_arcs = tuple(arc for arc in fc.missing_arcs if arc not in new_arcs)
    return replace(
        fc,
        executed=fc.executed | new_lines,
        executed_arcs=executed_arcs,
        missing_arcs=missing_arcs,
    )


@dataclass(slots=True)
class _Added:
    lines: set[int] = field(default_factory=set)
    arcs: set[Arc] = field(default_factory=set)


class CoverageOverlay:
    """What inserted tests were measured to execute, per file and per measurement."""

    def __init__(self) -> None:
        self._added: dict[tuple[Path, MeasurementKey], _Added] = {}

    def add(
        self, path: Path, key: MeasurementKey, lines: Iterable[int], arcs: Iterable[Arc]
    ) -> None:
        added = self._added.setdefault((path, key), _Added())
        added.lines.update(lines)
        added.arcs.update(arcs)

    def apply(self, path: Path, key: MeasurementKey, fc: FileCoverage) -> FileCoverage:
        """`fc` with what was added for this very measurement; `fc` itself when nothing was.

        Overlays of older measurements of the file are dropped: the new run replaces them.
        """
        for stale in [k for k in self._added if k[0] == path and k[1] != key]:
            del self._added[stale]
        added = self._added.get((path, key))
        if added is None:
            return fc
        return merge_measured(fc, added.lines, added.arcs)

    def __len__(self) -> int:
        return len(self._added)
