"""`read_report(path)`: any supported coverage file into a CoverageReport.

The format is told by the file name, or by the first bytes when the name says nothing.
Every failure is a CoverageReadError naming the file and the problem.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from covopt_ls.coverage import cobertura, coveragepy, jsonreport, lcov
from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.indexed import IndexedFiles
from covopt_ls.coverage.model import CoverageOrigin, FileCoverage
from covopt_ls.coverage.report import CoverageReport, ReportFormat

__all__ = ["CoverageReadError", "CoverageReport", "detect_format", "read_report"]


def detect_format(path: Path) -> ReportFormat:
    name = path.name
    if name == ".coverage" or name.startswith(".coverage."):
        return "coverage.py"
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "cobertura"
    if suffix == ".json":
        return "json"
    if suffix in (".info", ".lcov"):
        return "lcov"
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip()
    except OSError:
        head = b""
    if head.startswith(b"SQLite format 3"):
        return "coverage.py"
    if head.startswith(b"<"):
        return "cobertura"
    if head.startswith(b"{"):
        return "json"
    if head.startswith((b"SF:", b"TN:")):
        return "lcov"
    raise CoverageReadError(path, "not a coverage file this server can read")


EAGER_BELOW = 4_000_000
"""Reports smaller than this (bytes) are parsed whole, so their last good data survives the
file being rewritten; bigger ones keep an offset index and parse a file when it is asked for."""


def read_report(path: Path, *, want_ranges: bool = False) -> CoverageReport:
    """Read one coverage file (blocking: run it off the event loop).

    With `want_ranges`, big Cobertura and lcov reports also get every file's ranges computed
    in the same single pass (`report.ranges`).
    """
    report = _read(Path(path), want_ranges)
    files = report.files
    if isinstance(files, IndexedFiles) and files.stamp[0] < EAGER_BELOW:
        report.files = {key: files[key] for key in files}
        if not files.unchanged():
            raise CoverageReadError(path, "the report changed while it was read")
    return report


def _read(path: Path, want_ranges: bool) -> CoverageReport:
    fmt = detect_format(path)
    if fmt == "coverage.py":
        return coveragepy.read_data(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise CoverageReadError(path, f"cannot read the file ({exc.strerror})") from None
    if stat.st_size == 0:
        raise CoverageReadError(path, "the file is empty (perhaps still being written)")
    if fmt == "json":
        return jsonreport.read_json(path)
    measured_at = datetime.fromtimestamp(stat.st_mtime).astimezone()
    origin = CoverageOrigin(path, fmt, measured_at)
    try:
        if fmt == "cobertura":
            return _read_cobertura(path, origin, want_ranges)
        return _read_lcov(path, origin, want_ranges)
    except OSError as exc:
        raise CoverageReadError(path, f"cannot read the file ({exc.strerror})") from None


def _read_cobertura(path: Path, origin: CoverageOrigin, want_ranges: bool) -> CoverageReport:
    try:
        index = cobertura.scan(path, want_ranges=want_ranges)
    except (cobertura.NotFastLayout, UnicodeDecodeError):
        files, sources = cobertura.read_safely(path, origin)
        return CoverageReport(path, "cobertura", origin.measured_at, files, sources)

    def parse(chunk: bytes, key: str) -> FileCoverage:
        return cobertura.parse_validated(chunk, key, origin)

    def relocate(key: str, hint: int) -> FileCoverage | None:
        try:
            chunk = cobertura.locate_class(path, key, hint)
            measured_at = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except OSError:
            return None
        if chunk is None:
            return None
        return cobertura.parse_fast_chunk(
            chunk, key, CoverageOrigin(path, "cobertura", measured_at)
        )

    stamp = (index.size, index.mtime_ns)
    indexed = IndexedFiles(path, index.offsets, stamp, parse, relocate=relocate)
    return CoverageReport(
        path, "cobertura", origin.measured_at, indexed, index.sources, ranges=index.ranges
    )


def _read_lcov(path: Path, origin: CoverageOrigin, want_ranges: bool) -> CoverageReport:
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            index = lcov.scan(handle, (info.st_size, info.st_mtime_ns), want_ranges=want_ranges)
    except (lcov.NotFastLayout, UnicodeDecodeError):
        files = lcov.read_safely(path, origin)
        return CoverageReport(path, "lcov", origin.measured_at, files)
    if not index.offsets:
        raise CoverageReadError(path, "no SF records: not an lcov tracefile")

    def parse(record: bytes, key: str) -> FileCoverage:
        return lcov.parse_record(record, key, origin)

    indexed = IndexedFiles(path, index.offsets, index.stamp, parse)
    return CoverageReport(path, "lcov", origin.measured_at, indexed, ranges=index.ranges)
