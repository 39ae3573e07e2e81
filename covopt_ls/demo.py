"""`make demo` (`python -m covopt_ls.demo`): the example project as an editor sees it.

On a scratch copy of examples/shop: run its tests under coverage (a real `coverage run --branch`
through the sandbox), start covopt-ls over stdio with a scripted editor (pygls's LanguageClient,
covopt_ls.lsp.scripted), open the module
with gaps, print the diagnostics and a hover. Exit 0 when every step worked.

The demo is a list of steps sharing one `DemoContext`; later steps (generating and verifying
tests for a gap) append to `STEPS`.
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

from lsprotocol import types

from covopt_ls.lsp.scripted import ScriptedEditor

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = REPO_ROOT / "examples" / "shop"
MODULE = Path("src/shop/pricing.py")
WAIT_SECONDS = 60.0


class DemoError(Exception):
    """A step could not do its job; the message says which and why."""


@dataclass
class DemoContext:
    workdir: Path
    project: Path = Path()
    editor: ScriptedEditor | None = None
    uri: str = ""
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


Step = Callable[[DemoContext], Awaitable[None]]


def say(text: str = "") -> None:
    print(text, flush=True)


async def copy_example(ctx: DemoContext) -> None:
    if not EXAMPLE.is_dir():
        raise DemoError(f"the example project is not at {EXAMPLE} (run from a source checkout)")
    ctx.project = ctx.workdir / "shop"
    shutil.copytree(EXAMPLE, ctx.project, ignore=shutil.ignore_patterns("__pycache__", ".cov*"))
    say(f"1. copied examples/shop to {ctx.project}")


async def measure_coverage(ctx: DemoContext) -> None:
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
    say("2. ran its tests under coverage: wrote .coverage and coverage.xml")
    say(textwrap.indent(result_summary(ctx.project), "   "))


def result_summary(project: Path) -> str:
    reports = [p.name for p in (project / ".coverage", project / "coverage.xml") if p.exists()]
    return "reports: " + ", ".join(reports)


async def start_server(ctx: DemoContext) -> None:
    ctx.editor = ScriptedEditor("covopt-demo")
    await ctx.editor.start(ctx.project)
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


async def stop_server(ctx: DemoContext) -> None:
    if ctx.editor is not None:
        editor, ctx.editor = ctx.editor, None
        await editor.stop()


def _editor(ctx: DemoContext) -> ScriptedEditor:
    if ctx.editor is None:
        raise DemoError("the server is not running")
    return ctx.editor


STEPS: list[Step] = [copy_example, measure_coverage, start_server, open_module, show_hover]
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
    parser = argparse.ArgumentParser(prog="python -m covopt_ls.demo", description=__doc__)
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
