"""A whole coverage report: which files it measured, where it came from, when.

`files` is a Mapping so that big reports can hand out one file's coverage on demand (parsed
from an offset index) instead of holding millions of lines in memory at once.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from covopt_ls.coverage.exits import resolve_exits
from covopt_ls.coverage.model import FileCoverage, UncoveredRange

ReportFormat = Literal["coverage.py", "cobertura", "json", "lcov"]


@dataclass
class CoverageReport:
    path: Path
    format: ReportFormat
    measured_at: datetime
    files: Mapping[str, FileCoverage]
    """Keyed by the path exactly as the report names it (absolute or relative)."""
    source_roots: list[str] = field(default_factory=list)
    """Cobertura `<source>` roots, in report order; empty for the other formats."""
    warnings: list[str] = field(default_factory=list)
    """Problems that did not stop the read (e.g. a parallel data file that was unreadable)."""
    ranges: Mapping[str, list[UncoveredRange]] | None = None
    """Every file's ranges when the reader computed them in its single pass (big reports)."""

    def file_coverage(self, key: str, local_path: Path | None = None) -> FileCoverage:
        """One file's coverage; `local_path` is where its source is on this machine.

        Only `.coverage` data needs the source (statements come from analysing it); the other
        formats carry their statements and ignore `local_path`.
        """
        files = self.files
        if local_path is None:
            return files[key]
        if isinstance(files, SourceAnalysedFiles):
            return files.analyse(key, local_path)
        fc = files[key]
        if self.format in ("cobertura", "lcov"):
            fc = resolve_exits(fc, local_path)
        return fc


class SourceAnalysedFiles(Mapping[str, FileCoverage]):
    """Files whose statements come from analysing their source (coverage.py data)."""

    @abstractmethod
    def analyse(self, key: str, local_path: Path) -> FileCoverage: ...

    def __getitem__(self, key: str) -> FileCoverage:
        return self.analyse(key, Path(key))

    @abstractmethod
    def __iter__(self) -> Iterator[str]: ...

    @abstractmethod
    def __len__(self) -> int: ...
