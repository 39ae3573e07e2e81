"""A pytest-lsp client that behaves like an editor where the stock one does not.

It answers `client/registerCapability` (keeping the file watchers the server asked for) and
`client/unregisterCapability`, sends `workspace/didChangeWatchedFiles` for the files those
watchers match (as VS Code does after a test run rewrites the reports), and lets tests wait for
any condition on what the server sent, with a timeout instead of fixed sleeps.
"""

from __future__ import annotations

import asyncio
import fnmatch
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

WAIT_SECONDS = 15.0


class EditorClient(LanguageClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.watchers: dict[str, list[types.FileSystemWatcher]] = {}
        self.registrations: list[types.Registration] = []
        self.publications: list[types.PublishDiagnosticsParams] = []
        self._news = asyncio.Event()
        self._versions: dict[str, int] = {}

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A refusal the test asked for is an answer, not a failure of the test."""
        if isinstance(error, RegistrationRefused):
            return
        super().report_server_error(error, source)

    def news(self) -> None:
        self._news.set()

    async def wait_until(
        self, condition: Callable[[], bool], what: str, timeout: float = WAIT_SECONDS
    ) -> None:
        """Wait until `condition()` holds, re-checking whenever the server sends something."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
            self._news.clear()
            try:
                await asyncio.wait_for(self._news.wait(), remaining)
            except TimeoutError:
                continue

    def diagnostics_of(self, uri: str) -> list[types.Diagnostic]:
        return list(self.diagnostics.get(uri, []))

    async def wait_for_diagnostics(
        self,
        uri: str,
        condition: Callable[[list[types.Diagnostic]], bool] = lambda d: True,
        *,
        after: int = 0,
        what: str = "diagnostics",
    ) -> list[types.Diagnostic]:
        """Diagnostics for `uri` published after the `after`-th publication, meeting `condition`."""

        def ready() -> bool:
            return any(
                p.uri == uri and condition(list(p.diagnostics)) for p in self.publications[after:]
            ) and condition(self.diagnostics_of(uri))

        await self.wait_until(ready, f"{what} on {uri}")
        return self.diagnostics_of(uri)

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self._versions[uri] = 1
        self.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=uri,
                    language_id="python",
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return uri

    def replace_text(self, uri: str, text: str) -> int:
        version = self._versions[uri] = self._versions[uri] + 1
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return version

    def edit(self, uri: str, start_line: int, end_line: int, new_text: str) -> int:
        """Replace 0-based lines [start_line, end_line) with `new_text` (an incremental change)."""
        version = self._versions[uri] = self._versions[uri] + 1
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            types.Position(start_line, 0), types.Position(end_line, 0)
                        ),
                        text=new_text,
                    )
                ],
            )
        )
        return version

    def watched_patterns(self) -> list[str]:
        patterns = []
        for watchers in self.watchers.values():
            for watcher in watchers:
                pattern = watcher.glob_pattern
                if isinstance(pattern, types.RelativePattern):
                    base = pattern.base_uri
                    base_uri = base if isinstance(base, str) else base.uri
                    patterns.append(base_uri.removeprefix("file://") + "/" + pattern.pattern)
                else:
                    patterns.append(pattern)
        return patterns

    def files_changed(self, paths: Iterable[Path], kind: types.FileChangeType) -> list[Path]:
        """What an editor does after a test run: notify the server of the watched files that
        changed. Files no watcher matches are not sent (and returned for the test to check)."""
        patterns = self.watched_patterns()
        matched = [p for p in paths if any(_glob_match(str(p), pat) for pat in patterns)]
        if matched:
            self.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[types.FileEvent(uri=p.as_uri(), type=kind) for p in matched]
                )
            )
        return matched


def _glob_match(path: str, pattern: str) -> bool:
    """LSP glob semantics close enough for the patterns a coverage server registers."""
    return fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(
        path, pattern.replace("**/", "")
    )


def _register_capability(client: EditorClient, params: types.RegistrationParams) -> None:
    for registration in params.registrations:
        client.registrations.append(registration)
        if registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES:
            options = client.protocol._converter.structure(
                registration.register_options, types.DidChangeWatchedFilesRegistrationOptions
            )
            client.watchers[registration.id] = list(options.watchers)
    client.news()


def _unregister_capability(client: EditorClient, params: types.UnregistrationParams) -> None:
    for item in params.unregisterations:
        client.watchers.pop(item.id, None)
    client.news()


def _publish_diagnostics(client: EditorClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.publications.append(params)
    client.news()


def _show_message(client: EditorClient, params: types.ShowMessageParams) -> None:
    client.messages.append(params)
    client.news()


def _log_message(client: EditorClient, params: types.LogMessageParams) -> None:
    client.log_messages.append(params)
    client.news()


class RegistrationRefused(JsonRpcException):
    """The error a refusing client answers `client/registerCapability` with (on purpose)."""

    CODE = -32803  # RequestFailed
    MESSAGE = "registration is disabled by the user"


def _refuse_registration(client: EditorClient, params: types.RegistrationParams) -> None:
    raise RegistrationRefused()


def make_editor_client(*, refuse_registration: bool = False) -> EditorClient:
    """`refuse_registration`: a client that declares dynamic registration but answers
    `client/registerCapability` with an error (as some do when a feature is turned off)."""
    client = EditorClient(converter_factory=default_converter)
    features: dict[str, Any] = {
        **DEFAULT_CLIENT_FEATURES,
        types.CLIENT_REGISTER_CAPABILITY: (
            _refuse_registration if refuse_registration else _register_capability
        ),
        types.CLIENT_UNREGISTER_CAPABILITY: _unregister_capability,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _publish_diagnostics,
        types.WINDOW_SHOW_MESSAGE: _show_message,
        types.WINDOW_LOG_MESSAGE: _log_message,
    }
    register_lsp_features(client, features)
    return client


def lines_of(diagnostics: Sequence[types.Diagnostic], code: str) -> list[tuple[int, int]]:
    """1-based inclusive (start, end) of each diagnostic with `code`, sorted."""
    return sorted((d.range.start.line + 1, d.range.end.line) for d in diagnostics if d.code == code)
