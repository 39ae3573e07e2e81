"""Environment variables: which a callable reads, the values it compares them with, and the
tests that set them with `monkeypatch` (end to end through the verifier)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.engines.builtin.environment import Environments
from covopt_ls.engines.builtin.envvars import read_variables
from tests.engines.projects import measured_request, offered_and_verified

COLORS = textwrap.dedent(
    """\
    import os
    from os import environ


    def _forced():
        return os.getenv("FORCE_COLOR", "").lower() in ("1", "true", "yes")


    def use_color(stream_is_tty):
        if os.environ.get("NO_COLOR"):
            return False
        if _forced():
            return True
        if "CI" in environ:
            return False
        if os.environ["TERM"] == "dumb":
            return False
        return bool(stream_is_tty)
    """
)
TESTS = textwrap.dedent(
    """\
    from colors import use_color


    def test_a_terminal_gets_colour(monkeypatch):
        for name in ("NO_COLOR", "FORCE_COLOR", "CI"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("TERM", "xterm")
        assert use_color(True) is True
    """
)


def _functions() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(COLORS)
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_the_variables_read_directly_and_in_a_helper_with_their_compared_values() -> None:
    functions = _functions()
    variables = {v.name: v.values for v in read_variables(functions["use_color"], functions)}
    assert set(variables) == {"NO_COLOR", "FORCE_COLOR", "CI", "TERM"}
    assert variables["TERM"][:2] == ("dumb", "1")
    assert variables["FORCE_COLOR"][:3] == ("1", "true", "yes")
    assert variables["NO_COLOR"] == ("1", "")
    assert read_variables(functions["_forced"]) != []
    assert read_variables(ast.parse("def f(x):\n    return x.get('A')\n").body[0]) == []  # type: ignore[arg-type]


def test_each_value_and_the_variable_unset_become_environments_that_unset_the_others() -> None:
    functions = _functions()
    environments = Environments(functions["use_color"], ["stream_is_tty"], [], functions)
    setups = [env.setup for env in environments.systematic]
    assert ('monkeypatch.setenv("TERM", "dumb")') in {s[-1] for s in setups}
    assert 'monkeypatch.delenv("CI", raising=False)' in {s[-1] for s in setups}
    dumb = next(s for s in setups if s[-1] == 'monkeypatch.setenv("TERM", "dumb")')
    assert 'monkeypatch.delenv("NO_COLOR", raising=False)' in dumb
    assert all(env.fixtures == ("monkeypatch",) for env in environments.systematic)


def test_tests_set_the_variables_and_pass_under_the_verifier(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "colors", COLORS, TESTS)
    offered, verified = offered_and_verified(request, budget_seconds=6)
    assert offered and all(t.verified for t in verified)
    code = "\n".join(t.test_code for t in verified)
    assert 'monkeypatch.setenv("NO_COLOR"' in code
    assert 'monkeypatch.setenv("TERM", "dumb")' in code
    covered = {line for t in verified for line in t.covered_lines}
    lines = COLORS.splitlines()
    for text in ("return False", "return True"):
        assert {n for n, line in enumerate(lines, 1) if text in line} <= covered
