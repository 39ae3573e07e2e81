"""Real coverage.py runs of the fixture projects, made once per session and shared read-only.

Tests that modify a project (re-runs, rewritten reports) make their own copy with make_project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.coverage_projects import PROJECT_NAMES, make_project, run_coverage


@pytest.fixture(scope="session")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """project name → {"root": project, "data"/"xml"/"json"/"lcov": report path}."""
    base = tmp_path_factory.mktemp("measured")
    result: dict[str, dict[str, Path]] = {}
    for name in PROJECT_NAMES:
        project = make_project(base, name)
        result[name] = {"root": project, **run_coverage(project)}
    return result


@pytest.fixture(scope="session")
def parallel_gaps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`gaps` measured as two parallel runs (.coverage.* files, no .coverage), plus reports."""
    project = make_project(tmp_path_factory.mktemp("parallel"), "gaps")
    run_coverage(project, ("data",), tests="tests/test_flow.py", parallel=True)
    files = run_coverage(project, tests="tests/test_shapes.py", parallel=True)
    return {"root": project, **files}
