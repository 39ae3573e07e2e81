"""All coverage data of one workspace folder, kept current as reports are rewritten.

Reports are read in a worker thread (never on the event loop). A report that fails to read
keeps its last good data and the failure is returned as a message; one caught while being
rewritten (truncated, empty, changing size) is retried after a short debounce. When several
reports measure the same source file, the most recently measured one wins.

`lookup`, `ranges`, `explain_missing` and `is_stale` are blocking but bounded to one source
file (an index lookup and the parse of that file's own record): callers on an event loop run
them in a thread, as the language server does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from covopt_ls.coverage import coveragepy
from covopt_ls.coverage.discovery import discover, report_path_for
from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import FileCoverage, UncoveredRange
from covopt_ls.coverage.paths import (
    PathMapper,
    mapping_json,
    normalize,
    suffix_match,
    suggest_mapping,
)
from covopt_ls.coverage.readers import read_report
from covopt_ls.coverage.report import CoverageReport
from covopt_ls.coverage.stamps import path_stamp
from covopt_ls.settings import Settings

logger = logging.getLogger(__name__)

GENERIC_NAMES = frozenset(
    {"__init__.py", "__main__.py", "conftest.py", "setup.py", "main.py", "utils.py", "util.py",
     "models.py", "views.py", "config.py", "settings.py", "cli.py", "app.py", "base.py"}
)  # fmt: skip
RETRY_DELAYS = (0.25, 0.5, 1.0)
"""Seconds to wait before re-reading a report that failed (it may be half-written)."""


@dataclass
class _Loaded:
    report: CoverageReport
    index: dict[str, str]
    """normalized local path → report key"""


def _family_stamp(path: Path) -> tuple[tuple[int, int] | None, ...]:
    members = coveragepy.family(path) if path.name.startswith(".coverage") else [path]
    return tuple(path_stamp(member) for member in members)


class CoverageStore:
    def __init__(self, workspace_root: Path, settings: Settings) -> None:
        self.workspace_root = Path(workspace_root)
        self.settings = settings
        self.mapper = PathMapper(self.workspace_root, settings.path_mappings)
        self._loaded: dict[Path, _Loaded] = {}
        self._errors: dict[Path, str] = {}
        self._file_errors: dict[str, str] = {}
        self._cache: dict[str, tuple[tuple[object, ...], FileCoverage]] = {}
        self._locks: dict[Path, asyncio.Lock] = {}
        self._guard = threading.Lock()
        self._analysis: dict[Path, coveragepy.AnalysisCache] = {}

    def discover(self) -> list[Path]:
        return discover(self.workspace_root, self.settings.coverage_files)

    def report_paths(self) -> list[Path]:
        with self._guard:
            return sorted(self._loaded)

    def reports(self) -> list[CoverageReport]:
        with self._guard:
            return [loaded.report for loaded in self._loaded.values()]

    def update_settings(self, settings: Settings) -> None:
        """New mappings apply at once; new globs take effect with the next load_all()."""
        self.settings = settings
        self.mapper = PathMapper(self.workspace_root, settings.path_mappings)
        with self._guard:
            for loaded in self._loaded.values():
                loaded.index = self.mapper.index(loaded.report)
            self._cache.clear()

    async def load_all(self) -> list[str]:
        """(Re-)read every report that discovery finds; forget the ones that are gone."""
        found = await asyncio.to_thread(self.discover)
        problems: list[str] = []
        for gone in set(self.report_paths()) - set(found):
            self._forget(gone)
        for path in found:
            problems += await self.reload(path)
        return problems

    async def reload(self, report_path: Path) -> list[str]:
        """One report changed, appeared or disappeared; returns messages (none when all is well)."""
        path = report_path_for(Path(report_path))
        lock = self._locks.setdefault(path, asyncio.Lock())
        async with lock:
            return await self._reload(path)

    async def _reload(self, path: Path) -> list[str]:
        if not any(_family_stamp(path)):
            self._forget(path)
            return []
        error: CoverageReadError | None = None
        for delay in (0.0, *RETRY_DELAYS):
            if delay:
                await asyncio.sleep(delay)
            try:
                loaded = await asyncio.to_thread(self._read, path)
            except CoverageReadError as exc:
                error = exc  # perhaps caught mid-write: try again once it settles
                if not any(_family_stamp(path)):
                    self._forget(path)
                    return []
                continue
            self._install(path, loaded)
            return list(loaded.report.warnings)
        assert error is not None
        message = str(error)
        if path in self._loaded:
            message += " (the last good data is kept)"
        with self._guard:
            self._errors[path] = message
        return [message]

    def _read(self, path: Path) -> _Loaded:
        """Runs in a worker thread: parse, then map every file name to local candidates."""
        if path.name.startswith(".coverage"):
            cache = self._analysis.setdefault(path.parent, coveragepy.AnalysisCache(path.parent))
            report = coveragepy.read_data(path, cache)
        else:
            report = read_report(path)
        return _Loaded(report, self.mapper.index(report))

    def _install(self, path: Path, loaded: _Loaded) -> None:
        with self._guard:
            self._loaded[path] = loaded
            self._errors.pop(path, None)
            self._cache.clear()
            self._file_errors.clear()

    def _forget(self, path: Path) -> None:
        with self._guard:
            self._loaded.pop(path, None)
            self._errors.pop(path, None)
            self._cache.clear()
            self._file_errors.clear()

    def errors(self) -> dict[Path, str]:
        with self._guard:
            return dict(self._errors)

    def _winner(self, source_path: Path) -> tuple[_Loaded, str] | None:
        """The most recently measured report that has this file, and its key there."""
        keys = {normalize(source_path)}
        with contextlib.suppress(OSError):
            keys.add(normalize(source_path.resolve()))
        best: tuple[_Loaded, str] | None = None
        with self._guard:
            loaded_reports = list(self._loaded.values())
        for loaded in loaded_reports:
            key = next((loaded.index[k] for k in keys if k in loaded.index), None)
            if key is None:
                continue
            if best is None or loaded.report.measured_at > best[0].report.measured_at:
                best = (loaded, key)
        return best

    def lookup(self, source_path: Path) -> FileCoverage | None:
        """The file's coverage from the newest report that measured it (None if none did)."""
        source_path = Path(source_path)
        winner = self._winner(source_path)
        if winner is None:
            return None
        loaded, key = winner
        stamp = (id(loaded), key, path_stamp(source_path), path_stamp(loaded.report.path))
        cache_key = normalize(source_path)
        with self._guard:
            cached = self._cache.get(cache_key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            fc = loaded.report.file_coverage(key, source_path)
        except (CoverageReadError, KeyError) as exc:
            if cached is not None and cached[0][:2] == stamp[:2]:
                return cached[1]  # the report is being rewritten: keep showing the last good
            message = str(exc) if isinstance(exc, CoverageReadError) else f"{key} is gone"
            with self._guard:
                self._file_errors[cache_key] = message
            return None
        with self._guard:
            self._cache[cache_key] = (stamp, fc)
            self._file_errors.pop(cache_key, None)
        return fc

    def ranges(self, source_path: Path) -> list[UncoveredRange] | None:
        from covopt_ls.coverage.ranges import uncovered_ranges

        fc = self.lookup(source_path)
        if fc is None:
            return None
        return uncovered_ranges(fc, branches=self.settings.diagnostics.show_branches)

    def is_stale(self, source_path: Path) -> bool:
        """The source changed on disk after it was measured: its line numbers may be wrong."""
        winner = self._winner(Path(source_path))
        if winner is None:
            return False
        try:
            modified = os.stat(source_path).st_mtime
        except OSError:
            return True  # deleted since the measurement
        return modified > winner[0].report.measured_at.timestamp()

    def explain_missing(self, source_path: Path) -> str:
        """Why there is no data for this file, and the pathMappings entry that would fix it."""
        source_path = Path(source_path)
        name = self._display(source_path)
        error = self._file_errors.get(normalize(source_path))
        if error is not None:
            return f"Coverage data for {name} could not be used: {error}"
        reports = self.reports()
        if not reports:
            globs = ", ".join(self.settings.coverage_files)
            problems = "; ".join(self.errors().values())
            text = f"No coverage data in this workspace (looked for {globs})"
            return text + (f": {problems}" if problems else "")
        best: tuple[int, CoverageReport, str] | None = None
        source_parts = source_path.parts
        # A file name alone is evidence only when it is not one every package has.
        needed = 2 if source_path.name in GENERIC_NAMES else 1
        for report in reports:
            for key in report.files:
                shared = suffix_match(Path(key).parts, source_parts)
                if shared >= needed and (best is None or shared > best[0]):
                    best = (shared, report, key)
        if best is None:
            names = ", ".join(self._display(r.path) for r in reports)
            return f"{name} was not measured: no coverage report mentions it ({names})"
        _, report, key = best
        mapping = suggest_mapping(self.mapper, report, key, source_path)
        text = f"{name} is not in the coverage data under this path; {self._display(report.path)}"
        text += f" has {key}"
        if mapping is not None:
            text += f". Add {mapping_json(mapping)} to the settings if it is this file"
        return text

    def _display(self, path: Path) -> str:
        try:
            return path.relative_to(self.workspace_root).as_posix()
        except ValueError:
            return str(path)
