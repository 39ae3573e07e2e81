"""From raw runs to a judgement: passed, verified, flaky, possible bug, what was covered.

Kept apart from the subprocess plumbing so the rules are plain functions over plain data.
A candidate is verified when it passed every run and executed at least one target line (or
took at least one missing branch arc). Coverage counts only what every run executed, so a
test whose path varies from run to run is not credited with its luckiest run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from covopt_ls.coverage.model import Arc, UncoveredRange
from covopt_ls.generation import RecommendedTest


@dataclass(frozen=True, slots=True)
class Target:
    """What a request wants covered: the lines of its ranges and the missing arcs.

    A request with no ranges targets the whole file (`lines` is None).
    """

    lines: frozenset[int] | None
    arcs: frozenset[Arc] = frozenset()


def target_of(ranges: Iterable[UncoveredRange]) -> Target:
    lines: set[int] = set()
    arcs: set[Arc] = set()
    any_range = False
    for item in ranges:
        any_range = True
        if item.type == "branch" and item.missing_arcs:
            arcs.update(item.missing_arcs)
            # The destination lines of a missing arc are also worth reaching.
            lines.update(dest for _, dest in item.missing_arcs if dest > 0)
        else:
            lines.update(range(item.start_line, item.end_line + 1))
    return Target(lines=frozenset(lines) if any_range else None, arcs=frozenset(arcs))


@dataclass(slots=True)
class Measurement:
    runs: int = 0
    passes: int = 0
    timed_out: bool = False
    collection_error: str | None = None
    failure: str | None = None
    assertion_failure_runs: int = 0
    lines: frozenset[int] = frozenset()
    arcs: frozenset[Arc] = frozenset()
    notes: list[str] = field(default_factory=list)
    repeat: int = 1
    executed: bool = False
    """Some run got as far as running a test (not stopped at collection or import)."""

    @classmethod
    def from_runs(cls, runs: Sequence[dict[str, Any]], repeat: int) -> Measurement:
        measurement = cls(runs=len(runs), repeat=repeat)
        common_lines: set[int] | None = None
        common_arcs: set[Arc] | None = None
        for run in runs:
            lines = {int(n) for n in run.get("lines", [])}
            arcs = {(int(a), int(b)) for a, b in run.get("arcs", [])}
            common_lines = lines if common_lines is None else common_lines & lines
            common_arcs = arcs if common_arcs is None else common_arcs & arcs
            if run.get("passed", 0) or run.get("failed", 0) or run.get("timed_out"):
                measurement.executed = True
            for note in run.get("notes", []):
                if note not in measurement.notes:
                    measurement.notes.append(str(note))
            if _run_passed(run):
                measurement.passes += 1
                continue
            if run.get("timed_out"):
                measurement.timed_out = True
            if run.get("collection_error") and measurement.collection_error is None:
                measurement.collection_error = str(run["collection_error"])
            if run.get("assertion_failures", 0) > 0 and not run.get("errors"):
                measurement.assertion_failure_runs += 1
            if measurement.failure is None:
                measurement.failure = _run_failure(run)
        measurement.lines = frozenset(common_lines or ())
        measurement.arcs = frozenset(common_arcs or ())
        return measurement

    @property
    def passed_every_run(self) -> bool:
        return self.runs > 0 and self.passes == self.runs

    @property
    def flaky(self) -> bool:
        return 0 < self.passes < self.runs


def _run_passed(run: dict[str, Any]) -> bool:
    return (
        run.get("exit_code") == 0
        and run.get("passed", 0) > 0
        and not run.get("failed")
        and not run.get("errors")
    )


def _run_failure(run: dict[str, Any]) -> str:
    if run.get("timed_out"):
        return f"timed out after {run.get('duration', 0):.0f} s"
    if run.get("crashed"):
        return str(run["crashed"])
    if run.get("collection_error"):
        return "could not be collected: " + str(run["collection_error"])
    parts = [*run.get("failures", []), *run.get("errors", [])]
    if parts:
        return "\n".join(str(p) for p in parts)
    if run.get("skipped"):
        return "skipped"
    if run.get("passed", 0) == 0:
        return "no test was collected (a test function's name must start with test_)"
    return f"pytest exited with status {run.get('exit_code')}"


def _ranges_text(lines: Sequence[int]) -> str:
    spans: list[str] = []
    start = previous = None
    for line in sorted(lines):
        if start is None or previous is None:
            start = previous = line
        elif line == previous + 1:
            previous = line
        else:
            spans.append(f"{start}" if start == previous else f"{start}-{previous}")
            start = previous = line
    if start is not None and previous is not None:
        spans.append(f"{start}" if start == previous else f"{start}-{previous}")
    return ", ".join(spans)


def describe_coverage(lines: Sequence[int], arcs: Sequence[Arc]) -> str:
    """ "Covers lines 4-5 (measured)"; branches that add no new line are named as arcs."""
    parts = []
    if lines:
        noun = "line" if len(lines) == 1 else "lines"
        parts.append(f"{noun} {_ranges_text(lines)}")
    extra_arcs = [arc for arc in arcs if arc[1] not in lines or not lines]
    if extra_arcs:
        noun = "branch" if len(extra_arcs) == 1 else "branches"
        shown = ", ".join(f"{a}->{b}" if b > 0 else f"{a}->exit" for a, b in sorted(extra_arcs)[:6])
        parts.append(f"{noun} {shown}")
    if not parts:
        return "Covers no target line (measured)"
    return "Covers " + " and ".join(parts) + " (measured)"


def judge(test: RecommendedTest, measurement: Measurement, target: Target) -> RecommendedTest:
    """Fill the measured fields of `test` (in place, and returned for convenience)."""
    if target.lines is None:
        covered_lines = sorted(measurement.lines)
    else:
        covered_lines = sorted(measurement.lines & target.lines)
    covered_arcs = sorted(measurement.arcs & target.arcs)
    touched_target = bool(covered_lines or covered_arcs)
    test.covered_lines = covered_lines
    test.covered_arcs = covered_arcs
    # None: no test ran at all (not collected), which the repair loop reports differently.
    test.passed = measurement.passed_every_run if measurement.executed else None
    test.verified = measurement.passed_every_run and touched_target
    test.possible_bug = (
        measurement.runs > 0
        and measurement.assertion_failure_runs == measurement.runs
        and measurement.runs >= min(measurement.repeat, 2)
        and touched_target
    )
    if test.test_name is None:
        test.test_name = _first_test_name(test.test_code)
    if measurement.flaky:
        test.failure = (
            f"flaky: passed {measurement.passes} of {measurement.runs} runs\n"
            + (measurement.failure or "")
        ).strip()
    elif measurement.passed_every_run:
        test.failure = None if touched_target else "passed, but executed no target line"
    else:
        test.failure = measurement.failure or "failed"
    if test.verified or test.possible_bug:
        test.expected_coverage_impact = describe_coverage(covered_lines, covered_arcs)
    return test


def _first_test_name(code: str) -> str | None:
    for raw in code.splitlines():
        line = raw.strip()
        for prefix in ("def ", "async def "):
            if line.startswith(prefix + "test"):
                return line[len(prefix) :].split("(", 1)[0].strip()
    return None
