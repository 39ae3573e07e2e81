"""`covopt suggest` end to end: a real subprocess on a copy of the example project, with coverage
data from a real coverage.py run, the builtin engine and the sandboxed verifier."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from covopt_ls.coverage.readers import read_report
from tests.support.coverage_projects import _clean_env, make_project, run_coverage

SOURCE = "src/shop/pricing.py"


def _env() -> dict[str, str]:
    """Without the outer session's coverage and pytest settings, and without a configured LLM."""
    return {k: v for k, v in _clean_env().items() if not k.startswith("COVOPT_")}


def _suggest(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "covopt_ls.cli", "suggest", *args],
        cwd=root,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _missing_lines(root: Path) -> set[int]:
    report = read_report(root / ".coverage")
    source = (root / SOURCE).resolve()
    key = next(k for k in report.files if Path(k).resolve() == source)
    return set(report.file_coverage(key, source).missing)


def _lines_in(header: str) -> set[int]:
    """The lines of "...: Covers lines 4-5, 8 and branch 9->exit (measured)"."""
    spans = header.split("Covers line", 1)[1].lstrip("s ").split(" (")[0].split(" and ")[0]
    lines: set[int] = set()
    for span in spans.split(", "):
        first, _, last = span.partition("-")
        lines.update(range(int(first), int(last or first) + 1))
    return lines


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("suggest"), "shop")
    run_coverage(root, formats=("data",))
    return root


def test_prints_each_test_with_the_lines_it_was_measured_to_cover(measured: Path) -> None:
    test_file = measured / "tests" / "test_pricing.py"
    before = test_file.read_text()
    gaps = _missing_lines(measured)
    completed = _suggest(measured, SOURCE, "--engine", "builtin")
    assert completed.returncode == 0, completed.stderr
    headers = [line for line in completed.stdout.splitlines() if line.startswith("# ✓ test_")]
    assert headers, completed.stdout
    for header in headers:
        assert header.endswith("(measured)")
        assert "Covers line" in header
    claimed = {line for header in headers for line in _lines_in(header)}
    assert claimed and claimed <= gaps
    assert test_file.read_text() == before, "without --write the test file is not touched"


def test_json_output_and_write_close_the_gaps_they_claim(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = make_project(tmp_path_factory.mktemp("suggest-write"), "shop")
    run_coverage(root, formats=("data", "xml"))
    gaps_before = _missing_lines(root)
    completed = _suggest(
        root, SOURCE, "--json", "--write", "--coverage", "coverage.xml", "--engine", "builtin"
    )
    assert completed.returncode == 0, completed.stderr
    task = json.loads(completed.stdout)
    assert task["status"] == "completed" and task["error"] is None
    tests = task["result"]["recommended_tests"]
    verified = [t for t in tests if t["verified"]]
    assert verified
    assert all(t["verified"] or t["possible_bug"] for t in tests)
    claimed = {line for t in verified for line in t["covered_lines"]}
    assert claimed <= gaps_before
    assert f"wrote {verified[0]['test_name']}" in completed.stderr

    test_file = (root / "tests" / "test_pricing.py").read_text()
    import_lines = [line for line in test_file.splitlines() if line.startswith("from shop")]
    assert len(import_lines) == 1, "the tests' imports are merged into the existing import"
    for test in verified:
        assert f"def {test['test_name']}(" in test_file

    run_coverage(root, formats=("data",))  # raises when any test of the suite fails
    assert gaps_before - _missing_lines(root) == claimed, "measured = what the suite now covers"


def test_fully_covered_file_has_nothing_to_do(measured: Path) -> None:
    completed = _suggest(measured, "src/shop/__init__.py")
    assert completed.returncode == 0, completed.stderr
    assert "nothing to do" in completed.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.py",), "no such file: missing.py"),
        (("pyproject.toml",), "is not a Python source file"),
        ((SOURCE, "--coverage", "nope.xml"), "no coverage file nope.xml"),
        ((SOURCE, "--coverage", "pyproject.toml"), "cannot read pyproject.toml"),
        ((SOURCE, "--engine", "llm"), "llm.baseUrl and llm.model"),
        ((SOURCE, "--budget", "0"), "--budget must be a positive number"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    measured: Path, args: tuple[str, ...], message: str
) -> None:
    completed = _suggest(measured, *args)
    assert completed.returncode == 2
    assert message in completed.stderr
    assert completed.stdout == ""


def test_no_coverage_data_exits_2(tmp_path: Path) -> None:
    root = make_project(tmp_path, "shop")
    completed = _suggest(root, SOURCE)
    assert completed.returncode == 2
    assert "no coverage data found under" in completed.stderr
    assert "coverage run --branch -m pytest" in completed.stderr


def test_unmeasured_file_is_explained(measured: Path) -> None:
    (measured / "src" / "shop" / "extra.py").write_text("def f():\n    return 1\n")
    completed = _suggest(measured, "src/shop/extra.py")
    assert completed.returncode == 2
    assert "extra.py" in completed.stderr and "not measured" in completed.stderr


def test_failed_job_exits_1_with_the_reason(measured: Path) -> None:
    """An LLM endpoint that refuses connections (a closed port on 127.0.0.1)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **_env(),
        "COVOPT_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
        "COVOPT_LLM_MODEL": "test-model",
        "COVOPT_LLM_MAX_RETRIES": "0",
    }
    completed = subprocess.run(
        [sys.executable, "-m", "covopt_ls.cli", "suggest", SOURCE, "--json"],
        cwd=measured,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1
    task = json.loads(completed.stdout)
    assert task["status"] == "failed"
    assert f"127.0.0.1:{port}" in task["error"]["message"]
    assert "Traceback" not in completed.stderr
