"""Parameter types read from how an unannotated body uses each parameter, and how the planner
uses them: well-typed candidates first, contradicting ones dropped."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.aliases import type_aliases
from covopt_ls.engines.builtin.calls import literal_type, map_call, parse_call, render_call
from covopt_ls.engines.builtin.candidates import mine, module_constants
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, function_params, module_classes
from covopt_ls.engines.builtin.usage import CALLABLES, FIELDS, infer_usage, wants_fields


def _function(source: str) -> ast.FunctionDef:
    tree = ast.parse(textwrap.dedent(source))
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef))


def _kinds(source: str) -> dict[str, str | None]:
    func = _function(source)
    names = [p.name for p in function_params(func, skip_first=False)]
    return {name: usage.kind for name, usage in infer_usage(func, names).items()}


def _pools(source: str, tests: str = "") -> dict[str, list[str]]:
    """The planner's pools for the first function of `source` (its last line uncovered)."""
    source = textwrap.dedent(source)
    tree = ast.parse(source)
    classes = module_classes(tree)
    last = len(source.rstrip().splitlines())
    targets, _ = collect_targets(tree, (UncoveredRange(last, last, "line"),))
    knowledge = read_tests(textwrap.dedent(tests), set(classes))
    return Planner(targets[0], classes, knowledge, module_constants(tree)).pools


def test_a_called_parameter_is_a_callable() -> None:
    kinds = _kinds(
        """
        def valfilter(predicate, d):
            out = {}
            for k, v in d.items():
                if predicate(v):
                    out[k] = v
            return out
        """
    )
    assert kinds == {"predicate": "Callable", "d": "dict"}


def test_mapping_methods_and_string_keys_make_a_dict_built_from_those_keys() -> None:
    func = _function(
        """
        def describe(record, extra):
            return record["name"] + str(record.get("age")) + str(len(extra))
        """
    )
    usages = infer_usage(func, ["record", "extra"])
    assert usages["record"].kind == "dict"
    assert usages["record"].keys == ["name", "age"]
    assert usages["extra"].kind == "iterable"


def test_list_methods_make_a_list_and_string_methods_make_text() -> None:
    kinds = _kinds(
        """
        def collect(acc, line):
            for word in line.strip().split(","):
                acc.append(word)
            return acc
        """
    )
    assert kinds == {"acc": "list", "line": "str"}


def test_arithmetic_with_numbers_makes_a_number_and_percent_formatting_does_not() -> None:
    kinds = _kinds(
        """
        def scale(count, ratio, label):
            total = count * 2 + ratio * 0.5
            return "%s" % label, total
        """
    )
    assert kinds == {"count": "int", "ratio": "float", "label": None}


def test_a_nested_function_parameter_of_the_same_name_hides_the_outer_one() -> None:
    kinds = _kinds(
        """
        def outer(key, data):
            def inner(key):
                return key()
            return [k.upper() for k in data]
        """
    )
    assert kinds["key"] is None
    assert kinds["data"] == "iterable"


def test_text_handed_to_a_regex_or_a_formatter_is_text() -> None:
    kinds = _kinds(
        """
        def fields(fstr, name):
            parts = re.split("[.[]", name)
            return list(Formatter().parse(fstr)), parts
        """
    )
    assert kinds == {"fstr": "str", "name": "str"}


def test_format_strings_are_recognised_by_name_formatter_or_brace_checks() -> None:
    func = _function(
        """
        def render(fmt, text, other):
            if "{" in text:
                return fmt
            return other
        """
    )
    assert wants_fields(func, "fmt")
    assert wants_fields(func, "text")  # the body looks for a brace in it
    assert not wants_fields(func, "other")  # a brace looked for in another value
    plain = _function("def f(text):\n    return text.upper()\n")
    assert not wants_fields(plain, "text")
    # A brace the body prints says nothing of the parameters (`main(argv)` of a CLI).
    printing = _function("def main(argv):\n    print('}')\n    return run(argv)\n")
    assert not wants_fields(printing, "argv")


def test_callable_parameters_get_callables_and_no_plain_values() -> None:
    pools = _pools(
        """
        def valfilter(predicate, d):
            out = {}
            for k, v in d.items():
                if predicate(v):
                    out[k] = v
            return out
        """
    )
    assert pools["predicate"][: len(CALLABLES)] == list(CALLABLES)
    assert all(literal_type(v) in (None, "NoneType") for v in pools["predicate"])
    assert pools["d"][0] not in ("{}", "None")
    assert literal_type(pools["d"][0]) == "dict"
    assert all(literal_type(v) in (None, "NoneType", "dict") for v in pools["d"])


def test_a_dict_is_built_from_the_keys_the_body_reads() -> None:
    pools = _pools(
        """
        def greet(person):
            if person["age"] > 18:
                return "Hello " + person["name"]
            return "Hi"
        """
    )
    values = [ast.literal_eval(v) for v in pools["person"] if literal_type(v) == "dict"]
    # All the keys first, each value of the kind the body uses it as.
    assert values[0] == {"age": 1, "name": "hello world"}
    # Then the keys one at a time, the compared value and its neighbour among them.
    assert {"age": 18} in values and {"age": 19} in values
    assert {"name": "hello world"} in values


def test_format_string_parameters_get_replacement_fields() -> None:
    pools = _pools(
        """
        def get_format_args(fstr):
            found = []
            for lit, fname, fspec, conv in Formatter().parse(fstr):
                if fname is not None:
                    found.append(fname)
            return found
        """
    )
    assert set(FIELDS) <= set(pools["fstr"])
    assert all(literal_type(v) in ("str", "NoneType", None) for v in pools["fstr"])


def test_the_existing_tests_values_are_kept_whatever_the_inference() -> None:
    pools = _pools(
        """
        def apply(func, value):
            return func(value)
        """,
        "from m import apply\n\ndef test_it():\n    assert apply(len, 'ab') == 2\n",
    )
    assert pools["func"][0] == "len"


def test_annotated_parameters_are_left_to_their_annotation() -> None:
    pools = _pools(
        """
        def run(callback: int):
            return callback(1)
        """
    )
    assert pools["callback"][0] == "0"


def test_a_checked_prefix_is_followed_by_a_typical_body() -> None:
    func = _function(
        """
        def parse(val):
            if val.startswith("0x"):
                return int(val, 16)
            return int(val)
        """
    )
    pools, _ = mine(func, function_params(func, skip_first=False))
    assert "'0x1f'" in pools["val"].items


def test_higher_order_builtins_make_their_first_argument_a_callable() -> None:
    kinds = _kinds(
        """
        def keymap(func, d, keys, pick):
            rv = {}
            rv.update(zip(map(func, d.keys()), d.values()))
            best = max(keys, key=pick)
            return reduce(operator.getitem, keys, rv), best
        """
    )
    assert kinds == {"func": "Callable", "d": "dict", "keys": "iterable", "pick": "Callable"}


def test_max_of_two_values_is_not_iteration_and_update_takes_a_mapping() -> None:
    kinds = _kinds(
        """
        def bound(low, high, extra):
            out = {}
            out.update(extra)
            return max(low, high)
        """
    )
    assert kinds == {"low": None, "high": None, "extra": "dict"}


def test_varargs_are_filled_with_one_and_two_items_of_the_kind_the_loop_uses() -> None:
    pools = _pools(
        """
        def merge(*dicts):
            rv = {}
            for d in dicts:
                rv.update(d)
            return rv
        """
    )
    first, pair = pools["dicts"][:2]
    assert literal_type(first) == "dict" and first != "{}"
    assert literal_type(pair) == "tuple" and all(isinstance(v, dict) for v in eval(pair))
    assert f"[{pair}]" in pools["dicts"]


def test_varargs_render_after_the_positional_arguments_and_map_back() -> None:
    func = _function("def dissoc(d, *keys, factory=dict):\n    return d\n")
    params = function_params(func, skip_first=False)
    assert [p.name for p in params] == ["d", "keys", "factory"]
    call = render_call("dissoc", params, {"d": "{}", "keys": '"a", "b"', "factory": "dict"})
    assert call == 'dissoc({}, "a", "b", factory=dict)'
    parsed = parse_call(call)
    assert parsed is not None
    assert map_call(parsed, params) == {"d": "{}", "keys": "'a', 'b'", "factory": "dict"}
    assert render_call("dissoc", params, {"keys": '"a"'}) == "dissoc()"
    # A value rewritten as a tuple (number perturbation unparses `1, 2` as `(1, 2)`) still
    # spreads into separate arguments.
    assert render_call("dissoc", params, {"d": "{}", "keys": "(1, 2)"}) == "dissoc({}, 1, 2)"


def test_literal_aliases_from_a_sibling_module_constrain_the_parameter(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "_types.py").write_text('Color = Literal["red", "green"]\n', encoding="utf-8")
    source = textwrap.dedent(
        """
        from ._types import Color

        def paint(text, color: Color | None = None):
            if color is not None:
                return COLORS[color] + text
            return "FORCE_COLOR" if text == "FORCE_COLOR" else text
        """
    )
    (package / "paint.py").write_text(source, encoding="utf-8")
    tree = ast.parse(source)
    aliases = type_aliases(tree, package / "paint.py")
    assert set(aliases) == {"Color"}
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(6, 6, "line"),))
    planner = Planner(
        targets[0], classes, read_tests("", set(classes)), module_constants(tree), aliases=aliases
    )
    assert set(planner.pools["color"]) == {"'red'", "'green'", "None"}
    assert type_aliases(tree, None) == {}


def test_a_checked_or_converted_parameter_keeps_values_of_other_types() -> None:
    pools = _pools(
        """
        def is_uint(number, text):
            try:
                return number == int(number) and number >= 0 and text.strip()
            except ValueError:
                return isinstance(text, str)
        """
    )
    assert any(literal_type(v) == "str" for v in pools["number"])
    assert any(literal_type(v) == "int" for v in pools["text"])
