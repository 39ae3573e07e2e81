"""Reading a folder's settings from every layer the client and the project offer.

Layers, lowest precedence first: `COVOPT_*` environment variables, `[tool.covopt]` in the
folder's pyproject.toml, the client's initializationOptions (either the settings themselves or
wrapped as `{"covopt": {...}}`), and the `workspace/configuration` answer for section `covopt`
scoped to the folder (asked only when the client declares `workspace.configuration`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from covopt_ls.settings import Settings, build_settings, layer_from_env, layer_from_pyproject

from .folders import Folder

logger = logging.getLogger(__name__)

SECTION = "covopt"
CONFIGURATION_TIMEOUT_SECONDS = 10.0
"""A client that never answers must not keep the folder (and its documents) waiting."""


def settings_layer(value: Any) -> dict[str, Any] | None:
    """Accept the settings either as they are or wrapped in a `covopt` key."""
    if not isinstance(value, Mapping):
        return None
    inner = value.get(SECTION)
    if isinstance(inner, Mapping):
        return dict(inner)
    return dict(value)


async def fetch_settings(
    server: LanguageServer, folder: Folder, init_options: Any
) -> tuple[Settings, list[str]]:
    """The folder's settings and one message per invalid value (its default is used instead)."""
    problems: list[str] = []
    client_layer: dict[str, Any] | None = None
    workspace = server.client_capabilities.workspace
    if workspace is not None and workspace.configuration:
        try:
            answer = await asyncio.wait_for(
                server.workspace_configuration_async(
                    types.ConfigurationParams(
                        items=[types.ConfigurationItem(scope_uri=folder.uri, section=SECTION)]
                    )
                ),
                CONFIGURATION_TIMEOUT_SECONDS,
            )
            client_layer = settings_layer(answer[0] if answer else None)
        except Exception as exc:  # a client that cannot answer must not stop the server
            logger.warning("workspace/configuration failed: %s", exc)
            problems.append(f"could not read the client's `covopt` settings: {exc}")
    settings, errors = build_settings(
        layer_from_env(),
        layer_from_pyproject(folder.root),
        settings_layer(init_options),
        client_layer,
    )
    return settings, problems + [f"{folder.name}: {error}" for error in errors]
