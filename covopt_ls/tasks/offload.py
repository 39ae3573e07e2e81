"""CPU-bound steps of a job (parsing a large source, building its prompt) off the event loop.

A 1 MiB module takes seconds to parse and walk; done on the loop, it would stall every other
request of the server and every hover of the language server. Small inputs stay on the loop,
where a thread hop would cost more than the work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

OFF_LOOP_CHARS = 20_000
"""Inputs larger than this (≈ 500 lines of Python, a few ms of work) go to a worker thread."""


async def cpu_bound(size: int, func: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """`func(*args, **kwargs)`, in a worker thread when `size` (the input's length) is large."""
    if size > OFF_LOOP_CHARS:
        return await asyncio.to_thread(func, *args, **kwargs)
    return func(*args, **kwargs)
