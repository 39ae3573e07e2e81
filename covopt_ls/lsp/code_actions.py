"""`textDocument/codeAction` and `codeAction/resolve` for coverage gaps.

On a covopt diagnostic: "Generate tests for lines 4-5" / "Generate a test for branch 12→15"
(command `covopt.generateTests`), "Cancel test generation for …" while its job runs, and once the
job has verified tests, "Insert test_x into tests/test_mod.py" (its WorkspaceEdit is computed in
`codeAction/resolve`, from the test file as it is then). Source actions: "Generate tests for all
gaps in this function" and "… in this file".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.gap_jobs import GapJob, enclosing, functions, gap_label

from .diagnostics import SOURCE
from .generation import BufferView, ranges_from_json, to_current
from .insert_tests import CMD_TESTS_INSERTED, Insertion, display_path

if TYPE_CHECKING:
    from .server import CovOptServer

CMD_GENERATE_TESTS = "covopt.generateTests"
CMD_CANCEL_TASK = "covopt.cancelTask"
KIND_GENERATE_FUNCTION = "source.covopt.generateTests.function"
KIND_GENERATE_FILE = "source.covopt.generateTests.file"
RESOLVE_INSERT = "insertTest"

CODE_ACTION_OPTIONS = types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, KIND_GENERATE_FUNCTION, KIND_GENERATE_FILE],
    resolve_provider=True,
)


def generate_title(gap: UncoveredRange) -> str:
    if gap.type == "branch" and len(gap.missing_arcs) == 1:
        return f"Generate a test for {gap_label(gap)}"
    return f"Generate tests for {gap_label(gap)}"


def _wanted(only: list[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


def _range_json(gap: UncoveredRange) -> dict[str, Any]:
    return {
        "start_line": gap.start_line,
        "end_line": gap.end_line,
        "type": gap.type,
        "missing_arcs": [list(a) for a in gap.missing_arcs],
    }


def _generate(title: str, kind: str, uri: str, ranges: list[UncoveredRange] | None,
              diagnostics: list[types.Diagnostic] | None = None) -> types.CodeAction:  # fmt: skip
    argument: dict[str, Any] = {"uri": uri}
    if ranges is not None:
        argument["ranges"] = [_range_json(g) for g in ranges]
    return types.CodeAction(
        title=title,
        kind=kind,
        diagnostics=diagnostics,
        command=types.Command(title=title, command=CMD_GENERATE_TESTS, arguments=[argument]),
    )


class CodeActions:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server

    def actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        view = self._server.generation.buffer(uri)
        if view is None or view.line_map is None:
            return []
        only = [str(k) for k in params.context.only] if params.context.only else None
        actions: list[types.CodeAction] = []
        if _wanted(only, types.CodeActionKind.QuickFix):
            for diagnostic in params.context.diagnostics:
                if diagnostic.source == SOURCE and isinstance(diagnostic.data, dict):
                    actions += self._for_diagnostic(view, diagnostic)
        actions += self._source_actions(view, params.range.start.line + 1, only)
        return actions

    def _for_diagnostic(
        self, view: BufferView, diagnostic: types.Diagnostic
    ) -> list[types.CodeAction]:
        try:
            (measured,) = ranges_from_json([diagnostic.data])
        except ValueError:
            return []
        assert view.line_map is not None
        gap = to_current(measured, view.line_map)
        if gap is None:
            return []
        uri = view.document.uri
        at = self._job_at(view, gap)
        job = at[0] if at is not None else None
        if job is not None and not job.finished:
            title = f"Cancel test generation for {job.title}"
            return [
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    command=types.Command(
                        title=title, command=CMD_CANCEL_TASK, arguments=[{"jobId": job.job_id}]
                    ),
                )
            ]
        actions = []
        if at is not None:
            actions += self._insert_actions(*at, diagnostic)
        generate = _generate(generate_title(gap), types.CodeActionKind.QuickFix, uri,
                             [measured], [diagnostic])  # fmt: skip
        actions.append(generate)
        return actions

    def _job_at(
        self, view: BufferView, gap: UncoveredRange
    ) -> tuple[GapJob, UncoveredRange] | None:
        """The newest job shown on `gap`, with the gap in the job's own lines."""
        shown = self._server.generation.index.showing(view.document.path, view.text, view.text_hash)
        found = None
        for job, job_gap, start, end in shown:
            if start <= gap.start_line <= end and job_gap.type == gap.type:
                found = (job, job_gap)
        return found

    def _insert_actions(
        self, job: GapJob, gap: UncoveredRange, diagnostic: types.Diagnostic
    ) -> list[types.CodeAction]:
        root = job_root(self._server, job)
        actions = []
        for test in job.tests_for(gap):
            name = test.test_name or "test"
            if name in job.inserted:
                continue
            insertion = Insertion(job, (test,))
            title = f"Insert {name} into {display_path(job, root)}"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    data={"covopt": RESOLVE_INSERT, **insertion.arguments()},
                    command=types.Command(
                        title=title, command=CMD_TESTS_INSERTED, arguments=[insertion.arguments()]
                    ),
                )
            )
        return actions

    def _source_actions(
        self, view: BufferView, line: int, only: list[str] | None
    ) -> list[types.CodeAction]:
        """Cheap on big files: only the gaps near the cursor's function are mapped."""
        document, line_map = view.document, view.line_map
        assert line_map is not None
        if not document.ranges:
            return []
        actions = []
        scope = enclosing(functions(view.text), line)
        if scope is not None and _wanted(only, KIND_GENERATE_FUNCTION):
            low = line_map.to_measured(scope.start) or 1
            high = line_map.to_measured(scope.end) or max(r.end_line for r in document.ranges)
            inside = []
            for gap in document.ranges:
                if low <= gap.start_line <= high:
                    now = to_current(gap, line_map)
                    if now is not None and scope.start <= now.start_line <= scope.end:
                        inside.append(gap)
            if inside:
                title = "Generate tests for all gaps in this function"
                actions.append(_generate(title, KIND_GENERATE_FUNCTION, document.uri, inside))
        if _wanted(only, KIND_GENERATE_FILE):
            title = "Generate tests for all gaps in this file"
            actions.append(_generate(title, KIND_GENERATE_FILE, document.uri, None))
        return actions

    async def resolve(self, action: types.CodeAction) -> types.CodeAction:
        data = action.data
        if isinstance(data, dict) and data.get("covopt") == RESOLVE_INSERT:
            insertion = self._server.inserter.insertion(data)
            action.edit = await self._server.inserter.workspace_edit(insertion)
        return action


def job_root(server: CovOptServer, job: GapJob) -> Any:
    folder = server.folders.folder_for(job.path)
    return folder.root if folder is not None else None
