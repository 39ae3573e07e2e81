"""Planning candidate calls: targets around ranges, reuse and mutation of the existing tests."""

from __future__ import annotations

import ast
import textwrap

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.calls import perturb_numbers, render_call
from covopt_ls.engines.builtin.candidates import module_constants
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import Target, collect_targets, module_classes

SOURCE = textwrap.dedent(
    """
    class Cart:
        def __init__(self, owner: str, limit: int = 10) -> None:
            self.owner = owner
            self.limit = limit
            self.items = []

        def add(self, name: str, price: float) -> None:
            if price < 0:
                raise ValueError("negative")
            if len(self.items) >= self.limit:
                raise OverflowError("full")
            self.items.append((name, price))

        def __len__(self) -> int:
            return len(self.items)


    def calculate_discount(price, member_type):
        if member_type == "gold":
            return price * 0.7
        elif member_type == "silver":
            return price * 0.85
        return price
    """
)

TESTS = textwrap.dedent(
    """
    from shop import Cart, calculate_discount


    def test_gold():
        assert calculate_discount(100, "gold") == 70


    def test_cart():
        cart = Cart("ada")
        cart.add("book", 10.0)
        assert len(cart) == 1
    """
)


def _planner(line: int) -> tuple[Planner, Target]:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    targets, outside = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    assert not outside
    knowledge = read_tests(TESTS, set(classes))
    return Planner(targets[0], classes, knowledge, module_constants(tree)), targets[0]


def _line_of(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def test_the_enclosing_callable_and_its_goal_lines_are_found() -> None:
    _, target = _planner(_line_of("price * 0.85"))
    assert target.qualname == "calculate_discount"
    assert target.goal_lines == {_line_of("price * 0.85")}


def test_module_level_ranges_have_no_target() -> None:
    tree = ast.parse("X = 1\n\ndef f():\n    return X\n")
    targets, outside = collect_targets(tree, (UncoveredRange(1, 1, "line"),))
    assert targets == []
    assert outside == [UncoveredRange(1, 1, "line")]


def test_branch_ranges_ask_for_their_missing_arcs() -> None:
    line = _line_of('elif member_type == "silver"')
    tree = ast.parse(SOURCE)
    rng = UncoveredRange(line, line, "branch", ((line, line + 2),))
    targets, _ = collect_targets(tree, (rng,))
    assert targets[0].goal_arcs == {(line, line + 2)}
    assert targets[0].goal_lines == set()


def test_the_existing_call_is_replayed_first_then_mutated_one_argument_at_a_time() -> None:
    planner, _ = _planner(_line_of("price * 0.85"))
    calls = [c.call for c in planner.round(0)]
    assert calls[0] == "calculate_discount(100, 'gold')"
    assert "calculate_discount(100, 'silver')" in calls
    mutated_args = [c.args for c in planner.round(0)[1:]]
    assert all(
        sum(1 for p, v in args if v != {"price": "100", "member_type": "'gold'"}[p]) == 1
        for args in mutated_args
    )


def test_methods_reuse_how_the_tests_build_and_prepare_the_instance() -> None:
    planner, target = _planner(_line_of('raise ValueError("negative")'))
    assert target.kind == "method"
    first = planner.round(0)[0]
    assert first.setup == ("cart = Cart('ada')",)
    assert first.call == "cart.add('book', 10.0)"
    assert first.receiver == "cart"
    assert any(c.call == "cart.add('book', -1)" for c in planner.round(0))


def test_constructor_arguments_are_mutated_where_the_method_compares_attributes() -> None:
    planner, _ = _planner(_line_of('raise OverflowError("full")'))
    setups = {c.setup for c in planner.round(0)}
    assert ("cart = Cart('ada', limit=0)",) in setups


def test_later_rounds_prepare_the_instance_with_other_methods() -> None:
    planner, _ = _planner(_line_of('raise OverflowError("full")'))
    deeper = [c for n in (1, 2) for c in planner.round(n) if len(c.setup) > 2]
    assert any("cart.add(" in c.setup[-1] for c in deeper)


def test_special_methods_are_called_the_way_people_write_them() -> None:
    planner, target = _planner(_line_of("return len(self.items)"))
    assert target.name == "__len__"
    assert planner.round(0)[0].call == "len(cart)"


def test_render_call_passes_required_positionally_and_optional_by_keyword() -> None:
    tree = ast.parse(SOURCE)
    params = module_classes(tree)["Cart"].init_params
    assert render_call("Cart", params, {"owner": "'ada'", "limit": "3"}) == "Cart('ada', limit=3)"


def test_number_perturbation_changes_one_number_inside_an_expression() -> None:
    import random

    changed = perturb_numbers("date(2024, 3, 1)", random.Random(3))
    assert changed != "date(2024, 3, 1)"
    assert changed.startswith("date(")
    assert perturb_numbers("'text'", random.Random(3)) == "'text'"


def test_numbers_written_in_strings_are_nudged_with_their_width_kept() -> None:
    import random
    import re

    seen = {perturb_numbers("f('1981', DDD='366')", random.Random(n)) for n in range(40)}
    assert "f('1981', DDD='365')" in seen and "f('1981', DDD='367')" in seen
    assert "f('1982', DDD='366')" in seen
    for text in seen:
        # One run changed, the others and the widths as they were.
        year, day = re.fullmatch(r"f\('(\d+)', DDD='(\d+)'\)", text).groups()  # type: ignore[union-attr]
        assert len(year) >= 4 and len(day) >= 3
        assert (year == "1981") != (day == "366")
    # Zero-padded, never negative.
    assert {perturb_numbers("'0001'", random.Random(n)) for n in range(30)} <= {
        f"'{n:04d}'" for n in range(7)
    }
    assert perturb_numbers("'no digits'", random.Random(3)) == "'no digits'"


def test_unparsable_existing_tests_teach_nothing_and_do_not_fail() -> None:
    knowledge = read_tests("def broken(:\n", {"Cart"})
    assert knowledge.imports == []
    assert not knowledge.recipes


def test_only_methods_that_change_the_instance_prepare_it() -> None:
    from covopt_ls.engines.builtin.calls import mutates_self

    tree = ast.parse(
        textwrap.dedent(
            """
            class Box:
                def put(self, x):
                    self.items.append(x)

                def close(self):
                    self.closed = True

                def reopen(self):
                    self.close()

                def size(self):
                    return len(self.items)
            """
        )
    )
    methods = {f.name: f for f in tree.body[0].body if isinstance(f, ast.FunctionDef)}  # type: ignore[attr-defined]
    assert [name for name, f in methods.items() if mutates_self(f)] == ["put", "close", "reopen"]


def test_test_locals_holding_plain_data_are_inlined_into_replayed_calls() -> None:
    knowledge = read_tests(
        "def test_group():\n    rows = [{'k': 1}]\n    assert group_by(rows, 'k')\n", set()
    )
    (call,) = knowledge.calls["group_by"]
    assert ast.unparse(call) == "group_by([{'k': 1}], 'k')"


def test_an_instance_of_an_acronym_class_is_named_as_a_person_would() -> None:
    source = textwrap.dedent(
        """
        class ShortUUID:
            def __init__(self, alphabet: str = "abc") -> None:
                self.alphabet = alphabet

            def encode(self, number: int) -> str:
                if number < 0:
                    raise ValueError("negative")
                return self.alphabet[number % 3]
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "raise ValueError" in text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    planner = Planner(targets[0], classes, read_tests("", set(classes)), module_constants(tree))
    first = planner.round(0)[0]
    assert first.receiver == "short_uuid"
    assert first.setup[0].startswith("short_uuid = ShortUUID(")


def test_a_round_takes_each_callables_candidates_in_turn() -> None:
    """A batch that runs out of time must not have spent it all on the file's first callable."""
    from covopt_ls.engines.builtin.search import Search, _next_round

    (add, add_target), (discount, discount_target) = (
        _planner(_line_of("raise ValueError")),
        _planner(_line_of("return price * 0.85")),
    )
    searches = [Search(add_target, add), Search(discount_target, discount)]
    targets = [c.target for c in _next_round(searches, 0)]
    # Planners remember what they offered, so the lengths come from fresh ones.
    first = len(_planner(_line_of("raise ValueError"))[0].round(0))
    second = len(_planner(_line_of("return price * 0.85"))[0].round(0))
    assert len(targets) == first + second and first > 1 and second > 1
    shorter = min(first, second)
    assert targets[: 2 * shorter : 2] == ["Cart.add"] * shorter
    assert targets[1 : 2 * shorter : 2] == ["calculate_discount"] * shorter


def test_a_later_round_makes_no_more_candidates_than_its_share_of_the_batch() -> None:
    planner, _ = _planner(_line_of("price * 0.85"))
    first = planner.round(0, share=5)
    assert len(first) > 5  # the systematic round is whole
    later = planner.round(1, share=5)
    assert 0 < len(later) <= 5
    assert len(planner.round(2)) > 5
