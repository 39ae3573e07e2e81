"""The generation flow in the editor, end to end through the real server over stdio.

diagnostic → quick fix → work-done progress → inlay hint refresh → hover → codeAction/resolve →
the edit applied to the files on disk → the inserted test passes under pytest → a new coverage
run shows the gap covered. With the builtin engine and with an OpenAI-compatible server
(tests/support/fake_openai.py), for both client profiles.
"""

from __future__ import annotations

import ast
import json
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

from tests.lsp.conftest import _server_command, _server_env
from tests.lsp.generation_client import (
    GenerationClient,
    apply_workspace_edit,
    make_generation_client,
)
from tests.support.coverage_projects import _clean_env, run_coverage
from tests.support.fake_openai import FakeOpenAI, Reply, entry, json_block

MODULE = "src/shop/pricing.py"
GAP_LINE = 8
"""`return price * 0.85` (the silver discount): never run by the shop's own tests."""
WAIT = 60.0

SILVER_TEST = (
    "from shop.pricing import calculate_discount\n\n\n"
    "def test_silver_discount():\n"
    "    assert calculate_discount(100, 'silver') == 85.0\n"
)

GENERATION_SERVER = ClientServerConfig(
    server_command=_server_command(),
    client_factory=make_generation_client,
    server_env=_server_env(),
)

FAST = {"engine": "builtin", "budgetSeconds": 3, "verify": {"repeat": 1, "timeoutSeconds": 20}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def llm_port() -> int:
    return _free_port()


@pytest.fixture
def init_options(request: pytest.FixtureRequest, llm_port: int) -> dict[str, Any]:
    """Builtin by default; `@pytest.mark.parametrize("engine", ["llm"], indirect=...)` style
    switching is done by the `engine` fixture below."""
    engine: str = request.getfixturevalue("engine")
    test_file: str | None = request.getfixturevalue("test_file")
    fast = FAST if test_file is None else {**FAST, "testFile": test_file}
    if engine == "builtin":
        return fast
    return {
        **fast,
        "engine": "llm",
        "llm": {
            "baseUrl": f"http://127.0.0.1:{llm_port}/v1",
            "model": "fake-model",
            "maxRetries": 0,
            "maxAttempts": 1,
            "timeoutSeconds": 20,
        },
    }


@pytest.fixture
def engine() -> str:
    return "builtin"


@pytest.fixture
def test_file() -> str | None:
    """The `testFile` setting; None keeps the default (tests/test_{module}.py)."""
    return None


@pytest.fixture
def capabilities(request: pytest.FixtureRequest) -> types.ClientCapabilities:
    return client_capabilities(request.param)


@pytest_lsp.fixture(config=GENERATION_SERVER, params=["neovim@v0.11", "visual-studio-code"])
async def editor(
    request: pytest.FixtureRequest,
    lsp_client: GenerationClient,
    project: Path,
    init_options: dict[str, Any],
) -> AsyncIterator[GenerationClient]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name=project.name)],
            root_uri=project.as_uri(),
            initialization_options=init_options,
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()


BARE = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(data_support=True),
        code_action=types.CodeActionClientCapabilities(data_support=True),
    ),
    workspace=types.WorkspaceClientCapabilities(apply_edit=True),
)
"""A client that declares neither work-done progress nor inlay hints (nor their refresh)."""


@pytest_lsp.fixture(config=GENERATION_SERVER)
async def bare_editor(
    lsp_client: GenerationClient, project: Path, init_options: dict[str, Any]
) -> AsyncIterator[GenerationClient]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=BARE,
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name=project.name)],
            initialization_options=init_options,
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()


def _neovim(client: GenerationClient) -> bool:
    info = client.capabilities and client.capabilities.workspace
    return bool(info and info.inlay_hint and info.inlay_hint.refresh_support)


async def _open_module(client: GenerationClient, project: Path) -> tuple[str, types.Diagnostic]:
    uri = client.open(project / MODULE)
    diagnostics = await client.wait_for_diagnostics(
        uri, lambda ds: any(d.code == "uncovered-line" for d in ds), what="gaps"
    )
    gap = next(d for d in diagnostics if d.range.start.line + 1 == GAP_LINE)
    return uri, gap


async def _actions(
    client: GenerationClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


async def _run_command(client: GenerationClient, command: types.Command) -> Any:
    return await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
    )


async def _start_job(client: GenerationClient, uri: str, gap: types.Diagnostic) -> dict[str, Any]:
    actions = await _actions(client, uri, gap)
    generate = next(a for a in actions if a.title == f"Generate tests for line {GAP_LINE}")
    assert generate.kind == types.CodeActionKind.QuickFix
    assert generate.command is not None and generate.command.command == "covopt.generateTests"
    started: dict[str, Any] = await _run_command(client, generate.command)
    assert started["title"] == f"line {GAP_LINE} of calculate_discount"
    return started


def plain(value: Any) -> Any:
    """pygls hands custom requests' results over as namedtuples: back to JSON values."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


async def _task(client: GenerationClient, task_id: str) -> dict[str, Any]:
    answer = await client.protocol.send_request_async("covopt/task", {"task_id": task_id})
    result: dict[str, Any] = plain(answer)
    return result


FINISHED = ("completed", "failed", "cancelled")


async def _wait_finished(client: GenerationClient, task_id: str) -> dict[str, Any]:
    """The task once finished: the server republishes diagnostics whenever a job changes."""
    while True:
        published = len(client.publications)
        found = await _task(client, task_id)
        if found["status"] in FINISHED:
            return found
        await client.wait_until(
            lambda n=published: len(client.publications) > n, f"task {task_id}", timeout=WAIT
        )


async def _hints(client: GenerationClient, uri: str) -> list[str]:
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(types.Position(0, 0), types.Position(200, 0)),
        )
    )
    return [h.label for h in hints or [] if isinstance(h.label, str)]


async def _hover(client: GenerationClient, uri: str, line: int) -> str:
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line - 1, 8),
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


def _pytest(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project, env=_clean_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip


async def _whole_loop(client: GenerationClient, project: Path) -> None:
    uri, gap = await _open_module(client, project)
    started = await _start_job(client, uri, gap)
    task = await _wait_finished(client, started["taskId"])
    assert task["status"] == "completed", task
    verified = [t for t in task["result"]["recommended_tests"] if t["verified"]]
    assert verified and GAP_LINE in verified[0]["covered_lines"]
    name = verified[0]["test_name"]

    # Work-done progress: begin (named after the gap), reports, end with the outcome.
    await client.wait_until(lambda: bool(client.ended()), "progress end")
    values = client.progress_values()
    begin = next(v for v in values if isinstance(v, types.WorkDoneProgressBegin))
    assert begin.title == f"covopt: line {GAP_LINE} of calculate_discount"
    assert begin.cancellable is True
    # The pipeline's stages reach the user: in reports, or already in begin when the job ran
    # ahead of the client's answer to window/workDoneProgress/create (a fast fake LLM can).
    stages = [begin.message or ""] + [
        v.message or "" for v in values if isinstance(v, types.WorkDoneProgressReport)
    ]
    assert any(word in stage for stage in stages for word in ("generating", "verifying")), stages
    assert name in (client.ended()[-1].message or "")

    # Inlay hints where the client has them, refreshed by the server; none sent otherwise.
    if _neovim(client):
        await client.wait_until(lambda: client.inlay_refreshes > 0, "inlay hint refresh")
        assert f"✓ {name} covers {GAP_LINE}" in await _hints(client, uri)
    else:
        assert client.inlay_refreshes == 0

    hover = await _hover(client, uri, GAP_LINE)
    assert "```python" in hover and f"`{name}` — measured to cover lines {GAP_LINE}" in hover

    # The insert quick fix, resolved lazily into a WorkspaceEdit applied to the files on disk.
    actions = await _actions(client, uri, gap)
    insert = next(a for a in actions if a.title == f"Insert {name} into tests/test_pricing.py")
    assert insert.edit is None and insert.data is not None
    resolved = await client.code_action_resolve_async(insert)
    assert resolved.edit is not None
    touched = apply_workspace_edit(resolved.edit)
    assert touched == [project / "tests" / "test_pricing.py"]
    test_text = touched[0].read_text(encoding="utf-8")
    assert f"def {name}(" in test_text
    assert test_text.count("from shop.pricing import") == 1  # imports merged, not repeated

    # Its command measures the inserted test alone: the gap's diagnostic goes at once.
    assert insert.command is not None
    published = len(client.publications)
    measured = await _run_command(client, insert.command)
    assert GAP_LINE in measured["coveredLines"]
    await client.wait_for_diagnostics(
        uri,
        lambda ds: not any(d.range.start.line + 1 == GAP_LINE and d.code == "uncovered-line"
                           for d in ds),
        after=published,
        what=f"line {GAP_LINE} gone",
    )  # fmt: skip

    # The tests pass in the project, and a full coverage run measures the gap as covered.
    result = _pytest(project)
    assert result.returncode == 0, result.stdout + result.stderr
    reports = run_coverage(project, ("json",))
    data = json.loads(reports["json"].read_text(encoding="utf-8"))
    pricing = next(v for k, v in data["files"].items() if k.endswith("pricing.py"))
    assert GAP_LINE in pricing["executed_lines"]


async def test_whole_loop_with_the_builtin_engine(editor: GenerationClient, project: Path) -> None:
    await _whole_loop(editor, project)


def _silver_reply(request: Any) -> Reply:
    return Reply.text(json_block(entry(SILVER_TEST, target_line=GAP_LINE)))


@pytest.mark.parametrize("engine", ["llm"])
async def test_whole_loop_with_an_openai_compatible_server(
    editor: GenerationClient, project: Path, llm_port: int, engine: str
) -> None:
    async with FakeOpenAI(default=_silver_reply, port=llm_port) as llm:
        await _whole_loop(editor, project)
        assert llm.requests and "calculate_discount" in llm.requests[0].user_prompt


def _gap_diagnostic(client: GenerationClient, uri: str, line: int) -> types.Diagnostic:
    return next(
        d for d in client.diagnostics_of(uri)
        if d.range.start.line + 1 == line and d.code == "uncovered-line"
    )  # fmt: skip


async def _generate(client: GenerationClient, uri: str, line: int) -> dict[str, Any]:
    actions = await _actions(client, uri, _gap_diagnostic(client, uri, line))
    generate = next(a for a in actions if a.title.startswith("Generate tests for line"))
    assert generate.command is not None
    started: dict[str, Any] = await _run_command(client, generate.command)
    return started


def _slow_reply(request: Any) -> Reply:
    return Reply.text(json_block(entry(SILVER_TEST, target_line=GAP_LINE)), delay=30)


@pytest.mark.parametrize("engine", ["llm"])
async def test_cancel_from_the_progress_and_with_the_command(
    editor: GenerationClient, project: Path, llm_port: int, engine: str
) -> None:
    async with FakeOpenAI(default=_slow_reply, port=llm_port) as llm:
        uri, _ = await _open_module(editor, project)
        first = await _generate(editor, uri, GAP_LINE)
        await llm.wait_for_requests(1)
        await editor.wait_until(lambda: bool(editor.progress_reports), "progress begin")
        token = next(iter(editor.progress_reports))
        editor.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token=token))
        assert (await _wait_finished(editor, first["taskId"]))["status"] == "cancelled"
        await llm.wait_for_disconnect()  # the HTTP call to the model was really aborted

        second = await _generate(editor, uri, GAP_LINE)
        await llm.wait_for_requests(2)
        cancelled = await editor.workspace_execute_command_async(
            types.ExecuteCommandParams("covopt.cancelTask", [{"taskId": second["taskId"]}])
        )
        assert cancelled["cancelled"] is True
        assert (await _wait_finished(editor, second["taskId"]))["status"] == "cancelled"
        await editor.wait_until(lambda: len(editor.ended()) == 2, "both progresses ended")
        assert [e.message for e in editor.ended()] == ["cancelled", "cancelled"]


@pytest.mark.parametrize("engine", ["llm"])
async def test_an_edit_inside_the_gap_cancels_its_job(
    editor: GenerationClient, project: Path, llm_port: int, engine: str
) -> None:
    async with FakeOpenAI(default=_slow_reply, port=llm_port) as llm:
        uri, _ = await _open_module(editor, project)
        started = await _generate(editor, uri, GAP_LINE)
        await llm.wait_for_requests(1)
        editor.edit(uri, GAP_LINE - 1, GAP_LINE, "        return price * 0.8\n")
        assert (await _wait_finished(editor, started["taskId"]))["status"] == "cancelled"


async def test_results_follow_the_text_and_come_back_on_undo(
    editor: GenerationClient, project: Path
) -> None:
    uri, _ = await _open_module(editor, project)
    original = (project / MODULE).read_text(encoding="utf-8")
    started = await _generate(editor, uri, GAP_LINE)
    assert (await _wait_finished(editor, started["taskId"]))["status"] == "completed"
    assert "measured to cover lines 8" in await _hover(editor, uri, GAP_LINE)

    # A line added above moves the result with the gap.
    editor.edit(uri, 0, 0, "# a comment\n")
    assert "measured to cover lines 9" in await _hover(editor, uri, GAP_LINE + 1)
    # Editing the gap hides it ...
    editor.replace_text(uri, original.replace("price * 0.85", "price * 0.8"))
    assert "measured to cover" not in await _hover(editor, uri, GAP_LINE)
    # ... and undoing the edit brings it back, without a new job.
    editor.replace_text(uri, original)
    assert "measured to cover lines 8" in await _hover(editor, uri, GAP_LINE)
    tasks = plain(await editor.protocol.send_request_async("covopt/tasks", {}))["tasks"]
    assert [t["task_id"] for t in tasks] == [started["taskId"]]


async def test_two_jobs_at_once(editor: GenerationClient, project: Path) -> None:
    uri, _ = await _open_module(editor, project)
    tax_line = 16  # `return income * 0.1`
    first = await _generate(editor, uri, GAP_LINE)
    second = await _generate(editor, uri, tax_line)
    results = [await _wait_finished(editor, s["taskId"]) for s in (first, second)]
    for result, line in zip(results, (GAP_LINE, tax_line), strict=True):
        assert result["status"] == "completed"
        assert any(line in t["covered_lines"] for t in result["result"]["recommended_tests"])
    tasks = plain(await editor.protocol.send_request_async("covopt/tasks", {}))["tasks"]
    assert {t["task_id"] for t in tasks} == {first["taskId"], second["taskId"]}
    assert {t["job"]["title"] for t in tasks} == {
        "line 8 of calculate_discount",
        "line 16 of calculate_tax",
    }
    if _neovim(editor):
        labels = await _hints(editor, uri)
        assert sum(label.startswith("✓ ") for label in labels) == 2, labels

    # covopt.insertTest: the edit goes through workspace/applyEdit, then the tests are measured.
    for started in (first, second):
        inserted = await editor.workspace_execute_command_async(
            types.ExecuteCommandParams("covopt.insertTest", [{"jobId": started["jobId"]}])
        )
        assert inserted["applied"] is True and inserted["failed"] == []
    assert len(editor.applied) == 2

    def closed(ds: list[types.Diagnostic]) -> bool:
        return not {GAP_LINE, tax_line} & {d.range.start.line + 1 for d in ds}

    await editor.wait_for_diagnostics(uri, closed, what="both gaps closed")
    # Re-reading the same reports keeps the merged data (it belongs to that measurement) ...
    published = len(editor.publications)
    await editor.workspace_execute_command_async(
        types.ExecuteCommandParams("covopt.reloadCoverage", [])
    )
    await editor.wait_for_diagnostics(uri, closed, after=published, what="still closed")
    assert _pytest(project).returncode == 0


@pytest.mark.parametrize("engine", ["llm"])
async def test_a_failing_job_says_why(editor: GenerationClient, project: Path, engine: str) -> None:
    """Nothing listens on the LLM port: the job fails, and the editor is told so."""
    uri, _ = await _open_module(editor, project)
    started = await _generate(editor, uri, GAP_LINE)
    task = await _wait_finished(editor, started["taskId"])
    assert task["status"] == "failed" and task["error"]["message"]
    await editor.wait_until(lambda: bool(editor.ended()), "progress end")
    assert (editor.ended()[0].message or "").startswith("failed: ")
    assert "**failed**" in await _hover(editor, uri, GAP_LINE)
    if _neovim(editor):
        labels = await _hints(editor, uri)
        assert any(label.startswith("✗ no passing test: ") for label in labels), labels
    actions = await _actions(editor, uri, _gap_diagnostic(editor, uri, GAP_LINE))
    assert [a.title for a in actions if a.kind == "quickfix"] == ["Generate tests for line 8"]


async def test_a_client_without_progress_or_refresh_gets_neither(
    bare_editor: GenerationClient, project: Path
) -> None:
    uri, _ = await _open_module(bare_editor, project)
    started = await _generate(bare_editor, uri, GAP_LINE)
    assert (await _wait_finished(bare_editor, started["taskId"]))["status"] == "completed"
    assert "measured to cover lines 8" in await _hover(bare_editor, uri, GAP_LINE)
    assert bare_editor.progress_reports == {}
    assert bare_editor.inlay_refreshes == 0


async def test_source_actions_for_the_function_and_the_file(
    editor: GenerationClient, project: Path
) -> None:
    uri, _ = await _open_module(editor, project)
    result = await editor.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(types.Position(GAP_LINE - 1, 0), types.Position(GAP_LINE - 1, 0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Source]),
        )
    )
    actions = {a.title: a for a in result or [] if isinstance(a, types.CodeAction)}
    function = actions["Generate tests for all gaps in this function"]
    assert function.kind == "source.covopt.generateTests.function"
    assert function.command is not None
    started = await _run_command(editor, function.command)
    assert started["title"] == "2 gaps in calculate_discount"  # line 8 and branch 7→8
    assert "Generate tests for all gaps in this file" in actions


@pytest.mark.parametrize("test_file", ["tests/generated/test_{module}_gaps.py"])
async def test_insertion_creates_the_test_file_following_the_layout(
    editor: GenerationClient, project: Path, test_file: str
) -> None:
    """`testFile` names a file that does not exist yet: VS Code gets a CreateFile operation;
    Neovim (no documentChanges) gets the empty file created by the server first."""
    target = project / "tests" / "generated" / "test_pricing_gaps.py"
    uri, gap = await _open_module(editor, project)
    started = await _start_job(editor, uri, gap)
    assert (await _wait_finished(editor, started["taskId"]))["status"] == "completed"
    actions = await _actions(editor, uri, gap)
    insert = next(a for a in actions if a.title.startswith("Insert "))
    assert insert.title.endswith("into tests/generated/test_pricing_gaps.py")
    resolved = await editor.code_action_resolve_async(insert)
    assert resolved.edit is not None
    creates = [c for c in resolved.edit.document_changes or [] if isinstance(c, types.CreateFile)]
    if _neovim(editor):
        assert not creates and target.exists()
    else:
        assert [c.uri for c in creates] == [target.as_uri()] and not target.exists()
    apply_workspace_edit(resolved.edit)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("import pytest\nfrom shop.pricing import calculate_discount\n") or (
        text.startswith("from shop.pricing import calculate_discount\n")
    )
    result = _pytest(project)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_ghost_text_in_the_test_file(editor: GenerationClient, project: Path) -> None:
    uri, gap = await _open_module(editor, project)
    started = await _start_job(editor, uri, gap)
    assert (await _wait_finished(editor, started["taskId"]))["status"] == "completed"
    test_path = project / "tests" / "test_pricing.py"
    test_uri = editor.open(test_path)
    text = test_path.read_text(encoding="utf-8")
    # The point: after the file's tests of calculate_discount (test_gold_discount).
    gold = next(n for n in ast.parse(text).body if getattr(n, "name", "") == "test_gold_discount")
    assert gold.end_lineno is not None
    point = types.Position(gold.end_lineno, 0)
    items = await editor.text_document_inline_completion_async(
        types.InlineCompletionParams(
            text_document=types.TextDocumentIdentifier(uri=test_uri),
            position=point,
            context=types.InlineCompletionContext(
                trigger_kind=types.InlineCompletionTriggerKind.Automatic
            ),
        )
    )
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    ghost = item.insert_text if isinstance(item.insert_text, str) else item.insert_text.value
    assert "def test_" in ghost and "import" not in ghost  # imports go to the import block
    # Nowhere else in the file: the suggestion belongs at its insertion point.
    elsewhere = await editor.text_document_inline_completion_async(
        types.InlineCompletionParams(
            text_document=types.TextDocumentIdentifier(uri=test_uri),
            position=types.Position(3, 0),
            context=types.InlineCompletionContext(
                trigger_kind=types.InlineCompletionTriggerKind.Automatic
            ),
        )
    )
    assert not elsewhere
    # Accepting: the editor inserts the text, then runs the item's command.
    lines = text.splitlines(keepends=True)
    accepted = "".join(lines[: point.line]) + ghost + "".join(lines[point.line :])
    editor.replace_text(test_uri, accepted)
    test_path.write_text(accepted, encoding="utf-8")
    assert item.command is not None
    measured = await _run_command(editor, item.command)
    assert GAP_LINE in measured["coveredLines"]
    await editor.wait_until(lambda: bool(editor.applied), "the imports edit")
    final = test_path.read_text(encoding="utf-8")
    assert final.count("from shop.pricing import") == 1
    names = [getattr(n, "name", "") for n in ast.parse(final).body]
    assert names.index("test_gold_discount") + 1 == names.index(measured["passed"][0])
    result = _pytest(project)
    assert result.returncode == 0, result.stdout + result.stderr


def _wrong_assertion(request: Any) -> Reply:
    wrong = SILVER_TEST.replace("== 85.0", "== 90.0")
    return Reply.text(json_block(entry(wrong, target_line=GAP_LINE)))


@pytest.mark.parametrize("engine", ["llm"])
async def test_a_test_failing_on_its_assertion_is_shown_as_a_possible_bug(
    editor: GenerationClient, project: Path, llm_port: int, engine: str
) -> None:
    async with FakeOpenAI(default=_wrong_assertion, port=llm_port):
        uri, _ = await _open_module(editor, project)
        started = await _generate(editor, uri, GAP_LINE)
        task = await _wait_finished(editor, started["taskId"])
    assert task["status"] == "completed"
    assert [t["possible_bug"] for t in task["result"]["recommended_tests"]] == [True]
    hover = await _hover(editor, uri, GAP_LINE)
    assert "⚠ **possible bug**: `test_silver_discount` runs lines 8" in hover
    assert "== 90.0" in hover
    if _neovim(editor):
        labels = await _hints(editor, uri)
        assert any(label.startswith("✗ no passing test: ") for label in labels), labels
    actions = await _actions(editor, uri, _gap_diagnostic(editor, uri, GAP_LINE))
    assert not any(a.title.startswith("Insert ") for a in actions)  # a failing test is not offered
