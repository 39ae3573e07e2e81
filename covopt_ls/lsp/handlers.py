"""Every LSP method covopt-ls serves, each a few lines calling the feature classes.

Methods: initialize, initialized, shutdown, textDocument/didOpen|didChange|didSave|didClose,
textDocument/hover, workspace/didChangeWatchedFiles, workspace/didChangeConfiguration,
workspace/didChangeWorkspaceFolders, the command `covopt.reloadCoverage` and the request
`covopt/coverageSummary`.
"""

from __future__ import annotations

import uuid
from typing import Any

from lsprotocol import types

from .config import SECTION
from .server import CovOptServer

CMD_RELOAD_COVERAGE = "covopt.reloadCoverage"
REQ_COVERAGE_SUMMARY = "covopt/coverageSummary"


def register_handlers(server: CovOptServer) -> None:
    @server.feature(types.INITIALIZE)
    def on_initialize(ls: CovOptServer, params: types.InitializeParams) -> None:
        ls.init_options = params.initialization_options
        ls.coverage.add_initial(params)

    @server.feature(types.INITIALIZED)
    async def on_initialized(ls: CovOptServer, params: types.InitializedParams) -> None:
        if ls.can_register_configuration():
            ls.run_task(_register_configuration(ls), "register configuration")
        await ls.coverage.start_all()

    @server.feature(types.SHUTDOWN)
    async def on_shutdown(ls: CovOptServer, params: None) -> None:
        await ls.shutdown_features()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def on_did_open(ls: CovOptServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.documents.opened(params.text_document.uri, params.text_document.language_id)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def on_did_change(ls: CovOptServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.documents.changed(params.text_document.uri)
        ls.generation.document_changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def on_did_save(ls: CovOptServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.documents.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def on_did_close(ls: CovOptServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.documents.closed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: CovOptServer, params: types.HoverParams) -> types.Hover | None:
        hover = ls.documents.hover(params.text_document.uri, params.position)
        return ls.job_hover.extend(params.text_document.uri, params.position, hover)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def on_did_change_watched_files(
        ls: CovOptServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        ls.watching.client_events(params)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def on_did_change_configuration(
        ls: CovOptServer, params: types.DidChangeConfigurationParams
    ) -> None:
        await ls.coverage.configuration_changed()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def on_did_change_workspace_folders(
        ls: CovOptServer, params: types.DidChangeWorkspaceFoldersParams
    ) -> None:
        await ls.coverage.folders_changed(params.event)

    @server.command(CMD_RELOAD_COVERAGE)
    async def reload_coverage(ls: CovOptServer, *args: Any) -> dict[str, Any]:
        return await ls.coverage.reload_all()

    @server.feature(REQ_COVERAGE_SUMMARY)
    def on_coverage_summary(ls: CovOptServer, params: Any) -> dict[str, Any] | None:
        return ls.documents.summary(_uri_of(params))


async def _register_configuration(ls: CovOptServer) -> None:
    """Pull-model clients (VS Code) only send didChangeConfiguration to servers that ask."""
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id=f"covopt-configuration-{uuid.uuid4()}",
                        method=types.WORKSPACE_DID_CHANGE_CONFIGURATION,
                        register_options=types.DidChangeConfigurationRegistrationOptions(
                            section=SECTION
                        ),
                    )
                ]
            )
        )
    except Exception as exc:  # settings then apply from the next start on; not an error
        ls.reporter.info(f"client did not register configuration changes: {exc}")


def _uri_of(params: Any) -> str:
    """`{"textDocument": {"uri": ...}}` (as LSP requests have it) or `{"uri": ...}`."""
    document = getattr(params, "textDocument", None)
    uri = getattr(document, "uri", None) or getattr(params, "uri", None)
    if not isinstance(uri, str):
        raise ValueError("covopt/coverageSummary needs params {textDocument: {uri}}")
    return uri
