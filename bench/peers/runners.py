"""Running the peers on one module and cutting their output into one candidate per test.

Both peers run generated code, so they run through the same sandbox as everything else (no
secrets in the environment, resource limits, killed with their process group on timeout).
Each peer test becomes a candidate of its own (the file's imports and helpers, then the test),
so the one verifier judges every tool's tests the same way.
"""

from __future__ import annotations

import ast
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from covopt_ls.verify.sandbox import run_sandboxed

PYNGUIN_SEARCH_SECONDS = int(os.environ.get("COVOPT_BENCH_PYNGUIN_SECONDS", "60"))
CROSSHAIR_CONDITION_SECONDS = int(os.environ.get("COVOPT_BENCH_CROSSHAIR_SECONDS", "10"))
PEER_WALL_SECONDS = 600.0
PEER_MEMORY_BYTES = 8 * 1024**3


@dataclass
class PeerRun:
    tests: list[str]
    """One self-contained test file text per test."""
    seconds: float
    problem: str | None = None


def split_tests(text: str) -> list[str]:
    """One file per top-level test (function or Test class), each with the file's other
    top-level code (imports, helpers, module aliases) before it."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    lines = text.splitlines(keepends=True)

    def segment(node: ast.stmt) -> str:
        start = node.lineno - 1
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            start = min([start, *(d.lineno - 1 for d in node.decorator_list)])
        return "".join(lines[start : node.end_lineno])

    def is_test(node: ast.stmt) -> bool:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node.name.startswith("test")
        return isinstance(node, ast.ClassDef) and node.name.startswith("Test")

    header = "".join(segment(node) for node in tree.body if not is_test(node))
    return [header + "\n\n" + segment(node) for node in tree.body if is_test(node)]


async def run_pynguin(executable: Path, import_root: Path, module: str) -> PeerRun:
    with tempfile.TemporaryDirectory(prefix="covopt-bench-pynguin-") as out:
        argv = [
            str(executable),
            "--project_path",
            str(import_root),
            "--module_name",
            module,
            "--output-path",
            out,
            "--maximum_search_time",
            str(PYNGUIN_SEARCH_SECONDS),
            "--maximum-test-execution-timeout",
            "2",
            "--seed",
            "1",
            "--no-rich",
        ]
        result = await run_sandboxed(
            argv,
            cwd=import_root,
            timeout=PEER_WALL_SECONDS,
            env_extra={"PYNGUIN_DANGER_AWARE": "1", "PYTHONPATH": str(import_root)},
            cpu_seconds=int(PEER_WALL_SECONDS),
            memory_bytes=PEER_MEMORY_BYTES,
        )
        files = sorted(Path(out).glob("test_*.py"))
        tests = [t for f in files for t in split_tests(f.read_text(encoding="utf-8"))]
    problem = _problem(result.timed_out, result.returncode, result.stderr, result.error)
    return PeerRun(tests, result.duration, None if tests else problem or "no test written")


def crosshair_targets(source: Path, module: str) -> list[str]:
    """Every public function and method, each run on its own: CrossHair gives up on a whole
    module when one target crashes it, which would hide what it found for the others."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    targets: list[str] = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        if node.name.startswith("_"):
            continue
        if not isinstance(node, ast.ClassDef):
            targets.append(f"{module}.{node.name}")
        else:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and (
                    not item.name.startswith("_") or item.name == "__init__"
                ):
                    targets.append(f"{module}.{node.name}.{item.name}")
    return targets


async def run_crosshair(executable: Path, import_root: Path, module: str, source: Path) -> PeerRun:
    tests: list[str] = []
    problems: list[str] = []
    seconds = 0.0
    for target in crosshair_targets(source, module):
        argv = [
            str(executable),
            "cover",
            "--example_output_format=pytest",
            "--per_condition_timeout",
            str(CROSSHAIR_CONDITION_SECONDS),
            target,
        ]
        result = await run_sandboxed(
            argv,
            cwd=import_root,
            timeout=PEER_WALL_SECONDS,
            env_extra={"PYTHONPATH": str(import_root)},
            cpu_seconds=int(PEER_WALL_SECONDS),
            memory_bytes=PEER_MEMORY_BYTES,
        )
        seconds += result.duration
        found = split_tests(result.stdout)
        tests += found
        problem = _problem(result.timed_out, result.returncode, result.stderr, result.error)
        if problem and not found:
            problems.append(f"{target}: {problem}")
    summary = None
    if problems:
        summary = f"{len(problems)} target(s) failed, e.g. {problems[0]}"
    return PeerRun(tests, seconds, summary)


def _problem(timed_out: bool, returncode: int | None, stderr: str, error: str | None) -> str | None:
    if error:
        return error
    if timed_out:
        return f"killed after {PEER_WALL_SECONDS:.0f} s"
    if returncode not in (0, None):
        tail = stderr.strip().splitlines()[-1:] or ["no output"]
        return f"exit status {returncode}: {tail[0][:200]}"
    return None
