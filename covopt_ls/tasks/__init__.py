"""The in-process task registry: states, TTL, concurrency limit, cancellation, subscribers."""

from covopt_ls.tasks.model import Progress, Task, TaskStatus
from covopt_ls.tasks.registry import RegistryFullError, TaskHandle, TaskRegistry

__all__ = ["Progress", "RegistryFullError", "Task", "TaskHandle", "TaskRegistry", "TaskStatus"]
