"""Private copies of measured projects, so each test may rewrite its workspace freely."""

from __future__ import annotations

import shutil
from pathlib import Path


def private_copy(measured: Path, tmp_path: Path) -> Path:
    """A copy with timestamps kept (as fresh as measured), without the data file.

    The data file names the original's absolute paths; the reports that name files relative to
    their own folder (XML, JSON, lcov) describe the copy as well. A test that re-runs coverage
    in the copy gets a data file of its own.
    """
    root = tmp_path / measured.name
    shutil.copytree(measured, root, ignore=shutil.ignore_patterns(".coverage"))
    return root
