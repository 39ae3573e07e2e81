"""A minimal scripted editor that drives covopt-ls over stdio, as a real editor would.

Used by `make demo` and the benchmarks: it starts the server as a subprocess, initializes it
with one workspace folder, opens documents, waits for their diagnostics, and asks for hovers
and commands. Tests use pytest-lsp's client instead (with the real client profiles).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient


class ScriptedEditor:
    def __init__(self, name: str = "covopt-script") -> None:
        self.client = LanguageClient(name, "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.messages: list[str] = []
        self._news = asyncio.Event()
        self._started = False

        # pygls marks handlers with attributes: plain functions, not bound methods.
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = list(params.diagnostics)
            self._news.set()

        def on_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)
            self._news.set()

        def on_log(params: types.LogMessageParams) -> None:
            del params

        self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(on_diagnostics)
        self.client.feature(types.WINDOW_SHOW_MESSAGE)(on_message)
        self.client.feature(types.WINDOW_LOG_MESSAGE)(on_log)

    async def start(self, workspace: Path, *, initialization_options: Any = None) -> None:
        await self.client.start_io(sys.executable, "-m", "covopt_ls")
        self._started = True
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    text_document=types.TextDocumentClientCapabilities(
                        hover=types.HoverClientCapabilities(
                            content_format=[types.MarkupKind.Markdown]
                        ),
                        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                            data_support=True, version_support=True
                        ),
                    ),
                ),
                workspace_folders=[types.WorkspaceFolder(workspace.as_uri(), workspace.name)],
                root_uri=workspace.as_uri(),
                initialization_options=initialization_options,
            )
        )
        self.client.initialized(types.InitializedParams())

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=path.read_text("utf-8")
                )
            )
        )
        return uri

    async def wait_for_diagnostics(self, uri: str, timeout: float) -> list[types.Diagnostic]:
        """The first non-empty diagnostics for `uri`; TimeoutError if none come in time."""
        async with asyncio.timeout(timeout):
            while not self.diagnostics.get(uri):
                self._news.clear()
                await self._news.wait()
        return self.diagnostics[uri]

    async def hover(self, uri: str, line: int, character: int = 0) -> str | None:
        """Hover text at 0-based `line`."""
        hover = await self.client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=character),
            )
        )
        if hover is None or not isinstance(hover.contents, types.MarkupContent):
            return None
        return hover.contents.value

    async def execute(self, command: str, *arguments: Any) -> Any:
        return await self.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command, arguments=list(arguments))
        )

    async def stop(self) -> None:
        if not self._started:
            return
        self._started = False
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 30)
            self.client.exit(None)
        finally:
            await self.client.stop()  # type: ignore[no-untyped-call]
