"""The task registry: life cycle, TTL, concurrency limit, cancellation, cache, subscribers.

Jobs here are plain coroutines gated by events, so each state can be observed while it holds;
the clock is injected, so the TTL is tested without waiting a day.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from covopt_ls.tasks import RegistryFullError, Task, TaskHandle, TaskRegistry, TaskStatus


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Gate:
    """A job that reports progress, then waits until released (or cancelled)."""

    def __init__(self, result: dict[str, Any] | None = None) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.calls = 0
        self.cleaned_up = False
        self.result = result if result is not None else {"recommended_tests": []}

    async def __call__(self, handle: TaskHandle) -> dict[str, Any]:
        self.calls += 1
        self.started.set()
        handle.progress("generating", "generating tests")
        try:
            await self.release.wait()
        finally:
            self.cleaned_up = True
        return self.result


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_a_task_goes_pending_processing_completed_and_subscribers_see_each_step() -> None:
    clock = FakeClock()
    registry = TaskRegistry(clock=clock)
    seen: list[tuple[str, str | None]] = []
    registry.subscribe(
        lambda task: seen.append((task.status.value, task.progress and task.progress.message))
    )
    gate = Gate({"recommended_tests": [{"test_code": "def test_x(): pass"}]})

    task = registry.submit("key", gate)
    assert task.status is TaskStatus.PENDING
    assert registry.get(task.task_id) is task
    await gate.started.wait()
    assert task.status is TaskStatus.PROCESSING
    clock.now += 5
    gate.release.set()
    finished = await registry.wait(task.task_id)

    assert finished is task
    assert task.status is TaskStatus.COMPLETED
    assert task.result == {"recommended_tests": [{"test_code": "def test_x(): pass"}]}
    assert task.updated_at == task.created_at + 5
    assert seen == [
        ("pending", None),
        ("processing", None),
        ("processing", "generating tests"),
        ("completed", None),
    ]
    data = task.to_json()
    assert data["status"] == "completed"
    assert data["error"] is None
    assert data["created_at"] == "2023-11-14T22:13:20.000Z"
    assert data["updated_at"] == "2023-11-14T22:13:25.000Z"
    assert set(data) == {
        "task_id", "status", "created_at", "updated_at", "result", "error", "progress"
    }  # fmt: skip


async def test_a_failing_job_fails_its_task_with_the_message() -> None:
    registry = TaskRegistry()

    async def broken(handle: TaskHandle) -> dict[str, Any]:
        raise RuntimeError("LLM request to http://x failed: HTTP 500")

    task = registry.submit(None, broken)
    await registry.wait(task.task_id)
    assert task.status is TaskStatus.FAILED
    assert task.to_json()["error"] == {"message": "LLM request to http://x failed: HTTP 500"}
    assert task.result is None


async def test_finished_tasks_and_cached_results_are_purged_after_the_ttl() -> None:
    clock = FakeClock()
    registry = TaskRegistry(ttl_seconds=100, clock=clock)
    done = Gate()
    done.release.set()
    running = Gate()
    finished_task = registry.submit("a", done)
    running_task = registry.submit("b", running)
    await registry.wait(finished_task.task_id)

    clock.now += 99
    assert registry.get(finished_task.task_id) is finished_task
    clock.now += 2
    assert registry.get(finished_task.task_id) is None
    assert registry.get(running_task.task_id) is running_task, "a running task never expires"
    assert len(registry) == 1

    again = registry.submit("a", done)
    await registry.wait(again.task_id)
    assert done.calls == 2, "the cached result expired with its task"
    running.release.set()
    await registry.wait(running_task.task_id)


async def test_jobs_beyond_the_concurrency_limit_wait_as_pending() -> None:
    registry = TaskRegistry(max_concurrency=2)
    gates = [Gate() for _ in range(4)]
    tasks = [registry.submit(f"k{i}", gate) for i, gate in enumerate(gates)]
    await gates[0].started.wait()
    await gates[1].started.wait()
    await settle()
    assert [t.status for t in tasks] == [TaskStatus.PROCESSING] * 2 + [TaskStatus.PENDING] * 2
    assert gates[2].calls == 0

    gates[0].release.set()
    await gates[2].started.wait()
    await settle()
    assert [t.status for t in tasks] == [
        TaskStatus.COMPLETED, TaskStatus.PROCESSING, TaskStatus.PROCESSING, TaskStatus.PENDING
    ]  # fmt: skip
    for gate in gates:
        gate.release.set()
    for task in tasks:
        await registry.wait(task.task_id)
    assert all(t.status is TaskStatus.COMPLETED for t in tasks)


async def test_cancelling_stops_running_and_pending_work() -> None:
    registry = TaskRegistry(max_concurrency=1)
    running, waiting = Gate(), Gate()
    running_task = registry.submit("r", running)
    waiting_task = registry.submit("w", waiting)
    await running.started.wait()

    assert await registry.cancel(waiting_task.task_id) is True
    assert waiting_task.status is TaskStatus.CANCELLED
    assert waiting.calls == 0
    assert await registry.cancel(running_task.task_id) is True
    assert running_task.status is TaskStatus.CANCELLED
    assert running.cleaned_up, "the job's own cleanup ran before cancel returned"
    assert running_task.to_json()["error"] == {"message": "cancelled"}

    assert await registry.cancel(running_task.task_id) is False, "already finished"
    assert await registry.cancel("no-such-task") is False


async def test_an_identical_request_is_answered_from_the_cache() -> None:
    registry = TaskRegistry()
    gate = Gate({"recommended_tests": [{"test_code": "def test_a(): pass"}]})
    gate.release.set()
    first = registry.submit("same", gate)
    await registry.wait(first.task_id)

    second = registry.submit("same", gate)
    assert second.status is TaskStatus.COMPLETED, "answered at once"
    assert second.cached and not first.cached
    assert second.task_id != first.task_id
    assert second.result == first.result
    assert gate.calls == 1

    third = registry.submit("other", gate)
    await registry.wait(third.task_id)
    assert gate.calls == 2


async def test_an_identical_request_in_flight_shares_the_running_job() -> None:
    registry = TaskRegistry()
    gate = Gate()
    first = registry.submit("same", gate)
    second = registry.submit("same", gate)
    await gate.started.wait()
    await settle()
    assert second.status is TaskStatus.PENDING
    gate.release.set()
    await registry.wait(second.task_id)
    assert gate.calls == 1
    assert first.status is second.status is TaskStatus.COMPLETED
    assert second.cached


async def test_a_duplicate_runs_its_own_job_when_the_original_is_cancelled() -> None:
    registry = TaskRegistry()
    original, duplicate = Gate(), Gate()
    first = registry.submit("same", original)
    second = registry.submit("same", duplicate)
    await original.started.wait()
    await registry.cancel(first.task_id)
    await duplicate.started.wait()
    duplicate.release.set()
    await registry.wait(second.task_id)
    assert first.status is TaskStatus.CANCELLED
    assert second.status is TaskStatus.COMPLETED
    assert not second.cached


async def test_a_failing_subscriber_does_not_break_the_registry(
    caplog: pytest.LogCaptureFixture,
) -> None:
    registry = TaskRegistry()
    statuses: list[TaskStatus] = []

    def broken(task: Task) -> None:
        raise ValueError("subscriber bug")

    registry.subscribe(broken)
    unsubscribe = registry.subscribe(lambda task: statuses.append(task.status))
    gate = Gate()
    gate.release.set()
    task = registry.submit(None, gate)
    await registry.wait(task.task_id)
    assert task.status is TaskStatus.COMPLETED
    assert statuses[-1] is TaskStatus.COMPLETED
    assert "subscriber failed" in caplog.text

    unsubscribe()
    count = len(statuses)
    other = registry.submit(None, gate)
    await registry.wait(other.task_id)
    assert len(statuses) == count


async def test_aclose_cancels_everything_still_running() -> None:
    registry = TaskRegistry()
    gates = [Gate(), Gate()]
    tasks = [registry.submit(None, gate) for gate in gates]
    await gates[0].started.wait()
    await registry.aclose()
    assert all(t.status is TaskStatus.CANCELLED for t in tasks)
    assert gates[0].cleaned_up


async def test_too_many_unfinished_tasks_are_refused_but_cached_answers_still_given() -> None:
    registry = TaskRegistry(max_concurrency=1, max_unfinished=2)
    done = Gate()
    done.release.set()
    cached = registry.submit("cached", done)
    await registry.wait(cached.task_id)
    gates = [Gate(), Gate()]
    for index, gate in enumerate(gates):
        registry.submit(f"k{index}", gate)
    with pytest.raises(RegistryFullError, match=r"too many unfinished tasks \(2\)"):
        registry.submit("k2", Gate())
    assert registry.submit("cached", done).status is TaskStatus.COMPLETED
    gates[0].release.set()
    await gates[0].started.wait()
    await registry.aclose()


async def test_a_task_cancelled_before_its_first_step_still_ends_cancelled() -> None:
    registry = TaskRegistry()
    gate = Gate()
    first = registry.submit("same", gate)
    duplicate = registry.submit("same", gate)
    assert await registry.cancel(first.task_id)  # before the event loop ever ran it
    assert first.status is TaskStatus.CANCELLED
    assert gate.calls == 0
    await gate.started.wait()  # the duplicate, no longer able to share, runs its own work
    gate.release.set()
    await registry.wait(duplicate.task_id)
    assert duplicate.status is TaskStatus.COMPLETED
    assert await registry.cancel(first.task_id) is False
