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
from functools import lru_cache
from pathlib import Path
from typing import IO

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import (
    EXIT_UNRESOLVED,
    UNKNOWN_TARGET,
    Arc,
    CoverageOrigin,
    FileCoverage,
)
from covopt_ls.coverage.ranges import CompactRange, CompactRanges

BLOCK_SIZE = 4 * 1024 * 1024
_END = b"end_of_record"

_HEAD = re.compile(rb"(?:TN:[^\n]*+\n)?SF:([^\n]++)\n(?:VER:[^\n]*+\n)?")
_SEGMENT = re.compile(rb"(?:DA:\d++,[1-9]\d*+\n)*+(?:DA:(\d++),0\n(?:DA:(\d++),0\n)*+)?")
"""Covered DA lines, then a run of missing ones: validating and grouping in the same pass."""
_FUNCTIONS = re.compile(
    rb"(?:LF:\d++\nLH:\d++\n)?(?:FNL?:[^\n]*+\n|FNA:[^\n]*+\n|FNDA:[^\n]*+\n|FN[FH]:\d++\n)*+"
)
"""After the DA block, coverage.py writes LF/LH and the function records, then BRDA lines."""
_BRANCH_SEGMENT = re.compile(
    rb"(?:BRDA:\d++,\d++,[^\n,]*+,(?:[1-9]\d*+|-)\n)*+(?:BRDA:(\d++),\d++,([^\n,]*+),0\n)?"
)
"""Taken or never-run BRDA lines, then one not taken: validating and finding in one pass."""
_RECORD_END = re.compile(rb"(?:BRF:\d++\nBRH:\d++\n)?end_of_record")
_NEVER_RAN = re.compile(rb"\nBRDA:(\d++),\d++,[^\n,]*+,-(?=\n)")
"""A line none of whose branches ran (only its number: there are many, most never ran)."""
_BLANK = b"\r\n \t"
_JUMP = "jump to line "


class NotFastLayout(Exception):
    """The tracefile is not in coverage.py's layout: parse it line by line."""


@dataclass
class LcovIndex:
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)
    ranges: CompactRanges | None = None
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


@lru_cache(maxsize=4096)
def _target_of(description: bytes) -> int:
    return branch_target(description.decode("utf-8", "replace"))


def _outside(lines: list[int], runs: list[tuple[int, int]]) -> list[int]:
    """The sorted `lines` not inside any (sorted, disjoint) run: a loop over runs, not lines."""
    kept: list[int] = []
    done = 0
    for first, last in runs:
        inside = bisect.bisect_left(lines, first, done)
        kept += lines[done:inside]
        done = bisect.bisect_right(lines, last, inside)
    kept += lines[done:]
    return kept


def fast_record(buffer: bytes, start: int, end: int) -> tuple[str, list[CompactRange]]:
    """Validate one record (`buffer[start:end]`, not copied) as coverage.py's and take its ranges.

    Raises NotFastLayout when the record is laid out any other way.

    coverage.py writes every statement as a DA line, in line order, and BRDA lines only for
    statements. So missing lines are runs of consecutive `DA:n,0` lines; a BRDA record taken
    "0" is a missing arc of a line that ran (coverage.py writes "0" only when another branch of
    the line was taken); "-" marks a line none of whose branches ran, partial only if the line
    itself ran (it raised every time), i.e. it lies outside every missing run.
    """
    head = _HEAD.match(buffer, start, end)
    if head is None:
        raise NotFastLayout("record head")
    key = head.group(1).decode("utf-8")
    pos = head.end()
    runs: list[tuple[int, int]] = []
    while (segment := _SEGMENT.match(buffer, pos, end)) is not None:
        pos = segment.end()
        first, last = segment.groups()
        if first is None:
            break
        runs.append((int(first), int(last or first)))
    result: list[CompactRange] = [(first, 0, last, ()) for first, last in runs]
    functions = _FUNCTIONS.match(buffer, pos, end)
    pos = functions.end() if functions is not None else pos
    branches = pos
    by_line: dict[bytes, set[int]] = {}
    while (segment := _BRANCH_SEGMENT.match(buffer, pos, end)) is not None:
        pos = segment.end()
        number, description = segment.groups()
        if number is None:
            break
        by_line.setdefault(number, set()).add(_target_of(description))
    if _RECORD_END.fullmatch(buffer, pos, end) is None:
        raise NotFastLayout("record body")
    if branches == pos:
        return key, result
    never_ran = set(_NEVER_RAN.findall(buffer, branches - 1, pos))
    # A branch counts only on a line that ran: outside every missing run. (Other tools also
    # write "0" for the branches of a line that never ran; "-" lines usually never ran.)
    ran = _outside(sorted(map(int, never_ran | by_line.keys())), runs)
    for line in ran:
        number = b"%d" % line
        if number in never_ran:
            pattern = rb"\nBRDA:" + number + rb",\d++,([^\n,]*+),-(?=\n)"
            for description in re.findall(pattern, buffer[branches - 1 : pos]):
                by_line.setdefault(number, set()).add(_target_of(description))
        targets = by_line.get(number)
        if targets:
            ordered = sorted(targets) if len(targets) > 1 else targets
            result.append((line, 1, line, tuple([(line, target) for target in ordered])))
    if len(result) > len(runs):
        result.sort()
    return key, result


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


def _spans(handle: IO[bytes]) -> Iterator[tuple[bytes, int, int, int]]:
    """(buffer, start, end, file offset) of each record, `end_of_record` included.

    Streaming, and without copying records out of the block they are in: slicing 60 MB into
    records costs more than scanning them.
    """
    buffer = b""
    base = base_cut = 0
    while block := handle.read(BLOCK_SIZE):
        buffer = buffer[base_cut:] + block if buffer else block
        pos = 0
        while (end := buffer.find(_END, pos)) >= 0:
            end += len(_END)
            start = pos
            while start < end and buffer[start] in _BLANK:
                start += 1
            yield buffer, start, end, base + start
            pos = end
        base_cut = pos
        base += pos
    if buffer[base_cut:].strip():
        yield buffer, base_cut, len(buffer), base


def _records(handle: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for buffer, start, end, offset in _spans(handle):
        yield offset, buffer[start:end]


def scan(handle: IO[bytes], stamp: tuple[int, int], *, want_ranges: bool) -> LcovIndex:
    """Index a coverage.py tracefile in one pass; NotFastLayout if any record differs."""
    index = LcovIndex({}, CompactRanges() if want_ranges else None, stamp)
    for buffer, start, end, offset in _spans(handle):
        key, ranges = fast_record(buffer, start, end)
        if key in index.offsets:
            raise NotFastLayout("one file in several records")
        index.offsets[key] = (offset, end - start)
        if index.ranges is not None:
            index.ranges.compact[key] = ranges
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
