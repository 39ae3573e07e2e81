"""`covopt ranges` as a script would run it: a subprocess, its stdout and exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.coverage.reference import expected_by_path


def covopt(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "covopt_ls.cli", "ranges", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _relative(expected: dict[str, list[dict[str, object]]], root: Path) -> dict[str, object]:
    base = root.resolve()
    return {str(Path(path).relative_to(base)): ranges for path, ranges in expected.items()}


@pytest.mark.parametrize("fmt", ["data", "xml", "json", "lcov"])
def test_json_output_is_exactly_coverage_py_missing(
    measured: dict[str, dict[str, Path]], fmt: str
) -> None:
    run = measured["gaps"]
    result = covopt(str(run[fmt]), "--json", cwd=run["root"])
    assert result.returncode == 0, result.stderr
    expected = _relative(expected_by_path(run["root"], run["json"]), run["root"])
    assert json.loads(result.stdout) == {"files": expected}


def test_root_and_source_filter(measured: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    run = measured["flat"]
    source = run["root"] / "inventory/store/stock.py"
    result = covopt(
        str(run["xml"]), "--root", str(run["root"] / "inventory"), "--source", str(source),
        "--json", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = expected_by_path(run["root"], run["json"])[str(source.resolve())]
    assert json.loads(result.stdout) == {"files": {"store/stock.py": expected}}


def test_human_output(measured: dict[str, dict[str, Path]]) -> None:
    run = measured["shop"]
    result = covopt(str(run["lcov"]), cwd=run["root"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "src/shop/pricing.py: lines 8, 16, 21, 27, 30, 41; "
        "branches 7->8, 14->16, 20->21, 26->27, 29->30, 40->41"
    )
    assert lines[-1] == "3 files, 1 with uncovered ranges"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("<coverage><packages>", "not well-formed XML"),
        ('<!DOCTYPE c [<!ENTITY a "b">]><coverage/>', "refused"),
    ],
)
def test_bad_input_exits_2_with_one_message(
    tmp_path: Path, content: str | None, message: str
) -> None:
    report = tmp_path / "coverage.xml"
    if content is not None:
        report.write_text(content)
    result = covopt(str(report), "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_source_exits_2(measured: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    run = measured["shop"]
    stray = tmp_path / "stray.py"
    stray.write_text("x = 1\n")
    result = covopt(str(run["json"]), "--source", str(stray), cwd=run["root"])
    assert result.returncode == 2
    assert "not in" in result.stderr and "stray.py" in result.stderr
