"""End to end: the real covopt-ls over stdio, as Neovim 0.11 and VS Code would drive it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from tests.lsp.editor import EditorClient, lines_of
from tests.lsp.expected import expected_for
from tests.lsp.workspaces import private_copy
from tests.support.coverage_projects import add_test, make_project, run_coverage

SOURCE = "src/shop/pricing.py"
SILVER_TEST = """
from shop.pricing import calculate_discount


def test_silver_discount():
    assert calculate_discount(100, "silver") == 85
"""


def _client_can_watch(client: EditorClient) -> bool:
    workspace = client.capabilities.workspace if client.capabilities else None
    watched = workspace.did_change_watched_files if workspace else None
    return bool(watched and watched.dynamic_registration)


def _logged(client: EditorClient) -> str:
    return "\n".join(m.message for m in client.log_messages)


def _has_gaps(diagnostics: list[types.Diagnostic]) -> bool:
    return any(d.code == "uncovered-line" for d in diagnostics)


async def _open(client: EditorClient, project: Path) -> tuple[str, list[types.Diagnostic]]:
    uri = client.open(project / SOURCE)
    diagnostics = await client.wait_for_diagnostics(uri, _has_gaps, what="coverage gaps")
    return uri, diagnostics


async def _hover(client: EditorClient, uri: str, line: int) -> str:
    """Hover text at 1-based `line`."""
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line - 1, character=4),
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


async def test_open_file_gets_one_diagnostic_per_gap_as_coverage_py_reports_them(
    client: EditorClient, project: Path
) -> None:
    uri, diagnostics = await _open(client, project)
    expected = expected_for(project / "coverage.json", SOURCE)

    assert lines_of(diagnostics, "uncovered-line") == expected.line_ranges
    assert [start for start, _ in lines_of(diagnostics, "partial-branch")] == expected.partial_lines
    assert len(diagnostics) == len(expected.line_ranges) + len(expected.partial_lines)
    assert {d.source for d in diagnostics} == {"covopt"}
    assert {d.severity for d in diagnostics} == {types.DiagnosticSeverity.Information}
    assert all(d.range.start.character == 0 and d.range.end.character == 0 for d in diagnostics)
    assert client.publications[-1].version == 1

    by_line = {(d.code, d.range.start.line + 1): d for d in diagnostics}
    start, end = expected.line_ranges[0]
    line_message = by_line["uncovered-line", start].message
    if start == end:
        assert line_message == f"Line {start} not covered by tests"
    else:
        assert line_message == f"Lines {start}-{end} not covered by tests"
    branch_line = expected.partial_lines[0]
    target = expected.missing_arcs[branch_line][0]
    total = expected.branch_counts[branch_line]
    taken = total - len(expected.missing_arcs[branch_line])
    assert by_line["partial-branch", branch_line].message == (
        f"Branch {branch_line}→{target if target > 0 else 'exit'} never taken"
        f" ({taken} of {total} branches covered)"
    )
    data = by_line["partial-branch", branch_line].data
    assert data["uri"] == uri
    assert data["type"] == "branch"
    assert (data["start_line"], data["end_line"]) == (branch_line, branch_line)
    assert data["missing_arcs"] == [[branch_line, target]]
    assert len(data["source_hash"]) == 64


async def test_hover_tells_line_branch_and_file_coverage_and_where_it_came_from(
    client: EditorClient, project: Path
) -> None:
    uri, _ = await _open(client, project)
    expected = expected_for(project / "coverage.json", SOURCE)
    gap_line = expected.line_ranges[0][0]
    branch_line = expected.partial_lines[0]
    summary = expected.summary

    missed = await _hover(client, uri, gap_line)
    assert "not covered" in missed
    assert f"{summary['covered_lines']} of {summary['num_statements']} lines covered" in missed
    assert f"{summary['covered_branches']} of {summary['num_branches']} branches" in missed
    assert "measured" in missed and str(project) in missed
    assert "up to date" in missed

    branch = await _hover(client, uri, branch_line)
    total = expected.branch_counts[branch_line]
    taken = total - len(expected.missing_arcs[branch_line])
    assert f"{taken} of {total} branches taken" in branch
    assert f"never taken: →{expected.missing_arcs[branch_line][0]}" in branch
    assert "line " + str(branch_line) + ": covered" in branch

    blank = await _hover(client, uri, 3)
    assert "not executable" in blank


async def test_rerun_with_one_more_test_updates_the_diagnostics_by_itself(
    client: EditorClient, project: Path
) -> None:
    uri, before = await _open(client, project)
    expected = expected_for(project / "coverage.json", SOURCE)
    silver_gap = next(line for line, _ in expected.line_ranges if line == 8)
    assert ("uncovered-line", silver_gap) in {(d.code, d.range.start.line + 1) for d in before}
    published = len(client.publications)

    add_test(project, SILVER_TEST)
    reports = run_coverage(project)
    matched = client.files_changed(reports.values(), types.FileChangeType.Changed)
    if _client_can_watch(client):  # VS Code: the server registered watchers, the client notifies
        assert "watching coverage reports through the client" in _logged(client)
        assert set(matched) == set(reports.values())
    else:  # Neovim cannot register them: the server watches by itself
        assert "watching coverage reports server-side" in _logged(client)
        assert matched == []

    after = await client.wait_for_diagnostics(
        uri,
        lambda ds: _has_gaps(ds) and (silver_gap, silver_gap) not in lines_of(ds, "uncovered-line"),
        after=published,
        what="the silver gap to close",
    )
    rerun = expected_for(project / "coverage.json", SOURCE)
    assert lines_of(after, "uncovered-line") == rerun.line_ranges
    assert [s for s, _ in lines_of(after, "partial-branch")] == rerun.partial_lines
    assert len(after) < len(before)


async def test_diagnostics_are_cleared_when_the_coverage_goes_away(
    client: EditorClient, project: Path
) -> None:
    uri, _ = await _open(client, project)
    published = len(client.publications)
    reports = [project / name for name in ("coverage.xml", "coverage.json", "lcov.info")]
    for report in reports:
        report.unlink()
    client.files_changed(reports, types.FileChangeType.Deleted)
    await client.wait_for_diagnostics(uri, lambda ds: ds == [], after=published, what="[]")
    assert client.publications[-1].version == 1


async def test_editing_moves_ranges_and_deleting_a_gap_removes_it(
    client: EditorClient, project: Path
) -> None:
    uri, before = await _open(client, project)
    original = (project / SOURCE).read_text(encoding="utf-8")
    published = len(client.publications)

    client.edit(uri, 0, 0, "import math\nimport os\n\n")
    moved = await client.wait_for_diagnostics(
        uri,
        lambda ds: ds and lines_of(ds, "uncovered-line") != lines_of(before, "uncovered-line"),
        after=published,
        what="ranges to move",
    )
    assert lines_of(moved, "uncovered-line") == [
        (s + 3, e + 3) for s, e in lines_of(before, "uncovered-line")
    ]
    assert lines_of(moved, "partial-branch") == [
        (s + 3, e + 3) for s, e in lines_of(before, "partial-branch")
    ]
    assert client.publications[-1].version == 2
    hover = await _hover(client, uri, 11)
    assert "line 8 when measured" in hover and "edited since the run" in hover

    gap = original.splitlines()[7]
    assert "silver" not in gap and "0.85" in gap  # line 8: the silver discount's return
    client.edit(uri, 10, 11, "")  # line 8 as measured is line 11 now
    published = len(client.publications)
    shrunk = await client.wait_for_diagnostics(
        uri, lambda ds: len(ds) == len(before) - 1, after=published, what="the deleted gap to go"
    )
    assert (11, 11) not in lines_of(shrunk, "uncovered-line")
    later = [(s + 2, e + 2) for s, e in lines_of(before, "uncovered-line") if s > 8]
    assert [r for r in lines_of(shrunk, "uncovered-line") if r[0] > 10] == later


async def test_file_changed_on_disk_after_the_run_is_shown_as_stale(
    client: EditorClient, project: Path
) -> None:
    source = project / SOURCE
    source.write_text("# reformatted after the run\n" + source.read_text(encoding="utf-8"))
    uri = client.open(source)
    diagnostics = await client.wait_for_diagnostics(uri, bool, what="the stale notice")
    assert len(diagnostics) == 1
    assert diagnostics[0].code == "stale-coverage"
    assert "stale" in diagnostics[0].message
    hover = await _hover(client, uri, 9)
    assert "stale" in hover
    assert "not covered" not in hover


async def test_python_file_without_data_gets_one_explanation(
    client: EditorClient, project: Path
) -> None:
    await _open(client, project)
    extra = project / "src" / "shop" / "extra.py"
    extra.write_text("def later():\n    return 1\n", encoding="utf-8")
    uri = client.open(extra)
    diagnostics = await client.wait_for_diagnostics(uri, bool, what="the explanation")
    assert len(diagnostics) == 1
    assert diagnostics[0].code == "not-measured"
    assert "extra.py" in diagnostics[0].message or "measured" in diagnostics[0].message


XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<coverage version="7.0"><sources><source>&lol4;</source></sources><packages/></coverage>
"""


async def test_hostile_and_truncated_reports_keep_the_last_good_data(
    client: EditorClient, project: Path
) -> None:
    uri, before = await _open(client, project)
    xml = project / "coverage.xml"
    good = xml.read_text(encoding="utf-8")

    xml.write_text(XML_BOMB, encoding="utf-8")
    client.files_changed([xml], types.FileChangeType.Changed)
    await client.wait_until(lambda: len(client.messages) >= 1, "a message about coverage.xml")
    assert "coverage.xml" in client.messages[0].message
    assert client.messages[0].type in (types.MessageType.Warning, types.MessageType.Error)
    logged = len(client.log_messages)

    xml.write_text(good[: len(good) // 2], encoding="utf-8")  # caught mid-write, never finished
    client.files_changed([xml], types.FileChangeType.Changed)
    await client.wait_until(
        lambda: any("coverage.xml" in m.message for m in client.log_messages[logged:]),
        "the truncated report to be logged",
    )
    assert len([m for m in client.messages if "coverage.xml" in m.message]) == 1

    data_file = project / ".coverage"
    data_file.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a corrupt data file
    client.files_changed([data_file], types.FileChangeType.Created)
    await client.wait_until(
        lambda: any(str(data_file) in m.message for m in client.messages),
        "a message about the corrupt .coverage",
    )

    hover = await _hover(client, uri, 8)
    assert "not covered" in hover
    assert lines_of(client.diagnostics_of(uri), "uncovered-line") == lines_of(
        before, "uncovered-line"
    )
    assert client.error is None


@pytest.mark.parametrize(
    "init_options", [{"covopt": {"diagnostics": {"severity": "warning", "showBranches": "many"}}}]
)
async def test_settings_apply_and_bad_values_are_reported_with_defaults_used(
    client: EditorClient, project: Path, init_options: dict[str, Any]
) -> None:
    uri, diagnostics = await _open(client, project)
    assert {d.severity for d in diagnostics} == {types.DiagnosticSeverity.Warning}
    assert lines_of(diagnostics, "partial-branch")  # showBranches fell back to its default
    assert any("showBranches" in m.message for m in client.messages)

    client.set_configuration(
        {"diagnostics": {"severity": "hint", "showBranches": False}}, section="covopt"
    )
    published = len(client.publications)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    updated = await client.wait_for_diagnostics(
        uri,
        lambda ds: bool(ds) and all(d.severity == types.DiagnosticSeverity.Hint for d in ds),
        after=published,
        what="the new severity",
    )
    assert not lines_of(updated, "partial-branch")


async def test_reload_command_and_coverage_summary(client: EditorClient, project: Path) -> None:
    uri, _ = await _open(client, project)
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="covopt.reloadCoverage", arguments=[])
    )
    reports = result.reports if hasattr(result, "reports") else result["reports"]
    assert str(project / "coverage.xml") in reports

    summary = await client.protocol.send_request_async(
        "covopt/coverageSummary", {"textDocument": {"uri": uri}}
    )
    expected = expected_for(project / "coverage.json", SOURCE).summary
    assert summary.lines.covered == expected["covered_lines"]
    assert summary.lines.total == expected["num_statements"]
    assert summary.branches.covered == expected["covered_branches"]
    assert summary.branches.total == expected["num_branches"]
    assert summary.freshness == "fresh"


async def test_source_deleted_while_open_does_not_break_the_server(
    client: EditorClient, project: Path
) -> None:
    uri, before = await _open(client, project)
    (project / SOURCE).unlink()
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="covopt.reloadCoverage", arguments=[])
    )
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=7, character=4),
        )
    )
    assert hover is None or isinstance(hover.contents, types.MarkupContent)
    assert client.error is None
    assert before


@pytest.fixture(scope="module")
def measured_container(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop measured "in a container": the report names /app/src/shop/pricing.py."""
    root = make_project(tmp_path_factory.mktemp("container"), "shop")
    reports = run_coverage(root, formats=("xml",))
    (root / ".coverage").unlink()
    xml = reports["xml"]
    text = xml.read_text(encoding="utf-8")
    text = text.replace(f"<source>{root}</source>", "<source>/app/src</source>")
    xml.write_text(text.replace('filename="src/', 'filename="'), encoding="utf-8")
    return root


@pytest.fixture
def container_project(measured_container: Path, tmp_path: Path) -> Path:
    return private_copy(measured_container, tmp_path)


@pytest.mark.parametrize("project_kind", ["container"])
async def test_file_measured_under_another_path_is_explained_and_path_mappings_fix_it(
    client: EditorClient, project: Path, project_kind: str
) -> None:
    uri = client.open(project / SOURCE)
    notice = await client.wait_for_diagnostics(uri, bool, what="the explanation")
    assert [d.code for d in notice] == ["not-measured"]
    suggestion = re.search(r'\{"pathMappings": \{.*?\}\}', notice[0].message)
    assert suggestion is not None, notice[0].message
    mappings = json.loads(suggestion.group(0))["pathMappings"]
    assert any(key.startswith("/app") for key in mappings)

    client.set_configuration(mappings, section="covopt.pathMappings")  # as the user pastes it
    published = len(client.publications)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    mapped = await client.wait_for_diagnostics(
        uri, _has_gaps, after=published, what="the mapped coverage"
    )
    assert "not-measured" not in {d.code for d in mapped}
    assert lines_of(mapped, "uncovered-line")


LEGACY = b"""# -*- coding: latin-1 -*-
GREETING = "gr\xfc\xdf dich"


def greet(name, formal=False):
    if formal:
        return "Sehr geehrte " + name
    return GREETING + ", " + name
"""
LEGACY_TEST = """
from shop.legacy import greet


def test_greet():
    assert greet("Ada").endswith("Ada")
"""


@pytest.fixture(scope="module")
def measured_legacy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop with a module in Latin-1 (declared by its coding cookie), measured."""
    root = make_project(tmp_path_factory.mktemp("legacy"), "shop")
    (root / "src" / "shop" / "legacy.py").write_bytes(LEGACY)
    add_test(root, LEGACY_TEST, "tests/test_legacy.py")
    run_coverage(root)
    return root


@pytest.fixture
def legacy_project(measured_legacy: Path, tmp_path: Path) -> Path:
    return private_copy(measured_legacy, tmp_path)


@pytest.mark.parametrize("project_kind", ["legacy"])
async def test_source_not_in_utf8_is_mapped_as_python_reads_it(
    client: EditorClient, project: Path, project_kind: str
) -> None:
    path = project / "src" / "shop" / "legacy.py"
    uri = client.open(path, LEGACY.decode("latin-1"))
    diagnostics = await client.wait_for_diagnostics(uri, _has_gaps, what="the legacy gap")
    assert lines_of(diagnostics, "uncovered-line") == [(7, 7)]
    assert client.messages == []
    assert client.error is None


async def test_a_workspace_folder_added_later_gets_its_own_coverage(
    client: EditorClient, project: Path, measured_shop: Path, tmp_path: Path
) -> None:
    second = private_copy(measured_shop, tmp_path / "second")
    client.workspace_did_change_workspace_folders(
        types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=second.as_uri(), name="second")], removed=[]
            )
        )
    )
    uri = client.open(second / SOURCE)
    diagnostics = await client.wait_for_diagnostics(uri, _has_gaps, what="the second folder")
    expected = expected_for(second / "coverage.json", SOURCE)
    assert lines_of(diagnostics, "uncovered-line") == expected.line_ranges
    hover = await _hover(client, uri, expected.line_ranges[0][0])
    assert str(second) in hover and str(project) not in hover


async def test_edits_saved_in_the_editor_are_followed_after_closing_and_reopening(
    client: EditorClient, project: Path
) -> None:
    uri, before = await _open(client, project)
    source = project / SOURCE
    edited = "import math\n\n" + source.read_text(encoding="utf-8")
    client.replace_text(uri, edited)
    source.write_text(edited, encoding="utf-8")  # saved: now newer than the coverage run
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await client.wait_for_diagnostics(uri, lambda ds: ds == [], what="[] on close")
    published = len(client.publications)

    client.open(source)
    reopened = await client.wait_for_diagnostics(
        uri, bool, after=published, what="diagnostics after reopening"
    )
    assert "stale-coverage" not in {d.code for d in reopened}
    assert lines_of(reopened, "uncovered-line") == [
        (s + 2, e + 2) for s, e in lines_of(before, "uncovered-line")
    ]


@pytest.fixture
def configured_project(shop_project: Path) -> Path:
    """The shop whose pyproject.toml configures covopt (`[tool.covopt]`)."""
    pyproject = shop_project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8")
        + '\n[tool.covopt]\ndiagnostics = { severity = "hint", show_branches = false }\n',
        encoding="utf-8",
    )
    return shop_project


@pytest.mark.parametrize("project_kind", ["configured"])
async def test_pyproject_settings_apply(
    client: EditorClient, project: Path, project_kind: str
) -> None:
    _, diagnostics = await _open(client, project)
    assert {d.severity for d in diagnostics} == {types.DiagnosticSeverity.Hint}
    assert not lines_of(diagnostics, "partial-branch")
    assert client.messages == []


async def test_a_client_that_refuses_to_watch_gets_server_side_watching(
    refusing_client: EditorClient, project: Path
) -> None:
    client = refusing_client
    uri, before = await _open(client, project)
    assert "watching coverage reports server-side" in _logged(client)
    published = len(client.publications)
    add_test(project, SILVER_TEST)
    run_coverage(project)  # and no didChangeWatchedFiles: the client watches nothing
    after = await client.wait_for_diagnostics(
        uri, lambda ds: _has_gaps(ds) and len(ds) < len(before), after=published, what="update"
    )
    assert (8, 8) not in lines_of(after, "uncovered-line")


async def test_changing_the_coverage_globs_re_registers_the_watchers(
    client: EditorClient, project: Path
) -> None:
    uri, _ = await _open(client, project)
    registered_before = client.watched_patterns()
    client.set_configuration(["coverage.json"], section="covopt.coverageFiles")
    published = len(client.publications)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await client.wait_for_diagnostics(uri, _has_gaps, after=published, what="republished")
    hover = await _hover(client, uri, 8)
    assert "coverage.json" in hover and "coverage.xml" not in hover
    if _client_can_watch(client):
        assert any(p.endswith("coverage.xml") for p in registered_before)
        await client.wait_until(
            lambda: all(p.endswith("coverage.json") for p in client.watched_patterns()),
            "the watchers to follow the setting",
        )
        assert client.watched_patterns()
