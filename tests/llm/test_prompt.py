"""The prompt: the reference's content, plus scopes, arcs, the import path and repair turns."""

from __future__ import annotations

import dataclasses
from typing import Any

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.llm.prompt import (
    SYSTEM_PROMPT,
    build_messages,
    module_import_name,
)
from covopt_ls.generation import GenerationRequest, RepairFeedback

SOURCE = """\
import math


class Shop:
    def price(self, amount, member_type):
        if member_type == "gold":
            return amount * 0.7
        elif member_type == "silver":
            return amount * 0.85
        return amount

    @staticmethod
    def root(x):
        if x < 0:
            raise ValueError("negative")
        return math.sqrt(x)
"""


def request(**changes: Any) -> GenerationRequest:
    base = GenerationRequest(
        source_code=SOURCE,
        existing_test_code="def test_gold():\n    assert Shop().price(100, 'gold') == 70",
        uncovered_ranges=(
            UncoveredRange(8, 9, "branch", missing_arcs=((8, 9), (8, 10))),
            UncoveredRange(16, 16, "line"),
        ),
    )
    return dataclasses.replace(base, **changes)


def test_the_reference_prompt_is_kept() -> None:
    messages = build_messages(request())
    assert messages[0] == {"role": "system", "content": SYSTEM_PROMPT}
    user = messages[1]["content"]
    assert messages[1]["role"] == "user"
    assert "**Source code to increase coverage**" in user
    assert "def test_gold():" in user
    assert "**Framework:** pytest" in user
    assert '"recommended_tests"' in user
    for field in ("test_code", "target_line", "scenario_description", "expected_coverage_impact"):
        assert f'"{field}"' in user


def test_ranges_name_their_enclosing_scope_and_missing_arcs() -> None:
    user = build_messages(request())[1]["content"]
    assert (
        "  1. Lines 8-9 (branch coverage), in function `Shop.price` (lines 5-10); "
        "branches never taken: line 8 → line 9; line 8 → line 10"
    ) in user
    assert "  2. Line 16 (line coverage), in function `Shop.root` (lines 12-16)" in user


def test_the_source_is_numbered_so_the_ranges_can_be_found() -> None:
    user = build_messages(request())[1]["content"]
    assert ' 8:         elif member_type == "silver":' in user
    assert "16:         return math.sqrt(x)" in user


def test_the_import_path_and_self_contained_tests_are_asked_for() -> None:
    user = build_messages(request(module_path="src/shop/pricing.py"))[1]["content"]
    assert "`from shop.pricing import ...`" in user
    assert "self-contained" in user
    without = build_messages(request())[1]["content"]
    assert "directly by name, without importing them" in without


def test_unittest_is_asked_for_when_chosen() -> None:
    user = build_messages(request(framework="unittest"))[1]["content"]
    assert "**Framework:** unittest" in user
    assert "unittest.TestCase" in user


def test_module_import_names() -> None:
    assert module_import_name("app/utils.py") == "app.utils"
    assert module_import_name("src/app/utils.py") == "app.utils"
    assert module_import_name("app.utils") == "app.utils"
    assert module_import_name("pkg/__init__.py") == "pkg"


def test_a_source_that_does_not_parse_still_gets_a_prompt() -> None:
    broken = request(source_code="def f(:\n    pass\n")
    user = build_messages(broken)[1]["content"]
    assert "Lines 8-9 (branch coverage); branches never taken" in user


def test_repair_turns_carry_the_failure_tail_and_the_missing_lines() -> None:
    failing = "def test_silver():\n    assert Shop().price(100, 'silver') == 80"
    traceback = "\n".join(f"line {n}" for n in range(100)) + "\nE   assert 85.0 == 80"
    feedback = [
        RepairFeedback(failing, "failed", traceback, still_missing_lines=(9, 16)),
        RepairFeedback("def test_nothing():\n    pass", "no_coverage", "", (9, 16)),
    ]
    messages = build_messages(request(), feedback)
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert "test_silver" in messages[2]["content"], "the earlier answer is replayed"
    follow_up = messages[3]["content"]
    assert "E   assert 85.0 == 80" in follow_up
    assert "line 99" in follow_up and "line 10\n" not in follow_up, "only the output's tail"
    assert "Lines still not executed: 9, 16." in follow_up
    assert "did not execute the uncovered code" in follow_up


def test_an_answer_without_tests_is_told_so() -> None:
    feedback = [RepairFeedback("", "not_collected", "no test code")]
    follow_up = build_messages(request(), feedback)[3]["content"]
    assert "contained no test code in the requested JSON format" in follow_up
