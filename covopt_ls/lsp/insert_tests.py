"""Putting a job's verified tests into the test file, and showing at once what they cover.

Serves `codeAction/resolve` for "Insert test_x into tests/test_mod.py", the command
`covopt.insertTest` (the same edit through `workspace/applyEdit`) and `covopt.testsInserted`
(run after the edit is applied: the inserted tests alone, with coverage, in the sandbox; what
they execute is merged into the shown coverage until the next full coverage run).

The edit comes from the insertion planner (covopt_ls.insertion: imports merged into the file's
import block, names made unique); the test file is created with a CreateFile operation where the
client supports it, or created empty on disk first where it does not.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.uris import from_fs_path

from covopt_ls.coverage.overlay import CoverageOverlay
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.gap_jobs import GapJob
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.insertion import InsertionPlan, plan_insertion
from covopt_ls.insertion_point import place_after_related

from .documents import DocumentCoverage, measurement_key

if TYPE_CHECKING:
    from .server import CovOptServer

logger = logging.getLogger(__name__)

CMD_INSERT_TEST = "covopt.insertTest"
CMD_TESTS_INSERTED = "covopt.testsInserted"


@dataclass(frozen=True, slots=True)
class Insertion:
    job: GapJob
    tests: tuple[RecommendedTest, ...]

    def names(self) -> list[str]:
        return [t.test_name or "test" for t in self.tests]

    def arguments(self) -> dict[str, Any]:
        """The JSON shape of code action data and command arguments."""
        return {"jobId": self.job.job_id, "tests": self.names()}


def display_path(job: GapJob, root: Path | None) -> str:
    if root is not None and root in job.test_path.parents:
        return job.test_path.relative_to(root).as_posix()
    return job.test_path.name


class TestInserter:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server
        self.overlay = CoverageOverlay()

    def insertion(self, arguments: Any) -> Insertion:
        """`{"jobId": ..., "tests": [names]}` → the job's verified tests of those names."""
        if not isinstance(arguments, dict) or not isinstance(arguments.get("jobId"), str):
            raise ValueError("expected {jobId, tests}")
        job = self._server.generation.index.get(arguments["jobId"])
        if job is None:
            raise ValueError(f"unknown job {arguments['jobId']} (the server was restarted?)")
        wanted = arguments.get("tests")
        tests = [t for t in job.verified() if not wanted or (t.test_name or "test") in list(wanted)]
        if not tests:
            raise ValueError(f"no verified test named {wanted} in {job.job_id}")
        return Insertion(job, tuple(tests))

    async def workspace_edit(self, insertion: Insertion) -> types.WorkspaceEdit:
        path = insertion.job.test_path
        uri = from_fs_path(str(path)) or path.as_uri()
        text, exists, version = await self._test_file(uri, path)
        plan = self.plan(text, insertion)
        edits = [_text_edit(e.start_line, e.start_column, e.end_line, e.end_column, e.new_text)
                 for e in plan.edits]  # fmt: skip
        if exists:
            return self._edit_existing(uri, version, edits)
        if self._can_create():
            return types.WorkspaceEdit(
                document_changes=[
                    types.CreateFile(
                        uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)
                    ),
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri),
                        edits=list(edits),
                    ),
                ]
            )
        await asyncio.to_thread(_create_empty, path)
        return types.WorkspaceEdit(changes={uri: list(edits)})

    def plan(self, text: str, insertion: Insertion) -> InsertionPlan:
        """Imports merged (the planner); bodies after the tests of the same function."""
        plan = plan_insertion(text, [t.test_code for t in insertion.tests])
        return place_after_related(plan, text, insertion.job.functions)

    def _edit_existing(
        self, uri: str, version: int | None, edits: Sequence[types.TextEdit]
    ) -> types.WorkspaceEdit:
        workspace = self._server.client_capabilities.workspace
        edit_caps = workspace.workspace_edit if workspace else None
        if edit_caps and edit_caps.document_changes:
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(
                            uri=uri, version=version
                        ),
                        edits=list(edits),
                    )
                ]
            )
        return types.WorkspaceEdit(changes={uri: list(edits)})

    def _can_create(self) -> bool:
        workspace = self._server.client_capabilities.workspace
        caps = workspace.workspace_edit if workspace else None
        return bool(
            caps
            and caps.document_changes
            and types.ResourceOperationKind.Create in (caps.resource_operations or ())
        )

    async def _test_file(self, uri: str, path: Path) -> tuple[str, bool, int | None]:
        """The open buffer's text (with its version) if the editor has it, else the disk file."""
        document = self._server.workspace.text_documents.get(uri)
        if document is not None:
            return document.source, True, document.version
        return *(await asyncio.to_thread(_read, path)), None

    async def apply(self, insertion: Insertion) -> dict[str, Any]:
        """`covopt.insertTest`: the edit through workspace/applyEdit, then the measurement."""
        edit = await self.workspace_edit(insertion)
        result = await self._server.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(
                edit=edit, label=f"covopt: insert {', '.join(insertion.names())}"
            )
        )
        if not result.applied:
            return {"applied": False, "reason": result.failure_reason}
        measured = await self.measure(insertion)
        return {"applied": True, **measured}

    async def measure(self, insertion: Insertion) -> dict[str, Any]:
        """Run the inserted tests alone under coverage and merge what they executed."""
        job = insertion.job
        job.inserted.update(insertion.names())
        document = self._document_for(job)
        folder = document.folder if document is not None else None
        if (
            document is None
            or folder is None
            or document.coverage is None
            or document.measured is None
        ):
            self._server.generation.refresh(job.uri)
            return {"measured": False, "reason": "the source file's coverage is not shown"}
        fc = document.coverage
        request = GenerationRequest(
            source_code="\n".join(document.measured.lines) + "\n",
            uncovered_ranges=tuple(document.ranges),
            source_path=document.path,
            project_root=folder.root,
            test_path=job.test_path,
        )
        from covopt_ls.verify.verifier import SubprocessVerifier

        verifier = SubprocessVerifier(folder.settings.verify.model_copy(update={"repeat": 1}))
        copies = [
            RecommendedTest(t.test_code, t.target_line, "", "", t.test_name)
            for t in insertion.tests
        ]
        measured = await verifier.verify(request, copies)
        lines = {n for t in measured if t.passed for n in t.covered_lines}
        arcs = {a for t in measured if t.passed for a in t.covered_arcs}
        key = measurement_key(fc)
        self.overlay.add(document.path, key, lines, arcs)
        if document.coverage is fc:  # not replaced by a new coverage run meanwhile
            self.merge_into(document)
        self._server.generation.refresh(job.uri)
        return {
            "measured": True,
            "coveredLines": sorted(lines),
            "coveredArcs": [list(a) for a in sorted(arcs)],
            "passed": [t.test_name for t in measured if t.passed],
            "failed": [t.test_name for t in measured if not t.passed],
        }

    async def merge_imports(self, insertion: Insertion, uri: str) -> None:
        """After ghost text put the test bodies in: their imports, into the import block."""
        text = self._server.workspace.get_text_document(uri).source
        import_edits = self.plan(text, insertion).edits[:-1]  # the last one appends bodies
        if not import_edits:
            return
        edits = [_text_edit(e.start_line, e.start_column, e.end_line, e.end_column, e.new_text)
                 for e in import_edits]  # fmt: skip
        await self._server.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(
                edit=types.WorkspaceEdit(changes={uri: edits}), label="covopt: imports"
            )
        )

    def merge_into(self, document: DocumentCoverage) -> None:
        """Show `document` with what inserted tests covered since its measurement."""
        fc = document.coverage
        if fc is None:
            return
        merged = self.overlay.apply(document.path, measurement_key(fc), fc)
        if merged is not fc:
            document.coverage = merged
            document.ranges = uncovered_ranges(
                merged, branches=document.settings.diagnostics.show_branches
            )

    def _document_for(self, job: GapJob) -> DocumentCoverage | None:
        return self._server.documents.get(job.uri)


def _text_edit(
    start_line: int, start_column: int, end_line: int, end_column: int, text: str
) -> types.TextEdit:
    return types.TextEdit(
        range=types.Range(
            types.Position(start_line, start_column), types.Position(end_line, end_column)
        ),
        new_text=text,
    )


def _read(path: Path) -> tuple[str, bool]:
    try:
        return path.read_text(encoding="utf-8"), True
    except FileNotFoundError:
        return "", False


def _create_empty(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
