"""coverage.py's data file (`.coverage`, and parallel `.coverage.*` files) through its own API.

The data file only records what ran. Which lines are statements, which are excluded and which
arcs are possible come from coverage.py's analysis of the source (with the project's own
exclusion settings), exactly as `coverage report` does it, so the missing lines are the ones
coverage.py would print. Parallel files are combined in memory; nothing is written next to them.
The analysis of a source file is cached by its size and modification time, so refreshing one
file after a re-run only re-reads that file's rows.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import Arc, CoverageOrigin, FileCoverage
from covopt_ls.coverage.report import CoverageReport, SourceAnalysedFiles
from covopt_ls.coverage.stamps import path_stamp

if TYPE_CHECKING:
    from coverage import Coverage
    from coverage.python import PythonFileReporter

_CONFIG_FILES = (".coveragerc", "setup.cfg", "tox.ini", "pyproject.toml")
_NOT_DATA_SUFFIXES = ("-journal", "-wal", "-shm")


def family(path: Path) -> list[Path]:
    """The data files that make up one measurement: `.coverage` and its parallel siblings."""
    members = [path] if path.is_file() else []
    try:
        siblings = sorted(path.parent.glob(path.name + ".*"))
    except OSError:
        siblings = []
    members += [p for p in siblings if p.is_file() and not p.name.endswith(_NOT_DATA_SUFFIXES)]
    return members


def base_data_path(path: Path) -> Path:
    """`.coverage.host.1234.XyZ` → `.coverage` (the name that discovery and the store use)."""
    name = path.name
    if name.startswith(".") and "." in name[1:]:
        return path.with_name("." + name[1:].split(".", 1)[0])
    return path


class _Data:
    """Lines and arcs per measured file, detached from sqlite (safe to use from any thread)."""

    def __init__(self, has_arcs: bool) -> None:
        self._has_arcs = has_arcs
        self.line_data: dict[str, set[int]] = {}
        self.arc_data: dict[str, set[Arc]] = {}

    def has_arcs(self) -> bool:
        return self._has_arcs

    def lines(self, filename: str) -> list[int] | None:
        lines = self.line_data.get(filename)
        return sorted(lines) if lines is not None else None

    def arcs(self, filename: str) -> list[Arc] | None:
        arcs = self.arc_data.get(filename)
        return sorted(arcs) if arcs is not None else None

    def add(self, filename: str, lines: Iterable[int], arcs: Iterable[Arc]) -> None:
        self.line_data.setdefault(filename, set()).update(lines)
        self.arc_data.setdefault(filename, set()).update(arcs)


def _load(paths: list[Path], report_path: Path) -> tuple[_Data, list[str]]:
    from coverage import CoverageData
    from coverage.exceptions import CoverageException

    data: _Data | None = None
    problems: list[tuple[Path, str]] = []
    for member in paths:
        try:
            if member.stat().st_size == 0:
                problems.append((member, "the coverage data file is empty"))
                continue
            _check_schema(member)
            part = CoverageData(basename=str(member))
            part.read()
            has_arcs = part.has_arcs()
            data = data or _Data(has_arcs)
            for filename in part.measured_files():
                arcs = (part.arcs(filename) or []) if has_arcs else []
                data.add(filename, part.lines(filename) or [], arcs)
            part.close()
        except (CoverageException, sqlite3.Error, OSError) as exc:
            problems.append((member, f"not a readable coverage.py data file ({_first_line(exc)})"))
    warnings = [f"{member}: {problem}" for member, problem in problems]
    if data is None:
        if len(problems) == 1:
            raise CoverageReadError(*problems[0])
        raise CoverageReadError(report_path, "no readable data file: " + "; ".join(warnings))
    return data, warnings


def _check_schema(path: Path) -> None:
    """Refuse a database that is not coverage.py's before coverage.py opens it.

    Given any other SQLite file, CoverageData would create its own tables in it: the file
    is first opened read-only here, so someone else's database is never modified.
    """
    uri = f"file:{quote(str(path))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            connection.execute("select version from coverage_schema").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise sqlite3.DatabaseError(f"no coverage.py schema: {exc}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _config_file(directory: Path) -> str | bool:
    for name in _CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file():
            return str(candidate)
    return False


class AnalysisCache:
    """coverage.py file reporters by (path, size, mtime): the parse is the expensive part.

    A reporter parses lazily and is not thread-safe: two threads analysing the same file at once
    (a document opened while the reports load) break its parser. Each reporter therefore comes
    with its own lock, held for the whole analysis.
    """

    def __init__(self, config_dir: Path) -> None:
        self._config_dir = config_dir
        self._coverage: Coverage | None = None
        self._reporters: dict[Path, tuple[tuple[int, int], PythonFileReporter, threading.Lock]] = {}
        self._lock = threading.Lock()

    def coverage(self) -> Coverage:
        if self._coverage is None:
            from coverage import Coverage

            self._coverage = Coverage(
                data_file=None, config_file=_config_file(self._config_dir), auto_data=False
            )
        return self._coverage

    def reporter(self, local_path: Path) -> tuple[PythonFileReporter, threading.Lock]:
        from coverage.python import PythonFileReporter

        stamp = path_stamp(local_path)
        if stamp is None:
            raise CoverageReadError(local_path, "the source file does not exist")
        with self._lock:
            cached = self._reporters.get(local_path)
            if cached is not None and cached[0] == stamp:
                return cached[1], cached[2]
            reporter = PythonFileReporter(str(local_path), coverage=self.coverage())
            lock = threading.Lock()
            self._reporters[local_path] = (stamp, reporter, lock)
            return reporter, lock


def analyse(
    data: Any, key: str, local_path: Path, cache: AnalysisCache, origin: CoverageOrigin | None
) -> FileCoverage:
    """One measured file against its source, as coverage.py's reports do it."""
    from coverage.exceptions import CoverageException
    from coverage.results import analysis_from_file_reporter

    reporter, lock = cache.reporter(local_path)
    try:
        with lock:
            analysis = analysis_from_file_reporter(data, 2, reporter, key)
            missing_by_line = analysis.missing_branch_arcs()
            executed_by_line = analysis.executed_branch_arcs()
            branch_stats = analysis.branch_stats()
    except CoverageException as exc:
        raise CoverageReadError(
            local_path, f"cannot analyse the source ({_first_line(exc)})"
        ) from None
    except (SyntaxError, ValueError) as exc:
        raise CoverageReadError(local_path, f"not Python source ({_first_line(exc)})") from None
    executed = frozenset(analysis.executed)
    return FileCoverage(
        path=key,
        statements=frozenset(analysis.statements),
        executed=executed,
        missing_arcs=tuple(
            (line, target)
            for line in sorted(missing_by_line)
            if line in executed
            for target in sorted(missing_by_line[line])
        ),
        executed_arcs=tuple(
            (line, target)
            for line in sorted(executed_by_line)
            for target in sorted(executed_by_line[line])
        ),
        branch_lines={line: total for line, (total, _) in branch_stats.items()},
        hits={line: 1 for line in executed},
        origin=origin,
    )


class DataFiles(SourceAnalysedFiles):
    def __init__(self, data: _Data, cache: AnalysisCache, origin: CoverageOrigin) -> None:
        self.data = data
        self.cache = cache
        self.origin = origin

    def analyse(self, key: str, local_path: Path) -> FileCoverage:
        if key not in self.data.line_data:
            raise KeyError(key)
        return analyse(self.data, key, local_path, self.cache, self.origin)

    def __contains__(self, key: object) -> bool:
        return key in self.data.line_data

    def __iter__(self) -> Iterator[str]:
        return iter(self.data.line_data)

    def __len__(self) -> int:
        return len(self.data.line_data)


def read_data(path: Path, cache: AnalysisCache | None = None) -> CoverageReport:
    """Read `.coverage` (or a parallel file's whole family) into a report."""
    base = base_data_path(path)
    members = family(base)
    if not members:
        raise CoverageReadError(path, "no coverage data file (nor parallel .coverage.* files)")
    data, warnings = _load(members, base)
    measured_at = datetime.fromtimestamp(max(m.stat().st_mtime for m in members)).astimezone()
    origin = CoverageOrigin(base, "coverage.py", measured_at)
    files = DataFiles(data, cache or AnalysisCache(base.parent), origin)
    return CoverageReport(base, "coverage.py", measured_at, files, warnings=warnings)


def refresh_one(path: Path, key: str, local_path: Path, cache: AnalysisCache) -> FileCoverage:
    """One file's coverage from a rewritten data file, reading only that file's rows."""
    from coverage import CoverageData
    from coverage.exceptions import CoverageException

    try:
        _check_schema(path)
        part = CoverageData(basename=str(path))
        part.read()
        data = _Data(part.has_arcs())
        data.add(key, part.lines(key) or [], (part.arcs(key) or []) if data.has_arcs() else [])
        part.close()
    except (CoverageException, sqlite3.Error, OSError) as exc:
        raise CoverageReadError(
            path, f"not a readable coverage.py data file ({_first_line(exc)})"
        ) from None
    measured_at = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return analyse(data, key, local_path, cache, CoverageOrigin(path, "coverage.py", measured_at))
