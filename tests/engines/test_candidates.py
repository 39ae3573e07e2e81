"""Candidate inputs mined from a callable's AST: one test per source of hints."""

from __future__ import annotations

import ast
import inspect
import textwrap

import pytest

from covopt_ls.engines.builtin.candidates import annotation_values, mine, module_constants
from covopt_ls.engines.builtin.targets import Param, function_params, module_classes


def _pools(source: str, extras: tuple[str, ...] = ()) -> dict[str, list[str]]:
    tree = ast.parse(textwrap.dedent(source))
    func = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    pools, _ = mine(func, function_params(func, skip_first=False), extras=extras)
    return {name: pool.items for name, pool in pools.items()}


def _annotation(text: str, module: str = "") -> list[str]:
    classes = module_classes(ast.parse(textwrap.dedent(module)))
    return annotation_values(ast.parse(text, mode="eval").body, classes)


def test_equality_with_a_constant_offers_the_constant() -> None:
    pools = _pools(
        """
        def calculate_discount(price, member_type):
            if member_type == "silver":
                return price * 0.85
            return price
        """
    )
    assert "'silver'" in pools["member_type"]


def test_ordering_comparison_offers_the_boundary_and_both_neighbours() -> None:
    pools = _pools(
        """
        def calculate_tax(income):
            if income > 50000:
                return income * 0.3
            return income * 0.1
        """
    )
    assert {"50000", "50001", "49999"} <= set(pools["income"])


def test_float_boundary_neighbours_stay_floats() -> None:
    pools = _pools("def f(x):\n    return x <= 2.5\n")
    assert {"2.5", "3.0", "2.0"} <= set(pools["x"])


def test_a_local_derived_from_a_parameter_routes_its_hints_to_the_parameter() -> None:
    pools = _pools(
        """
        def parse_terms(terms):
            cleaned = terms.strip().upper()
            if cleaned == "COD":
                return 0
            return 30
        """
    )
    assert "'COD'" in pools["terms"]


def test_isinstance_offers_values_of_the_checked_types() -> None:
    pools = _pools(
        """
        def describe(value):
            if isinstance(value, (int, str)):
                return "simple"
            return "other"
        """
    )
    assert "0" in pools["value"]
    assert '""' in pools["value"]


def test_len_comparison_offers_sized_strings_and_lists() -> None:
    pools = _pools(
        """
        def check(code):
            if len(code) == 3:
                return True
            return False
        """
    )
    assert {"'aaa'", "[1, 2, 3]", "'aa'", "'aaaa'"} <= set(pools["code"])


def test_membership_in_a_literal_collection_offers_members_and_an_outsider() -> None:
    pools = _pools(
        """
        def units_ok(units):
            if units not in ("metric", "imperial"):
                raise ValueError(units)
            return True
        """
    )
    assert {"'metric'", "'imperial'", "'unknown'"} <= set(pools["units"])


def test_membership_in_a_local_bound_to_a_literal_set() -> None:
    pools = _pools(
        """
        def is_small(word):
            small = {"a", "of", "the"}
            return word.lower() in small
        """
    )
    assert {"'a'", "'of'", "'the'"} <= set(pools["word"])


def test_startswith_prefix_is_combined_with_numbers_and_test_values() -> None:
    pools = _pools(
        """
        def parse(terms):
            if terms.startswith("NET"):
                days = int(terms[3:])
                if days > 120:
                    raise ValueError(terms)
                return days
            return 0
        """,
        extras=("'1.2.3'",),
    )
    assert "'NET'" in pools["terms"]
    assert "'NET1.2.3'" in pools["terms"]


def test_prefixes_from_a_loop_over_a_literal_tuple() -> None:
    pools = _pools(
        """
        def op_of(constraint):
            for op in (">=", "<="):
                if constraint.startswith(op):
                    return op
            return "=="
        """,
        extras=("'1.0.0'",),
    )
    assert {"'>=1.0.0'", "'<=1.0.0'"} <= set(pools["constraint"])


def test_separator_methods_offer_strings_containing_the_separator() -> None:
    pools = _pools(
        """
        def domain(address):
            if address.count("@") != 1:
                return None
            return address.split("@")[1]
        """
    )
    assert "'a@b'" in pools["address"]


def test_dict_keys_read_by_the_callable_become_dicts() -> None:
    pools = _pools(
        """
        def level(raw):
            return raw.get("level", "info")
        """
    )
    assert "{'level': 1}" in pools["raw"]


def test_attribute_of_an_argument_is_a_hint_for_its_constructor() -> None:
    pools = _pools(
        """
        def add(item):
            if item.unit_price < 0:
                raise ValueError("negative")
        """
    )
    assert "-1" in pools["item.unit_price"]


def test_self_attributes_map_to_constructor_parameters() -> None:
    tree = ast.parse(
        textwrap.dedent(
            """
            class Account:
                def __init__(self, owner, balance=0.0):
                    self.owner = owner
                    self.balance = balance

                def interest(self, rate):
                    if self.balance > 10000:
                        return rate * 2
                    return rate
            """
        )
    )
    info = module_classes(tree)["Account"]
    method = next(
        n for n in info.node.body if isinstance(n, ast.FunctionDef) and n.name == "interest"
    )
    pools, _ = mine(method, function_params(method, skip_first=True), info.attr_params)
    assert info.attr_params == {"owner": "owner", "balance": "balance"}
    assert "10001" in pools["self.balance"].items


def test_annotations_give_typical_values() -> None:
    assert "0" in _annotation("int")
    assert "2.5" in _annotation("float")
    assert '""' in _annotation("str")
    assert _annotation("bool") == ["True", "False"]
    assert _annotation("None") == ["None"]
    assert "[]" in _annotation("list[int]")
    assert "{}" in _annotation("dict[str, int]")
    assert "None" in _annotation("Optional[int]")
    assert "None" in _annotation("int | None")
    assert _annotation('Literal["a", 3]') == ["'a'", "3"]
    assert "date(2024, 1, 15)" in _annotation("date")
    assert "datetime.date(2024, 1, 15)" in _annotation("datetime.date")
    assert 'Decimal("1.5")' in _annotation("Decimal")
    assert "lambda x: x" in _annotation("Callable[[int], int]")
    assert "lambda *args: args" in _annotation("Callable[[int, str], int]")
    assert "lambda *args: None" in _annotation("Callable[..., int]")


def test_enum_annotation_offers_every_member() -> None:
    module = """
        from enum import Enum

        class Color(Enum):
            RED = "red"
            BLUE = "blue"
        """
    assert _annotation("Color", module) == ["Color.RED", "Color.BLUE"]


def test_dataclass_fields_are_the_constructor_parameters() -> None:
    tree = ast.parse(
        textwrap.dedent(
            """
            from dataclasses import dataclass, field

            @dataclass
            class Item:
                sku: str
                quantity: int = 0
                tags: list[str] = field(default_factory=list)
            """
        )
    )
    params = module_classes(tree)["Item"].init_params
    assert [p.name for p in params] == ["sku", "quantity", "tags"]
    assert [p.has_default for p in params] == [False, True, True]


def test_module_constants_include_enum_values_and_compared_constants() -> None:
    tree = ast.parse(
        textwrap.dedent(
            """
            from enum import Enum

            class Mode(Enum):
                FAST = "fast"

            def f(x):
                return x == "slow"
            """
        )
    )
    assert {"'fast'", "'slow'"} <= set(module_constants(tree))


def test_params_of_a_signature_keep_defaults_and_keyword_only() -> None:
    func = ast.parse("def f(a, b=2, *, c, d=None): pass").body[0]
    assert isinstance(func, ast.FunctionDef)
    params = function_params(func, skip_first=False)
    assert [(p.name, p.has_default, p.keyword_only) for p in params] == [
        ("a", False, False),
        ("b", True, False),
        ("c", False, True),
        ("d", True, True),
    ]
    assert isinstance(params[0], Param)


def test_module_lookup_tables_give_their_members_and_tuple_keys_their_parts() -> None:
    from covopt_ls.engines.builtin.candidates import module_tables

    tree = ast.parse(
        textwrap.dedent(
            """
            ALLOWED = frozenset(["csv", "json"])
            MOVES = {("new", "pay"): "paid", ("paid", "ship"): "shipped"}

            def step(state, event):
                if (state, event) not in MOVES:
                    raise KeyError(event)
                return MOVES[(state, event)]
            """
        )
    )
    tables = module_tables(tree)
    assert tables["ALLOWED"] == ["'csv'", "'json'"]
    assert tables["MOVES"] == ["'new'", "'pay'", "'paid'", "'ship'"]
    func = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    pools, _ = mine(func, function_params(func, skip_first=False), tables=tables)
    assert {"'pay'", "'ship'"} <= set(pools["state"].items)
    assert {"'pay'", "'ship'"} <= set(pools["event"].items)


@pytest.mark.parametrize(
    ("split", "expected", "other"),
    [
        ("split()", "'First gold last'", "'First,gold,last'"),
        ("split(',')", "'First,gold,last'", "'First gold last'"),
    ],
)
def test_a_word_the_code_looks_for_goes_between_parts_cut_where_the_code_cuts(
    split: str, expected: str, other: str
) -> None:
    pools = _pools(
        f"def tier(text):\n    parts = text.{split}\n    if 'gold' in parts:\n        return 1\n"
    )
    assert expected in pools["text"]
    assert other not in pools["text"]


def test_parts_cut_at_a_separator_the_code_computes_get_no_joined_words() -> None:
    pools = _pools(
        "def tier(text, sep):\n"
        "    parts = text.split(sep)\n"
        "    if 'gold' in parts:\n"
        "        return 1\n"
    )
    assert not any("First" in item for item in pools["text"])


def test_a_test_for_a_generator_offers_generators() -> None:
    pools = _pools(
        """
        def start(task, other, items):
            if not hasattr(task, "throw"):
                raise ValueError("not a generator")
            if inspect.isgenerator(other):
                return other.send(None)
            if hasattr(items, "__iter__"):
                return list(items)
        """
    )
    for name in ("task", "other"):
        values = [eval(v) for v in pools[name] if v.startswith("(")]
        assert any(inspect.isgenerator(v) for v in values), (name, pools[name])
    # Lists and strings have `__iter__` too: nothing says a generator is wanted.
    assert not any(v.startswith("(n for") for v in pools.get("items", []))


def test_generator_and_iterator_annotations_give_generators_and_iterators() -> None:
    (first, *_) = _annotation("Generator[int, None, None]")
    assert inspect.isgenerator(eval(first))
    assert [next(eval(v), None) for v in _annotation("Iterator[int]")] == [1, None]


def test_an_argument_of_next_gets_iterators_with_items_and_without() -> None:
    pools = _pools(
        """
        def header(lines, gen):
            first = next(lines, None)
            if first is None:
                return gen.send(None)
            return first
        """
    )
    iterators = [v for v in pools["lines"] if " for " in v]
    assert [next(eval(v), None) for v in iterators] == ["a", 1, None]
    assert any(inspect.isgenerator(eval(v)) for v in pools["gen"] if v.startswith("("))
