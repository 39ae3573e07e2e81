"""The server-side watcher, for clients that cannot register file watchers.

watchfiles runs its notifier in a thread and hands batches of changes to the event loop; the
batches are filtered to coverage reports (parallel data files included) outside ignored
directories, and each non-empty batch is passed to `on_change` once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from covopt_ls.coverage.discovery import matches_coverage_globs

__all__ = ["ReportWatcher", "matches_coverage_globs"]

logger = logging.getLogger(__name__)


class ReportWatcher:
    def __init__(
        self,
        root: Path,
        globs: Sequence[str],
        on_change: Callable[[set[Path]], Awaitable[None]],
        *,
        debounce_ms: int = 200,
    ) -> None:
        self.root = Path(root)
        self.globs = list(globs)
        self.on_change = on_change
        self.debounce_ms = debounce_ms
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._started = asyncio.Event()

    def _wanted(self, _change: object, path: str) -> bool:
        return matches_coverage_globs(Path(path), self.root, self.globs)

    async def start(self) -> None:
        if self._task is not None:
            return
        self._stop.clear()
        self._task = asyncio.create_task(self._run(), name=f"watch {self.root}")
        await asyncio.wait(
            [asyncio.ensure_future(self._started.wait()), self._task],
            return_when=asyncio.FIRST_COMPLETED,
        )
        if self._task.done():
            self._task.result()  # surfaces why it could not start

    async def _run(self) -> None:
        from watchfiles import awatch

        watcher = awatch(
            self.root,
            watch_filter=self._wanted,
            stop_event=self._stop,
            debounce=self.debounce_ms,
            step=50,
            yield_on_timeout=True,
            rust_timeout=500,
        )
        async for changes in watcher:
            self._started.set()
            paths = {Path(path) for _, path in changes}
            if not paths:
                continue
            try:
                await self.on_change(paths)
            except Exception:  # a failing callback must not end the watching
                logger.exception("handling coverage file changes failed")

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            task, self._task = self._task, None
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, timeout=5)
