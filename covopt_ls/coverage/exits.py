"""Which code object an exit arc leaves, for formats that only say "exit".

coverage.py writes an exit as a negative line: -N leaves the code object that starts at line N
(a function's `def` or first decorator; -1 for module code). Cobertura and lcov drop N. It is
recovered by asking coverage.py's own parser which exits each line has; a line with exactly one
possible exit gets it, anything ambiguous stays EXIT_UNRESOLVED.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from covopt_ls.coverage.model import EXIT_UNRESOLVED, Arc, FileCoverage, UncoveredRange
from covopt_ls.coverage.stamps import path_stamp

_cache: dict[Path, tuple[tuple[int, int], dict[int, int]]] = {}
_lock = threading.Lock()


def exit_targets(source_path: Path) -> dict[int, int]:
    """Line → its only possible exit target; empty when the source is missing or not Python."""
    stamp = path_stamp(source_path)
    if stamp is None:
        return {}
    with _lock:
        cached = _cache.get(source_path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    targets = _parse(source_path)
    with _lock:
        _cache[source_path] = (stamp, targets)
    return targets


def _parse(source_path: Path) -> dict[int, int]:
    from coverage.exceptions import CoverageException
    from coverage.parser import PythonParser
    from coverage.python import get_python_source

    try:
        parser = PythonParser(text=get_python_source(str(source_path)), filename=str(source_path))
        parser.parse_source()
        arcs = parser.arcs()
    except (CoverageException, SyntaxError, ValueError, OSError, RecursionError):
        return {}
    exits: dict[int, set[int]] = {}
    for source, target in arcs:
        if target < 0:
            exits.setdefault(source, set()).add(target)
    return {line: next(iter(found)) for line, found in exits.items() if len(found) == 1}


def _resolve(arcs: tuple[Arc, ...], targets: dict[int, int]) -> tuple[Arc, ...]:
    return tuple(
        (line, targets.get(line, EXIT_UNRESOLVED)) if target == EXIT_UNRESOLVED else (line, target)
        for line, target in arcs
    )


def has_unresolved(arcs: tuple[Arc, ...]) -> bool:
    return any(target == EXIT_UNRESOLVED for _, target in arcs)


def resolve_exits(fc: FileCoverage, source_path: Path) -> FileCoverage:
    if not (has_unresolved(fc.missing_arcs) or has_unresolved(fc.executed_arcs)):
        return fc
    targets = exit_targets(source_path)
    if not targets:
        return fc
    return replace(
        fc,
        missing_arcs=tuple(sorted(_resolve(fc.missing_arcs, targets))),
        executed_arcs=tuple(sorted(_resolve(fc.executed_arcs, targets))),
    )


def resolve_range_exits(ranges: list[UncoveredRange], source_path: Path) -> list[UncoveredRange]:
    if not any(has_unresolved(r.missing_arcs) for r in ranges):
        return ranges
    targets = exit_targets(source_path)
    if not targets:
        return ranges
    return [
        replace(r, missing_arcs=tuple(sorted(_resolve(r.missing_arcs, targets))))
        if has_unresolved(r.missing_arcs)
        else r
        for r in ranges
    ]
