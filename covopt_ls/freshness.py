"""Keeping coverage lines honest while the code moves.

Coverage data names lines of the source as it was when the tests ran ("the measured text"); the
editor shows a buffer that may have been edited since. `LineMap` maps lines between the two with a
line diff, so a gap moves down when lines are inserted above it and disappears when it is deleted.
When the measured text is unknown (the file changed on disk after the run, before we could keep a
copy), nothing can be mapped reliably and the caller shows the data as stale instead.

No LSP here: line numbers are 1-based, as coverage tools write them.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import io
import tokenize
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_MAX_FUZZY_BLOCK = 64
"""Replaced blocks larger than this are treated as rewritten, not edited (keeps diffs cheap)."""
_EXACT_DIFF_LIMIT = 4_000_000
"""Changed regions up to about 2,000 x 2,000 lines are diffed exactly."""
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
        for tag, a0, a1, b0, b1 in _opcodes(middle_a, middle_b, 0, 0):
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


Opcode = tuple[str, int, int, int, int]


def _opcodes(a: Sequence[str], b: Sequence[str], a_off: int, b_off: int) -> Iterator[Opcode]:
    """difflib's opcodes, made affordable for big changed regions.

    Exact matching is quadratic; beyond the limit the region is split at lines that occur once
    in each version and keep their order (patience diff's anchors), and each piece is diffed on
    its own. A region without anchors (a rewrite) falls back to difflib's fast heuristic.
    """
    if len(a) * len(b) <= _EXACT_DIFF_LIMIT:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            yield tag, a0 + a_off, a1 + a_off, b0 + b_off, b1 + b_off
        return
    anchors = _unique_anchors(a, b)
    if not anchors:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=True)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            yield tag, a0 + a_off, a1 + a_off, b0 + b_off, b1 + b_off
        return
    i0 = j0 = 0
    for i, j in [*anchors, (len(a), len(b))]:
        if i > i0 or j > j0:
            yield from _opcodes(a[i0:i], b[j0:j], a_off + i0, b_off + j0)
        if i < len(a):
            yield "equal", a_off + i, a_off + i + 1, b_off + j, b_off + j + 1
        i0, j0 = i + 1, j + 1


def _unique_anchors(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs of lines unique in both sequences, longest increasing run by position in `b`."""
    count_a = Counter(a)
    count_b = Counter(b)
    where_b = {line: j for j, line in enumerate(b) if count_b[line] == 1}
    pairs = [
        (i, where_b[line])
        for i, line in enumerate(a)
        if count_a[line] == 1 and line in where_b and line.strip()
    ]
    # Longest increasing subsequence of the b positions (patience sorting).
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        slot = bisect.bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[slot] = j
            tail_index[slot] = k
        previous[k] = tail_index[slot - 1] if slot else -1
    chain: list[tuple[int, int]] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


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
