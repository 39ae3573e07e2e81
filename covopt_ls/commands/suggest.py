"""`covopt suggest`: generate and verify tests for one source file's coverage gaps.

The same job as the HTTP API and the language server run (covopt_ls.jobs.GenerationService:
engine, sandboxed verifier, repair loop), printed for a person, as the HTTP task JSON
(`--json`), or appended to the test file with imports merged (`--write`).
Exit codes: 0 when it ran (whatever it found), 1 when the job failed (e.g. the LLM could not
be reached), 2 on bad input, with a message on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from covopt_ls.coverage.model import UncoveredRange
    from covopt_ls.settings import Settings

_ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "pytest.ini", "tox.ini", ".git")


class BadInput(Exception):
    """Something the user can fix; printed as is, exit status 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE_FILE", type=Path, help="the module to cover")
    parser.add_argument(
        "--coverage",
        type=Path,
        metavar="FILE",
        help="coverage data (.coverage, coverage.xml, coverage.json, lcov.info); "
        "by default discovered under --root",
    )
    parser.add_argument(
        "--tests",
        type=Path,
        metavar="TEST_FILE",
        help="the test file to learn from and --write to (default: settings testFile, "
        "tests/test_{module}.py)",
    )
    parser.add_argument(
        "--root",
        type=Path,
        metavar="DIR",
        help="the project root (default: the nearest parent of SOURCE_FILE with a "
        "pyproject.toml, setup.cfg, setup.py, pytest.ini, tox.ini or .git)",
    )
    parser.add_argument(
        "--engine",
        choices=("builtin", "llm", "auto"),
        help="auto (the default): the LLM when llm.baseUrl and llm.model are set, else builtin",
    )
    parser.add_argument(
        "--budget", type=float, metavar="SECONDS", help="the builtin engine's budget per range"
    )
    parser.add_argument("--json", action="store_true", help="print the HTTP API's task JSON")
    parser.add_argument(
        "--write",
        action="store_true",
        help="append the verified tests to the test file, imports merged",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="log what happens (with tracebacks)"
    )


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging

    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    else:
        # Failures reach the user in the output (the task's error); no stray tracebacks.
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        return asyncio.run(_run(args))
    except BadInput as exc:
        print(f"covopt suggest: {exc}", file=sys.stderr)
        return 2


def find_root(source: Path) -> Path:
    for directory in source.parents:
        if any((directory / marker).exists() for marker in _ROOT_MARKERS):
            return directory
    return source.parent


def _settings(args: argparse.Namespace, root: Path) -> Settings:
    from covopt_ls.settings import build_settings, layer_from_env, layer_from_pyproject

    cli: dict[str, Any] = {}
    if args.engine:
        cli["engine"] = args.engine
    if args.budget is not None:
        if args.budget <= 0:
            raise BadInput("--budget must be a positive number of seconds")
        cli["budgetSeconds"] = args.budget
    settings, errors = build_settings(layer_from_env(), layer_from_pyproject(root), cli)
    for error in errors:
        print(f"covopt suggest: {error}", file=sys.stderr)
    return settings


async def _ranges(
    source: Path, root: Path, settings: Settings, coverage_file: Path | None
) -> list[UncoveredRange]:
    from covopt_ls.coverage.store import CoverageStore

    store = CoverageStore(root, settings)
    if coverage_file is not None:
        if not coverage_file.is_file():
            raise BadInput(f"no coverage file {coverage_file}")
        errors = await store.reload(coverage_file.absolute())
    else:
        errors = await store.load_all()
    if not store.report_paths():
        detail = f" ({'; '.join(errors)})" if errors else ""
        if coverage_file is not None:
            raise BadInput(f"cannot read {coverage_file}{detail}")
        raise BadInput(
            f"no coverage data found under {root}{detail}: run "
            "`coverage run --branch -m pytest` there first, or pass --coverage FILE"
        )
    ranges = store.ranges(source)
    if ranges is None:
        raise BadInput(f"{source}: {store.explain_missing(source)}")
    if store.is_stale(source):
        print(
            f"covopt suggest: warning: {source} changed after the coverage was measured; "
            "line numbers may be off (re-run the tests under coverage)",
            file=sys.stderr,
        )
    return ranges


def _module_path(source: Path, root: Path) -> str | None:
    from covopt_ls.verify.interpreter import project_import_paths
    from covopt_ls.verify.modules import module_name_for

    return module_name_for(source, project_import_paths(root))


def _test_path(args: argparse.Namespace, source: Path, root: Path, settings: Settings) -> Path:
    if args.tests is not None:
        return Path(args.tests).absolute()
    return (root / settings.test_file.format(module=source.stem)).absolute()


async def _run(args: argparse.Namespace) -> int:
    source: Path = args.source.absolute()
    if not source.is_file():
        raise BadInput(f"no such file: {args.source}")
    if source.suffix != ".py":
        raise BadInput(f"{args.source} is not a Python source file")
    root = args.root.absolute() if args.root else find_root(source)
    if not root.is_dir():
        raise BadInput(f"--root {args.root} is not a directory")
    if args.tests is not None and args.tests.exists() and not args.tests.is_file():
        raise BadInput(f"--tests {args.tests} is not a file")
    try:
        source_code = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {args.source}: {exc}") from exc
    settings = _settings(args, root)
    ranges = await _ranges(source, root, settings, args.coverage)
    test_path = _test_path(args, source, root, settings)
    existing_tests = test_path.read_text(encoding="utf-8") if test_path.is_file() else ""

    from covopt_ls.generation import GenerationRequest

    request = GenerationRequest(
        source_code=source_code,
        uncovered_ranges=tuple(ranges),
        existing_test_code=existing_tests,
        module_path=_module_path(source, root),
        source_path=source,
        project_root=root,
        test_path=test_path,
        engine=args.engine or settings.engine,
    )
    if not ranges:
        task_json = _empty_task_json()
        _print(args, task_json, source, notes=[], written=None, test_path=test_path)
        return 0
    task_json, notes = await _generate(request, settings, root, quiet=args.quiet or args.json)
    written = None
    if args.write and task_json["status"] == "completed":
        written = _write(test_path, task_json["result"]["recommended_tests"])
    _print(args, task_json, source, notes=notes, written=written, test_path=test_path)
    return 0 if task_json["status"] == "completed" else 1


async def _generate(
    request: Any, settings: Settings, root: Path, *, quiet: bool
) -> tuple[dict[str, Any], list[str]]:
    from covopt_ls.engines.llm.engine import LlmNotConfiguredError
    from covopt_ls.jobs import GenerationService
    from covopt_ls.tasks.model import Task
    from covopt_ls.verify.verifier import SubprocessVerifier

    verifier = SubprocessVerifier(settings.verify)
    service = GenerationService(settings, verifier=verifier, project_root=root)
    last_message: list[str] = []

    def progress(task: Task) -> None:
        if quiet or task.progress is None or task.progress.message in last_message:
            return
        last_message[:] = [task.progress.message]
        print(f"covopt suggest: {task.progress.message}…", file=sys.stderr, flush=True)

    unsubscribe = service.registry.subscribe(progress)
    try:
        try:
            task = service.submit(request)
        except LlmNotConfiguredError as exc:
            raise BadInput(str(exc)) from exc
        finished = await service.registry.wait(task.task_id)
        final = finished or task
        return service.registry.to_json(final), list(verifier.notes)
    finally:
        unsubscribe()
        await service.aclose()


def _empty_task_json() -> dict[str, Any]:
    import time

    from covopt_ls.tasks.model import Task, TaskStatus

    now = time.time()
    task = Task("none", None, TaskStatus.COMPLETED, now, now, result={"recommended_tests": []})
    return task.to_json()


def _write(test_path: Path, tests: list[dict[str, Any]]) -> list[str]:
    """Append the verified tests (never the possible bugs) to the test file."""
    from covopt_ls.insertion import plan_insertion

    codes = [t["test_code"] for t in tests if t.get("verified") and not t.get("possible_bug")]
    if not codes:
        return []
    existing = test_path.read_text(encoding="utf-8") if test_path.is_file() else ""
    plan = plan_insertion(existing, codes)
    test_path.parent.mkdir(parents=True, exist_ok=True)
    test_path.write_text(plan.apply(existing), encoding="utf-8")
    return list(plan.test_names)


def _print(
    args: argparse.Namespace,
    task_json: dict[str, Any],
    source: Path,
    *,
    notes: list[str],
    written: list[str] | None,
    test_path: Path,
) -> None:
    import json

    for note in notes:
        print(f"covopt suggest: note: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps(task_json, indent=2))
    else:
        print(_human(task_json, source))
    if written:
        print(f"covopt suggest: wrote {', '.join(written)} to {test_path}", file=sys.stderr)
    elif args.write:
        print("covopt suggest: no verified test to write", file=sys.stderr)


def _human(task_json: dict[str, Any], source: Path) -> str:
    if task_json["status"] != "completed":
        error = (task_json.get("error") or {}).get("message", "unknown error")
        return f"{source.name}: the job {task_json['status']}: {error}"
    result = task_json.get("result") or {}
    tests = result.get("recommended_tests", [])
    unreachable = result.get("unreachable", [])
    if not tests and not unreachable:
        return f"{source.name}: no uncovered lines: nothing to do."
    out: list[str] = []
    verified = [t for t in tests if t.get("verified")]
    bugs = [t for t in tests if t.get("possible_bug")]
    for test in verified:
        out.append(f"# ✓ {test.get('test_name') or 'test'}: {test['expected_coverage_impact']}")
        if test.get("scenario_description"):
            out.append(f"#   {test['scenario_description']}")
        out.append(test["test_code"].rstrip())
        out.append("")
    for test in bugs:
        out.append(
            f"# ⚠ possible bug, {test.get('test_name') or 'test'} fails: "
            f"{test['expected_coverage_impact']}"
        )
        out.append(test["test_code"].rstrip())
        failure = (test.get("failure") or "").strip().splitlines()[-6:]
        out.extend(f"#   {line}" for line in failure)
        out.append("")
    for reason in unreachable:
        out.append(f"# ✗ not covered: {reason}")
    lines = sorted({n for t in verified for n in t.get("covered_lines", [])})
    out.append(
        f"# {source.name}: {len(verified)} verified test(s) covering {len(lines)} line(s)"
        + (f", {len(bugs)} possible bug(s)" if bugs else "")
    )
    return "\n".join(out)
