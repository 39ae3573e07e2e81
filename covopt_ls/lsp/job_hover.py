"""What hover adds on a gap a job worked on: the verified tests (as python code blocks) with the
lines each was measured to cover, tests that fail on an assertion (possible bugs), and why a
job found nothing. Appended to the coverage hover (hover.py); no I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.gap_jobs import GapJob, span_text
from covopt_ls.generation import RecommendedTest
from covopt_ls.tasks.model import TaskStatus

if TYPE_CHECKING:
    from .server import CovOptServer


def _lines_text(test: RecommendedTest, offset: int) -> str:
    lines = [n + offset for n in test.covered_lines]
    spans, start, previous = [], None, None
    for line in sorted(lines):
        if start is None or previous is None or line != previous + 1:
            if start is not None and previous is not None:
                spans.append(span_text(start, previous))
            start = line
        previous = line
    if start is not None and previous is not None:
        spans.append(span_text(start, previous))
    return ", ".join(spans) or "no target line"


def _code(test: RecommendedTest) -> str:
    return f"```python\n{test.test_code.rstrip()}\n```"


def job_markdown(job: GapJob, gaps: list[UncoveredRange], offset: int) -> str:
    """`gaps`: the job's gaps under the cursor (its tests for them are shown in full)."""
    head = f"**covopt** · tests for {job.title} ({job.engine} engine)"
    if not job.finished:
        step = job.progress.message if job.progress else "waiting for a free slot"
        return f"{head}: running — {step}"
    if job.status == TaskStatus.CANCELLED:
        return f"{head}: cancelled"
    if job.status == TaskStatus.FAILED:
        return f"{head}: **failed** — {job.error}"
    parts = [head + ":"]
    relevant = [t for t in job.verified() if any(t in job.tests_for(g) for g in gaps)]
    for test in relevant:
        inserted = " (inserted)" if (test.test_name or "test") in job.inserted else ""
        parts.append(
            f"✓ `{test.test_name}` — measured to cover lines {_lines_text(test, offset)}"
            f"{inserted}\n\n{_code(test)}"
        )
    for test in job.possible_bugs():
        failure = (test.failure or "").strip().splitlines()[-1:] or ["fails"]
        parts.append(
            f"⚠ **possible bug**: `{test.test_name}` runs lines {_lines_text(test, offset)} but "
            f"fails on an assertion: `{failure[0]}`\n\n{_code(test)}"
        )
    others = len(job.verified()) - len(relevant)
    if others:
        noun = "test" if others == 1 else "tests"
        parts.append(f"(and {others} more verified {noun} for the job's other gaps)")
    if not relevant:
        parts.append(
            "✗ no passing test for this gap: " + "; ".join(job.reason_for(g) for g in gaps)
        )
    elif job.unreachable:
        parts += [f"✗ {reason}" for reason in job.unreachable]
    return "\n\n".join(parts)


class JobHover:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server

    def extend(
        self, uri: str, position: types.Position, hover: types.Hover | None
    ) -> types.Hover | None:
        view = self._server.generation.buffer(uri)
        if view is None:
            return hover
        line = position.line + 1
        shown = self._server.generation.index.showing(view.document.path, view.text, view.text_hash)
        under: dict[str, tuple[GapJob, list[UncoveredRange], int]] = {}
        for job, gap, start, end in shown:
            if start <= line <= end:
                entry = under.setdefault(job.job_id, (job, [], start - gap.start_line))
                entry[1].append(gap)
        sections = [job_markdown(job, gaps, offset) for job, gaps, offset in under.values()]
        if not sections:
            return hover
        text = "\n\n---\n\n".join(sections)
        if hover is not None and isinstance(hover.contents, types.MarkupContent):
            kind = hover.contents.kind
            value = hover.contents.value + "\n\n---\n\n" + text
            return types.Hover(
                contents=types.MarkupContent(kind=kind, value=value), range=hover.range
            )
        kind = (
            types.MarkupKind.Markdown
            if self._server.hover_markdown()
            else types.MarkupKind.PlainText
        )
        return types.Hover(contents=types.MarkupContent(kind=kind, value=text))
