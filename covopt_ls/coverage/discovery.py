"""Finding coverage files in a workspace folder by the `coverageFiles` globs.

Globs are matched against the path relative to the folder, with `**/` standing for any number
of directories (none included). Virtual environments, node_modules and .git are never
searched. coverage.py's parallel data files (`.coverage.host.1234.XyZ`) count as their base
`.coverage`, which is what the store reads (combining them).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from covopt_ls.coverage.coveragepy import base_data_path

SKIPPED_DIRS = frozenset({".venv", "venv", "node_modules", ".git", "__pycache__", ".tox", ".nox"})


@lru_cache(maxsize=64)
def _glob_regex(glob: str) -> re.Pattern[str]:
    parts: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            parts.append(".*")
            i += 2
        elif glob[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            parts.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 1 :]:
            end = glob.index("]", i + 1)
            body = glob[i + 1 : end].replace("\\", "\\\\")
            parts.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            i = end + 1
        else:
            parts.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(parts))


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _skipped(relative: str) -> bool:
    return any(part in SKIPPED_DIRS for part in relative.split("/")[:-1])


def matches_coverage_globs(path: Path, root: Path, globs: Sequence[str]) -> bool:
    """Whether a changed file is (part of) a coverage report the store should re-read."""
    for candidate in {path, base_data_path(path)}:
        relative = _relative(candidate, root)
        if relative is None or _skipped(relative):
            continue
        if any(_glob_regex(glob.removeprefix("./")).fullmatch(relative) for glob in globs):
            return True
    return False


def report_path_for(path: Path) -> Path:
    """The report a changed file belongs to (a parallel data file belongs to `.coverage`)."""
    return base_data_path(path) if path.name.startswith(".coverage.") else path


def _walk(root: Path) -> Iterable[Path]:
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS]
        for name in filenames:
            yield Path(directory) / name


def discover(root: Path, globs: Sequence[str]) -> list[Path]:
    found: set[Path] = set()
    for path in _walk(root):
        if matches_coverage_globs(path, root, globs):
            found.add(report_path_for(path))
    return sorted(found)
