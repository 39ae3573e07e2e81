"""Fixture projects and real coverage.py runs on them, shared by every test suite.

Coverage data in tests always comes from a real `coverage run --branch -m pytest` in a scratch
copy of a project, so readers and the language server are checked against what coverage.py
itself writes, never against hand-written reports.

Projects: `shop` (examples/shop, the demo project), and the fixtures under
tests/support/projects/: `gaps` (blank lines and comments inside gaps, multi-line statements,
loops with else, try/except/finally, early returns, branches to the function's exit, classes)
and `flat` (flat layout, subpackage, match statement, generator, `continue`, re-raise).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECTS_DIR = Path(__file__).resolve().parent / "projects"
PROJECT_NAMES = ("shop", "gaps", "flat")

FORMAT_FILES = {
    "data": ".coverage",
    "xml": "coverage.xml",
    "json": "coverage.json",
    "lcov": "lcov.info",
}
"""Format name → the file name coverage.py writes it to by default (in the project root)."""

_IGNORED = shutil.ignore_patterns(
    ".coverage", ".coverage.*", "coverage.xml", "coverage.json", "lcov.info",
    "__pycache__", ".pytest_cache", "*.pyc",
)  # fmt: skip

_REPORTS_SCRIPT = """
import sys
from coverage import Coverage
cov = Coverage(data_file=sys.argv[1])
cov.load()
for fmt in sys.argv[2:]:
    if fmt == "xml":
        cov.xml_report(outfile="coverage.xml")
    elif fmt == "json":
        cov.json_report(outfile="coverage.json")
    elif fmt == "lcov":
        cov.lcov_report(outfile="lcov.info")
"""


def project_source(name: str) -> Path:
    if name == "shop":
        return REPO_ROOT / "examples" / "shop"
    path = PROJECTS_DIR / name
    if not path.is_dir():
        raise ValueError(f"no fixture project {name!r}; known: {', '.join(PROJECT_NAMES)}")
    return path


def make_project(tmp: Path, name: str = "shop") -> Path:
    """Copy a fixture project into `tmp/name` (without any coverage data) and return its root."""
    target = Path(tmp) / name
    shutil.copytree(project_source(name), target, ignore=_IGNORED)
    return target


def _clean_env() -> dict[str, str]:
    """The outer session's coverage/pytest settings must not leak into the project's run."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COVERAGE_", "COV_CORE_", "PYTEST_"))
    }
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_coverage(
    project: Path,
    formats: Iterable[str] = ("data", "xml", "json", "lcov"),
    tests: str | None = None,
    *,
    parallel: bool = False,
    check: bool = True,
) -> dict[str, Path]:
    """Run the project's tests under `coverage run --branch -m pytest`, then write the reports.

    `tests` is extra pytest arguments as one shell-quoted string (a path, a node id, `-k expr`).
    With `parallel`, the data goes to a `.coverage.<host>.<pid>.<random>` file (run twice with
    different `tests` to get several); "data" then maps to the base `.coverage` path, which
    need not exist, and reports (if asked for) are made from the combined parallel files.
    Returns {format: path} for each requested format ("data", "xml", "json", "lcov").
    """
    project = Path(project)
    wanted = list(formats)
    unknown = set(wanted) - set(FORMAT_FILES)
    if unknown:
        raise ValueError(f"unknown coverage formats: {sorted(unknown)}")
    command = [sys.executable, "-m", "coverage", "run", "--branch"]
    if parallel:
        command.append("--parallel-mode")
    command += ["-m", "pytest", "-q", "-p", "no:cacheprovider"]
    if tests:
        command += shlex.split(tests)
    completed = subprocess.run(
        command, cwd=project, env=_clean_env(), capture_output=True, text=True, timeout=120
    )
    # pytest exits 1 when a test fails: the fixture may want that (check=False); 2+ is an error.
    if completed.returncode not in (0, 1) or (check and completed.returncode != 0):
        raise RuntimeError(
            f"coverage run failed ({completed.returncode}) in {project}:\n"
            f"{completed.stdout}\n{completed.stderr}"
        )
    reports = [fmt for fmt in wanted if fmt != "data"]
    if reports:
        data_file = FORMAT_FILES["data"]
        if parallel:
            data_file = ".coverage-combined"
            _combine_copy(project, data_file)
        subprocess.run(
            [sys.executable, "-c", _REPORTS_SCRIPT, data_file, *reports],
            cwd=project,
            env=_clean_env(),
            check=True,
            capture_output=True,
            timeout=120,
        )
        if parallel:
            (project / data_file).unlink()
    return {fmt: project / FORMAT_FILES[fmt] for fmt in wanted}


def _combine_copy(project: Path, data_file: str) -> None:
    """Combine the parallel files into a scratch data file, keeping the parallel files."""
    script = (
        "import sys, glob\n"
        "from coverage import Coverage\n"
        "cov = Coverage(data_file=sys.argv[1])\n"
        "cov.combine(sorted(glob.glob('.coverage.*')), keep=True)\n"
        "cov.save()\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, data_file],
        cwd=project,
        env=_clean_env(),
        check=True,
        capture_output=True,
        timeout=120,
    )


_MOVE_DATA_SCRIPT = """
import sys
from coverage import CoverageData
old, new, old_root, new_root = sys.argv[1:]
source = CoverageData(basename=old)
source.read()
target = CoverageData(basename=new)
target.update(source, map_path=lambda p: p.replace(old_root, new_root, 1))
target.write()
"""


def copy_measured(project: Path, dest: Path) -> Path:
    """Copy a measured project to `dest`, its reports rewritten to name the copy's files.

    Much cheaper than a new coverage run when a test needs its own project to modify. The
    `.coverage` database is re-written through coverage.py's own API (path remapping), the
    text reports by replacing the old root; file modification times are kept.
    """
    project, dest = Path(project), Path(dest)
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns(".coverage", ".coverage.*"))
    old_root, new_root = str(project), str(dest)
    for name in ("coverage.xml", "coverage.json", "lcov.info"):
        report = dest / name
        if report.exists():
            stat = report.stat()
            report.write_text(report.read_text(encoding="utf-8").replace(old_root, new_root))
            os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    for data in [project / ".coverage", *sorted(project.glob(".coverage.*"))]:
        if data.is_file():
            target = dest / data.name
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _MOVE_DATA_SCRIPT,
                    str(data),
                    str(target),
                    old_root,
                    new_root,
                ],
                env=_clean_env(),
                check=True,
                capture_output=True,
                timeout=60,
            )
            stat = data.stat()
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return dest


def load_coverage_json(path: Path) -> dict[str, Any]:
    """coverage.py's own JSON report: the reference every reader is checked against."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def add_test(project: Path, code: str, file: str = "tests/test_added.py") -> Path:
    """Append a test (source text) to a test file of the project, creating the file if needed."""
    path = Path(project) / file
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(existing + "\n\n" + code.strip() + "\n", encoding="utf-8")
    return path
