"""`textDocument/inlineCompletion` (LSP 3.18): in a test file, a job's verified tests as ghost
text at their insertion point, for clients that ask for inline completions.

The insertion point is the planner's: after the file's tests of the same function, else the
end of the file. Accepting the suggestion inserts the test bodies; its command
(`covopt.testsInserted` with `mergeImports`) then adds their imports to the file's import block
and measures them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import to_fs_path

from covopt_ls.gap_jobs import GapJob
from covopt_ls.tasks.model import TaskStatus

from .insert_tests import CMD_TESTS_INSERTED, Insertion

if TYPE_CHECKING:
    from .server import CovOptServer


class InlineTests:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server

    def _pending_job(self, path: Path) -> GapJob | None:
        found = None
        for job in self._server.generation.index.all():
            if (
                job.test_path == path
                and job.status == TaskStatus.COMPLETED
                and any((t.test_name or "test") not in job.inserted for t in job.verified())
            ):
                found = job
        return found

    def items(self, uri: str, position: types.Position) -> list[types.InlineCompletionItem]:
        fs_path = to_fs_path(uri)
        if fs_path is None:
            return []
        job = self._pending_job(Path(fs_path).resolve())
        if job is None:
            return []
        tests = tuple(t for t in job.verified() if (t.test_name or "test") not in job.inserted)
        insertion = Insertion(job, tests)
        text = self._server.workspace.get_text_document(uri).source
        plan = self._server.inserter.plan(text, insertion)
        append = plan.edits[-1]
        at = types.Position(append.start_line, append.start_column)
        if position.line != at.line or text[_offset(text, at) : _offset(text, position)].strip():
            return []  # ghost text only at the insertion point
        arguments = {**insertion.arguments(), "mergeImports": True, "uri": uri}
        return [
            types.InlineCompletionItem(
                insert_text=append.new_text,
                range=types.Range(at, position),
                filter_text=append.new_text,
                command=types.Command(
                    title=f"Insert {', '.join(insertion.names())}",
                    command=CMD_TESTS_INSERTED,
                    arguments=[arguments],
                ),
            )
        ]


def _offset(text: str, position: types.Position) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(line) for line in lines[: position.line]) + position.character
