"""The Neovim plugin in real headless Neovim 0.11 against the real covopt-ls.

One Neovim run (flow.lua) drives the whole flow on a scratch copy of the example project with real
coverage data and writes what it saw; each test below checks one part of it. Run by
`make -C editors test-nvim` (part of `make test`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
PLUGIN = HERE.parent
sys.path.insert(0, str(PLUGIN.parent / "tests"))

from fixture_project import prepare  # noqa: E402


def nvim_binary() -> str:
    configured = os.environ.get("COVOPT_NVIM")
    return configured or str(Path(sys.executable).parent / "nvim")


@pytest.fixture(scope="module")
def fixture(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return prepare(tmp_path_factory.mktemp("nvim-project"))


@pytest.fixture(scope="module")
def run(fixture: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("nvim-out") / "results.json"
    home = tmp_path_factory.mktemp("nvim-home")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "COVOPT_PLUGIN": str(PLUGIN),
        "COVOPT_PY": sys.executable,
        "COVOPT_ROOT": fixture["root"],
        "COVOPT_SOURCE": fixture["source"],
        "COVOPT_TEST_FILE": fixture["test_file"],
        "COVOPT_MISSING_LINE": str(fixture["missing_lines"][0]),
        "COVOPT_EXECUTED_LINE": str(fixture["executed_lines"][0]),
        "COVOPT_OTHER_GAP_LINE": str(fixture["missing_lines"][1]),
        "COVOPT_OUT": str(out),
    }
    completed = subprocess.run(
        [nvim_binary(), "--headless", "--clean", "-u", str(HERE / "flow.lua")],
        cwd=fixture["root"],
        env=env,
        capture_output=True,
        text=True,
        timeout=200,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), f"Neovim wrote no results:\n{completed.stdout}\n{completed.stderr}"
    results: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    results["returncode"] = completed.returncode
    results["stderr"] = completed.stderr
    lsp_log = home / "state" / "nvim" / "lsp.log"  # the server's stderr lands here
    results["lsp_log"] = lsp_log.read_text(encoding="utf-8")[-4000:] if lsp_log.exists() else ""
    return results


def steps(run: dict[str, Any], name: str) -> Any:
    value = run["steps"].get(name)
    assert value is not None, (
        f"step {name!r} did not run: {run.get('error')}\n{run['messages']}\n{run['lsp_log']}"
    )
    return value


def lines_of(diagnostics: list[dict[str, Any]], code: str) -> list[int]:
    """1-based lines under the diagnostics with `code` (whole-line ranges end at column 0)."""
    lines: set[int] = set()
    for d in diagnostics:
        if d["code"] != code:
            continue
        ends_at_next_line = d["end_col"] == 0 and d["end_lnum"] > d["lnum"]
        last = d["end_lnum"] - 1 if ends_at_next_line else d["end_lnum"]
        lines.update(range(d["lnum"] + 1, last + 2))
    return sorted(lines)


def run_script(script: str, tmp: Path, cwd: str | None = None, **env_extra: str) -> str:
    """Run one of the short Lua scripts in headless Neovim; return what it wrote to COVOPT_OUT."""
    out = tmp / "out.txt"
    env = {
        **os.environ,
        "HOME": str(tmp),
        "COVOPT_PLUGIN": str(PLUGIN),
        "COVOPT_OUT": str(out),
        **env_extra,
    }
    subprocess.run(
        [nvim_binary(), "--headless", "--clean", "-u", str(HERE / script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return out.read_text(encoding="utf-8")


def test_plugin_logic_without_a_server(tmp_path: Path) -> None:
    assert run_script("unit.lua", tmp_path).strip() == "ok"


def test_setup_attaches_the_server_with_inlay_hints(
    run: dict[str, Any], fixture: dict[str, Any]
) -> None:
    attach = steps(run, "attach")
    assert attach["name"] == "covopt"
    assert attach["server_info"]["name"] == "covopt-ls"
    assert attach["root_dir"] == fixture["root"]
    assert attach["filetype"] == "python"
    assert attach["inlay_hints_enabled"] is True


def test_diagnostics_are_what_coveragepy_reports_missing(
    run: dict[str, Any], fixture: dict[str, Any]
) -> None:
    diagnostics = steps(run, "diagnostics")
    assert {d["source"] for d in diagnostics} == {"covopt"}
    assert lines_of(diagnostics, "uncovered-line") == fixture["missing_lines"]
    executed = set(fixture["executed_lines"])
    partial = sorted({src for src, _ in fixture["missing_branches"] if src in executed})
    assert lines_of(diagnostics, "partial-branch") == partial
    # settings reached the server: severity "warning" (vim.diagnostic.severity.WARN == 2)
    assert {d["severity"] for d in diagnostics} == {2}


def test_hover_tells_the_line_coverage_and_the_data_origin(run: dict[str, Any]) -> None:
    hover = steps(run, "hover")
    assert re.search(r"not (covered|executed|run)", hover["missing"], re.IGNORECASE)
    assert ".coverage" in hover["missing"]
    assert hover["executed"] and hover["executed"] != hover["missing"]


def test_checkhealth_passes(run: dict[str, Any]) -> None:
    report = "\n".join(steps(run, "health"))
    assert "ERROR" not in report, report
    assert re.search(r"OK.*covopt-ls installed: covopt-ls \d", report), report
    assert re.search(r"OK.*attached: covopt-ls", report), report
    assert re.search(r"OK.*\.coverage \(measured", report), report
    assert re.search(r"OK.*pricing\.py: \d+ of \d+ lines covered", report), report


def test_reload_command_answers(run: dict[str, Any]) -> None:
    assert steps(run, "reload") == "covopt: coverage reloaded"


def test_checkhealth_names_a_missing_server_and_the_install_command(
    tmp_path: Path, fixture: dict[str, Any]
) -> None:
    # A real Python without covopt-ls: the project's interpreter with site-packages switched off.
    python = tmp_path / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" -S -I "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    report = run_script("health_missing.lua", tmp_path, fixture["root"], COVOPT_PY=str(python))
    assert re.search(r"ERROR covopt-ls cannot start: .*No module named covopt_ls", report), report
    assert f"{python} -m pip install covopt-ls" in report
    assert "no covopt client is running" in report


def test_quick_fix_job_inlay_hint_insert_and_tasks(
    run: dict[str, Any], fixture: dict[str, Any]
) -> None:
    assert steps(run, "attach")["code_actions"], "the server offers code actions"
    assert run.get("error") is None, f"{run.get('error')}\n{run['lsp_log']}"
    assert any(p["kind"] == "begin" for p in run["progress"])
    hints = steps(run, "generate")["hints"]
    assert any("✓" in hint["label"] for hint in hints), hints
    insert = steps(run, "insert")
    assert len(insert["after"]) > len(insert["before"])
    assert re.search(r"^def test_\w+", insert["after"], re.MULTILINE)
    assert insert["gap_diagnostic_gone"], (
        "the inserted test was measured and the gap's diagnostic went"
    )
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", fixture["test_file"]],
        cwd=fixture["root"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    tasks = steps(run, "tasks")
    assert any(item.startswith("completed") for item in tasks["items"]), tasks
    assert any(line.startswith("def test_") for line in tasks["opened"]), tasks


def test_cancel_picks_the_running_task_and_cancels_it(run: dict[str, Any]) -> None:
    cancel = steps(run, "cancel")
    assert len(cancel["offered"]) == 1 and cancel["offered"][0].startswith(
        ("pending", "processing")
    )
    assert cancel["message"].startswith("covopt: cancelled "), cancel
    assert sorted(cancel["statuses"]) == ["cancelled", "completed"], cancel


def test_neovim_exits_cleanly(run: dict[str, Any]) -> None:
    assert run.get("done") is True, run.get("error")
    assert run.get("error") is None, f"{run.get('error')}\n{run['stderr']}"
    assert run["returncode"] == 0
