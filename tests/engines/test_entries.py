"""Public entry points for private helpers, and special methods called through their operators:
planned on inline sources, then end to end on a generated project measured by coverage.py."""

from __future__ import annotations

import ast
import textwrap

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.calls import dunder_call
from covopt_ls.engines.builtin.entries import entries_for, handed_on
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.generation import GenerationRequest, RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    '''\
    """Calendar odds and ends, with vectors."""

    import warnings


    def _check(year):
        if year % 4:
            return "common"
        return "leap"


    def kind(year):
        return _check(year)


    def _deprecated(func, name):
        def with_warning(*args, **kwargs):
            warnings.warn(name + " is deprecated", DeprecationWarning)
            return func(*args, **kwargs)

        return with_warning


    def flatten(groups):
        result = []
        for members in _ordered(groups):
            result.extend(sorted(members))
        return result


    def _ordered(groups):
        for key, members in groups.items():
            yield set(members)


    def span(text):
        """The width of a `low-high` range.

        >>> span("3-7")
        4
        """
        low, _, high = text.partition("-")
        if not high:
            raise ValueError("no range: " + text)
        return int(high) - int(low)


    class Vector:
        def __init__(self, x, y):
            self.x = x
            self.y = y
            self.scale_by = _deprecated(self.scale, "scale_by")

        def scale(self, k):
            return Vector(self.x * k, self.y * k)

        def __add__(self, other):
            if not isinstance(other, Vector):
                return NotImplemented
            return Vector(self.x + other.x, self.y + other.y)

        def __radd__(self, other):
            if other == 0:
                return self
            return NotImplemented

        def __contains__(self, value):
            return value in (self.x, self.y)

        def __eq__(self, other):
            return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

        __hash__ = None
    '''
)
TESTS = textwrap.dedent(
    """\
    from calendar_odds import Vector, flatten, kind


    def test_kind():
        assert kind(2024) == "leap"


    def test_vector():
        vector = Vector(1, 2)
        assert vector.scale(2).x == 2


    def test_flatten_empty():
        assert flatten({}) == []
    """
)


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def _entries(text: str) -> list[str]:
    tree = ast.parse(SOURCE)
    line = _line(text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    return [e.qualname for e in entries_for(targets[0], tree, module_classes(tree))]


def test_a_private_helper_is_reached_through_its_public_callers() -> None:
    assert _entries('return "common"') == ["kind"]
    assert _entries("yield set(members)") == ["flatten"]


def test_a_decorator_wrapper_is_reached_through_the_names_it_is_applied_to() -> None:
    # `self.scale_by = _deprecated(self.scale, ...)`: the public name is a method of Vector.
    assert _entries("warnings.warn(") == ["Vector.scale_by"]


def test_a_public_callable_with_its_goals_in_its_own_body_needs_no_entry() -> None:
    assert _entries("result.extend(") == []


def test_special_methods_are_called_through_their_operators() -> None:
    assert dunder_call("__add__", "v", ["w"]) == "v + w"
    assert dunder_call("__radd__", "v", ["0"]) == "0 + v"
    assert dunder_call("__ror__", "d", ["None"]) == "None | d"
    assert dunder_call("__truediv__", "p", ['"a"']) == 'p / "a"'
    assert dunder_call("__contains__", "v", ["1"]) == "1 in v"
    assert dunder_call("__hash__", "v", []) == "hash(v)"
    # Operands that would bind otherwise are parenthesised: `-1 ** v` is `-(1 ** v)`.
    assert dunder_call("__rpow__", "v", ["-1"]) == "(-1) ** v"
    assert dunder_call("__eq__", "v", ["a if b else c"]) == "v == (a if b else c)"
    # No form for that many arguments: the method is called by its name.
    assert dunder_call("__len__", "v", ["1"]) is None
    assert dunder_call("__setitem__", "v", ["1", "2"]) is None


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]]:
    request = measured_request(tmp_path_factory.mktemp("entries"), "calendar_odds", SOURCE, TESTS)
    offered, verified = offered_and_verified(request, budget_seconds=3.0)
    return request, offered, verified


def _covered(tests: list[RecommendedTest]) -> set[int]:
    return {line for test in tests if test.verified for line in test.covered_lines}


def test_the_engine_goes_through_the_public_api_and_every_test_passes(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, offered, verified = results
    assert offered and all(t.verified for t in verified)
    code = "\n".join(t.test_code for t in offered)
    covered = _covered(verified)
    # The private helpers' lines are closed through `kind`, `flatten` and `scale_by`.
    assert {_line('return "common"'), _line("result.extend("), _line("warnings.warn(")} <= covered
    assert "_check(" not in code and "_ordered(" not in code and "_deprecated(" not in code
    assert ".scale_by(" in code
    # `flatten` takes a mapping of groups: no text, no list where the mapping goes.
    for test in offered:
        for call in [n for n in ast.walk(ast.parse(test.test_code)) if isinstance(n, ast.Call)]:
            if ast.unparse(call.func) in ("flatten", "kind") and call.args:
                assert isinstance(call.args[0], ast.Dict | ast.Constant)
                if isinstance(call.args[0], ast.Constant):
                    assert isinstance(call.args[0].value, int)


def test_special_methods_are_tested_through_operators(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, offered, verified = results
    code = "\n".join(t.test_code for t in offered)
    covered = _covered(verified)
    radd = next(n for n, line in enumerate(SOURCE.splitlines(), 1) if line.strip() == "return self")
    assert {radd, _line("return value in (self.x")} <= covered
    assert " in vector" in code
    assert "0 + vector" in code
    assert ".__contains__(" not in code and ".__radd__(0)" not in code


def test_an_instance_of_the_modules_own_class_gets_past_the_type_guard(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, offered, verified = results
    covered = _covered(verified)
    # `isinstance(other, Vector)`: a Vector built the way the tests build one reaches the sum.
    assert _line("return Vector(self.x + other.x") in covered
    assert any("vector + Vector(" in t.test_code for t in offered)
    assert _line("return NotImplemented") in covered


def test_a_documented_example_is_replayed_as_a_call(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, offered, verified = results
    assert _line("return int(high) - int(low)") in _covered(verified)
    assert any('span("3-7") == 4' in t.test_code for t in offered)


def test_one_call_chosen_for_two_callables_is_offered_once(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, offered, _ = results
    bodies = [t.test_code.split("():", 1)[1] for t in offered]
    assert len(bodies) == len(set(bodies))


def test_item_assignment_is_written_as_a_statement_and_read_back() -> None:
    source = textwrap.dedent(
        """\
        class Box:
            def __init__(self):
                self.items = {}

            def __setitem__(self, key: str, value: int) -> None:
                if value < 0:
                    raise ValueError(key)
                self.items[key] = value

            def __getitem__(self, key: str) -> int:
                return self.items[key]
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(7, 7, "line"),))
    planner = Planner(targets[0], classes, read_tests("", set(classes)), [])
    candidates = planner.round(0)
    operator = [c for c in candidates if not c.private]
    assert operator and all(
        c.setup[-1].startswith("box[") and " = " in c.setup[-1] for c in operator
    )
    assert all(c.call.startswith("box[") for c in operator)
    # The direct call stays as the fallback where the statement itself raises.
    direct = [c for c in candidates if c.private]
    assert direct and all(c.call.startswith("box.__setitem__(") for c in direct)
    assert all(c.setup == ("box = Box()",) for c in direct)


def test_objects_and_lists_of_the_modules_classes_are_built_where_their_attributes_are_read() -> (
    None
):
    source = textwrap.dedent(
        """\
        class Item:
            def __init__(self, name, price):
                self.name = name
                self.price = price


        def total(items):
            result = 0
            for item in items:
                result += item.price
            return result


        def label(thing):
            return thing.name + str(thing.price)


        def shout(text):
            return text.upper()
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)

    def pool(line: int, param: str) -> list[str]:
        targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
        return Planner(targets[0], classes, read_tests("", set(classes)), []).pools[param]

    assert any(v.startswith("[Item(") for v in pool(10, "items")[:3])
    assert any(v.startswith("Item(") for v in pool(14, "thing")[:3])
    # `.upper()` is a text method, and no class of the module has it: no object is built.
    assert not any("Item(" in v for v in pool(18, "text"))


def test_an_entry_tries_the_values_mined_in_the_helper_it_hands_its_arguments_to() -> None:
    source = textwrap.dedent(
        """\
        def _tier(score):
            if score > 90:
                return "gold"
            return "plain"


        def badge(name, score):
            return name + ": " + _tier(score)
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(3, 3, "line"),))
    (entry,) = entries_for(targets[0], tree, classes)
    assert handed_on(entry, targets[0]) == {"score": "score"}
    knowledge = read_tests("", set(classes))
    own = Planner(targets[0], classes, knowledge, [])
    through = Planner(entry, classes, knowledge, [], goal_of=targets[0])
    assert "91" not in through.pools["score"]
    through.adopt("score", own.pools["score"])
    assert "91" in through.pools["score"][:4]
    calls = [c.call for c in through.round(0)]
    assert any(call.startswith("badge(") and "91" in call for call in calls)
    assert all(c.target == "_tier" and c.via == "badge" for c in through.round(0))


def test_a_parameter_handed_to_a_method_is_used_as_that_method_uses_it() -> None:
    source = textwrap.dedent(
        """\
        class Path:
            def __init__(self, parts):
                self.parts = parts

            def contains(self, other):
                return self.parts[: len(other.parts)] == other.parts

            def __contains__(self, item):
                return self.contains(item)
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(9, 9, "line"),))
    planner = Planner(targets[0], classes, read_tests("", set(classes)), [])
    assert any(v.startswith("Path(") for v in planner.pools["item"][:3])
    assert any(c.call.startswith("Path(") and c.call.endswith(" in path") for c in planner.round(0))
