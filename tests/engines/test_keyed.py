"""Mappings built from the keys a body reads (keyed.py), each value shaped by how it is used,
and the keys read through the attributes a constructor's mapping is kept in."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.calls import literal_type
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.keyed import param_owner, read_keys, stored_keys
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.engines.builtin.usage import Usage, keyed_values, stored_attrs, usage_values
from tests.engines.projects import measured_request, offered_and_verified


def _function(source: str) -> ast.FunctionDef:
    tree = ast.parse(textwrap.dedent(source))
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef))


def _class(source: str) -> ast.ClassDef:
    tree = ast.parse(textwrap.dedent(source))
    return next(node for node in tree.body if isinstance(node, ast.ClassDef))


def _dicts(values: list[str]) -> list[object]:
    return [ast.literal_eval(v) for v in values if literal_type(v) == "dict"]


def test_each_key_value_is_typed_by_how_the_body_uses_it() -> None:
    func = _function(
        """
        def run(conf, other):
            items = conf["items"]
            for item in items:
                print(item)
            if conf.get("retries", 0) > 3:
                other.append(1)
            if "verbose" in conf:
                print(len(conf["name"].strip()))
        """
    )
    keys = read_keys(func, param_owner({"conf", "other"}))["conf"]
    assert list(keys) == ["items", "retries", "verbose", "name"]
    # Through the local bound to it, a loop: an iterable.
    assert keys["items"].kind == "iterable"
    assert keys["retries"].kind == "int"
    assert {"3", "4"} <= set(keys["retries"].hints)
    assert keys["name"].kind == "str"
    # Only tested for: nothing said about its value.
    assert keys["verbose"].kind is None
    assert "other" not in read_keys(func, param_owner({"conf", "other"}))


def test_keyed_values_give_all_keys_then_each_alone_with_its_likeliest_values() -> None:
    func = _function(
        """
        def run(conf):
            if conf["mode"] == "fast":
                return [x for x in conf["items"]]
            return None
        """
    )
    keys = read_keys(func, param_owner({"conf"}))["conf"]
    values = _dicts(keyed_values(keys))
    assert values[0] == {"mode": "fast", "items": [1, 2, 3]}
    assert {"mode": "fast"} in values and {"items": [1, 2, 3]} in values
    assert values[-1] == {}
    # A key the body says nothing about gets text, then a number.
    assert _dicts(keyed_values({"k": Usage()})) == [{"k": "a"}, {"k": 1}, {}]


def test_a_key_only_tested_for_truth_gets_text_and_a_number_after_its_hints() -> None:
    func = _function(
        """
        def build(params):
            if params.get("scope"):
                return split(params["scope"])
            return None
        """
    )
    keys = read_keys(func, param_owner({"params"}))["params"]
    values = _dicts(keyed_values(keys))
    # `{"scope": None}` alone takes only the falsy branch.
    assert {"scope": "a"} in values and {"scope": 1} in values


def test_a_mapping_parameter_pool_is_built_from_the_keys_read() -> None:
    source = textwrap.dedent(
        """
        def describe(record):
            total = 0
            for part in record["parts"]:
                total += part
            if record["count"] > 10:
                return total
            return -total
        """
    )
    tree = ast.parse(source)
    last = len(source.rstrip().splitlines())
    targets, _ = collect_targets(tree, (UncoveredRange(last - 2, last - 2, "line"),))
    pools = Planner(targets[0], module_classes(tree), read_tests("", set()), []).pools
    values = _dicts(pools["record"])
    assert values[0] == {"parts": [1, 2, 3], "count": 1}
    assert {"count": 11} in values


def test_an_attribute_named_after_a_constructor_parameter_holds_it() -> None:
    cls = _class(
        """
        class Gen:
            def __init__(self, definition, name):
                self.label = name
                self._definition = None

            def run(self):
                return self._definition["enum"], self.label
        """
    )
    stored = stored_attrs(cls, {"label": "name"}, {"definition", "name"})
    assert stored == {"label": "name", "_definition": "definition"}
    # An attribute named after no parameter holds none.
    assert stored_attrs(cls, {}, {"definition"}) == {"_definition": "definition"}


def test_keys_read_through_a_stored_attribute_put_the_goal_method_first() -> None:
    cls = _class(
        """
        class Gen:
            def __init__(self, definition):
                self._root = definition

            def gen_type(self):
                return self._definition["type"].upper()

            def gen_items(self):
                for item in self._definition["items"]:
                    print(item)
        """
    )
    goal = next(m for m in cls.body if isinstance(m, ast.FunctionDef) and m.name == "gen_items")
    usages = {"definition": Usage()}
    usages["definition"].note("dict")
    stored_keys(cls, {"_root": "definition"}, usages, goal)
    keys = usages["definition"].key_usages
    assert list(keys) == ["items", "type"]
    values = _dicts(usage_values(usages["definition"]))
    assert values[0] == {"items": [1, 2, 3], "type": "hello world"}
    assert {"items": [1, 2, 3]} in values and {"type": "hello world"} in values


CONFIG = """\
class Config:
    def __init__(self, params):
        self.params = params

    def timeout(self):
        if "timeout" in self.params:
            seconds = self.params["timeout"]
            if seconds > 30:
                return "long"
            return "short"
        return "none"
"""


def test_a_constructor_mapping_with_the_keys_a_method_reads_reaches_it(tmp_path: Path) -> None:
    tests = (
        "from config import Config\n\n\n"
        "def test_none():\n    assert Config({}).timeout() == 'none'\n"
    )
    request = measured_request(tmp_path, "config", CONFIG, tests)
    wanted = {7, 8, 9, 10}
    assert wanted <= {
        n for r in request.uncovered_ranges for n in range(r.start_line, r.end_line + 1)
    }
    offered, verified = offered_and_verified(request, budget_seconds=3.0)
    assert verified and all(t.verified and t.passed for t in verified)
    assert wanted <= {n for t in verified for n in t.covered_lines}
    code = "\n".join(t.test_code for t in offered)
    assert "Config({'timeout': 31})" in code.replace('"', "'")
