"""Calls the module documents in its docstrings become seed calls, like the tests' own."""

from __future__ import annotations

import ast
import textwrap

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.candidates import module_constants
from covopt_ls.engines.builtin.doctests import documented_calls
from covopt_ls.engines.builtin.existing import read_tests, with_documented
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, module_classes

SOURCE = textwrap.dedent(
    '''\
    """Media ranges.

    >>> acc = Accept("text/html")
    >>> acc.best(["text/html",
    ...           "text/plain"])
    'text/html'
    """


    class Accept:
        def __init__(self, header):
            self.header = header

        def best(self, offers):
            for offer in offers:
                if offer in self.header:
                    return offer
            return None


    def quality(mime_type, ranges):
        """The quality of a mime type against ranges. For example:

        >>> quality('text/html','text/*;q=0.3, text/html;q=0.7,
                      text/html;level=1')
        0.7
        """
        parts = [r.split(";") for r in ranges.split(",")]
        if not parts:
            return 0
        return 1


    def weight(item):
        """As returned by quality(); e.g. weight("a;q=0.5") is 0.5."""
        return item
    '''
)


def _documented() -> str:
    tree = ast.parse(SOURCE)
    return documented_calls(tree, {"Accept", "quality", "weight"})


def test_doctest_statements_continuations_and_wrapped_literals_are_read() -> None:
    code = _documented()
    tree = ast.parse(code)
    calls = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert "Accept('text/html')" in calls
    assert "acc.best(['text/html', 'text/plain'])" in calls
    # The example's literal runs onto a prose line without `...`: joined, it parses.
    assert "quality('text/html', 'text/*;q=0.3, text/html;q=0.7, text/html;level=1')" in calls


def test_prose_calls_with_arguments_count_and_mere_mentions_do_not() -> None:
    calls = [ast.unparse(n) for n in ast.walk(ast.parse(_documented())) if isinstance(n, ast.Call)]
    assert "weight('a;q=0.5')" in calls
    assert "quality()" not in calls


def test_documented_calls_seed_the_planner_and_documented_objects_become_recipes() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    knowledge = with_documented(
        read_tests("", set(classes)), read_tests(_documented(), set(classes))
    )
    line = next(n for n, text in enumerate(SOURCE.splitlines(), 1) if "return 1" in text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    planner = Planner(targets[0], classes, knowledge, module_constants(tree))
    assert planner.round(0)[0].call == (
        "quality('text/html', 'text/*;q=0.3, text/html;q=0.7, text/html;level=1')"
    )
    line = next(n for n, text in enumerate(SOURCE.splitlines(), 1) if "return offer" in text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    first = Planner(targets[0], classes, knowledge, module_constants(tree)).round(0)[0]
    assert first.setup == ("acc = Accept('text/html')",)
    assert first.call == "acc.best(['text/html', 'text/plain'])"


def test_a_module_without_examples_documents_nothing() -> None:
    assert documented_calls(ast.parse('def f(x):\n    """Plain prose."""\n'), {"f"}) == ""


def test_quoted_examples_of_a_format_become_constants_and_plain_words_do_not() -> None:
    source = (
        "def parse(header):\n"
        "    \"\"\"Ranges look like 'text/*;q=0.3' and the 'q' parameter is 'quality'.\"\"\"\n"
    )
    constants = read_tests(documented_calls(ast.parse(source), {"parse"}), set()).constants
    assert "'text/*;q=0.3'" in constants
    assert "'q'" not in constants and "'quality'" not in constants


def test_docstrings_of_the_tests_are_not_values_to_pass() -> None:
    tests = '''\
"""Tests for the validator."""
from tool import check


class TestCheck:
    """Checks of check()."""

    def test_plain(self):
        """A plain value."""
        assert check("0 12 * * *")
'''
    constants = read_tests(tests, set()).constants
    assert "'0 12 * * *'" in constants
    assert not any("validator" in c or "Checks" in c or "plain value" in c for c in constants)
