"""Keeping coverage lines honest while the code moves.

Coverage data names lines of the source as it was when the tests ran ("the measured text"); the
editor shows a buffer that may have been edited since. `LineMap` maps lines between the two with a
line diff, so a gap moves down when lines are inserted above it and disappears when it is deleted.
When the measured text is unknown (the file changed on disk after the run, before we could keep a
copy), nothing can be mapped reliably and the caller shows the data as stale instead.

No LSP here: line numbers are 1-based, as coverage tools write them.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

_MAX_FUZZY_BLOCK = 64
"""Replaced blocks larger than this are treated as rewritten, not edited (keeps diffs cheap)."""
_SIMILAR = 0.6
"""A replaced line at least this similar to the old one is the same line being edited."""


def source_hash(text: str) -> str:
    """Identifies the measured source in diagnostics' data, so later actions can tell whether
    the text they act on is the one that was measured."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def split_lines(text: str) -> list[str]:
    """Lines without their endings; `\\r\\n` and `\\r` count as one break, as editors count them."""
    return text.splitlines()


class SourceReadError(Exception):
    """A source file that cannot be read at all (deleted, unreadable)."""


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    problem: str | None = None
    """Why the text is approximate (e.g. bytes that are not valid in the declared encoding)."""


def read_source(path: Path) -> SourceText:
    """Read a Python source as the interpreter would (PEP 263 coding cookie, BOM).

    Undecodable bytes are replaced rather than refused: line numbers stay right, which is all the
    line map needs, and `problem` says what happened so it can be reported once.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        return SourceText(
            data.decode("utf-8", "replace"), f"{path}: {exc.msg}; read as UTF-8 with replacements"
        )
    try:
        return SourceText(data.decode(encoding))
    except UnicodeDecodeError as exc:
        return SourceText(
            data.decode(encoding, "replace"),
            f"{path} is not valid {encoding} (byte {exc.start}); undecodable bytes replaced",
        )


@dataclass(slots=True)
class LineMap:
    """A partial, order-preserving map between measured lines and buffer lines (both 1-based)."""

    measured_count: int
    current_count: int
    _forward: dict[int, int] = field(default_factory=dict)
    _backward: dict[int, int] = field(default_factory=dict)
    identical: bool = False
    changed_blocks: int = 0
    """How many separate places differ: hover reports it as the amount of editing."""

    @classmethod
    def identity(cls, count: int) -> LineMap:
        return cls(count, count, identical=True)

    @classmethod
    def between(cls, measured: Sequence[str], current: Sequence[str]) -> LineMap:
        if len(measured) == len(current) and all(
            a == b for a, b in zip(measured, current, strict=True)
        ):
            return cls.identity(len(measured))
        line_map = cls(len(measured), len(current))
        head = _common_prefix(measured, current)
        tail = _common_suffix(measured[head:], current[head:])
        for line in range(1, head + 1):
            line_map._link(line, line)
        offset = len(current) - len(measured)
        for line in range(len(measured) - tail + 1, len(measured) + 1):
            line_map._link(line, line + offset)
        middle_a = measured[head : len(measured) - tail]
        middle_b = current[head : len(current) - tail]
        matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(a1 - a0):
                    line_map._link(head + a0 + k + 1, head + b0 + k + 1)
                continue
            line_map.changed_blocks += 1
            if tag == "replace" and max(a1 - a0, b1 - b0) <= _MAX_FUZZY_BLOCK:
                line_map._link_similar(middle_a, middle_b, a0, a1, b0, b1, head)
        return line_map

    def _link(self, measured_line: int, current_line: int) -> None:
        self._forward[measured_line] = current_line
        self._backward[current_line] = measured_line

    def _link_similar(
        self,
        old: Sequence[str],
        new: Sequence[str],
        a0: int,
        a1: int,
        b0: int,
        b1: int,
        head: int,
    ) -> None:
        """Pair replaced lines in order when they still look alike: a line being typed on keeps
        its coverage, a line rewritten into something else loses it."""
        j = b0
        for i in range(a0, a1):
            for k in range(j, b1):
                if _similar(old[i], new[k]):
                    self._link(head + i + 1, head + k + 1)
                    j = k + 1
                    break

    def to_current(self, measured_line: int) -> int | None:
        if self.identical:
            return measured_line if 1 <= measured_line <= self.measured_count else None
        return self._forward.get(measured_line)

    def to_measured(self, current_line: int) -> int | None:
        if self.identical:
            return current_line if 1 <= current_line <= self.current_count else None
        return self._backward.get(current_line)

    def range_to_current(self, start: int, end: int) -> tuple[int, int] | None:
        """Where a measured range is now; None when every line of it was deleted or rewritten."""
        if self.identical:
            return (start, end) if start >= 1 and end <= self.measured_count else None
        mapped = [m for line in range(start, end + 1) if (m := self._forward.get(line))]
        if not mapped:
            return None
        return min(mapped), max(mapped)


def _similar(a: str, b: str) -> bool:
    """Typing at the end of a line (a comment, an argument) keeps it the same line."""
    a, b = a.strip(), b.strip()
    if a.startswith(b) or b.startswith(a):
        return bool(a and b) or a == b
    return difflib.SequenceMatcher(None, a, b).ratio() >= _SIMILAR


def _common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True, slots=True)
class MeasuredSource:
    """The text coverage was measured on, kept while it is known to be that text.

    `key` identifies the measurement (report and time): a new run needs a new snapshot.
    """

    key: tuple[str, float]
    lines: tuple[str, ...]
    hash: str

    @classmethod
    def of(cls, key: tuple[str, float], text: str) -> MeasuredSource:
        return cls(key, tuple(split_lines(text)), source_hash(text))

    def map_to(self, current_text: str) -> LineMap:
        return LineMap.between(self.lines, split_lines(current_text))
