"""Generation jobs started from an editor, remembered by the text they were started on.

A job covers one or more gaps of one source file, in the coordinates of the buffer text it was
started with (its snapshot). What the job found stays tied to that text, not to a buffer version:
while the gap's lines read exactly as in the snapshot (edits elsewhere only move them), its
result is shown there; once the gap is edited it is hidden, and undoing the edit brings it back
without running anything again. No LSP here: lines are 1-based.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from covopt_ls import syntax
from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.freshness import LineMap, MeasuredSource, split_lines
from covopt_ls.generation import RecommendedTest
from covopt_ls.tasks.model import Progress, TaskStatus


@dataclass(frozen=True, slots=True)
class Scope:
    """A function (or method) by name and its 1-based line span."""

    name: str
    start: int
    end: int


def functions(source: str) -> tuple[Scope, ...]:
    """Every function and method, outermost first; empty when the text does not parse.

    Cached for the last few texts: code actions ask on every cursor move, and parsing a big
    module each time would cost more than the rest of the answer.
    """
    return _functions(source)


@functools.lru_cache(maxsize=16)
def _functions(source: str) -> tuple[Scope, ...]:
    try:
        tree = syntax.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return ()
    found: list[Scope] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            found.append(Scope(node.name, start, node.end_lineno or node.lineno))
    return tuple(found)


def enclosing(scopes: Sequence[Scope], line: int) -> Scope | None:
    """The innermost function around `line`."""
    best: Scope | None = None
    for scope in scopes:
        if scope.start <= line <= scope.end and (best is None or scope.start >= best.start):
            best = scope
    return best


def gap_label(gap: UncoveredRange) -> str:
    """ "lines 4-5", "line 9", "branch 12→15", "branch 12→exit"."""
    if gap.type == "branch" and gap.missing_arcs:
        targets = ", ".join("exit" if t < 0 else str(t) for _, t in gap.missing_arcs)
        noun = "branch" if len(gap.missing_arcs) == 1 else "branches"
        return f"{noun} {gap.start_line}→{targets}"
    if gap.start_line == gap.end_line:
        return f"line {gap.start_line}"
    return f"lines {gap.start_line}-{gap.end_line}"


def span_text(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}-{end}"


@dataclass(eq=False)
class GapJob:
    """One job started from the editor, and what became of it."""

    job_id: str
    path: Path
    uri: str
    title: str
    """ "lines 4-5 of calculate_discount": what the progress, hints and hover call it."""
    snapshot: MeasuredSource
    gaps: tuple[UncoveredRange, ...]
    """In the snapshot's lines."""
    test_path: Path
    engine: str
    functions: tuple[str, ...] = ()
    """The functions its gaps are in: new tests go after the file's tests of them."""
    task_id: str | None = None
    status: TaskStatus = TaskStatus.PENDING
    progress: Progress | None = None
    tests: list[RecommendedTest] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    error: str | None = None
    inserted: set[str] = field(default_factory=set)
    """Names of its tests already inserted into the test file."""
    _map: tuple[str, LineMap] | None = None

    @property
    def finished(self) -> bool:
        return self.status.finished

    def verified(self) -> list[RecommendedTest]:
        return [t for t in self.tests if t.verified and not t.possible_bug]

    def possible_bugs(self) -> list[RecommendedTest]:
        return [t for t in self.tests if t.possible_bug]

    def absorb(self, result: dict[str, Any] | None) -> None:
        """The task's result JSON (the HTTP API's `recommended_tests`) back into tests."""
        result = result or {}
        self.tests = [_test_from_json(item) for item in result.get("recommended_tests", [])]
        self.unreachable = [str(r) for r in result.get("unreachable", [])]

    def line_map(self, text: str, text_hash: str) -> LineMap:
        """Snapshot lines → `text` lines, cached for one text."""
        if self._map is None or self._map[0] != text_hash:
            self._map = (text_hash, self.snapshot.map_to(text))
        return self._map[1]

    def locate(self, gap: UncoveredRange, text: str, text_hash: str) -> tuple[int, int] | None:
        """Where `gap` is in `text`, when every one of its lines reads as in the snapshot."""
        if text_hash == self.snapshot.hash:
            return gap.start_line, gap.end_line
        line_map = self.line_map(text, text_hash)
        lines = split_lines(text)
        mapped = []
        for line in range(gap.start_line, gap.end_line + 1):
            now = line_map.to_current(line)
            if now is None or now > len(lines) or lines[now - 1] != self.snapshot.lines[line - 1]:
                return None
            mapped.append(now)
        if mapped != list(range(mapped[0], mapped[0] + len(mapped))):
            return None  # lines were inserted inside the gap
        return mapped[0], mapped[-1]

    def intact(self, text: str, text_hash: str) -> bool:
        return all(self.locate(gap, text, text_hash) is not None for gap in self.gaps)

    def tests_for(self, gap: UncoveredRange) -> list[RecommendedTest]:
        """Verified tests measured to execute part of `gap`."""
        lines = set(range(gap.start_line, gap.end_line + 1))
        arcs = set(gap.missing_arcs)
        return [
            t
            for t in self.verified()
            if (gap.type == "line" and lines & set(t.covered_lines)) or arcs & set(t.covered_arcs)
        ]

    def reason_for(self, gap: UncoveredRange) -> str:
        """Why nothing covers `gap`: the job's error, or the engine's reason for that range."""
        if self.error:
            return self.error
        label = gap_label(gap)
        prefixes = (label, f"line {gap.start_line}", f"lines {gap.start_line}-")
        for reason in self.unreachable:
            if reason.startswith(prefixes):
                return reason.split(": ", 1)[-1]
        if self.possible_bugs():
            return "the only test found fails on an assertion (a possible bug)"
        return self.unreachable[0].split(": ", 1)[-1] if self.unreachable else "none found"


def _test_from_json(item: dict[str, Any]) -> RecommendedTest:
    return RecommendedTest(
        test_code=str(item.get("test_code", "")),
        target_line=int(item.get("target_line") or 0),
        scenario_description=str(item.get("scenario_description") or ""),
        expected_coverage_impact=str(item.get("expected_coverage_impact") or ""),
        test_name=item.get("test_name"),
        covered_lines=[int(n) for n in item.get("covered_lines", [])],
        covered_arcs=[(int(a), int(b)) for a, b in item.get("covered_arcs", [])],
        passed=item.get("passed"),
        verified=bool(item.get("verified")),
        possible_bug=bool(item.get("possible_bug")),
        failure=item.get("failure"),
    )


class JobIndex:
    """Every editor job, by id and by source file (newest last)."""

    def __init__(self, max_per_file: int = 64) -> None:
        self._by_id: dict[str, GapJob] = {}
        self._by_path: dict[Path, list[GapJob]] = {}
        self._max_per_file = max_per_file

    def add(self, job: GapJob) -> None:
        self._by_id[job.job_id] = job
        jobs = self._by_path.setdefault(job.path, [])
        jobs.append(job)
        while len(jobs) > self._max_per_file:
            self._by_id.pop(jobs.pop(0).job_id, None)

    def get(self, job_id: str) -> GapJob | None:
        return self._by_id.get(job_id)

    def by_task(self, task_id: str) -> GapJob | None:
        return next((j for j in self._by_id.values() if j.task_id == task_id), None)

    def of_path(self, path: Path) -> list[GapJob]:
        return list(self._by_path.get(path, ()))

    def all(self) -> Iterator[GapJob]:
        return iter(list(self._by_id.values()))

    def showing(
        self, path: Path, text: str, text_hash: str
    ) -> list[tuple[GapJob, UncoveredRange, int, int]]:
        """(job, gap, start, end in `text`) for every gap whose lines read as when its job
        started; of several jobs on the same lines, the newest wins."""
        shown: dict[tuple[int, int, str], tuple[GapJob, UncoveredRange, int, int]] = {}
        for job in self._by_path.get(path, ()):
            if job.status == TaskStatus.CANCELLED:
                continue
            for gap in job.gaps:
                where = job.locate(gap, text, text_hash)
                if where is not None:
                    shown[(where[0], where[1], gap.type)] = (job, gap, *where)
        return sorted(shown.values(), key=lambda item: (item[2], item[3]))
