"""Syntax-tree nodes for parameters a body reads as Python syntax (syntax_trees.py)."""

from __future__ import annotations

import ast

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.render import top_level_names
from covopt_ls.engines.builtin.syntax_trees import (
    node_values,
    syntax_names,
    wanted_kinds,
)
from covopt_ls.engines.builtin.targets import Param, collect_targets, module_classes
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified, unreached

SOURCE = '''\
import ast


class Checker:
    """Names the comparisons and calls a reviewer would ask to write differently."""

    def check(self, node: ast.expr):
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        return None

    def _compare(self, node):
        if len(node.ops) > 1:
            return "chained"
        if isinstance(node.ops[0], ast.Is) and not isinstance(node.comparators[0], ast.Constant):
            return "identity"
        return "plain"

    def _call(self, node):
        if node.keywords:
            return "keywords"
        return ast.unparse(node.func)


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.defs = 0

    def visit_FunctionDef(self, node):
        if node.decorator_list:
            self.defs += 10
        self.defs += 1
'''

TESTS = """\
import ast

from checker import Checker, Counter


def test_a_name_is_fine():
    assert Checker().check(ast.parse("x", mode="eval").body) is None


def test_counts_nothing_in_an_empty_module():
    counter = Counter()
    counter.visit(ast.parse(""))
    assert counter.defs == 0
"""


def _function(name: str) -> ast.FunctionDef:
    tree = ast.parse(SOURCE)
    return next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name)


def _kinds(
    name: str, attrs: frozenset[str] = frozenset(), handled: tuple[str, ...] = ()
) -> list[str]:
    function = _function(name)
    arg = function.args.args[1]
    return wanted_kinds(function, Param(arg.arg, arg.annotation), attrs, set(), handled)


def test_a_node_takes_the_kinds_the_body_checks_then_its_annotation() -> None:
    kinds = _kinds("check", handled=("Compare", "Call", "Is", "Constant"))
    assert kinds[:2] == ["Compare", "Call"]
    # `ast.expr`: the expression kinds the module handles, then the commonest others.
    assert {"Constant", "Name", "BinOp"} <= set(kinds)
    assert "Is" not in kinds  # an operator, not an expression node


def test_the_fields_a_body_reads_tell_the_kind() -> None:
    assert _kinds("_call", frozenset({"keywords", "func"})) == ["Call"]
    assert _kinds("_compare", frozenset({"ops", "comparators"})) == ["Compare"]
    # `.value` or `.name` alone: many kinds and plain objects have them.
    assert _kinds("_call", frozenset({"value"})) == []
    assert _kinds("_call", frozenset({"name"})) == []


def test_a_visitor_method_takes_the_kind_it_is_named_after() -> None:
    assert _kinds("visit_FunctionDef", frozenset({"decorator_list"})) == ["FunctionDef"]


def test_every_snippet_parses_to_a_node_of_its_kind() -> None:
    kinds = [k for k in dir(ast) if isinstance(getattr(ast, k), type)]
    checked = 0
    for kind in kinds:
        for value in node_values([kind], "ast"):
            node = eval(value, {"ast": ast})
            assert isinstance(node, getattr(ast, kind)), (kind, value)
            checked += 1
    assert checked > 50


def test_one_node_of_each_kind_comes_before_a_second_of_any() -> None:
    values = node_values(["Compare", "Call"], "ast")
    assert values[0].startswith("ast.parse('a < 2'")
    assert "len(" in values[1]
    assert node_values(["Compare"], None) == []


def test_only_a_module_importing_ast_gets_nodes() -> None:
    tree = ast.parse(SOURCE)
    defined, imports = top_level_names(tree)
    names = syntax_names(tree, imports, {}, defined)
    assert names is not None
    assert names.spelled == "ast"
    assert names.imports == {}
    assert names.handled[:2] == ("Compare", "Call")
    assert "Is" not in names.handled
    plain = ast.parse("import json\n")
    assert syntax_names(plain, top_level_names(plain)[1], {}, set()) is None


def test_a_module_importing_only_node_classes_gets_an_import_of_ast() -> None:
    tree = ast.parse("from ast import Call, Name\n\ndef f(node: Call):\n    return node.func\n")
    defined, imports = top_level_names(tree)
    names = syntax_names(tree, imports, {}, defined)
    assert names is not None
    assert names.imports == {"ast": "import ast"}
    assert names.kinds == frozenset({"Call", "Name"})
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef))
    param = Param("node", function.args.args[0].annotation)
    assert wanted_kinds(function, param, set(), set(names.kinds)) == ["Call"]
    # A module binding `ast` to something else gets none.
    other = ast.parse("from ast import Call\nast = None\n")
    assert syntax_names(other, top_level_names(other)[1], {}, {"ast"}) is None


def test_the_planner_offers_calls_to_a_helper_reading_call_fields() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    defined, imports = top_level_names(tree)
    line = next(i for i, t in enumerate(SOURCE.splitlines(), 1) if '"keywords"' in t)
    (target,), _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    assert target.name == "_call"
    knowledge = read_tests(TESTS, set(classes))
    syntax = syntax_names(tree, imports, knowledge.import_of, defined)
    pools = Planner(target, classes, knowledge, [], syntax=syntax).pools
    assert any("f(a, key=1)" in v for v in pools["node"])
    # Without them (and without tests whose calls of a sibling taking `node` could be reused):
    untested = read_tests("", set(classes))
    assert not any("ast.parse" in v for v in Planner(target, classes, untested, []).pools["node"])


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    request = measured_request(tmp_path_factory.mktemp("checker"), "checker", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def test_parsed_nodes_reach_the_checks_of_each_kind(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    assert not unreached(
        offered, SOURCE, ('"chained"', '"identity"', '"keywords"', "self.defs += 10")
    ), codes
    assert "ast.parse(" in codes
