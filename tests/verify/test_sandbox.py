"""The sandbox's promises, each checked against a real child process."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from covopt_ls.verify.sandbox import run_sandboxed, scrubbed_environ

PY = sys.executable


async def test_output_and_exit_code_are_reported(tmp_path: Path) -> None:
    result = await run_sandboxed(
        [PY, "-c", "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"],
        cwd=tmp_path,
        timeout=20,
    )
    assert (result.returncode, result.stdout.strip(), result.stderr.strip()) == (3, "out", "err")
    assert not result.timed_out


async def test_child_running_past_the_timeout_is_killed(tmp_path: Path) -> None:
    result = await run_sandboxed([PY, "-c", "import time; time.sleep(60)"], cwd=tmp_path, timeout=1)
    assert result.timed_out
    assert result.returncode is None


async def test_secrets_are_not_in_the_childs_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-leak")
    monkeypatch.setenv("GITHUB_TOKEN", "ghp-leak")
    monkeypatch.setenv("APP_SECRET", "s-leak")
    monkeypatch.setenv("DB_PASSWORD_FILE", "p-leak")
    monkeypatch.setenv("COVOPT_HARMLESS", "kept")
    result = await run_sandboxed(
        [PY, "-c", "import os; print(sorted(os.environ.items()))"],
        cwd=tmp_path,
        timeout=20,
        env_extra={"EXTRA_TOKEN": "x-leak", "EXTRA_OK": "yes"},
    )
    assert "leak" not in result.stdout
    assert "COVOPT_HARMLESS" in result.stdout and "EXTRA_OK" in result.stdout


def test_scrubbed_environ_keeps_ordinary_variables() -> None:
    env = scrubbed_environ({"PATH": "/bin", "HOME": "/h", "AWS_SECRET_ACCESS_KEY": "x"})
    assert env == {"PATH": "/bin", "HOME": "/h"}


def test_the_configured_llm_key_variable_is_scrubbed_whatever_its_name() -> None:
    """`llm.apiKeyEnv` may name any variable; once an LLM engine is made, children lose it."""
    from covopt_ls.engines.factory import make_engine
    from covopt_ls.settings import build_settings

    settings, _ = build_settings(
        {"llm": {"baseUrl": "http://127.0.0.1:9", "model": "m", "apiKeyEnv": "MY_LLM"}}
    )
    assert "MY_LLM" in scrubbed_environ({"MY_LLM": "sk-1"})
    engine = make_engine(settings, "llm")
    asyncio.run(engine.aclose())
    assert "MY_LLM" not in scrubbed_environ({"MY_LLM": "sk-1", "PATH": "/bin"})


async def test_stdin_is_closed(tmp_path: Path) -> None:
    result = await run_sandboxed(
        [PY, "-c", "import sys; print(repr(sys.stdin.read()))"], cwd=tmp_path, timeout=20
    )
    assert result.stdout.strip() == "''"


async def test_stdin_data_is_delivered(tmp_path: Path) -> None:
    result = await run_sandboxed(
        [PY, "-c", "import sys; print(sys.stdin.read().upper())"],
        cwd=tmp_path,
        timeout=20,
        stdin_data=b"request",
    )
    assert result.stdout.strip() == "REQUEST"


async def test_memory_limit_stops_a_huge_allocation(tmp_path: Path) -> None:
    result = await run_sandboxed(
        [PY, "-c", "b = bytearray(2 * 1024 ** 3); print('allocated')"],
        cwd=tmp_path,
        timeout=20,
        memory_bytes=512 * 1024**2,
    )
    assert result.returncode != 0
    assert "MemoryError" in result.stderr
    assert "allocated" not in result.stdout


async def test_file_size_limit_stops_a_big_write(tmp_path: Path) -> None:
    target = tmp_path / "big.bin"
    script = f"open({str(target)!r}, 'wb').write(b'x' * 10_000_000)"
    result = await run_sandboxed(
        [PY, "-c", script], cwd=tmp_path, timeout=20, file_size_bytes=1024 * 1024
    )
    assert result.returncode != 0
    assert target.stat().st_size <= 1024 * 1024


async def test_cpu_limit_stops_a_busy_loop(tmp_path: Path) -> None:
    result = await run_sandboxed(
        [PY, "-c", "while True: pass"], cwd=tmp_path, timeout=30, cpu_seconds=1
    )
    assert not result.timed_out
    assert result.returncode is not None and result.returncode < 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it is dead for our purposes.
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        # Gone between the two looks: reading a vanishing /proc entry raises ESRCH.
        return False


async def _wait_for_file(path: Path) -> str:
    for _ in range(400):
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} never written")


async def _wait_until_dead(pids: list[int]) -> list[int]:
    for _ in range(200):
        alive = [pid for pid in pids if _alive(pid)]
        if not alive:
            return []
        await asyncio.sleep(0.05)
    return alive


async def test_cancellation_kills_the_whole_process_group(tmp_path: Path) -> None:
    pids_file = tmp_path / "pids"
    script = (
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pids_file)!r}, 'w').write(f'{{os.getpid()}} {{child.pid}}')\n"
        "time.sleep(60)\n"
    )
    task = asyncio.ensure_future(run_sandboxed([PY, "-c", script], cwd=tmp_path, timeout=60))
    pids = [int(p) for p in (await _wait_for_file(pids_file)).split()]
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await _wait_until_dead(pids) == []


async def test_background_grandchild_does_not_outlive_the_run(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    script = (
        "import subprocess, sys\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'],"
        " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
    )
    result = await run_sandboxed([PY, "-c", script], cwd=tmp_path, timeout=20)
    assert result.returncode == 0
    assert await _wait_until_dead([int(pid_file.read_text())]) == []


async def test_missing_interpreter_is_a_result_not_an_exception(tmp_path: Path) -> None:
    result = await run_sandboxed(["/nonexistent/python"], cwd=tmp_path, timeout=5)
    assert result.returncode is None and not result.timed_out
    assert result.error is not None and "/nonexistent/python" in result.error


async def test_flood_of_output_is_capped(tmp_path: Path) -> None:
    result = await run_sandboxed(
        [PY, "-c", "import sys; sys.stdout.write('x' * 5_000_000 + 'END')"],
        cwd=tmp_path,
        timeout=20,
        max_output_bytes=100_000,
    )
    assert len(result.stdout) < 200_000
    assert result.stdout.endswith("END") and "bytes dropped" in result.stdout


async def test_child_dies_with_a_killed_server(tmp_path: Path) -> None:
    """The server killed outright (no cancellation, no cleanup) takes its sandboxed child along."""
    pid_file = tmp_path / "pid"
    child = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    server = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from covopt_ls.verify.sandbox import run_sandboxed\n"
        f"argv = [sys.executable, '-c', {child!r}]\n"
        "asyncio.run(run_sandboxed(argv, cwd=Path('.'), timeout=60))\n"
    )
    process = await asyncio.create_subprocess_exec(PY, "-c", server, cwd=tmp_path)
    try:
        child_pid = int(await _wait_for_file(pid_file))
    finally:
        process.kill()
        await process.wait()
    assert await _wait_until_dead([child_pid]) == []
