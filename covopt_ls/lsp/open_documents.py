"""The open Python documents: resolving their coverage, publishing diagnostics, answering hover
and `covopt/coverageSummary`.

Serves: textDocument/didOpen, didChange, didSave, didClose (through the handlers), hover, and the
republishing after any coverage change.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.uris import to_fs_path

from covopt_ls.freshness import MeasuredSource

from .diagnostics import build_diagnostics
from .documents import DocumentCoverage, apply, is_python, resolve
from .folders import Folder
from .hover import build_hover
from .presentation import file_totals, origin_text

if TYPE_CHECKING:
    from .server import CovOptServer

logger = logging.getLogger(__name__)

CLOSED_COPIES_KEPT = 256
"""Measured copies of recently closed files (a few KB each)."""
CHANGE_DEBOUNCE_SECONDS = 0.05
"""Typing sends a change per keystroke: diagnostics follow the last one of a burst."""


class OpenDocuments:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server
        self._documents: dict[str, DocumentCoverage] = {}
        self._pending_publish: dict[str, asyncio.TimerHandle] = {}
        self._closed_copies: OrderedDict[Path, MeasuredSource] = OrderedDict()

    def get(self, uri: str) -> DocumentCoverage | None:
        return self._documents.get(uri)

    async def opened(self, uri: str, language_id: str | None) -> None:
        fs_path = to_fs_path(uri)
        if fs_path is None or not is_python(uri, language_id):
            return
        path = Path(fs_path).resolve()
        folder = self._server.folders.folder_for(path)
        document = DocumentCoverage(uri=uri, path=path, folder=folder)
        document.measured = self._closed_copies.pop(path, None)
        self._documents[uri] = document
        await self.refresh(document)

    def changed(self, uri: str) -> None:
        if uri not in self._documents:
            return
        loop = asyncio.get_running_loop()
        if (handle := self._pending_publish.pop(uri, None)) is not None:
            handle.cancel()
        self._pending_publish[uri] = loop.call_later(
            CHANGE_DEBOUNCE_SECONDS, self._publish_pending, uri
        )

    def _publish_pending(self, uri: str) -> None:
        self._pending_publish.pop(uri, None)
        self.publish(uri)

    def closed(self, uri: str) -> None:
        """Forget the document and clear its diagnostics.

        Its measured copy is kept a while: edits saved before closing are still followed when
        the file is opened again, rather than the data turning stale.
        """
        if (handle := self._pending_publish.pop(uri, None)) is not None:
            handle.cancel()
        if (document := self._documents.pop(uri, None)) is not None:
            if document.measured is not None:
                self._closed_copies[document.path] = document.measured
                while len(self._closed_copies) > CLOSED_COPIES_KEPT:
                    self._closed_copies.popitem(last=False)
            self._server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    async def refresh_folder(self, folder: Folder | None) -> None:
        """Re-resolve every open document of `folder` (all of them when None) and republish."""
        documents = [d for d in self._documents.values() if folder is None or d.folder is folder]
        await asyncio.gather(*(self.refresh(d) for d in documents))

    def reassign_folders(self) -> list[DocumentCoverage]:
        """After workspace folders changed: documents whose folder is now another one."""
        moved = []
        for document in self._documents.values():
            folder = self._server.folders.folder_for(document.path)
            if folder is not document.folder:
                document.folder = folder
                document.measured = None
                moved.append(document)
        return moved

    async def refresh(self, document: DocumentCoverage) -> None:
        if document.folder is not None:
            await document.folder.ready.wait()
        document.generation += 1
        generation = document.generation
        try:
            resolution = await asyncio.to_thread(
                resolve, document.folder, document.path, document.measured
            )
        except Exception as exc:  # bad data must not take the server down: keep what it shows
            logger.exception("resolving coverage of %s failed", document.path)
            self._server.reporter.problem(
                f"cannot show coverage for {document.path.name}: {exc or type(exc).__name__}",
                key=document.uri,
            )
            return
        if self._documents.get(document.uri) is not document or document.generation != generation:
            return  # closed, or refreshed again, while resolving
        apply(document, resolution)
        self._server.inserter.merge_into(document)
        for problem in resolution.problems:
            self._server.reporter.problem(problem, key=f"{document.uri}:{problem}")
        self.publish(document.uri)

    def publish(self, uri: str) -> None:
        document = self._documents.get(uri)
        if document is None:
            return
        text_document = self._server.workspace.get_text_document(uri)
        diagnostics = build_diagnostics(document, text_document.source, text_document.version)
        self._server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=text_document.version
            )
        )

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        document = self._documents.get(uri)
        if document is None:
            return None
        text_document = self._server.workspace.get_text_document(uri)
        return build_hover(
            document,
            position,
            text_document.source,
            text_document.version,
            markdown=self._server.hover_markdown(),
        )

    def summary(self, uri: str) -> dict[str, Any] | None:
        """For status bars: the file's totals, where the data came from, and its freshness."""
        document = self._documents.get(uri)
        if document is None or document.coverage is None:
            return None
        text_document = self._server.workspace.get_text_document(uri)
        line_map = document.line_map(text_document.version, text_document.source)
        fc = document.coverage
        return {
            "uri": uri,
            **file_totals(fc).to_json(),
            "report": str(fc.origin.report_path) if fc.origin else None,
            "measuredAt": fc.origin.measured_at.isoformat() if fc.origin else None,
            "origin": origin_text(fc),
            "freshness": document.freshness(line_map).value,
            "uncoveredRanges": len(document.ranges),
        }

    def uris(self) -> list[str]:
        return list(self._documents)
