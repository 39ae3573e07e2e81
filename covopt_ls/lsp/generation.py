"""Generation jobs started from the editor: submitting them, following them, cancelling them.

Serves the commands `covopt.generateTests` and `covopt.cancelTask`, the requests `covopt/tasks`
and `covopt/task`, `window/workDoneProgress/cancel`, and cancels a job whose gap is edited while
it runs. Jobs go through the same `GenerationService` as the HTTP API and the command line (one
task registry for the server, one service per workspace folder and its settings). Each state
change of a job is pushed to the client: work-done progress, an inlay hint refresh (where the
client supports it) and republished diagnostics.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from covopt_ls.coverage.model import Arc, UncoveredRange
from covopt_ls.freshness import LineMap, MeasuredSource, source_hash
from covopt_ls.gap_jobs import GapJob, JobIndex, enclosing, functions, gap_label
from covopt_ls.generation import GenerationRequest
from covopt_ls.jobs import GenerationService
from covopt_ls.settings import Settings
from covopt_ls.tasks.model import Task, TaskStatus
from covopt_ls.tasks.registry import TaskRegistry

from .documents import DocumentCoverage
from .folders import Folder
from .progress import WorkDoneReporter

if TYPE_CHECKING:
    from .server import CovOptServer

logger = logging.getLogger(__name__)

REFRESH_DELAY_SECONDS = 0.05
"""Several jobs ending together cause one refresh."""


class GenerationError(Exception):
    """A job cannot be started; the message is for the user."""


@dataclass(frozen=True, slots=True)
class BufferView:
    """An open source document as the generation features need it."""

    document: DocumentCoverage
    text: str
    version: int | None
    text_hash: str
    line_map: LineMap | None


def ranges_from_json(items: Sequence[Any]) -> list[UncoveredRange]:
    """Diagnostic `data` (or the same keys) → measured ranges; bad items raise GenerationError."""
    ranges = []
    for item in items:
        try:
            arcs = tuple((int(a), int(b)) for a, b in item.get("missing_arcs") or ())
            start, end = int(item["start_line"]), int(item["end_line"])
            if item.get("type") == "branch":
                ranges.append(UncoveredRange(start, end, "branch", arcs))
            else:
                ranges.append(UncoveredRange(start, end, "line"))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GenerationError(f"a range needs start_line, end_line and type: {exc}") from exc
    return ranges


def to_current(gap: UncoveredRange, line_map: LineMap) -> UncoveredRange | None:
    """A measured range in buffer lines (exits name the code object by its first line)."""
    where = line_map.range_to_current(gap.start_line, gap.end_line)
    if where is None:
        return None

    def moved(line: int) -> int | None:
        if line < 0:
            first = line_map.to_current(-line)
            return None if first is None else -first
        return line_map.to_current(line)

    arcs: list[Arc] = []
    for source, target in gap.missing_arcs:
        a, b = moved(source), moved(target)
        if a is not None and b is not None:
            arcs.append((a, b))
    return UncoveredRange(where[0], where[1], gap.type, tuple(arcs))


class GenerationJobs:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server
        self.registry = TaskRegistry()
        self.index = JobIndex()
        self.progress = WorkDoneReporter(server)
        self._services: dict[str, GenerationService] = {}
        self._retired: list[GenerationService] = []
        self._hashes: dict[str, tuple[int | None, str]] = {}
        """uri → (version, hash of that version's text): hover and hints ask on every move."""
        self._by_task: dict[str, GapJob] = {}
        self._refresh_uris: set[str] = set()
        self._refresh_handle: asyncio.TimerHandle | None = None
        self._job_counter = 0
        self.registry.subscribe(self._task_changed)

    def buffer(self, uri: str) -> BufferView | None:
        document = self._server.documents.get(uri)
        if document is None:
            return None
        text_document = self._server.workspace.get_text_document(uri)
        text, version = text_document.source, text_document.version
        cached = self._hashes.get(uri)
        if cached is None or cached[0] != version or version is None:
            cached = self._hashes[uri] = (version, source_hash(text))
        return BufferView(document, text, version, cached[1], document.line_map(version, text))

    def service(self, folder: Folder) -> GenerationService:
        """The folder's service, rebuilt when its settings changed (running jobs go on)."""
        service = self._services.get(folder.uri)
        if service is None or service.settings is not folder.settings:
            service = GenerationService(
                folder.settings, registry=self.registry, project_root=folder.root
            )
            old = self._services.get(folder.uri)
            self._services[folder.uri] = service
            if old is not None:
                self._retired.append(old)
                self._server.run_task(self._retire(old), "close old engines")
        return service

    async def _retire(self, old: GenerationService) -> None:
        """Close a replaced service's engines once the jobs running now (which may use them)
        have ended."""
        for task in self.registry.list():
            if not task.status.finished:
                await self.registry.wait(task.task_id)
        if old in self._retired:
            self._retired.remove(old)
            await old.close_engines()

    def test_path(self, folder: Folder, source: Path) -> Path:
        return (folder.root / folder.settings.test_file.format(module=source.stem)).resolve()

    async def generate(self, uri: str, measured: Sequence[UncoveredRange] | None) -> GapJob:
        """Start a job for `measured` ranges (all of the file's when None) of an open document."""
        view = self.buffer(uri)
        if view is None or view.document.folder is None:
            raise GenerationError(f"{uri} is not an open Python file of a workspace folder")
        document, folder = view.document, view.document.folder
        if view.line_map is None:
            raise GenerationError(
                f"no current coverage data for {document.path.name}: "
                + (document.reason or "run the tests under coverage first")
            )
        wanted = document.ranges if measured is None else measured
        gaps = [g for g in (to_current(r, view.line_map) for r in wanted) if g is not None]
        if not gaps:
            raise GenerationError("the range is no longer in the file (edited or deleted)")
        test_path = self.test_path(folder, document.path)
        request = await asyncio.to_thread(
            _request, view.text, gaps, document.path, folder.root, test_path, folder.settings
        )
        service = self.service(folder)
        try:
            engine = service.engine_name(request.engine)
            task = service.submit(request)
        except Exception as exc:  # not configured, or too many jobs: the user must know why
            raise GenerationError(str(exc)) from exc
        self._job_counter += 1
        job = GapJob(
            job_id=f"job-{self._job_counter}",
            path=document.path,
            uri=uri,
            title=_title(gaps, view.text, document.path.name),
            snapshot=MeasuredSource.of(("job", float(self._job_counter)), view.text),
            gaps=tuple(gaps),
            test_path=test_path,
            engine=engine,
            functions=_owners(gaps, view.text),
            task_id=task.task_id,
        )
        self.index.add(job)
        self._by_task[task.task_id] = job
        self._apply(job, task)
        if not job.finished:
            self._server.run_task(self.progress.start(job), f"progress {job.job_id}")
        self.refresh(uri)
        return job

    async def generate_command(self, argument: dict[str, Any]) -> dict[str, Any]:
        """`covopt.generateTests {uri, ranges?}`; a job that cannot start is shown and raised."""
        ranges = argument.get("ranges")
        try:
            measured = None if ranges is None else ranges_from_json(ranges)
            job = await self.generate(str(argument.get("uri")), measured)
        except GenerationError as exc:
            self._server.reporter.show(str(exc), types.MessageType.Error)
            raise
        return {
            "jobId": job.job_id,
            "taskId": job.task_id,
            "title": job.title,
            "status": job.status.value,
        }

    async def cancel_command(self, ident: str | dict[str, Any]) -> bool:
        """`covopt.cancelTask` with a task id, or `{jobId}` / `{taskId}`."""
        if isinstance(ident, dict):
            ident = str(ident.get("jobId") or ident.get("taskId") or "")
        return await self.cancel(ident)

    async def cancel(self, ident: str) -> bool:
        """Cancel by job id or task id; False when unknown or already finished."""
        job = self.index.get(ident) or self._by_task.get(ident)
        task_id = job.task_id if job is not None else ident
        return await self.registry.cancel(task_id) if task_id else False

    def cancel_progress(self, token: str) -> None:
        job_id = self.progress.job_of(token)
        if job_id is not None:
            self._server.run_task(self.cancel(job_id), f"cancel {job_id}")

    def document_changed(self, uri: str) -> None:
        """Editing inside a gap cancels the job working on it (its answer would be stale)."""
        running = [j for j in self.index.all() if j.uri == uri and not j.finished]
        if not running:
            return
        view = self.buffer(uri)
        if view is None:
            return
        for job in running:
            if not job.intact(view.text, view.text_hash):
                logger.info("%s edited inside its gap: cancelling", job.title)
                self._server.run_task(self.cancel(job.job_id), f"cancel {job.job_id}")

    def tasks_json(self) -> list[dict[str, Any]]:
        return [self._task_json(task) for task in self.registry.list()]

    def task_json(self, task_id: str) -> dict[str, Any] | None:
        job = self.index.get(task_id)
        task = self.registry.get(job.task_id if job and job.task_id else task_id)
        return None if task is None else self._task_json(task)

    def _task_json(self, task: Task) -> dict[str, Any]:
        """The HTTP API's JSON, plus where the job came from (for clients that list tasks)."""
        data = task.to_json()
        job = self._by_task.get(task.task_id)
        if job is not None:
            data["job"] = {"job_id": job.job_id, "uri": job.uri, "title": job.title}
        return data

    def _task_changed(self, task: Task) -> None:
        job = self._by_task.get(task.task_id)
        if job is None:
            return
        was = job.status
        self._apply(job, task)
        if job.finished:
            self.progress.finish(job)
            self.refresh(job.uri)
        else:
            self.progress.update(job)
            if was != job.status:
                self.refresh(job.uri)

    def _apply(self, job: GapJob, task: Task) -> None:
        job.status = task.status
        job.progress = task.progress
        if task.status == TaskStatus.COMPLETED:
            job.absorb(task.result)
        elif task.status == TaskStatus.FAILED:
            job.error = task.error or "the job failed"

    def refresh(self, uri: str) -> None:
        """Republish diagnostics and ask for new inlay hints, coalescing bursts."""
        self._refresh_uris.add(uri)
        if self._refresh_handle is None:
            loop = asyncio.get_running_loop()
            self._refresh_handle = loop.call_later(REFRESH_DELAY_SECONDS, self._flush_refresh)

    def _flush_refresh(self) -> None:
        self._refresh_handle = None
        uris, self._refresh_uris = self._refresh_uris, set()
        for uri in uris:
            self._server.documents.publish(uri)
        if self._server.inlay_hint_refresh_supported():
            self._server.run_task(self._server.refresh_inlay_hints(), "inlay hint refresh")

    async def aclose(self) -> None:
        if self._refresh_handle is not None:
            self._refresh_handle.cancel()
        await self.registry.aclose()
        for service in [*self._services.values(), *self._retired]:
            await service.close_engines()
        self._services.clear()
        self._retired.clear()


def _request(
    text: str,
    gaps: Sequence[UncoveredRange],
    source: Path,
    root: Path,
    test_path: Path,
    settings: Settings,
) -> GenerationRequest:
    """Blocking (reads the test file, looks for the project's import paths): off the loop."""
    from covopt_ls.verify.interpreter import project_import_paths
    from covopt_ls.verify.modules import module_name_for

    try:
        existing = test_path.read_text(encoding="utf-8") if test_path.is_file() else ""
    except (OSError, UnicodeDecodeError):
        existing = ""
    return GenerationRequest(
        source_code=text,
        uncovered_ranges=tuple(gaps),
        existing_test_code=existing,
        module_path=module_name_for(source, project_import_paths(root)),
        source_path=source,
        project_root=root,
        test_path=test_path,
        engine=settings.engine,
    )


def _owners(gaps: Sequence[UncoveredRange], text: str) -> tuple[str, ...]:
    scopes = functions(text)
    names = (s.name for g in gaps if (s := enclosing(scopes, g.start_line)) is not None)
    return tuple(dict.fromkeys(names))


def _title(gaps: Sequence[UncoveredRange], text: str, file_name: str) -> str:
    """ "lines 4-5 of calculate_discount", "3 gaps in calculate_discount", "5 gaps in x.py"."""
    scopes = functions(text)
    owners = {s.name if (s := enclosing(scopes, g.start_line)) else None for g in gaps}
    owner = next(iter(owners)) if len(owners) == 1 else None
    if len(gaps) == 1:
        label = gap_label(gaps[0])
        return f"{label} of {owner}" if owner else f"{label} of {file_name}"
    return f"{len(gaps)} gaps in {owner}" if owner else f"{len(gaps)} gaps in {file_name}"
