"""Which Python runs the user's code, and which directories it imports from.

Tests must run the way the user runs them: in the project's own interpreter (its dependencies,
its Python version), with the import paths pytest would add (a `src/` layout, `pythonpath` in
pytest.ini / pyproject.toml / setup.cfg / tox.ini). The server's own interpreter is the last
resort, not the default.
"""

from __future__ import annotations

import configparser
import os
import shutil
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

_VENV_DIRS = (".venv", "venv", "env", ".env")
_PYTHON_IN_VENV = (Path("bin") / "python", Path("Scripts") / "python.exe")


def _venv_python(venv: Path) -> Path | None:
    for relative in _PYTHON_IN_VENV:
        candidate = venv / relative
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def find_project_python(
    project_root: Path | None,
    configured: str | None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The interpreter to run the project's code with.

    Order: the `verify.python` setting (a path, relative to the project root, or a command name
    on PATH), the workspace's `.venv` / `venv` / `env`, `$VIRTUAL_ENV`, then the server's own
    interpreter. A configured value that cannot be found is returned unchanged, so the run fails
    with a message naming it instead of silently using another interpreter. Virtual environment
    symlinks are kept (resolving them would leave the environment).
    """
    environ = os.environ if environ is None else environ
    if configured:
        expanded = os.path.expanduser(configured)
        path = Path(expanded)
        if not path.is_absolute() and (os.sep in expanded or "/" in expanded):
            path = (project_root or Path.cwd()) / path
            return str(path.absolute())
        if path.is_absolute():
            return str(path)
        return shutil.which(expanded) or expanded
    if project_root is not None:
        for name in _VENV_DIRS:
            found = _venv_python(project_root / name)
            if found is not None:
                return str(found.absolute())
    virtual_env = environ.get("VIRTUAL_ENV")
    if virtual_env:
        found = _venv_python(Path(virtual_env))
        if found is not None:
            return str(found)
    return sys.executable


def _split_paths(value: object) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def _pytest_pythonpath(project_root: Path) -> list[str]:
    """`pythonpath` from the first pytest configuration file pytest itself would pick."""
    ini_files = (("pytest.ini", "pytest"), (".pytest.ini", "pytest"))
    for name, section in ini_files:
        path = project_root / name
        if path.is_file():
            return _ini_pythonpath(path, section)
    pyproject = project_root / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            data = {}
        pytest_table = data.get("tool", {}).get("pytest", {})
        if isinstance(pytest_table, dict):
            legacy = pytest_table.get("ini_options")
            if isinstance(legacy, dict):
                return _split_paths(legacy.get("pythonpath"))
            if "pythonpath" in pytest_table:
                return _split_paths(pytest_table.get("pythonpath"))
    for name, section in (("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        path = project_root / name
        if path.is_file():
            found = _ini_pythonpath(path, section)
            if found:
                return found
    return []


def _ini_pythonpath(path: Path, section: str) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, UnicodeDecodeError, configparser.Error):
        return []
    if not parser.has_section(section):
        return []
    return _split_paths(parser.get(section, "pythonpath", fallback=""))


def project_import_paths(project_root: Path) -> list[Path]:
    """Directories to put on sys.path, in priority order, the project root last.

    pytest's `pythonpath` entries come first (pytest prepends them), then `src/` when the
    project uses that layout (a directory of packages, not itself a package), then the root
    (what `python -m pytest` adds as the current directory).
    """
    root = project_root.absolute()
    paths: list[Path] = []
    for entry in _pytest_pythonpath(root):
        paths.append((root / entry).absolute())
    src = root / "src"
    if src.is_dir() and not (src / "__init__.py").exists():
        paths.append(src)
    paths.append(root)
    unique: list[Path] = []
    for path in paths:
        normalized = Path(os.path.normpath(path))
        if normalized not in unique:
            unique.append(normalized)
    return unique
