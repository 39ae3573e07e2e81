"""Finding the project's interpreter and import paths on real directory layouts."""

from __future__ import annotations

import sys
from pathlib import Path

from covopt_ls.verify.interpreter import find_project_python, project_import_paths


def _fake_venv(root: Path, name: str) -> Path:
    python = root / name / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.symlink_to(sys.executable)
    return python


def test_configured_interpreter_wins(tmp_path: Path) -> None:
    _fake_venv(tmp_path, ".venv")
    assert find_project_python(tmp_path, "/opt/py/bin/python3", environ={}) == "/opt/py/bin/python3"
    assert find_project_python(tmp_path, "tools/python", environ={}) == str(
        tmp_path / "tools" / "python"
    )


def test_workspace_venv_is_found_without_resolving_the_symlink(tmp_path: Path) -> None:
    python = _fake_venv(tmp_path, "venv")
    assert find_project_python(tmp_path, None, environ={}) == str(python)


def test_active_virtual_env_is_next(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    python = _fake_venv(other, "env1")
    found = find_project_python(
        tmp_path / "project", None, environ={"VIRTUAL_ENV": str(other / "env1")}
    )
    assert found == str(python)


def test_server_interpreter_is_the_last_resort(tmp_path: Path) -> None:
    assert find_project_python(tmp_path, None, environ={}) == sys.executable
    assert find_project_python(None, None, environ={}) == sys.executable


def test_src_layout_and_root(tmp_path: Path) -> None:
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    assert project_import_paths(tmp_path) == [tmp_path / "src", tmp_path]


def test_src_that_is_itself_a_package_is_not_a_layout(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "__init__.py").write_text("")
    assert project_import_paths(tmp_path) == [tmp_path]


def test_pyproject_pytest_pythonpath(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\npythonpath = ["lib", "."]\n'
    )
    assert project_import_paths(tmp_path) == [tmp_path / "lib", tmp_path]


def test_pytest_ini_takes_precedence_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\npythonpath = app tools\n")
    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\npythonpath = ["lib"]\n')
    assert project_import_paths(tmp_path) == [tmp_path / "app", tmp_path / "tools", tmp_path]


def test_setup_cfg_pythonpath(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[tool:pytest]\npythonpath = code\n")
    assert project_import_paths(tmp_path) == [tmp_path / "code", tmp_path]


def test_broken_pyproject_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options\n")
    assert project_import_paths(tmp_path) == [tmp_path]
