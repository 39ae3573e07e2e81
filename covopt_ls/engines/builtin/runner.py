"""Runs a batch of candidates in the worker subprocess (through the sandbox) and reads back what
each one executed and how it ended.

The worker streams one JSON line per candidate, so when the sandbox kills it for its time the
results so far are kept and the candidate that was running is reported as hanging. A candidate
that kills the worker long before the batch's time is up costs only itself: a fresh worker runs
the rest within the same time (a few times at most), so one bad call cannot starve the others.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from covopt_ls.coverage.model import Arc
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.verify.sandbox import run_sandboxed

WORKER_SOURCE = Path(__file__).with_name("worker.py")
MEMORY_LIMIT = 1024 * 1024 * 1024
_MISUSE = ("TypeError", "AttributeError", "NameError", "UnboundLocalError", "RecursionError")
MAX_OUTPUT_BYTES = 64 * 1024 * 1024
OUTSIDE_WORLD = frozenset(
    ("network", "process", "filesystem", "missing_file", "stdin", "argv", "closed_stdout")
)
FILE_SIZE_LIMIT = 16 * 1024 * 1024
MAX_RESTARTS = 4
"""Fresh workers a batch may start after candidates that killed theirs."""
RESTART_MIN_SECONDS = 1.0
"""Time a fresh worker needs to be worth starting (it imports the module again)."""


@dataclass(slots=True)
class Observation:
    candidate: Candidate
    lines: frozenset[int] = frozenset()
    arcs: frozenset[Arc] = frozenset()
    outcome: dict[str, Any] | None = None
    setup_error: str | None = None
    flags: tuple[str, ...] = ()
    stable: bool = True
    trim_tried: bool = False
    """polish.trim_setups has tried this call without each of its preparing statements."""
    novel: frozenset[Arc] = frozenset()
    """Arcs of the target file (anywhere in it) this call executed first: none of the run's
    earlier calls for the same callable nor the `known_arcs` given to run_batch for it had
    (empty unless they were given)."""

    @property
    def misuse(self) -> bool:
        """An error the code did not `raise` itself: a TypeError or AttributeError from an
        operation on a wrong-typed argument tests the caller's mistake; a NameError or
        RecursionError is a defect no test should pin down as expected behaviour."""
        outcome = self.outcome or {}
        return (
            outcome.get("kind") == "raise"
            and outcome.get("type") in _MISUSE
            and not outcome.get("explicit", True)
            and not self.unsupported_operand
        )

    @property
    def unsupported_operand(self) -> bool:
        """A TypeError Python raised at an operator (`bits | None`) after the special method
        under test ran its `return NotImplemented`: the class's answer to a foreign operand,
        which a person tests with `pytest.raises(TypeError)`."""
        outcome = self.outcome or {}
        return (
            outcome.get("type") == "TypeError"
            and bool(outcome.get("at_call"))
            and bool(self.candidate.unsupported & self.lines)
        )

    @property
    def brittle(self) -> bool:
        """The result is a hash or an address (computed with hash() or id()), or a function:
        the test can only check its type, so another call reaching the same lines (the
        function applied and called) makes a better test."""
        outcome = self.outcome or {}
        opaque = outcome.get("type_module") == "builtins" and outcome.get("type") in _OPAQUE
        return bool(outcome.get("process_value")) or opaque

    @property
    def usable(self) -> bool:
        """Can become a test: it ran to an end, without touching the outside world."""
        return (
            self.outcome is not None
            and self.outcome.get("kind") in ("return", "raise")
            and self.setup_error is None
            and not (OUTSIDE_WORLD & set(self.flags))
            and self.stable
            and not self.misuse
        )


_OPAQUE = frozenset({"function", "method", "builtin_function_or_method"})
"""Result types only checkable by their name: a call of the returned function tests more."""


@dataclass(slots=True)
class BatchResult:
    observations: list[Observation] = field(default_factory=list)
    import_error: str | None = None
    hung: list[Candidate] = field(default_factory=list)
    not_run: list[Candidate] = field(default_factory=list)
    worker_error: str | None = None


@dataclass(frozen=True, slots=True)
class WorkerSetup:
    python: str
    module: str
    target_file: Path
    sys_path: tuple[str, ...]
    prelude: tuple[str, ...]
    cwd: Path


class Scratch:
    """A private directory holding the worker script (and the source when there is no file)."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="covopt-builtin-"))
        self.worker = self.path / "_covopt_worker.py"
        shutil.copyfile(WORKER_SOURCE, self.worker)

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


async def run_batch(
    setup: WorkerSetup,
    scratch: Scratch,
    candidates: Sequence[Candidate],
    *,
    timeout: float,
    timeout_each: float = 0.5,
    repeat: bool = False,
    focus: Iterable[int] = (),
    hash_seed: int = 0,
    known_arcs: Mapping[str, Iterable[Arc]] | None = None,
) -> BatchResult:
    """Run candidates; with `focus`, only those lines (and arcs touching them) are reported,
    which keeps the worker's output small on big modules. With `known_arcs` (the arcs earlier
    runs executed, by the callable the calls were made for: `Candidate.target`), each
    observation also says which arcs it executed first of the calls for its callable
    (`novel`): a helper other callables' calls already run still has its own frontier."""
    deadline = time.monotonic() + timeout
    focus = sorted(set(focus))
    known = None if known_arcs is None else {k: set(v) for k, v in known_arcs.items()}
    batch = await _run_worker(
        setup, scratch, candidates, timeout, timeout_each, repeat, focus, hash_seed, known
    )
    for _ in range(MAX_RESTARTS):
        remaining = deadline - time.monotonic()
        if not (batch.hung and batch.not_run) or remaining < RESTART_MIN_SECONDS:
            break
        if known is not None:
            for observation in batch.observations:
                known.setdefault(observation.candidate.target, set()).update(observation.novel)
        rest = await _run_worker(
            setup, scratch, batch.not_run, remaining, timeout_each, repeat, focus, hash_seed, known
        )
        if rest.import_error or rest.worker_error:
            break
        batch.observations.extend(rest.observations)
        batch.hung.extend(rest.hung)
        batch.not_run = rest.not_run
    return batch


async def _run_worker(
    setup: WorkerSetup,
    scratch: Scratch,
    candidates: Sequence[Candidate],
    timeout: float,
    timeout_each: float,
    repeat: bool,
    focus: list[int],
    hash_seed: int,
    known_arcs: dict[str, set[Arc]] | None,
) -> BatchResult:
    request: dict[str, Any] = {
        "focus": focus,
        "sys_path": list(setup.sys_path),
        "module": setup.module,
        "target_file": str(setup.target_file),
        "prelude": list(setup.prelude),
        "scratch": str(scratch.path),
        "timeout_each": timeout_each,
        "candidates": [
            {
                "id": index,
                "setup": [*c.definitions, *c.setup],
                "call": c.call,
                "receiver": c.receiver,
                "repeat": repeat,
                "fixtures": list(c.fixtures),
                "group": c.target,
            }
            for index, c in enumerate(candidates)
        ],
    }
    if known_arcs is not None:
        request["known_arcs"] = {group: sorted(arcs) for group, arcs in known_arcs.items()}
    result = await run_sandboxed(
        [setup.python, str(scratch.worker)],
        cwd=setup.cwd,
        timeout=timeout,
        env_extra={"HOME": str(scratch.path), "PYTHONHASHSEED": str(hash_seed)},
        memory_bytes=MEMORY_LIMIT,
        file_size_bytes=FILE_SIZE_LIMIT,
        stdin_data=json.dumps(request).encode(),
        max_output_bytes=MAX_OUTPUT_BYTES,
    )
    batch = BatchResult()
    if result.error:
        batch.worker_error = result.error
        return batch
    if result.timed_out and '"event": "import"' not in result.stdout:
        # Killed for its time while still importing (a slow module, a batch given the last
        # second): nothing ran and nothing is wrong with the module.
        batch.not_run = list(candidates)
        return batch
    started: int | None = None
    done: set[int] = set()
    for line in result.stdout.splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        if kind == "import":
            batch.import_error = event.get("error")
        elif kind == "start":
            started = int(event["id"])
        elif kind == "result":
            index = int(event["id"])
            done.add(index)
            started = None
            batch.observations.append(
                Observation(
                    candidate=candidates[index],
                    lines=frozenset(event.get("lines", [])),
                    arcs=frozenset((int(a), int(b)) for a, b in event.get("arcs", [])),
                    outcome=event.get("outcome"),
                    setup_error=event.get("setup_error"),
                    flags=tuple(event.get("flags", [])),
                    stable=bool(event.get("stable", True)),
                    novel=frozenset((int(a), int(b)) for a, b in event.get("novel", [])),
                )
            )
    if started is not None:
        batch.hung.append(candidates[started])
        done.add(started)
    batch.not_run = [c for i, c in enumerate(candidates) if i not in done]
    if batch.import_error is None and not batch.observations and not batch.hung and candidates:
        # The worker died before any candidate started (a crash while importing, say); one
        # that dies inside a candidate is that candidate's failure (`hung`), the rest run again.
        batch.worker_error = (result.stderr or "the worker produced no output")[-1000:]
    return batch
