"""A document's coverage state, diagnostics and hover without a server, on a real run of the
`gaps` project (multi-line gaps with blank lines and comments inside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from covopt_ls.coverage.store import CoverageStore
from covopt_ls.lsp.diagnostics import build_diagnostics
from covopt_ls.lsp.documents import DocumentCoverage, State, apply, resolve
from covopt_ls.lsp.folders import Folder
from covopt_ls.lsp.hover import hover_text
from covopt_ls.settings import Settings
from tests.lsp.editor import lines_of
from tests.lsp.expected import expected_for
from tests.lsp.workspaces import private_copy
from tests.support.coverage_projects import make_project, run_coverage

FLOW = "src/gaps/flow.py"


@pytest.fixture(scope="module")
def measured_gaps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("documents"), "gaps")
    run_coverage(root)
    return root


@pytest.fixture
async def folder(measured_gaps: Path, tmp_path: Path) -> Folder:
    root = private_copy(measured_gaps, tmp_path)
    settings = Settings()
    folder = Folder(uri=root.as_uri(), root=root, name=root.name, settings=settings)
    folder.store = CoverageStore(root, settings)
    assert await folder.store.load_all() == []
    folder.ready.set()
    return folder


def _document(folder: Folder, relative: str) -> DocumentCoverage:
    path = folder.root / relative
    document = DocumentCoverage(uri=path.as_uri(), path=path, folder=folder)
    apply(document, resolve(folder, path, None))
    return document


def test_diagnostics_group_gaps_like_coverage_py(folder: Folder) -> None:
    document = _document(folder, FLOW)
    assert document.state == State.CURRENT
    text = (folder.root / FLOW).read_text(encoding="utf-8")
    diagnostics = build_diagnostics(document, text, 1)
    expected = expected_for(folder.root / "coverage.json", FLOW)
    assert lines_of(diagnostics, "uncovered-line") == expected.line_ranges
    assert [s for s, _ in lines_of(diagnostics, "partial-branch")] == expected.partial_lines


def test_hover_in_a_multi_line_gap_names_the_whole_gap_and_follows_edits(folder: Folder) -> None:
    document = _document(folder, FLOW)
    expected = expected_for(folder.root / "coverage.json", FLOW)
    start, end = next((s, e) for s, e in expected.line_ranges if e > s)
    text = (folder.root / FLOW).read_text(encoding="utf-8")

    hover = hover_text(document, end, text, 1)
    assert hover is not None
    assert f"line {end}: **not covered** by tests (part of the gap at lines {start}-{end})" in hover

    edited = "import os\nimport sys\n" + text
    moved = hover_text(document, end + 2, edited, 2)
    assert moved is not None
    assert f"line {end + 2} (line {end} when measured)" in moved
    assert f"gap at lines {start + 2}-{end + 2}" in moved
    assert "edited since the run (1 changed place)" in moved
    added = hover_text(document, 1, edited, 2)
    assert added is not None and "added after the coverage run" in added


def test_unmeasured_test_module_gets_a_quiet_notice(folder: Folder) -> None:
    new_test = folder.root / "tests" / "test_later.py"
    new_test.write_text("def test_later():\n    assert True\n", encoding="utf-8")
    new_module = folder.root / "src" / "gaps" / "later.py"
    new_module.write_text("VALUE = 1\n", encoding="utf-8")

    [test_notice] = build_diagnostics(_document(folder, "tests/test_later.py"), "", 1)
    [module_notice] = build_diagnostics(_document(folder, "src/gaps/later.py"), "", 1)
    assert test_notice.code == module_notice.code == "not-measured"
    assert test_notice.severity == types.DiagnosticSeverity.Hint
    assert module_notice.severity == types.DiagnosticSeverity.Information
    assert "later.py" in module_notice.message


async def test_a_workspace_without_coverage_has_no_diagnostics_but_hover_says_why(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path, "gaps")  # never measured
    settings = Settings()
    folder = Folder(uri=root.as_uri(), root=root, name=root.name, settings=settings)
    folder.store = CoverageStore(root, settings)
    assert await folder.store.load_all() == []
    document = _document(folder, FLOW)
    assert document.state == State.NO_DATA
    assert build_diagnostics(document, "", 1) == []
    hover = hover_text(document, 1, (root / FLOW).read_text(encoding="utf-8"), 1)
    assert hover is not None and "No coverage data in this workspace" in hover
