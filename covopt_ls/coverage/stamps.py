"""A file's (size, mtime_ns) stamp: how every cache here tells that a file was rewritten."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

Stamp = tuple[int, int]


def path_stamp(path: Path) -> Stamp | None:
    """None when the file cannot be read (missing, deleted while we look)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def handle_stamp(handle: IO[bytes]) -> Stamp:
    """The stamp of the file actually opened, so a rewrite after opening is noticed."""
    stat = os.fstat(handle.fileno())
    return stat.st_size, stat.st_mtime_ns
