"""`textDocument/inlayHint`: the state of the job working on each gap, at the end of the gap's
first line ("⧗ generating tests", "✓ test_silver_discount covers 4-5", "✗ no passing test: …").

Answered from the job index at once; the server sends `workspace/inlayHint/refresh` (where the
client supports it) when a job's state changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.freshness import split_lines
from covopt_ls.gap_jobs import GapJob, span_text
from covopt_ls.tasks.model import TaskStatus

if TYPE_CHECKING:
    from .server import CovOptServer

MAX_REASON = 60


def shorten(text: str, limit: int = MAX_REASON) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def hint_label(job: GapJob, gap: UncoveredRange, offset: int) -> str:
    """`offset`: buffer line minus job line, to name lines as the buffer shows them."""
    if not job.finished:
        stage = job.progress.stage if job.progress else ""
        return "⧗ verifying tests" if stage == "verifying" else "⧗ generating tests"
    if job.status == TaskStatus.COMPLETED:
        tests = job.tests_for(gap)
        if tests:
            names = [t.test_name or "test" for t in tests]
            lines = sorted({n for t in tests for n in t.covered_lines})
            verb = "covers" if len(names) == 1 else "cover"
            what = (
                span_text(lines[0] + offset, lines[-1] + offset)
                if lines and gap.type == "line"
                else _branch_text(gap, offset)
            )
            shown = names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"
            inserted = " (inserted)" if all(name in job.inserted for name in names) else ""
            return f"✓ {shown} {verb} {what}{inserted}"
    return f"✗ no passing test: {shorten(job.reason_for(gap))}"


def _branch_text(gap: UncoveredRange, offset: int) -> str:
    targets = ", ".join("exit" if t < 0 else str(t + offset) for _, t in gap.missing_arcs)
    return f"{gap.start_line + offset}→{targets}"


class InlayHints:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server

    def hints(self, uri: str, visible: types.Range) -> list[types.InlayHint]:
        view = self._server.generation.buffer(uri)
        if view is None:
            return []
        shown = self._server.generation.index.showing(view.document.path, view.text, view.text_hash)
        if not shown:
            return []
        lines = split_lines(view.text)
        hints = []
        for job, gap, start, _ in shown:
            if not visible.start.line <= start - 1 <= visible.end.line or start > len(lines):
                continue
            label = hint_label(job, gap, start - gap.start_line)
            hints.append(
                types.InlayHint(
                    position=types.Position(start - 1, len(lines[start - 1].rstrip("\r\n"))),
                    label=label,
                    padding_left=True,
                    tooltip=f"covopt: {job.title} ({job.engine} engine)",
                )
            )
        return hints
