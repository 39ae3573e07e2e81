"""An editor client for the generation flow: it applies workspace edits to the files on disk,
answers `workspace/inlayHint/refresh` and `workspace/applyEdit`, and wakes waiters on progress.

Built on tests/lsp/editor.py's client. Also registers the structure hook TOOLCHAIN.md describes
(lsprotocol 2025.0.0 structures a CodeAction carrying a command as a bare Command).
"""

from __future__ import annotations

from typing import Any, Union

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from covopt_ls.lsp.scripted import apply_workspace_edit
from tests.lsp import editor
from tests.lsp.editor import EditorClient


class GenerationClient(EditorClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.applied: list[types.ApplyWorkspaceEditParams] = []
        self.inlay_refreshes = 0

    def progress_values(self) -> list[Any]:
        return [value for values in self.progress_reports.values() for value in values]

    def ended(self) -> list[types.WorkDoneProgressEnd]:
        return [v for v in self.progress_values() if isinstance(v, types.WorkDoneProgressEnd)]


def make_generation_client() -> GenerationClient:
    """The editor client's features (tests/lsp/editor.py), plus the generation flow's."""
    client = GenerationClient(converter_factory=default_converter)
    features: dict[str, Any] = {
        **DEFAULT_CLIENT_FEATURES,
        types.CLIENT_REGISTER_CAPABILITY: editor._register_capability,
        types.CLIENT_UNREGISTER_CAPABILITY: editor._unregister_capability,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: editor._publish_diagnostics,
        types.WINDOW_SHOW_MESSAGE: editor._show_message,
        types.WINDOW_LOG_MESSAGE: editor._log_message,
        types.WORKSPACE_APPLY_EDIT: _on_apply_edit,
        types.WORKSPACE_INLAY_HINT_REFRESH: _on_inlay_refresh,
        types.PROGRESS: _on_progress,
    }
    register_lsp_features(client, features)
    return _structure_code_actions(client)


def _on_apply_edit(
    client: GenerationClient, params: types.ApplyWorkspaceEditParams
) -> types.ApplyWorkspaceEditResult:
    apply_workspace_edit(params.edit)
    client.applied.append(params)
    client.news()
    return types.ApplyWorkspaceEditResult(applied=True)


def _on_inlay_refresh(client: GenerationClient, params: None) -> None:
    client.inlay_refreshes += 1
    client.news()


def _on_progress(client: GenerationClient, params: types.ProgressParams) -> None:
    DEFAULT_CLIENT_FEATURES[types.PROGRESS](client, params)
    client.news()


def _structure_code_actions(client: GenerationClient) -> GenerationClient:
    converter = client.protocol._converter
    converter.register_structure_hook(
        Union[types.Command, types.CodeAction],  # noqa: UP007 - the hook is keyed on this type
        lambda obj, _: converter.structure(
            obj, types.Command if isinstance(obj.get("command"), str) else types.CodeAction
        ),
    )
    return client
