"""The real covopt-ls over stdio, driven by pytest-lsp with real client profiles.

Each test gets a fresh copy of a fixture project with coverage data from a real
`coverage run --branch -m pytest`, and a server whose only workspace folder is that copy.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

from tests.lsp.editor import EditorClient, make_editor_client
from tests.lsp.workspaces import private_copy
from tests.support.coverage_projects import make_project, run_coverage

PROFILES = ["neovim@v0.11", "visual-studio-code"]
"""Neovim 0.11 cannot register file watchers (the server watches); VS Code can and does."""


def _server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVOPT_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _server_command() -> list[str]:
    """`COVOPT_LSP_TEST_COVERAGE=1` measures the server itself (then `coverage combine`)."""
    if os.environ.get("COVOPT_LSP_TEST_COVERAGE") == "1":
        return [sys.executable, "-m", "coverage", "run", "--parallel-mode", "-m", "covopt_ls", "-v"]
    return [sys.executable, "-m", "covopt_ls", "-v"]


SERVER = ClientServerConfig(
    server_command=_server_command(),
    client_factory=make_editor_client,
    server_env=_server_env(),
)


@pytest.fixture
def project_kind() -> str:
    """Which project the test's workspace is: override with `parametrize("project_kind", ...)`
    naming a `<kind>_project` fixture."""
    return "shop"


@pytest.fixture(scope="session")
def measured_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real coverage run of the shop example for the whole session (all four formats)."""
    root = make_project(tmp_path_factory.mktemp("baseline"), "shop")
    run_coverage(root)
    return root


@pytest.fixture
def shop_project(measured_shop: Path, tmp_path: Path) -> Path:
    return private_copy(measured_shop, tmp_path)


@pytest.fixture
def project(request: pytest.FixtureRequest, project_kind: str) -> Path:
    root: Path = request.getfixturevalue(f"{project_kind}_project")
    return root


@pytest.fixture
def init_options() -> dict[str, Any] | None:
    return None


@pytest_lsp.fixture(config=SERVER, params=PROFILES)
async def client(
    request: pytest.FixtureRequest,
    lsp_client: EditorClient,
    project: Path,
    init_options: dict[str, Any] | None,
) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name=project.name)],
            root_uri=project.as_uri(),
            initialization_options=init_options,
        )
    )
    yield
    await lsp_client.shutdown_session()


REFUSING_SERVER = ClientServerConfig(
    server_command=_server_command(),
    client_factory=lambda: make_editor_client(refuse_registration=True),
    server_env=_server_env(),
)


@pytest_lsp.fixture(config=REFUSING_SERVER)
async def refusing_client(lsp_client: EditorClient, project: Path) -> AsyncIterator[None]:
    """VS Code's capabilities, but every `client/registerCapability` fails."""
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name=project.name)],
        )
    )
    yield
    await lsp_client.shutdown_session()
