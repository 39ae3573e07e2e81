"""lcov tracefiles (`coverage lcov`, and other tools' lcov): SF, DA, BRDA, end_of_record.

Like the Cobertura reader, two paths with identical results: records in the layout coverage.py
writes (SF, DA lines in order, LF/LH, FN records, BRDA lines, BRF/BRH) are indexed by byte
offset and their ranges taken from runs of `DA:n,0` lines; anything else is parsed line by
line. A BRDA destination is known only from coverage.py's wording ("jump to line 12"); exits
("return from function 'f'") become EXIT_UNRESOLVED and other tools' block/branch numbers
UNKNOWN_TARGET.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import (
    EXIT_UNRESOLVED,
    UNKNOWN_TARGET,
    Arc,
    CoverageOrigin,
    FileCoverage,
    UncoveredRange,
)

BLOCK_SIZE = 4 * 1024 * 1024
_END = b"end_of_record"

_RECORD = re.compile(
    rb"(?:TN:[^\n]*+\n)?SF:([^\n]++)\n(?:VER:[^\n]*+\n)?(?:DA:\d++,\d++\n)*+"
    rb"(?:LF:\d++\nLH:\d++\n)?(?:FNL?:[^\n]*+\n|FNA:[^\n]*+\n|FNDA:[^\n]*+\n|FN[FH]:\d++\n)*+"
    rb"(?:BRDA:\d++,\d++,[^\n]*+\n)*+(?:BRF:\d++\nBRH:\d++\n)?end_of_record"
)
"""One record in coverage.py's layout: DA lines in one block, then functions, then branches."""
_MISSING_RUN = re.compile(rb"^DA:(\d+),0\n(?:DA:(\d+),0\n)*", re.MULTILINE)
_UNTAKEN = re.compile(rb"^BRDA:(\d+),\d+,([^\n]*),[0-]$", re.MULTILINE)
_STATEMENT = re.compile(rb"^DA:(\d+),", re.MULTILINE)
_JUMP = "jump to line "


class NotFastLayout(Exception):
    """The tracefile is not in coverage.py's layout: parse it line by line."""


@dataclass
class LcovIndex:
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)
    ranges: dict[str, list[UncoveredRange]] | None = None
    stamp: tuple[int, int] = (0, 0)


def branch_target(description: str) -> int:
    if description.startswith(_JUMP):
        try:
            return int(description[len(_JUMP) :])
        except ValueError:
            return UNKNOWN_TARGET
    if "exit" in description or description.startswith(("return from", "except from")):
        return EXIT_UNRESOLVED
    return UNKNOWN_TARGET


def fast_record_ranges(record: bytes) -> list[UncoveredRange]:
    """Ranges of a validated coverage.py record, from runs of `DA:n,0` lines."""
    runs: list[tuple[int, int]] = []
    for first, last in _MISSING_RUN.findall(record):
        start = int(first)
        runs.append((start, int(last) if last else start))
    result = [UncoveredRange(start, end, "line") for start, end in runs]
    untaken = _UNTAKEN.findall(record)
    if not untaken:
        return result
    starts = [start for start, _ in runs]
    by_line: dict[int, set[int]] = {}
    for number, description in untaken:
        line = int(number)
        at = bisect.bisect_right(starts, line) - 1
        if at >= 0 and line <= runs[at][1]:
            continue  # inside a missing run: the line never ran
        by_line.setdefault(line, set()).add(branch_target(description.decode("utf-8", "replace")))
    statements = None
    for line, targets in by_line.items():
        if statements is None:
            statements = {int(n) for n in _STATEMENT.findall(record)}
        if line in statements:
            arcs = tuple((line, t) for t in sorted(targets))
            result.append(UncoveredRange(line, line, "branch", arcs))
    result.sort(key=lambda r: (r.start_line, r.type != "line"))
    return result


Fields = tuple[str, dict[int, int], list[tuple[int, str, str]]]


def _fields(record: bytes) -> Fields:
    """(SF path, DA hits, BRDA (line, description, taken)) of one record."""
    hits: dict[int, int] = {}
    brda: list[tuple[int, str, str]] = []
    path = ""
    for raw in record.decode("utf-8", "replace").splitlines():
        kind, _, value = raw.strip().partition(":")
        if kind == "DA":
            parts = value.split(",")
            try:
                line, count = int(parts[0]), int(float(parts[1]))
            except (ValueError, IndexError):
                continue
            hits[line] = hits.get(line, 0) + count
        elif kind == "BRDA":
            head, _, taken = value.rpartition(",")
            parts = head.split(",", 2)
            if len(parts) == 3 and parts[0].isdigit():
                brda.append((int(parts[0]), parts[2], taken.strip()))
        elif kind == "SF" and not path:
            path = value
    return path, hits, brda


def parse_record(record: bytes, key: str, origin: CoverageOrigin | None) -> FileCoverage:
    """One record (as indexed) into the model."""
    path, hits, brda = _fields(record)
    return _file_coverage(key or path, hits, brda, origin)


def _file_coverage(
    path: str, hits: dict[int, int], brda: list[tuple[int, str, str]], origin: CoverageOrigin | None
) -> FileCoverage:
    executed = frozenset(line for line, count in hits.items() if count > 0)
    branch_lines: dict[int, int] = {}
    missing: set[Arc] = set()
    taken_arcs: set[Arc] = set()
    for line, description, taken in brda:
        branch_lines[line] = branch_lines.get(line, 0) + 1
        target = branch_target(description)
        if taken in ("0", "-"):
            if line in executed:
                missing.add((line, target))
        elif target != UNKNOWN_TARGET:
            taken_arcs.add((line, target))
    return FileCoverage(
        path=path,
        statements=frozenset(hits),
        executed=executed,
        missing_arcs=tuple(sorted(missing)),
        executed_arcs=tuple(sorted(taken_arcs)),
        branch_lines=branch_lines,
        hits=hits,
        origin=origin,
    )


def _records(handle: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each record, `end_of_record` included, streaming."""
    buffer = b""
    base = 0
    while True:
        block = handle.read(BLOCK_SIZE)
        if not block:
            break
        buffer = buffer + block if buffer else block
        pos = 0
        while True:
            end = buffer.find(_END, pos)
            if end < 0:
                break
            end += len(_END)
            start = pos
            while start < end and buffer[start] in b"\r\n \t":
                start += 1
            yield base + start, buffer[start:end]
            pos = end
        buffer = buffer[pos:]
        base += pos
    if buffer.strip():
        yield base, buffer


def scan(handle: IO[bytes], stamp: tuple[int, int], *, want_ranges: bool) -> LcovIndex:
    """Index a coverage.py tracefile in one pass; NotFastLayout if any record differs."""
    index = LcovIndex({}, {} if want_ranges else None, stamp)
    for offset, record in _records(handle):
        match = _RECORD.fullmatch(record)
        if match is None:
            raise NotFastLayout(f"record at byte {offset}")
        key = match.group(1).decode("utf-8")
        if key in index.offsets:
            raise NotFastLayout("one file in several records")
        index.offsets[key] = (offset, len(record))
        if index.ranges is not None:
            index.ranges[key] = fast_record_ranges(record)
    return index


def read_safely(path: Path, origin: CoverageOrigin) -> dict[str, FileCoverage]:
    """Any tracefile: records parsed line by line, one file's records merged."""
    hits: dict[str, dict[int, int]] = {}
    brda: dict[str, list[tuple[int, str, str]]] = {}
    try:
        with path.open("rb") as handle:
            for offset, record in _records(handle):
                if not record.rstrip().endswith(_END):
                    raise CoverageReadError(
                        path, f"the record at byte {offset} has no end_of_record (cut short?)"
                    )
                key, record_hits, record_brda = _fields(record)
                if not key:
                    raise CoverageReadError(path, f"the record at byte {offset} has no SF line")
                merged = hits.setdefault(key, {})
                for line, count in record_hits.items():
                    merged[line] = merged.get(line, 0) + count
                brda.setdefault(key, []).extend(record_brda)
    except OSError as exc:
        raise CoverageReadError(path, f"cannot read the file ({exc.strerror})") from None
    return {key: _file_coverage(key, hits[key], brda.get(key, []), origin) for key in hits}
