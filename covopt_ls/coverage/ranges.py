"""Uncovered ranges exactly as coverage.py's "Missing" column groups them.

Missing lines are grouped by consecutive *statements*: lines 5 and 9 are one range when 6-8 are
blank, comments or the rest of a multi-line statement (the algorithm of
`coverage.results.format_lines`, whose result the tests compare against). A partial branch is
an executed line with arcs never taken; it becomes a one-line `branch` range carrying those arcs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from covopt_ls.coverage.model import Arc, FileCoverage, UncoveredRange


def group_lines(statements: Iterable[int], missing: Iterable[int]) -> list[tuple[int, int]]:
    """(first, last) pairs of missing lines that are consecutive statements."""
    missing_set = missing if isinstance(missing, (set, frozenset)) else set(missing)
    pairs: list[tuple[int, int]] = []
    start = end = 0
    for line in sorted(statements):
        if line in missing_set:
            if not start:
                start = line
            end = line
        elif start:
            pairs.append((start, end))
            start = 0
    if start:
        pairs.append((start, end))
    return pairs


def partial_branches(executed: Iterable[int], missing_arcs: Iterable[Arc]) -> dict[int, list[int]]:
    """Executed line → the destinations it never jumped to."""
    executed_set = executed if isinstance(executed, (set, frozenset)) else set(executed)
    by_line: dict[int, list[int]] = {}
    for source, target in missing_arcs:
        if source in executed_set:
            by_line.setdefault(source, []).append(target)
    return by_line


def uncovered_ranges(fc: FileCoverage, *, branches: bool = True) -> list[UncoveredRange]:
    """Missing-line ranges plus one `branch` range per partially covered line, sorted by line.

    Arcs are sorted numerically, as coverage.py's JSON lists them (exits, being negative, first).
    """
    result = [
        UncoveredRange(start, end, "line") for start, end in group_lines(fc.statements, fc.missing)
    ]
    if branches:
        for line, targets in partial_branches(fc.executed, fc.missing_arcs).items():
            arcs = tuple((line, target) for target in sorted(set(targets)))
            result.append(UncoveredRange(line, line, "branch", arcs))
    result.sort(key=lambda r: (r.start_line, r.type != "line"))
    return result


CompactRange = tuple[int, int, int, tuple[Arc, ...]]
"""(start_line, 0 for a line range or 1 for a branch, end_line, missing arcs): plain tuples
sort in the same order as uncovered_ranges() lists ranges."""


def expand(compact: list[CompactRange]) -> list[UncoveredRange]:
    return [
        UncoveredRange(start, end, "branch", arcs) if kind else UncoveredRange(start, end, "line")
        for start, kind, end, arcs in compact
    ]


class CompactRanges(Mapping[str, list[UncoveredRange]]):
    """Every file's ranges of a big report, held as tuples and handed out as UncoveredRange.

    The single-pass readers group and classify every range of every file; building 200,000
    dataclass instances that nobody may ask for would double their time, so a file's ranges
    become objects when that file is asked for.
    """

    def __init__(self) -> None:
        self.compact: dict[str, list[CompactRange]] = {}

    def __getitem__(self, key: str) -> list[UncoveredRange]:
        return expand(self.compact[key])

    def __contains__(self, key: object) -> bool:
        return key in self.compact

    def __iter__(self) -> Iterator[str]:
        return iter(self.compact)

    def __len__(self) -> int:
        return len(self.compact)

    def count(self) -> int:
        return sum(len(ranges) for ranges in self.compact.values())
