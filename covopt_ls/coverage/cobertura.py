"""Cobertura XML (`coverage xml`, and other tools' Cobertura) into the model.

Two paths that give identical results:

- the safe path: defusedxml's streaming parser (no entity expansion, no external entities or
  external DTD fetching; a DOCTYPE without entity declarations, as other tools write it, is
  accepted), for any Cobertura document;
- the fast path, for the exact layout coverage.py writes: a byte scanner that validates the whole
  document against that layout with regular expressions (no `<!` except comments in the
  prolog, no `&` at all, every element where coverage.py puts it) and keeps an index of each
  `<class>` element's byte offsets, so one file can be parsed later without reading the rest.
  Anything it does not recognise sends the whole document to the safe path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import (
    EXIT_UNRESOLVED,
    UNKNOWN_TARGET,
    Arc,
    CoverageOrigin,
    FileCoverage,
)
from covopt_ls.coverage.ranges import CompactRange, CompactRanges
from covopt_ls.coverage.stamps import handle_stamp

BLOCK_SIZE = 4 * 1024 * 1024

_HEAD = re.compile(
    rb'<\?xml version="1\.0" \?>\s*'
    rb"<coverage(?: [a-z-]+=\"[^\"<>&]*\")*>\s*"
    rb"(?:<!--(?:[^-]|-(?!-))*-->\s*)*"
    rb"<sources>\s*((?:<source>[^<&]*</source>\s*)*)</sources>\s*"
    rb"<packages>\s*"
)
_SOURCE = re.compile(rb"<source>([^<&]*)</source>")
_PACKAGE_OPEN = (
    rb'<package name="[^"<>&]*" line-rate="[\d.]+" branch-rate="[\d.]+" complexity="\d+">'
    rb"\s*<classes>\s*"
)
_PACKAGE_CLOSE = rb"</classes>\s*</package>\s*"
_BETWEEN = re.compile(rb"\s*(?:" + _PACKAGE_CLOSE + _PACKAGE_OPEN + rb")?")
_FIRST = re.compile(_PACKAGE_OPEN)
_TAIL = re.compile(rb"\s*(?:" + _PACKAGE_CLOSE + rb")?</packages>\s*</coverage>\s*")
_LINE = (
    rb'<line number="\d++" hits="\d++"(?: branch="true" condition-coverage="\d++% \(\d++/\d++\)"'
    rb'(?: missing-branches="[\w,-]*+")?+)?+/>'
)
# Possessive quantifiers: a validated element never needs backtracking, and they halve the time.
_CLASS = re.compile(
    rb'<class name="[^"<>&]*+" filename="([^"<>&]*+)" complexity="\d++" line-rate="[\d.]++"'
    rb' branch-rate="[\d.]++">\s*+<methods/>\s*+'
    rb"(?:<lines/>|<lines>(?:\s*+" + _LINE + rb")*+\s*+</lines>)\s*+</class>"
)
_CLASS_START = b"<class "
_CLASS_END = b"</class>"
_BRANCH = rb'(?: branch="true" condition-coverage="\d++% \(\d++/\d++\)")'
_ZERO_TAIL = _BRANCH + rb'?+(?: missing-branches="[\w,-]*+")?+/>'
_SEGMENT = re.compile(
    rb'(?:\s*+<line number="\d++" hits="[1-9]\d*+"' + _BRANCH + rb"?+/>)*+"
    rb'(?:\s*+<line number="(\d++)" hits="(?:0"'
    + _ZERO_TAIL
    + rb'(?:\s*+<line number="(\d++)" hits="0"'
    + _ZERO_TAIL
    + rb")*+"
    rb'|[1-9]\d*+"' + _BRANCH + rb' missing-branches="([\w,-]++)"/>))?'
)
"""Fully covered lines, then either a run of consecutive `hits="0"` lines or one executed line
with missing branches: validating and grouping in one pass."""
_CLASS_HEAD = re.compile(
    rb'<class name="[^"<>&]*+" filename="([^"<>&]*+)" complexity="\d++" line-rate="[\d.]++"'
    rb' branch-rate="[\d.]++">\s*+<methods/>\s*+(?:<lines/>\s*+</class>|<lines>)'
)
_CLASS_TAIL = re.compile(rb"\s*+</lines>\s*+</class>")
_LINE_FIELDS = re.compile(
    rb'<line number="(\d+)" hits="(\d+)"(?: branch="true" condition-coverage="\d+% \((\d+)/(\d+)\)"'
    rb'(?: missing-branches="([^"]*)")?)?/>'
)
_CONDITION = re.compile(r"\((\d+)/(\d+)\)")


class NotFastLayout(Exception):
    """The document is not in coverage.py's exact layout: use the safe parser."""


@dataclass
class CoberturaIndex:
    """Byte offsets of each file's `<class>` element(s) in a validated coverage.py report."""

    sources: list[str]
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)
    ranges: CompactRanges | None = None
    size: int = 0
    mtime_ns: int = 0


def _target(text: str) -> int:
    if text == "exit":
        return EXIT_UNRESOLVED
    try:
        return int(text)
    except ValueError:
        return UNKNOWN_TARGET


def fast_class(buffer: bytes, start: int, end: int) -> tuple[str, list[CompactRange]]:
    """Validate one `<class>` element (`buffer[start:end]`, not copied) and take its ranges.

    coverage.py lists every statement of the file in line order, so consecutive `hits="0"`
    elements are consecutive missing statements (exactly coverage.py's grouping) and ranges
    come out sorted. Raises NotFastLayout when the element is laid out any other way.
    """
    head = _CLASS_HEAD.match(buffer, start, end)
    if head is None:
        raise NotFastLayout(f"class at byte {start}")
    key = head.group(1).decode("utf-8")
    pos = head.end()
    if pos == end:  # <lines/>: nothing measured
        return key, []
    result: list[CompactRange] = []
    while (segment := _SEGMENT.match(buffer, pos, end)) is not None:
        pos = segment.end()
        first, last, missing = segment.groups()
        if first is None:
            break
        line = int(first)
        if missing:
            arcs = tuple([(line, target) for target in _targets(missing.decode("ascii"))])
            result.append((line, 1, line, arcs))
        else:
            result.append((line, 0, int(last or first), ()))
    if _CLASS_TAIL.fullmatch(buffer, pos, end) is None:
        raise NotFastLayout(f"class {key}")
    return key, result


class _Lines:
    """One file's `<line>` elements, gathered the same way by both parsers."""

    def __init__(self) -> None:
        self.hits: dict[int, int] = {}
        self.branch_lines: dict[int, int] = {}
        self.missing_arcs: list[Arc] = []

    def add(self, line: int, hit: int) -> None:
        self.hits[line] = max(self.hits.get(line, 0), hit)

    def file(self, key: str, origin: CoverageOrigin | None) -> FileCoverage:
        return FileCoverage(
            path=key,
            statements=frozenset(self.hits),
            executed=frozenset(line for line, hit in self.hits.items() if hit),
            missing_arcs=tuple(self.missing_arcs),
            branch_lines=self.branch_lines,
            hits=self.hits,
            origin=origin,
        )


def _targets(missing: str) -> list[int]:
    return sorted({_target(t.strip()) for t in missing.split(",") if t.strip()})


def parse_fast_chunk(chunk: bytes, key: str, origin: CoverageOrigin | None) -> FileCoverage:
    """One validated coverage.py `<class>` element into the model."""
    lines = _Lines()
    for number, count, _taken, total, missing in _LINE_FIELDS.findall(chunk):
        line, hit = int(number), int(count)
        lines.add(line, hit)
        if total:
            lines.branch_lines[line] = int(total)
        if missing and hit:
            lines.missing_arcs.extend((line, t) for t in _targets(missing.decode("ascii")))
    return lines.file(key, origin)


def _merge(first: FileCoverage, second: FileCoverage) -> FileCoverage:
    """Some tools split one source file over several `<class>` elements."""
    hits = dict(first.hits)
    for line, count in second.hits.items():
        hits[line] = max(hits.get(line, 0), count)
    executed = first.executed | second.executed
    branch_lines = {**first.branch_lines, **second.branch_lines}
    missing = tuple(
        sorted({arc for arc in first.missing_arcs + second.missing_arcs if arc[0] in executed})
    )
    return FileCoverage(
        path=first.path,
        statements=first.statements | second.statements,
        executed=executed,
        missing_arcs=missing,
        branch_lines=branch_lines,
        hits=hits,
        origin=first.origin,
    )


def _blocks(handle: IO[bytes]) -> Iterator[bytes]:
    while block := handle.read(BLOCK_SIZE):
        yield block


def scan(path: Path, *, want_ranges: bool) -> CoberturaIndex:
    """Validate a coverage.py Cobertura report and index its classes, in one streaming pass.

    Memory stays at a few blocks whatever the report's size. Raises NotFastLayout on anything
    that is not coverage.py's layout (including truncation), OSError on I/O trouble.
    """
    with path.open("rb") as handle:
        stat = handle_stamp(handle)
        blocks = _blocks(handle)
        buffer = b""
        for block in blocks:
            buffer += block
            if _CLASS_START in buffer or len(buffer) > BLOCK_SIZE:
                break
        head = _HEAD.match(buffer)
        if head is None:
            raise NotFastLayout("prolog")
        sources = [s.decode("utf-8") for s in _SOURCE.findall(head.group(1))]
        index = CoberturaIndex(sources, {}, CompactRanges() if want_ranges else None)
        index.size, index.mtime_ns = stat
        base = 0  # file offset of buffer[0]
        pos = head.end()
        first = _FIRST.match(buffer, pos)
        if first is not None:
            pos = first.end()
        while True:
            start = buffer.find(_CLASS_START, pos)
            end = buffer.find(_CLASS_END, start) if start >= 0 else -1
            if end < 0:
                more = next(blocks, None)
                if more is None:
                    break
                buffer = buffer[pos:] + more
                base += pos
                pos = 0
                continue
            between = _BETWEEN.fullmatch(buffer, pos, start)
            if between is None or first is None:
                raise NotFastLayout(f"unexpected content at byte {base + pos}")
            end += len(_CLASS_END)
            key, ranges = fast_class(buffer, start, end)
            if key in index.offsets:
                raise NotFastLayout("one file in several classes")
            index.offsets[key] = (base + start, end - start)
            if index.ranges is not None:
                index.ranges.compact[key] = ranges
            pos = end
        if _TAIL.fullmatch(buffer, pos) is None:
            raise NotFastLayout("document end")
    return index


def parse_validated(chunk: bytes, key: str, origin: CoverageOrigin | None) -> FileCoverage:
    """A `<class>` element read back by offset: re-validated, as the file may have changed."""
    match = _CLASS.fullmatch(chunk)
    if match is None or match.group(1) != key.encode("utf-8"):
        raise CoverageReadError(key, "the report changed since it was read")
    return parse_fast_chunk(chunk, key, origin)


def locate_class(path: Path, key: str, hint: int, window: int = 1 << 20) -> bytes | None:
    """Find one file's `<class>` element near where it was before the report was rewritten.

    A re-run rewrites the report with mostly the same layout, so the element is usually within
    a few kilobytes of its old offset: reading a window around it serves an open file long
    before the whole report is re-indexed. Returns None when it is not found there, and only
    ever returns an element that matches coverage.py's layout, from a document whose prolog
    does too (no DTD, no entities).
    """
    needle = b'filename="' + key.encode("utf-8") + b'"'
    with path.open("rb") as handle:
        prolog = handle.read(64 * 1024)
        if _HEAD.match(prolog) is None:
            return None
        start = max(0, hint - window)
        handle.seek(start)
        data = handle.read(2 * window)
    at = data.find(needle)
    if at < 0:
        return None
    begin = data.rfind(_CLASS_START, 0, at)
    end = data.find(_CLASS_END, at)
    if begin < 0 or end < 0:
        return None
    chunk = data[begin : end + len(_CLASS_END)]
    match = _CLASS.fullmatch(chunk)
    if match is None or match.group(1) != key.encode("utf-8"):
        return None
    return chunk


def read_safely(path: Path, origin: CoverageOrigin) -> tuple[dict[str, FileCoverage], list[str]]:
    """Any Cobertura document, through defusedxml's streaming parser."""
    files: dict[str, FileCoverage] = {}
    sources: list[str] = []
    seen_root = False
    try:
        for event, element in SafeET.iterparse(str(path), events=("start", "end")):
            if event == "start":
                if not seen_root:
                    seen_root = True
                    if element.tag != "coverage":
                        raise CoverageReadError(
                            path, f"not a Cobertura report (root element <{element.tag}>)"
                        )
                continue
            if element.tag == "source":
                sources.append((element.text or "").strip())
            elif element.tag == "class":
                key = element.get("filename")
                if key:
                    fc = _class_element(element, key, origin)
                    files[key] = _merge(files[key], fc) if key in files else fc
                element.clear()
            elif element.tag == "package":
                element.clear()
    except DefusedXmlException as exc:
        raise CoverageReadError(
            path, f"refused to parse: the XML declares entities or a DTD ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise CoverageReadError(
            path, f"not well-formed XML, perhaps cut short while being written ({exc})"
        ) from None
    return files, sources


def _class_element(element: Element, key: str, origin: CoverageOrigin) -> FileCoverage:
    lines = _Lines()
    lines_element = element.find("lines")
    for line_element in lines_element.iter("line") if lines_element is not None else ():
        try:
            line = int(line_element.get("number", ""))
            hit = int(float(line_element.get("hits", "0")))
        except ValueError:
            continue
        lines.add(line, hit)
        if line_element.get("branch") != "true":
            continue
        condition = _CONDITION.search(line_element.get("condition-coverage", ""))
        taken, total = (int(condition[1]), int(condition[2])) if condition else (0, 0)
        if total:
            lines.branch_lines[line] = total
        if not hit:
            continue
        missing = line_element.get("missing-branches")
        if missing:
            lines.missing_arcs.extend((line, t) for t in _targets(missing))
        elif taken < total:
            lines.missing_arcs.append((line, UNKNOWN_TARGET))
    return lines.file(key, origin)
