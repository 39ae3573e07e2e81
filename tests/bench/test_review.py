"""The reader's review of generated tests (bench/review.py): each smell on a small example, and
the clean test it must leave alone."""

from __future__ import annotations

import textwrap

import pytest

from bench.review import SMELLS, review

MODULE = textwrap.dedent(
    """
    def discount(price: float, member: str | None = None) -> float:
        return price

    def _helper(x):
        return x

    class Basket:
        def add(self, count: int) -> None:
            pass
    """
)

KEEPABLE = textwrap.dedent(
    """
    import pytest
    from shop import discount

    def test_discount_silver_member():
        assert discount(100.0, member="silver") == pytest.approx(85.0)

    def test_discount_negative_price_raises_value_error():
        with pytest.raises(ValueError):
            discount(-1.0)
    """
)


def _smells(code: str) -> set[str]:
    return set(review([textwrap.dedent(code)], MODULE).smells)


def test_a_clean_test_is_keepable() -> None:
    result = review([KEEPABLE], MODULE)
    assert (result.reviewed, result.keepable, dict(result.smells)) == (1, 1, {})


@pytest.mark.parametrize(
    ("smell", "code"),
    [
        (
            "numbered_variables",
            """
            def test_case_discount():
                float_0 = 3.5
                var_0 = discount(float_0)
                assert var_0 == 3.5
            """,
        ),
        (
            "dunder_call",
            """
            def test_basket_equal():
                assert Basket().__eq__(Basket()) is NotImplemented
            """,
        ),
        (
            "private_call",
            """
            def test_helper_returns_input():
                assert shop._helper(3) == 3
            """,
        ),
        (
            "no_behaviour_assertion",
            """
            def test_discount_runs():
                discount(1.0)
            """,
        ),
        (
            "no_behaviour_assertion",
            """
            def test_discount_type():
                result = discount(1.0)
                assert isinstance(result, float)
                assert result is not None
            """,
        ),
        (
            "no_behaviour_assertion",
            """
            def test_discount_pynguin_style_type_check():
                result = discount(1.0)
                assert f"{type(result).__module__}.{type(result).__qualname__}" == "builtins.float"
            """,
        ),
        (
            "pinned_process_value",
            """
            def test_basket_hash():
                assert hash(Basket()) == 8795683475019
            """,
        ),
        (
            "pinned_process_value",
            """
            def test_basket_repr():
                assert repr(Basket()) == "<shop.Basket object at 0x7f3a2b1c9d90>"
            """,
        ),
        (
            "long_chain",
            """
            def test_basket_many_things():
                basket = Basket()
                basket.add(1)
                basket.add(2)
                basket.add(3)
                basket.add(4)
                basket.add(5)
                basket.add(6)
                assert basket.total == 21
            """,
        ),
        (
            "unreadable_name",
            """
            def test_case_3():
                assert discount(1.0) == 1.0
            """,
        ),
        (
            "contradicts_annotation",
            """
            def test_discount_text_price():
                assert discount("") == ""
            """,
        ),
        (
            "contradicts_annotation",
            """
            def test_basket_add_keyword():
                basket = Basket()
                basket.add(count=[1, 2])
                assert basket.items == [1, 2]
            """,
        ),
    ],
)
def test_each_smell_is_found(smell: str, code: str) -> None:
    assert smell in SMELLS
    assert smell in _smells(code)


def test_annotations_that_admit_the_literal_are_not_flagged() -> None:
    code = """
    def test_discount_integer_price_and_no_member():
        assert discount(100, member=None) == 100
    """
    assert "contradicts_annotation" not in _smells(code)


def test_unittest_style_is_reviewed_like_pytest() -> None:
    code = """
    import unittest

    class TestDiscount(unittest.TestCase):
        def test_plain_price(self):
            self.assertEqual(discount(2.0), 2.0)

        def test_price_type(self):
            self.assertIsInstance(discount(2.0), float)
    """
    result = review([textwrap.dedent(code)], MODULE)
    assert result.keepable == 0
    assert [f.test for f in result.findings] == ["test_price_type"]


def test_unparseable_or_empty_candidates_are_not_keepable() -> None:
    result = review(["def test_broken(:\n", "import os\n"], MODULE)
    assert (result.reviewed, result.keepable) == (2, 0)


def test_assert_true_is_as_strong_as_what_it_checks() -> None:
    code = """
    import unittest

    class TestDiscount(unittest.TestCase):
        def test_plain_price(self):
            self.assertTrue(discount(2.0) == 2.0)

        def test_price_type(self):
            self.assertTrue(isinstance(discount(2.0), float))

        def test_bare_assert_true(self):
            self.assertTrue()
    """
    result = review([textwrap.dedent(code)], MODULE)
    flagged = {f.test for f in result.findings if f.smell == "no_behaviour_assertion"}
    assert flagged == {"test_price_type", "test_bare_assert_true"}
