"""Evident parameter types, values that contradict them, and the cover that prefers calls a
person would keep (well-typed, public) and offers wrong-typed ones only for type guards."""

from __future__ import annotations

import ast
import textwrap

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.candidates import module_constants
from covopt_ls.engines.builtin.evidence import (
    MILD,
    STRONG,
    annotation_kinds,
    evident_type,
    guard_lines,
    mismatch,
)
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.selection import cover
from covopt_ls.engines.builtin.targets import Param, Target, collect_targets, module_classes
from covopt_ls.engines.builtin.usage import infer_usage


def _function(source: str) -> ast.FunctionDef:
    node = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def _annotation(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


def test_annotations_name_kinds_unions_and_optional_none() -> None:
    evident = annotation_kinds(_annotation("Optional[int]"), ())
    assert evident is not None and evident.kinds == {"int"} and evident.none_ok
    union = annotation_kinds(_annotation("str | list[str]"), ())
    assert union is not None and union.kinds == {"str", "list"} and not union.none_ok
    own = annotation_kinds(_annotation("Node"), ("Node",))
    assert own is not None and own.classes == {"Node"}
    # A type the module does not define or know says nothing checkable.
    assert annotation_kinds(_annotation("PathLike"), ()) is None
    assert annotation_kinds(_annotation("Any"), ()) is None


def test_values_against_the_annotation_are_mild_or_strong_mismatches() -> None:
    node = _function("def f(year: int, name: str = 'a'):\n    return year\n")
    year = evident_type(Param("year", _annotation("int")), node, [], None)
    assert mismatch(year, "2024") == 0
    assert mismatch(year, "0.5") == MILD
    assert mismatch(year, '"2024"') == STRONG
    assert mismatch(year, "None") == STRONG
    # A constructor call or a name may be of the type: never judged.
    assert mismatch(year, "Year(2024)") == 0


def test_the_existing_tests_arguments_and_the_body_usage_are_evidence() -> None:
    node = _function(
        """
        def merge(graph, label, limit=3):
            for key, deps in graph.items():
                pass
            return label
        """
    )
    usage = infer_usage(node, ["graph", "label", "limit"])
    graph = evident_type(Param("graph"), node, [], usage["graph"])
    assert graph is not None and graph.kinds == {"dict"}
    assert mismatch(graph, '""') == STRONG
    assert mismatch(graph, "{1: {2}}") == 0
    # The tests pass text for `label`: a list there contradicts them.
    label = evident_type(Param("label"), node, ['"x"'], usage["label"])
    assert mismatch(label, "[1, 2, 3]") == STRONG
    limit = evident_type(Param("limit", default=_annotation("3")), node, [], usage["limit"])
    assert mismatch(limit, "2.5") == MILD


def test_none_is_meant_where_the_body_tells_it_apart_or_it_is_the_default() -> None:
    node = _function(
        """
        def pick(items: list, key: str = None, size: int = 2):
            if size is None:
                return items
            return items[:size]
        """
    )
    key = evident_type(Param("key", _annotation("str"), _annotation("None")), node, [], None)
    size = evident_type(Param("size", _annotation("int"), _annotation("2")), node, [], None)
    items = evident_type(Param("items", _annotation("list")), node, [], None)
    assert mismatch(key, "None") == 0
    assert mismatch(size, "None") == 0
    assert mismatch(items, "None") == STRONG


def test_a_checked_parameter_and_a_parameter_nothing_says_anything_about_take_anything() -> None:
    node = _function(
        """
        def convert(value, other):
            if isinstance(value, str):
                return int(value)
            return value + 1
        """
    )
    usage = infer_usage(node, ["value", "other"])
    assert evident_type(Param("value"), node, [], usage["value"]) is None
    assert evident_type(Param("other"), node, [], usage["other"]) is None


def test_star_args_are_judged_item_by_item_against_the_tests_items() -> None:
    node = _function("def encode(*values):\n    return values\n")
    evident = evident_type(Param("values", variadic=True), node, ["1, 2, 3"], None)
    assert mismatch(evident, "4, 5") == 0
    assert mismatch(evident, '"a"') == STRONG
    assert mismatch(evident, '1, "a"') == STRONG


def test_guard_lines_are_type_checks_type_errors_and_not_implemented() -> None:
    node = _function(
        """
        def add(self, other):
            if not isinstance(other, Money):
                return NotImplemented
            try:
                total = self.cents + other.cents
            except AttributeError:
                total = 0
            if total < 0:
                raise TypeError("negative")
            return total
        """
    )
    guards = guard_lines(node)
    assert {3, 4, 8, 10} <= guards
    assert 6 not in guards and 11 not in guards and 9 not in guards


def _observation(call: str, lines: set[int], **fields: object) -> Observation:
    candidate = Candidate("f", (), call, None, (), **fields)  # type: ignore[arg-type]
    return Observation(candidate, frozenset(lines), outcome={"kind": "return", "repr": "1"})


def test_cover_prefers_well_typed_public_calls_and_offers_wrong_types_only_for_guards() -> None:
    public = _observation("kind(2024)", {1})
    private = _observation("_check(2024)", {1, 2}, private=True)
    mild = _observation("kind(0.5)", {1, 2, 3}, mismatch=MILD)
    strong = _observation('kind("x")', {4, 5}, mismatch=STRONG, guarded=frozenset({5}))
    chosen, left = cover([strong, mild, private, public], {1, 2, 3, 4, 5}, set())
    assert [o.candidate.call for o in chosen] == [
        "kind(2024)",
        "_check(2024)",
        "kind(0.5)",
        'kind("x")',
    ]
    # Line 4 is reached only by a wrong-typed call, and it is no type guard: not offered.
    assert left == {4}


SOURCE = textwrap.dedent(
    """
    def leap(year):
        if year % 4:
            return False
        return True


    def describe(value):
        if not isinstance(value, int):
            raise TypeError("not a number")
        return str(value)
    """
)


def _planner(line: int, tests: str = "") -> Planner:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    target: Target = targets[0]
    return Planner(target, classes, read_tests(tests, set(classes)), module_constants(tree))


def test_the_planner_drops_contradicting_values_unless_a_goal_guards_against_them() -> None:
    planner = _planner(4, "from m import leap\n\ndef test_leap():\n    assert leap(2024)\n")
    values = [dict(c.args)["year"] for c in planner.round(0)]
    assert values and all(mismatch(planner.evident["year"], v) < STRONG for v in values)
    guarded = _planner(10, "from m import describe\n\ndef test_d():\n    describe(1)\n")
    wrong = [c for c in guarded.round(0) if c.mismatch == STRONG]
    assert wrong, "a type guard is a goal: wrong-typed values must still be tried"
    assert all(c.guarded is not None and 10 in c.guarded for c in wrong)


def test_docstrings_give_types_in_the_usual_styles() -> None:
    node = _function(
        '''
        def schedule(year, names, limit, owner, when):
            """Plan things.

            :type year: int
            :param list names: who
            limit (float, optional): at most this
            owner : Node or None
                who owns it
            when : a moment of the day
            """
        '''
    )
    year = evident_type(Param("year"), node, [], None)
    assert year is not None and year.kinds == {"int"}
    names = evident_type(Param("names"), node, [], None, ("Node",))
    assert mismatch(names, '"ab"') == STRONG and mismatch(names, '["a"]') == 0
    limit = evident_type(Param("limit"), node, [], None)
    assert limit is not None and limit.kinds == {"float"} and limit.none_ok
    owner = evident_type(Param("owner"), node, [], None, ("Node",))
    assert owner is not None and owner.classes == {"Node"} and owner.none_ok
    # Prose is no type: nothing is judged.
    assert evident_type(Param("when"), node, [], None) is None


def test_names_that_say_their_kind_are_the_last_evidence() -> None:
    node = _function("def f(year, list_, options_dict, label_str, other):\n    return year\n")
    kinds = {
        name: evident_type(Param(name), node, [], None)
        for name in ("year", "list_", "options_dict", "label_str", "other")
    }
    assert mismatch(kinds["year"], "0.5") == MILD
    assert mismatch(kinds["list_"], '""') == STRONG
    assert mismatch(kinds["options_dict"], "[1]") == STRONG
    assert mismatch(kinds["label_str"], "1") == STRONG
    assert kinds["other"] is None
    # Any stronger evidence wins: the tests pass text for `year` here.
    assert mismatch(evident_type(Param("year"), node, ['"2024"'], None), '"x"') == 0


def test_the_instance_is_built_with_constructor_arguments_of_the_evident_type() -> None:
    source = textwrap.dedent(
        """\
        class Marker:
            def __init__(self, items_list):
                self.items_list = items_list

            def __repr__(self):
                return "Marker(" + repr(self.items_list) + ")"
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(6, 6, "line"),))
    planner = Planner(targets[0], classes, read_tests("", set(classes)), [])
    built = [r.statements[-1] for r in planner.recipes]
    assert built and all("Marker('" not in s and 'Marker("' not in s for s in built)
    assert any(s.startswith("marker = Marker([") for s in built)


def test_a_constructor_that_tells_types_apart_keeps_its_other_argument_types() -> None:
    source = textwrap.dedent(
        """\
        class Box:
            def __init__(self, *args):
                self.data = {}
                for arg in args:
                    if isinstance(arg, dict):
                        self.data.update(arg)
                    else:
                        self.data.update(dict(zip(arg, arg)))

            def size(self):
                return len(self.data)
        """
    )
    tests = "from box import Box\n\ndef test_box():\n    box = Box([1, 2])\n    box.size()\n"
    tree = ast.parse(source)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(11, 11, "line"),))
    planner = Planner(targets[0], classes, read_tests(tests, set(classes)), [])
    built = {s for r in planner.recipes for s in r.statements if s.startswith("box = Box(")}
    # The tests pass a list, the body takes a mapping too: both kinds, and others, are built.
    assert "box = Box([1, 2])" in built
    assert any(s.startswith("box = Box({") for s in built)
    assert len(built) >= 4
