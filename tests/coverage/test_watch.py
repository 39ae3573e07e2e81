"""The server-side watcher sees reports being written, and nothing in ignored directories."""

from __future__ import annotations

import asyncio
from pathlib import Path

from covopt_ls.coverage.watch import ReportWatcher
from covopt_ls.settings import DEFAULT_COVERAGE_GLOBS


async def test_watcher_reports_coverage_files_only(tmp_path: Path) -> None:
    (tmp_path / ".venv").mkdir()
    (tmp_path / "sub").mkdir()
    seen: asyncio.Queue[set[Path]] = asyncio.Queue()

    async def on_change(paths: set[Path]) -> None:
        await seen.put(paths)

    watcher = ReportWatcher(tmp_path, DEFAULT_COVERAGE_GLOBS, on_change, debounce_ms=50)
    await watcher.start()
    try:
        (tmp_path / ".venv" / "coverage.xml").write_text("<coverage/>")
        (tmp_path / "notes.txt").write_text("not coverage")
        (tmp_path / "sub" / "lcov.info").write_text("SF:a.py\nend_of_record\n")
        (tmp_path / ".coverage.host.12.abc").write_bytes(b"")
        got: set[Path] = set()
        while {tmp_path / "sub" / "lcov.info", tmp_path / ".coverage.host.12.abc"} - got:
            got |= await asyncio.wait_for(seen.get(), timeout=10)
        assert all(path.name in ("lcov.info", ".coverage.host.12.abc") for path in got)
    finally:
        await watcher.stop()
