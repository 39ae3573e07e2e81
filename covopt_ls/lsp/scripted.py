"""A minimal scripted editor that drives covopt-ls over stdio, as a real editor would.

Used by `make demo` and the benchmarks: it starts the server as a subprocess, initializes it
with one workspace folder, opens documents, waits for their diagnostics, and asks for hovers,
code actions, inlay hints and commands. It declares work-done progress (keeping each message)
and applies `workspace/applyEdit` to the files on disk, as an editor that saves would. Tests
use pytest-lsp's client instead (with the real client profiles).
"""

from __future__ import annotations

import asyncio
import sys
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Union

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import to_fs_path

from covopt_ls.insertion import TextEdit, apply_edits


def apply_workspace_edit(edit: types.WorkspaceEdit) -> list[Path]:
    """Apply `edit` to the files on disk (text edits, CreateFile); returns the files written."""
    touched: list[Path] = []

    def edit_file(uri: str, edits: list[Any]) -> None:
        path = Path(to_fs_path(uri) or "")
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        plain = [
            TextEdit(e.range.start.line, e.range.start.character, e.range.end.line,
                     e.range.end.character, e.new_text)
            for e in edits
        ]  # fmt: skip
        path.write_text(apply_edits(text, plain), encoding="utf-8")
        touched.append(path)

    for uri, edits in (edit.changes or {}).items():
        edit_file(uri, list(edits))
    for change in edit.document_changes or ():
        if isinstance(change, types.CreateFile):
            path = Path(to_fs_path(change.uri) or "")
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_text("", encoding="utf-8")
        elif isinstance(change, types.TextDocumentEdit):
            edit_file(change.text_document.uri, list(change.edits))
        else:
            raise ValueError(f"unsupported resource operation {type(change).__name__}")
    return touched


class ScriptedEditor:
    def __init__(self, name: str = "covopt-script") -> None:
        self.client = LanguageClient(name, "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.messages: list[str] = []
        self.server_log: deque[str] = deque(maxlen=200)
        """The server's last stderr lines (its warnings), for error messages."""
        self._stderr_reader: asyncio.Task[None] | None = None
        self.progress: list[str] = []
        """Work-done progress as text: "begin: title — message", "report: message", "end: …"."""
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

        def on_create_progress(params: types.WorkDoneProgressCreateParams) -> None:
            del params

        def on_progress(params: types.ProgressParams) -> None:
            value = params.value if isinstance(params.value, dict) else {}
            title = f"{value['title']} — " if value.get("title") else ""
            self.progress.append(f"{value.get('kind')}: {title}{value.get('message') or ''}")
            self._news.set()

        def on_apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
            apply_workspace_edit(params.edit)
            self._news.set()
            return types.ApplyWorkspaceEditResult(applied=True)

        def on_inlay_refresh(params: None) -> None:
            del params

        # lsprotocol 2025.0.0 structures a CodeAction that carries a command as a bare Command
        # (TOOLCHAIN.md): decide by the shape of `command` instead.
        converter = self.client.protocol._converter
        converter.register_structure_hook(
            Union[types.Command, types.CodeAction],  # noqa: UP007 - the hook's key is this type
            lambda obj, _: converter.structure(
                obj, types.Command if isinstance(obj.get("command"), str) else types.CodeAction
            ),
        )
        self.client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)(on_create_progress)
        self.client.feature(types.PROGRESS)(on_progress)
        self.client.feature(types.WORKSPACE_APPLY_EDIT)(on_apply_edit)
        self.client.feature(types.WORKSPACE_INLAY_HINT_REFRESH)(on_inlay_refresh)
        self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(on_diagnostics)
        self.client.feature(types.WINDOW_SHOW_MESSAGE)(on_message)
        self.client.feature(types.WINDOW_LOG_MESSAGE)(on_log)

    async def start(
        self,
        workspace: Path,
        *,
        initialization_options: Any = None,
        extra_folders: Sequence[Path] = (),
    ) -> None:
        await self.client.start_io(sys.executable, "-m", "covopt_ls")
        self._started = True
        # pygls pipes the server's stderr and never reads it: once the pipe is full, the
        # server would block on its next log line. Keep reading it (the last lines are kept).
        stderr = self.client._server.stderr if self.client._server else None
        if stderr is not None:
            self._stderr_reader = asyncio.create_task(self._drain(stderr))
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    window=types.WindowClientCapabilities(work_done_progress=True),
                    workspace=types.WorkspaceClientCapabilities(
                        apply_edit=True,
                        inlay_hint=types.InlayHintWorkspaceClientCapabilities(refresh_support=True),
                    ),
                    text_document=types.TextDocumentClientCapabilities(
                        code_action=types.CodeActionClientCapabilities(
                            data_support=True,
                            resolve_support=types.ClientCodeActionResolveOptions(
                                properties=["edit"]
                            ),
                        ),
                        inlay_hint=types.InlayHintClientCapabilities(),
                        hover=types.HoverClientCapabilities(
                            content_format=[types.MarkupKind.Markdown]
                        ),
                        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                            data_support=True, version_support=True
                        ),
                    ),
                ),
                workspace_folders=[
                    types.WorkspaceFolder(folder.as_uri(), folder.name)
                    for folder in (workspace, *extra_folders)
                ],
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

    async def _drain(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.server_log.append(line.decode("utf-8", "replace").rstrip())

    async def wait_for(self, condition: Any, timeout: float) -> None:
        """Until `condition()` holds, re-checked whenever the server sends something."""
        async with asyncio.timeout(timeout):
            while not condition():
                self._news.clear()
                await self._news.wait()

    async def code_actions(
        self,
        uri: str,
        line: int,
        diagnostics: list[types.Diagnostic],
        only: list[str] | None = None,
    ) -> list[types.CodeAction]:
        """Code actions at 0-based `line` (what a lightbulb menu lists)."""
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(line, 0), types.Position(line, 0)),
                context=types.CodeActionContext(diagnostics=diagnostics, only=only),
            )
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def resolve(self, action: types.CodeAction) -> types.CodeAction:
        return await self.client.code_action_resolve_async(action)

    async def inlay_hints(self, uri: str, lines: int = 10_000) -> list[types.InlayHint]:
        hints = await self.client.text_document_inlay_hint_async(
            types.InlayHintParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(0, 0), types.Position(lines, 0)),
            )
        )
        return list(hints or [])

    async def request(self, method: str, params: Any) -> Any:
        return await self.client.protocol.send_request_async(method, params)

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
            if self._stderr_reader is not None:
                self._stderr_reader.cancel()
