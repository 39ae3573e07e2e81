"""The one place that runs untrusted code (candidate tests, the builtin engine's worker).

Everything generated or written by the user runs here, never in the server process: a child in
its own session (so the whole process group can be killed, grandchildren included), with CPU,
address-space and file-size limits set before exec, no stdin, an environment without secrets,
and a private temporary directory that is removed afterwards. The child is killed when its time
is up and when the awaiting task is cancelled, so a cancelled job leaves nothing running; on
Linux it also dies with the process that started it (the parent-death signal is tied to the
starting thread: call this from a long-lived event loop thread, as the server and CLI do).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_SECRET_NAME = re.compile(
    r"(API_?KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|ACCESS_KEY)",
    re.IGNORECASE,
)
"""Names that look like they hold a credential; matched anywhere in the variable name."""

DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024
"""Per stream: a test printing gigabytes must not exhaust the server's memory."""

_DRAIN_AFTER_KILL_SECONDS = 2.0


@dataclass(slots=True)
class SandboxResult:
    returncode: int | None
    """None when the child was killed for its time or could not be started (see `error`)."""
    stdout: str
    stderr: str
    timed_out: bool
    duration: float
    error: str | None = None
    """Why the child could not be started (missing interpreter, bad cwd); None otherwise."""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


_DECLARED_SECRET_NAMES: set[str] = set()
"""Variables the user named as holding a key (`llm.apiKeyEnv`), whatever they are called.

Process-wide on purpose: every sandboxed child of this process must lose them, whichever
front door or settings layer named them.
"""


def declare_secret_name(name: str) -> None:
    """Treat environment variable `name` as a credential from now on (e.g. `MY_LLM`)."""
    if name:
        _DECLARED_SECRET_NAMES.add(name)


def is_secret_name(name: str) -> bool:
    return name in _DECLARED_SECRET_NAMES or bool(_SECRET_NAME.search(name))


def scrubbed_environ(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment without anything that looks like a credential.

    Generated code is untrusted: it must not be able to read the LLM key (or any other) from
    its environment, even by accident in a printed repr.
    """
    source = os.environ if base is None else base
    return {name: value for name, value in source.items() if not is_secret_name(name)}


def _parent_death_signal() -> Callable[[], None] | None:
    """Linux: the child gets SIGKILL when the server dies, even without a chance to clean up.

    Looked up before any fork: the preexec function may only make the system call.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def apply() -> None:
        prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)

    return apply


_SET_PARENT_DEATH_SIGNAL = _parent_death_signal()


def _limits_preexec(
    cpu_seconds: int | None, memory_bytes: int | None, file_size_bytes: int | None
) -> Callable[[], None]:
    """A preexec function that only calls setrlimit (async-signal-safe enough after fork)."""
    limits: list[tuple[int, int]] = []
    if cpu_seconds is not None:
        # The soft limit sends SIGXCPU; the hard limit one second later is SIGKILL.
        limits.append((resource.RLIMIT_CPU, max(1, int(cpu_seconds))))
    if memory_bytes is not None:
        limits.append((resource.RLIMIT_AS, int(memory_bytes)))
    if file_size_bytes is not None:
        limits.append((resource.RLIMIT_FSIZE, int(file_size_bytes)))
    limits.append((resource.RLIMIT_CORE, 0))

    def apply() -> None:
        if _SET_PARENT_DEATH_SIGNAL is not None:
            _SET_PARENT_DEATH_SIGNAL()
        for which, soft in limits:
            _, hard = resource.getrlimit(which)
            hard_wanted = soft + 1 if which == resource.RLIMIT_CPU else soft
            if hard != resource.RLIM_INFINITY:
                soft = min(soft, hard)
                hard_wanted = min(hard_wanted, hard)
            resource.setrlimit(which, (soft, hard_wanted))

    return apply


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def _read_capped(stream: asyncio.StreamReader | None, cap: int) -> bytes:
    """Read a stream to its end, keeping the first and last `cap // 2` bytes."""
    if stream is None:
        return b""
    head = bytearray()
    tail = bytearray()
    dropped = 0
    half = max(1, cap // 2)
    while True:
        chunk = await stream.read(65536)
        if not chunk:
            break
        if len(head) < half:
            take = half - len(head)
            head += chunk[:take]
            chunk = chunk[take:]
        if chunk:
            tail += chunk
            if len(tail) > half:
                dropped += len(tail) - half
                del tail[: len(tail) - half]
    if dropped:
        return bytes(head) + f"\n[... {dropped} bytes dropped ...]\n".encode() + bytes(tail)
    return bytes(head + tail)


async def run_sandboxed(
    argv: Sequence[str],
    *,
    cwd: Path,
    timeout: float,
    env_extra: Mapping[str, str] | None = None,
    cpu_seconds: int | None = None,
    memory_bytes: int | None = None,
    file_size_bytes: int | None = None,
    stdin_data: bytes | None = None,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
) -> SandboxResult:
    """Run argv with limits and return what it printed; never raises for the child's failures.

    `cpu_seconds` defaults to the wall-clock timeout (rounded up) so a busy loop dies even if the
    event loop were too slow to notice. TMPDIR points to a private directory removed afterwards;
    PYTHONDONTWRITEBYTECODE keeps a child Python from writing `__pycache__` into the project.
    """
    scratch = Path(tempfile.mkdtemp(prefix="covopt-sandbox-"))
    env = scrubbed_environ()
    env.update(
        {
            "TMPDIR": str(scratch),
            "TMP": str(scratch),
            "TEMP": str(scratch),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if env_extra:
        env.update({k: v for k, v in env_extra.items() if not is_secret_name(k)})
    if cpu_seconds is None:
        cpu_seconds = int(timeout) + 1
    stdin = asyncio.subprocess.PIPE if stdin_data is not None else asyncio.subprocess.DEVNULL
    started = time.monotonic()
    try:
        try:
            proc = await asyncio.create_subprocess_exec(
                *argv,
                cwd=str(cwd),
                env=env,
                stdin=stdin,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                start_new_session=True,
                preexec_fn=_limits_preexec(cpu_seconds, memory_bytes, file_size_bytes),
            )
        except (OSError, ValueError) as exc:
            return SandboxResult(
                returncode=None,
                stdout="",
                stderr="",
                timed_out=False,
                duration=time.monotonic() - started,
                error=f"cannot start {argv[0]!r}: {exc}",
            )
        return await _supervise(proc, stdin_data, timeout, max_output_bytes, started)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


async def _supervise(
    proc: asyncio.subprocess.Process,
    stdin_data: bytes | None,
    timeout: float,
    max_output_bytes: int,
    started: float,
) -> SandboxResult:
    readers = (
        asyncio.ensure_future(_read_capped(proc.stdout, max_output_bytes)),
        asyncio.ensure_future(_read_capped(proc.stderr, max_output_bytes)),
    )
    timed_out = False
    try:
        if stdin_data is not None and proc.stdin is not None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                proc.stdin.write(stdin_data)
                await proc.stdin.drain()
            proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), timeout)
        except TimeoutError:
            timed_out = True
    except BaseException:
        # Cancellation (or anything else): the child and its group must not outlive the job.
        _kill_group(proc.pid)
        for reader in readers:
            reader.cancel()
        raise
    finally:
        # Also reaps grandchildren a test left running in the background.
        _kill_group(proc.pid)
    if timed_out:
        await proc.wait()
    done, pending = await asyncio.wait(readers, timeout=_DRAIN_AFTER_KILL_SECONDS)
    for reader in pending:
        reader.cancel()
    stdout, stderr = (
        reader.result().decode("utf-8", "replace") if reader in done else "" for reader in readers
    )
    return SandboxResult(
        returncode=None if timed_out else proc.returncode,
        stdout=stdout,
        stderr=stderr,
        timed_out=timed_out,
        duration=time.monotonic() - started,
    )
