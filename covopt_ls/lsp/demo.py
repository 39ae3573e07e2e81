"""`make demo` (`python -m covopt_ls.lsp.demo`): the example project as an editor sees it.

On a scratch copy of examples/shop: run its tests under coverage (a real `coverage run --branch`
through the sandbox), start covopt-ls over stdio with a scripted editor (pygls's LanguageClient,
covopt_ls.lsp.scripted), open the module
with gaps, print the diagnostics and a hover; then the generation loop: the quick fixes on a
gap, a job for every gap of the file (builtin engine, no network) with its work-done progress,
the verified tests in hover and inlay hints, their insertion into tests/test_pricing.py, the
gaps they close disappearing at once, and a new full coverage run confirming it.
Exit 0 when every step worked.

The demo is a list of steps sharing one `DemoContext`.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types

from covopt_ls.lsp.scripted import ScriptedEditor

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = REPO_ROOT / "examples" / "shop"
MODULE = Path("src/shop/pricing.py")
WAIT_SECONDS = 60.0
DEMO_SETTINGS = {"engine": "builtin", "budgetSeconds": 5, "verify": {"repeat": 2}}
"""The builtin engine (no network), a short search per gap, each candidate run twice."""


class DemoError(Exception):
    """A step could not do its job; the message says which and why."""


@dataclass
class DemoContext:
    workdir: Path
    project: Path = Path()
    editor: ScriptedEditor | None = None
    uri: str = ""
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    job: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)


Step = Callable[[DemoContext], Awaitable[None]]


def say(text: str = "") -> None:
    print(text, flush=True)


async def copy_example(ctx: DemoContext) -> None:
    if not EXAMPLE.is_dir():
        raise DemoError(f"the example project is not at {EXAMPLE} (run from a source checkout)")
    ctx.project = ctx.workdir / "shop"
    shutil.copytree(EXAMPLE, ctx.project, ignore=shutil.ignore_patterns("__pycache__", ".cov*"))
    say(f"1. copied examples/shop to {ctx.project}")


async def measure_coverage(ctx: DemoContext, quiet: bool = False) -> None:
    from covopt_ls.verify.sandbox import run_sandboxed

    for argv in (
        [sys.executable, "-m", "coverage", "run", "--branch", "-m", "pytest", "-q",
         "-p", "no:cacheprovider"],
        [sys.executable, "-m", "coverage", "xml", "-q"],
    ):  # fmt: skip
        result = await run_sandboxed(argv, cwd=ctx.project, timeout=120)
        if not result.ok:
            raise DemoError(
                f"`{' '.join(argv[1:])}` failed ({result.error or result.returncode}):\n"
                + (result.stdout + result.stderr)[-2000:]
            )
    if quiet:
        return
    say("2. ran its tests under coverage: wrote .coverage and coverage.xml")
    say(textwrap.indent(result_summary(ctx.project), "   "))


def result_summary(project: Path) -> str:
    reports = [p.name for p in (project / ".coverage", project / "coverage.xml") if p.exists()]
    return "reports: " + ", ".join(reports)


async def start_server(ctx: DemoContext) -> None:
    ctx.editor = ScriptedEditor("covopt-demo")
    await ctx.editor.start(ctx.project, initialization_options=DEMO_SETTINGS)
    say("3. started covopt-ls over stdio (as an editor does)")


async def open_module(ctx: DemoContext) -> None:
    editor = _editor(ctx)
    path = ctx.project / MODULE
    ctx.uri = editor.open(path)
    try:
        ctx.diagnostics = await editor.wait_for_diagnostics(ctx.uri, WAIT_SECONDS)
    except TimeoutError:
        raise DemoError(
            f"no diagnostics for {MODULE} within {WAIT_SECONDS:.0f} s; server said: "
            + ("; ".join(editor.messages) or "nothing")
        ) from None
    source_lines = path.read_text("utf-8").splitlines()
    say(f"4. opened {MODULE}: {len(ctx.diagnostics)} diagnostics")
    for diagnostic in sorted(ctx.diagnostics, key=lambda d: d.range.start.line):
        line = diagnostic.range.start.line + 1
        code = source_lines[line - 1].strip() if line <= len(source_lines) else ""
        say(f"   {MODULE.name}:{line:<4} {diagnostic.code!s:<15} {diagnostic.message}")
        say(f"   {'':<{len(MODULE.name) + 5}} | {code}")


async def show_hover(ctx: DemoContext) -> None:
    gaps = [d for d in ctx.diagnostics if d.code == "uncovered-line"]
    if not gaps:
        raise DemoError("the example should have uncovered lines, but none were reported")
    line = min(d.range.start.line for d in gaps)
    text = await _editor(ctx).hover(ctx.uri, line, character=8)
    if text is None:
        raise DemoError(f"no hover on line {line + 1}")
    say(f"5. hover on line {line + 1}:")
    say(textwrap.indent(text, "   | ", lambda _: True))


def _plain(value: Any) -> Any:
    """Custom requests' results arrive as namedtuples."""
    if hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _totals(summary: dict[str, Any]) -> str:
    lines, branches = summary["lines"], summary["branches"]
    return (
        f"{lines['covered']}/{lines['total']} lines ({lines['percent']}%), "
        f"{branches['covered']}/{branches['total']} branches ({branches['percent']}%)"
    )


async def _summary(ctx: DemoContext) -> dict[str, Any]:
    answer = await _editor(ctx).request(
        "covopt/coverageSummary", {"textDocument": {"uri": ctx.uri}}
    )
    summary: dict[str, Any] = _plain(answer)
    return summary


async def show_quick_fixes(ctx: DemoContext) -> None:
    editor = _editor(ctx)
    gap = min((d for d in ctx.diagnostics if d.code == "uncovered-line"),
              key=lambda d: d.range.start.line)  # fmt: skip
    actions = await editor.code_actions(ctx.uri, gap.range.start.line, [gap])
    say(f"6. code actions on line {gap.range.start.line + 1} (quick fixes and source actions):")
    for action in actions:
        say(f"   [{action.kind}] {action.title}")
    everything = next(
        (a for a in actions if a.title == "Generate tests for all gaps in this file"), None
    )
    if everything is None or everything.command is None:
        raise DemoError("no source action to generate tests for the whole file")
    ctx.before = await _summary(ctx)
    started = _plain(
        await editor.execute(everything.command.command, *everything.command.arguments or [])
    )
    ctx.job = dict(started)
    say(f"   chose “{everything.title}”: job {started['jobId']} ({started['title']})")


async def follow_job(ctx: DemoContext) -> None:
    editor = _editor(ctx)
    task: dict[str, Any] = {}

    async def poll() -> bool:
        task.update(_plain(await editor.request("covopt/task", {"task_id": ctx.job["taskId"]})))
        return task["status"] in ("completed", "failed", "cancelled")

    async with asyncio.timeout(WAIT_SECONDS * 3):
        while not await poll():
            seen = len(editor.progress)
            await editor.wait_for(lambda n=seen: len(editor.progress) > n, WAIT_SECONDS * 3)
    say("7. work-done progress, as the editor showed it:")
    for line in dict.fromkeys(editor.progress):  # repeated reports shown once
        say(f"   {line}")
    if task["status"] != "completed":
        raise DemoError(f"the job {task['status']}: {task.get('error')}")
    tests = task["result"]["recommended_tests"]
    verified = [t for t in tests if t["verified"]]
    say(f"   {len(verified)} verified test(s); not reached: {len(task['result']['unreachable'])}")
    for reason in task["result"]["unreachable"]:
        say(f"     - {reason}")
    if not verified:
        raise DemoError("the builtin engine found no verified test for the example's gaps")
    hints = await editor.inlay_hints(ctx.uri)
    say("   inlay hints at the gaps:")
    for hint in hints:
        say(f"     line {hint.position.line + 1}: {hint.label}")
    first = min(verified, key=lambda t: min(t["covered_lines"] or [0]))
    line = min(first["covered_lines"] or [1])
    text = await editor.hover(ctx.uri, line - 1, character=8)
    say(f"8. hover on line {line} now shows the verified tests (excerpt):")
    excerpt = (text or "").split("---", 1)[-1].strip().splitlines()[:12]
    say(textwrap.indent("\n".join(excerpt), "   | ", lambda _: True))


async def insert_tests(ctx: DemoContext) -> None:
    editor = _editor(ctx)
    test_file = ctx.project / "tests" / "test_pricing.py"
    before_lines = len(test_file.read_text("utf-8").splitlines())
    published = len(editor.diagnostics.get(ctx.uri, []))
    result = _plain(
        await editor.execute("covopt.insertTest", {"jobId": ctx.job["jobId"], "tests": []})
    )
    if not result.get("applied"):
        raise DemoError(f"the insertion was not applied: {result}")
    after_lines = len(test_file.read_text("utf-8").splitlines())
    say(f"9. covopt.insertTest: {after_lines - before_lines} lines added to tests/test_pricing.py "
        f"(imports merged); the inserted tests ran alone with coverage:")  # fmt: skip
    say(f"   passed: {', '.join(result['passed'])}")
    await editor.wait_for(
        lambda: len(editor.diagnostics.get(ctx.uri, [])) < published, WAIT_SECONDS
    )
    after = await _summary(ctx)
    say(f"   diagnostics: {published} before, {len(editor.diagnostics[ctx.uri])} now")
    say(f"   coverage shown: {_totals(ctx.before)}  →  {_totals(after)}")


async def rerun_coverage(ctx: DemoContext) -> None:
    await measure_coverage(ctx, quiet=True)
    await _editor(ctx).execute("covopt.reloadCoverage")
    summary = await _summary(ctx)
    say(f"10. a new full coverage run (pytest passes with the inserted tests): {_totals(summary)}")


async def stop_server(ctx: DemoContext) -> None:
    if ctx.editor is not None:
        editor, ctx.editor = ctx.editor, None
        await editor.stop()


def _editor(ctx: DemoContext) -> ScriptedEditor:
    if ctx.editor is None:
        raise DemoError("the server is not running")
    return ctx.editor


STEPS: list[Step] = [
    copy_example,
    measure_coverage,
    start_server,
    open_module,
    show_hover,
    show_quick_fixes,
    follow_job,
    insert_tests,
    rerun_coverage,
]
"""In order; `stop_server` always runs last."""


async def run_demo(workdir: Path, steps: Sequence[Step] = STEPS) -> int:
    ctx = DemoContext(workdir=workdir)
    say("covopt-ls demo: coverage gaps of examples/shop, as an editor sees them")
    try:
        for step in steps:
            await step(ctx)
    except DemoError as exc:
        say(f"demo failed: {exc}")
        return 1
    finally:
        await stop_server(ctx)
    say("demo finished: every step worked")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m covopt_ls.lsp.demo", description=__doc__)
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="covopt-demo-"))
    try:
        return asyncio.run(run_demo(workdir))
    finally:
        if args.keep:
            say(f"scratch copy kept at {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
