"""What a task is: its state, timestamps, progress and outcome, and its one JSON shape.

The same JSON answers `GET /tasks/{id}`, the `covopt/task` LSP request and `covopt suggest
--json`, so it is built here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class TaskStatus(StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED)


@dataclass(frozen=True, slots=True)
class Progress:
    """A step of a running job ("generating", "verifying 2/3"), for work-done progress."""

    stage: str
    message: str
    done: int | None = None
    total: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "message": self.message,
            "done": self.done,
            "total": self.total,
        }


@dataclass(slots=True)
class Task:
    """One job in the registry. Times are seconds since the epoch, from the registry's clock."""

    task_id: str
    key: str | None
    status: TaskStatus
    created_at: float
    updated_at: float
    result: dict[str, Any] | None = None
    error: str | None = None
    progress: Progress | None = None
    cached: bool = False
    """The result came from the cache (an identical request ran before): no engine was called."""
    finished_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "status": self.status.value,
            "created_at": iso_timestamp(self.created_at),
            "updated_at": iso_timestamp(self.updated_at),
            "result": self.result,
            "error": None if self.error is None else {"message": self.error},
            "progress": None if self.progress is None else self.progress.to_json(),
        }


def iso_timestamp(seconds: float) -> str:
    """ISO 8601 in UTC with a `Z`, as the reference's examples write it."""
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
