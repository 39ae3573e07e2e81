"""What is known about each open Python document's coverage, and how fresh it is.

A `DocumentCoverage` is resolved off the event loop when a document opens or its folder's
coverage changes: the file's coverage and ranges from the store, and a copy of the measured
source (read from disk while the file is still as it was measured). Everything the handlers need
afterwards (diagnostics on each edit, hover) is computed from that state on the loop, quickly:
the buffer is diffed against the measured copy and the result cached per document version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from covopt_ls.coverage.model import FileCoverage, UncoveredRange
from covopt_ls.freshness import LineMap, MeasuredSource, SourceReadError, read_source
from covopt_ls.settings import Settings

from .folders import Folder

logger = logging.getLogger(__name__)

IGNORED_PARTS = frozenset(
    {".venv", "venv", ".tox", ".nox", "site-packages", "node_modules", ".git", "__pycache__"}
)
"""Files under these are never expected to be measured: no "not measured" notice for them."""


class State(StrEnum):
    NO_DATA = "no-data"
    """The folder has no coverage data at all (or the file is outside every folder)."""
    MISSING = "missing"
    """The folder has data, but none for this file."""
    STALE = "stale"
    """Data exists, but the file changed on disk after the run and the measured text is gone."""
    CURRENT = "current"


class Freshness(StrEnum):
    FRESH = "fresh"
    EDITED = "edited"
    STALE = "stale"
    NONE = "none"


@dataclass(eq=False)
class DocumentCoverage:
    uri: str
    path: Path
    folder: Folder | None
    state: State = State.NO_DATA
    coverage: FileCoverage | None = None
    ranges: list[UncoveredRange] = field(default_factory=list)
    measured: MeasuredSource | None = None
    reason: str = ""
    """Why the data is missing or stale, in words for the user."""
    _line_map: tuple[int | None, str, LineMap] | None = None
    generation: int = 0
    """Bumped by each refresh, so a slower, older resolution never overwrites a newer one."""

    @property
    def settings(self) -> Settings:
        return self.folder.settings if self.folder is not None else Settings()

    def line_map(self, version: int | None, text: str) -> LineMap | None:
        """The map from measured lines to this buffer text, cached per version."""
        if self.measured is None:
            return None
        cached = self._line_map
        if cached is not None and cached[0] == version and cached[1] == self.measured.hash:
            return cached[2]
        line_map = self.measured.map_to(text)
        self._line_map = (version, self.measured.hash, line_map)
        return line_map

    def freshness(self, line_map: LineMap | None) -> Freshness:
        if self.state == State.STALE:
            return Freshness.STALE
        if line_map is None:
            return Freshness.NONE
        return Freshness.FRESH if line_map.identical else Freshness.EDITED


def is_python(uri: str, language_id: str | None) -> bool:
    return language_id == "python" or uri.endswith((".py", ".pyi"))


def measurement_key(fc: FileCoverage) -> tuple[str, float]:
    if fc.origin is None:
        return ("", 0.0)
    return (str(fc.origin.report_path), fc.origin.measured_at.timestamp())


@dataclass(frozen=True, slots=True)
class Resolution:
    state: State
    coverage: FileCoverage | None = None
    ranges: tuple[UncoveredRange, ...] = ()
    measured: MeasuredSource | None = None
    reason: str = ""
    problems: tuple[str, ...] = ()


def resolve(folder: Folder | None, path: Path, previous: MeasuredSource | None) -> Resolution:
    """Blocking: store lookups and a source read. Run in a worker thread.

    The measured text is kept from `previous` when the measurement is the same one, so edits
    saved to disk since keep being mapped rather than turning the data stale.
    """
    store = folder.store if folder is not None else None
    if folder is None or store is None:
        return Resolution(State.NO_DATA)
    if not folder.has_data():  # no diagnostics in every file, but hover says why
        return Resolution(State.NO_DATA, reason=store.explain_missing(path))
    fc = store.lookup(path)
    if fc is None:
        if IGNORED_PARTS.intersection(path.parts):
            return Resolution(State.NO_DATA)
        return Resolution(State.MISSING, reason=store.explain_missing(path))
    ranges = tuple(store.ranges(path) or ())
    key = measurement_key(fc)
    if previous is not None and previous.key == key:
        return Resolution(State.CURRENT, fc, ranges, previous)
    if not path.exists():
        return Resolution(
            State.STALE, fc, ranges, reason=f"{path.name} is not on disk (deleted or renamed)"
        )
    if store.is_stale(path):
        when = fc.origin.measured_at.astimezone().strftime("%H:%M:%S") if fc.origin else "?"
        return Resolution(
            State.STALE,
            fc,
            ranges,
            reason=f"{path.name} changed on disk after the coverage run (measured at {when})",
        )
    try:
        source = read_source(path)
    except SourceReadError as exc:
        return Resolution(State.STALE, fc, ranges, reason=str(exc), problems=(str(exc),))
    problems = (source.problem,) if source.problem else ()
    return Resolution(
        State.CURRENT, fc, ranges, MeasuredSource.of(key, source.text), problems=problems
    )


def apply(document: DocumentCoverage, resolution: Resolution) -> None:
    document.state = resolution.state
    document.coverage = resolution.coverage
    document.ranges = list(resolution.ranges)
    document.measured = resolution.measured
    document.reason = resolution.reason
    document._line_map = None
