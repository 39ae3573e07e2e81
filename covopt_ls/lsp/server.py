"""The language server object: state and the features that act on it.

`create_server()` builds a fresh `CovOptServer` with every handler registered (see handlers.py),
so tests and the demo never share a global server. Background work goes through `run_task`,
which keeps a reference to each task (asyncio only holds weak ones) and logs failures.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from covopt_ls import __version__

from .code_actions import CodeActions
from .coverage_folders import CoverageFolders
from .folders import Folders
from .generation import GenerationJobs
from .inlay_hints import InlayHints
from .inline_completion import InlineTests
from .insert_tests import TestInserter
from .job_hover import JobHover
from .open_documents import OpenDocuments
from .reporting import Reporter
from .watching import ReportWatching

logger = logging.getLogger(__name__)

NAME = "covopt-ls"


class CovOptServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            NAME, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.init_options: Any = None
        self.folders = Folders()
        self.reporter = Reporter(self)
        self.coverage = CoverageFolders(self)
        self.documents = OpenDocuments(self)
        self.watching = ReportWatching(self)
        self.generation = GenerationJobs(self)
        self.inserter = TestInserter(self)
        self.code_actions = CodeActions(self)
        self.inlay_hints = InlayHints(self)
        self.job_hover = JobHover(self)
        self.inline_tests = InlineTests(self)
        self._tasks: set[asyncio.Task[Any]] = set()

    def run_task(self, coroutine: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        if (exc := task.exception()) is not None:
            logger.error("background task %s failed", task.get_name(), exc_info=exc)
            self.reporter.problem(f"internal error in {task.get_name()}: {exc}", key="internal")

    def hover_markdown(self) -> bool:
        text_document = self.client_capabilities.text_document
        hover = text_document.hover if text_document else None
        formats = hover.content_format if hover else None
        return formats is None or types.MarkupKind.Markdown in formats

    def can_register_configuration(self) -> bool:
        workspace = self.client_capabilities.workspace
        change = workspace.did_change_configuration if workspace else None
        return bool(change and change.dynamic_registration)

    def inlay_hint_refresh_supported(self) -> bool:
        workspace = self.client_capabilities.workspace
        inlay_hint = workspace.inlay_hint if workspace else None
        return bool(inlay_hint and inlay_hint.refresh_support)

    async def refresh_inlay_hints(self) -> None:
        try:
            await self.workspace_inlay_hint_refresh_async(None)
        except Exception as exc:  # a client that fails to refresh still asks on its own later
            logger.info("workspace/inlayHint/refresh failed: %s", exc)

    async def shutdown_features(self) -> None:
        await self.watching.stop()
        await self.generation.aclose()
        for task in list(self._tasks):
            task.cancel()


def create_server() -> CovOptServer:
    from .generation_handlers import register_generation_handlers
    from .handlers import register_handlers

    server = CovOptServer()
    register_handlers(server)
    register_generation_handlers(server)
    return server
