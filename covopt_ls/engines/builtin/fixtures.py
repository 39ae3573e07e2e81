"""What a test with pytest fixtures asserts besides the call's value, and which fixtures its
function asks for.

A command-line entry point returns None or exits; what it did is what it printed
(`capsys.readouterr().out`), the exit code (`excinfo.value.code`) and the files it wrote under
`tmp_path`. Help texts change with the terminal's width and the Python version, so a usage
text is checked by its heading only; a long text by its first line.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from covopt_ls import syntax
from covopt_ls.engines.builtin.environment import FIXTURES, quoted

MAX_OUTPUT = 400
"""Printed text asserted whole up to this length; beyond, its first line."""


def exit_check(outcome: Mapping[str, Any]) -> str | None:
    """`assert excinfo.value.code == 2` for a SystemExit whose code the worker saw."""
    if outcome.get("type") != "SystemExit" or "code" not in outcome:
        return None
    code = outcome["code"]
    if code is None:
        return "assert excinfo.value.code is None"
    if isinstance(code, str):
        return f"assert excinfo.value.code == {quoted(code)}"
    return f"assert excinfo.value.code == {code!r}"


def output_checks(outcome: Mapping[str, Any]) -> list[str]:
    """Checks of the printed text and of the files written under `tmp_path`."""
    checks: list[str] = []
    out = outcome.get("out")
    if isinstance(out, str) and out.strip():
        if "usage:" in out:
            checks.append('assert "usage:" in capsys.readouterr().out')
        elif len(out) <= MAX_OUTPUT:
            checks.append(f"assert capsys.readouterr().out == {quoted(out)}")
        else:
            first = next(line for line in out.splitlines() if line.strip())[:100]
            checks.append(f"assert {quoted(first)} in capsys.readouterr().out")
    files: Mapping[str, Any] = outcome.get("files") or {}
    for name, text in sorted(files.items())[:2]:
        if isinstance(text, str) and text.isascii() and len(text) <= MAX_OUTPUT:
            checks.append(f"assert (tmp_path / {quoted(name)}).read_text() == {quoted(text)}")
    return checks


def fixture_parameters(rows: Sequence[str]) -> list[str]:
    """The fixtures the test body uses, in the order a test lists them."""
    text = "\n".join(rows)
    if not any(f in text for f in FIXTURES):
        return []  # The planner asks for every candidate: no parse where none can be named.
    return list(_fixtures_named(tuple(rows)))


@functools.lru_cache(maxsize=4096)
def _fixtures_named(rows: tuple[str, ...]) -> tuple[str, ...]:
    try:
        tree = syntax.parse("\n".join(rows) or "pass")
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    except SyntaxError:
        text = "\n".join(rows)
        used = {f for f in FIXTURES if f in text}
    return tuple(f for f in FIXTURES if f in used)
