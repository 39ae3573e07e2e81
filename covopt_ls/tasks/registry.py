"""The in-process task registry shared by the HTTP API, the language server and the CLI.

A registry object is owned by whoever runs it (an aiohttp app, a language server, a CLI run):
there is no module-level state. It gives every job the same life: pending (waiting for a
concurrency slot, or for an identical job already running) → processing → completed, failed or
cancelled; it purges finished tasks after a TTL; it cancels the job's asyncio task for real, so
an HTTP call to an LLM is aborted and a sandboxed subprocess is killed; it tells subscribers of
every state change and progress message; and it caches results by request content, so an
identical request is answered without running the engine again.

It must be used from inside a running event loop (`submit` schedules an asyncio task).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from covopt_ls.tasks.model import Progress, Task, TaskStatus

logger = logging.getLogger(__name__)

Result = dict[str, Any]
Clock = Callable[[], float]
Subscriber = Callable[[Task], None]

DEFAULT_TTL_SECONDS = 24 * 60 * 60.0


class TaskHandle:
    """What a running job sees of its task: its id, and a way to report progress."""

    __slots__ = ("_registry", "_task")

    def __init__(self, registry: TaskRegistry, task: Task) -> None:
        self._registry = registry
        self._task = task

    @property
    def task_id(self) -> str:
        return self._task.task_id

    def report(self, progress: Progress) -> None:
        self._registry._set_progress(self._task, progress)

    def progress(
        self, stage: str, message: str, done: int | None = None, total: int | None = None
    ) -> None:
        self.report(Progress(stage, message, done, total))


Work = Callable[[TaskHandle], Awaitable[Result]]


class RegistryFullError(RuntimeError):
    """Too many unfinished tasks: the caller should retry later (backpressure, not a crash)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"too many unfinished tasks ({limit}); retry later")
        self.limit = limit


class TaskRegistry:
    def __init__(
        self,
        *,
        max_concurrency: int = 4,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_unfinished: int = 10_000,
        clock: Clock = time.time,
    ) -> None:
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        self.max_concurrency = max_concurrency
        self.ttl_seconds = ttl_seconds
        self.max_unfinished = max_unfinished
        self._clock = clock
        self._tasks: dict[str, Task] = {}
        self._runners: dict[str, asyncio.Task[None]] = {}
        self._finished: deque[tuple[float, str]] = deque()
        self._cache: dict[str, tuple[float, Result]] = {}
        self._cache_order: deque[tuple[float, str]] = deque()
        self._inflight: dict[str, asyncio.Future[Result | None]] = {}
        self._slots = asyncio.Semaphore(max_concurrency)
        self._subscribers: list[Subscriber] = []

    def __len__(self) -> int:
        return len(self._tasks)

    def submit(self, key: str | None, work: Work) -> Task:
        """Start `work` as a task and return it at once (pending, or completed from the cache).

        `key` identifies the request's content; None disables the cache for this task. Raises
        RegistryFullError when `max_unfinished` tasks are already waiting or running (a cached
        answer is still given).
        """
        self.purge()
        if len(self._runners) >= self.max_unfinished and (key is None or key not in self._cache):
            raise RegistryFullError(self.max_unfinished)
        now = self._clock()
        task = Task(uuid.uuid4().hex, key, TaskStatus.PENDING, now, now)
        self._tasks[task.task_id] = task
        if key is not None and key in self._cache:
            self._finish(task, TaskStatus.COMPLETED, result=self._cache[key][1], cached=True)
            return task
        shared = self._inflight.get(key) if key is not None else None
        own: asyncio.Future[Result | None] | None = None
        if key is not None and shared is None:
            own = asyncio.get_running_loop().create_future()
            self._inflight[key] = own
        self._notify(task)
        runner = asyncio.get_running_loop().create_task(
            self._run(task, work, shared, own), name=f"covopt-task-{task.task_id}"
        )
        self._runners[task.task_id] = runner
        runner.add_done_callback(functools.partial(self._settled, task, own))
        return task

    def get(self, task_id: str) -> Task | None:
        self.purge()
        return self._tasks.get(task_id)

    def list(self) -> list[Task]:
        self.purge()
        return list(self._tasks.values())

    async def cancel(self, task_id: str) -> bool:
        """Cancel a pending or running task and wait until its work has stopped.

        False when the task is unknown or already finished. When this returns, the job's HTTP
        calls are closed and its subprocesses killed (they are cancelled with the asyncio task).
        """
        runner = self._runners.get(task_id)
        if runner is None:
            return False
        runner.cancel()
        await asyncio.wait({runner})
        return True

    async def wait(self, task_id: str, timeout: float | None = None) -> Task | None:
        """The task once it has finished (whatever its end), or as it is when `timeout` seconds
        have passed; None for an unknown task. Waiting never cancels the task."""
        runner = self._runners.get(task_id)
        if runner is not None:
            await asyncio.wait({runner}, timeout=timeout)
        return self._tasks.get(task_id)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(task)` on every state change and progress report; returns unsubscribe."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    @staticmethod
    def to_json(task: Task) -> dict[str, Any]:
        return task.to_json()

    def purge(self) -> int:
        """Forget finished tasks and cached results older than the TTL; returns tasks dropped.

        Both queues are in finishing order, so this costs nothing when nothing has expired.
        """
        deadline = self._clock() - self.ttl_seconds
        dropped = 0
        while self._finished and self._finished[0][0] <= deadline:
            _, task_id = self._finished.popleft()
            if self._tasks.pop(task_id, None) is not None:
                dropped += 1
        while self._cache_order and self._cache_order[0][0] <= deadline:
            stored_at, key = self._cache_order.popleft()
            entry = self._cache.get(key)
            if entry is not None and entry[0] == stored_at:
                del self._cache[key]
        return dropped

    def clear_cache(self) -> None:
        self._cache.clear()
        self._cache_order.clear()

    async def aclose(self) -> None:
        """Cancel every unfinished task and wait for their work to stop."""
        runners = list(self._runners.values())
        for runner in runners:
            runner.cancel()
        if runners:
            await asyncio.wait(runners)

    async def _run(
        self,
        task: Task,
        work: Work,
        shared: asyncio.Future[Result | None] | None,
        own: asyncio.Future[Result | None] | None,
    ) -> None:
        try:
            if shared is not None:
                # An identical job is running: take its result rather than calling the engine
                # twice. If it fails or is cancelled, this task runs its own work.
                shared_result = await asyncio.shield(shared)
                if shared_result is not None:
                    self._finish(task, TaskStatus.COMPLETED, result=shared_result, cached=True)
                    return
            async with self._slots:
                self._set_status(task, TaskStatus.PROCESSING)
                result = await work(TaskHandle(self, task))
            if not isinstance(result, dict):
                raise TypeError(f"a task's work must return a dict, not {type(result).__name__}")
            self._finish(task, TaskStatus.COMPLETED, result=result)
            if task.key is not None:
                self._store(task.key, result)
            if own is not None and not own.done():
                own.set_result(result)
        except asyncio.CancelledError:
            self._finish(task, TaskStatus.CANCELLED, error="cancelled")
            raise
        except Exception as exc:
            logger.warning("task %s failed", task.task_id, exc_info=True)
            self._finish(task, TaskStatus.FAILED, error=str(exc) or type(exc).__name__)

    def _settled(
        self,
        task: Task,
        own: asyncio.Future[Result | None] | None,
        runner: asyncio.Task[None],
    ) -> None:
        """The runner's done callback: it runs even when the runner was cancelled before its
        first step, when none of `_run`'s own code (not even a `finally`) ever executes."""
        self._runners.pop(task.task_id, None)
        if not task.status.finished:
            self._finish(task, TaskStatus.CANCELLED, error="cancelled")
        if own is not None:
            if not own.done():
                own.set_result(None)
            if task.key is not None and self._inflight.get(task.key) is own:
                del self._inflight[task.key]

    def _store(self, key: str, result: Result) -> None:
        stored_at = self._clock()
        self._cache[key] = (stored_at, result)
        self._cache_order.append((stored_at, key))

    def _set_status(self, task: Task, status: TaskStatus) -> None:
        task.status = status
        self._notify(task)

    def _set_progress(self, task: Task, progress: Progress) -> None:
        if task.status.finished:
            return
        task.progress = progress
        self._notify(task)

    def _finish(
        self,
        task: Task,
        status: TaskStatus,
        *,
        result: Result | None = None,
        error: str | None = None,
        cached: bool = False,
    ) -> None:
        task.status = status
        task.result = result
        task.error = error
        task.cached = cached
        task.progress = None
        self._notify(task)
        task.finished_at = task.updated_at
        self._finished.append((task.finished_at, task.task_id))

    def _notify(self, task: Task) -> None:
        task.updated_at = self._clock()
        for callback in tuple(self._subscribers):
            try:
                callback(task)
            except Exception:
                logger.exception("a task subscriber failed on task %s", task.task_id)
