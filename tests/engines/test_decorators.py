"""Decorators and decorator factories are tested by applying what they return to a small local
function and calling it, not by the type of what they return; methods under a decorator are
targets like any other, reached through the instance a test's helper builds even when that
helper also prepares data the instance does not need.

Unit rules on hand-written source, then the real engine on a generated project measured by
coverage.py, its tests run by the verifier."""

from __future__ import annotations

import ast
import textwrap

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.applied import applied, returns_callable, takes_function
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    """\
    import functools


    def fifo_cache(maxsize=None):
        def deco(func):
            cache = {}

            @functools.wraps(func)
            def wrapper(arg):
                if arg in cache:
                    return cache[arg]
                value = func(arg)
                if maxsize is not None and len(cache) >= maxsize:
                    cache.pop(next(iter(cache)))
                cache[arg] = value
                return value

            return wrapper

        return deco


    def counted(func):
        @functools.wraps(func)
        def inner(arg):
            inner.calls += 1
            return func(arg)

        inner.calls = 0
        return inner


    def doc(text):
        def deco(func):
            func.__doc__ = text
            return func

        return deco


    class Table:
        def __init__(self):
            self.rows = {}

        def put(self, key, value):
            self.rows[key] = value

        @functools.lru_cache(maxsize=None)
        def __getitem__(self, key):
            return self.rows[key]

        def __setitem__(self, key, value):
            if key in self.rows:
                self.replaced = key
            self.rows[key] = value
    """
)
TESTS = textwrap.dedent(
    """\
    import random

    from tables import Table

    N = 5


    def test_put():
        pairs = [(random.random(), i) for i in range(N)]
        table = Table()
        for key, value in pairs:
            table.put(key, value)
        assert len(table.rows) == N
    """
)


def _function(source: str) -> ast.FunctionDef:
    node = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def test_a_function_returning_its_nested_def_or_a_lambda_returns_a_callable() -> None:
    assert returns_callable(_function("def f(n):\n    def g(x):\n        return x\n    return g"))
    assert returns_callable(_function("def f(n):\n    return lambda x: x + n"))
    # The nested def's own return is not the outer function's.
    assert not returns_callable(
        _function("def f(n):\n    def g(x):\n        return g\n    return g(n)")
    )
    assert not returns_callable(_function("def f(n):\n    return n"))
    # The nested def handed back dressed up by a helper (`update_wrapper(new_func, f)`).
    dressed = (
        "def f(fn):\n    def new_func(*a):\n        return fn(1, *a)\n"
        "    return update_wrapper(new_func, fn)"
    )
    assert returns_callable(_function(dressed))
    # A factory handing back what a module helper builds (`return _cache({}, size)`).
    helper = _function("def _cache(c, n):\n    def deco(f):\n        return f\n    return deco")
    factory = _function("def lru(n=1):\n    return _cache({}, n)")
    assert returns_callable(factory, {"_cache": helper})
    assert not returns_callable(factory, {})


def test_the_decorated_function_is_the_parameter_the_body_calls_wraps_or_annotates() -> None:
    assert takes_function(_function("def d(f):\n    return lambda x: f(x)"), "f")
    assert takes_function(_function("def d(f):\n    @wraps(f)\n    def w(x): ..."), "f")
    assert takes_function(_function("def d(f):\n    f.__doc__ = 'x'\n    return f"), "f")
    assert not takes_function(_function("def d(size):\n    return size + 1"), "size")


def test_applied_decorates_a_local_function_and_calls_it_once_then_twice() -> None:
    once, twice = applied("fifo_cache(maxsize=2)", ("import x",), "square")
    define = "@fifo_cache(maxsize=2)\ndef square(x):\n    return x * x"
    assert once == (("import x", define), "square(3)")
    assert twice == (("import x", define, "square(3)"), "square(3)")


def test_an_instance_recipe_keeps_only_what_the_constructor_reads() -> None:
    knowledge = read_tests(TESTS, {"Table"})
    statements = [r.statements for r in knowledge.recipes["Table"]]
    assert statements and all(s[0] == "table = Table()" for s in statements)
    kept = read_tests(
        "def test_x():\n    rows = {}\n    rows = dict(rows, a=1)\n    other = 3\n"
        "    t = Table(rows)\n",
        {"Table"},
    )
    assert [r.statements[-1] for r in kept.recipes["Table"]] == ["t = Table(rows)"]
    assert all(
        "rows = dict(rows, a=1)" in r.statements and "other = 3" not in r.statements
        for r in kept.recipes["Table"]
    )


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    request = measured_request(tmp_path_factory.mktemp("decorators"), "tables", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def test_decorators_are_applied_to_a_local_function_and_called(
    offered: list[RecommendedTest],
) -> None:
    assert offered and all(t.passed and t.verified for t in offered)
    code = "\n".join(t.test_code for t in offered)
    assert '__name__ == "function"' not in code
    assert "@fifo_cache(" in code and "@counted\n" in code and "@doc(" in code
    assert "== 9" in code
    covered = {line for t in offered for line in t.covered_lines}
    # The cache hit needs a second call of the decorated function.
    assert {_line("return cache[arg]"), _line("inner.calls += 1"), _line("func.__doc__")} <= covered


def test_a_decorated_special_method_is_reached_by_its_operator(
    offered: list[RecommendedTest],
) -> None:
    covered = {line for t in offered for line in t.covered_lines}
    assert _line("return self.rows[key]") in covered
    code = "\n".join(t.test_code for t in offered)
    assert "table[" in code and "random" not in code


def test_an_item_is_assigned_twice_to_reach_the_replace(offered: list[RecommendedTest]) -> None:
    covered = {line for t in offered for line in t.covered_lines}
    assert _line("self.replaced = key") in covered
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    line = _line("self.replaced = key")
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    planner = Planner(targets[0], classes, read_tests(TESTS, set(classes)), [])
    repeated = [c for c in planner.round(0) if len(c.setup) >= 2 and c.setup[-1] == c.setup[-2]]
    assert any(c.setup[-1].startswith("table[") for c in repeated)


def test_a_unittest_assertion_is_no_step_of_an_instance_recipe() -> None:
    knowledge = read_tests(
        "import unittest\n\nclass TestT(unittest.TestCase):\n"
        "    def test_x(self):\n        t = Table()\n        self.assertEqual(t.rows, {})\n"
        "        t.add('a')\n        self.assertTrue(t.rows)\n",
        {"Table"},
    )
    recipes = [r.statements for r in knowledge.recipes["Table"]]
    assert ("t = Table()", "t.add('a')") in recipes
    assert not any("self." in s for r in recipes for s in r)
