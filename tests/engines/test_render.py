"""Rendering observed calls as pytest tests: names, assertions, and self-contained imports."""

from __future__ import annotations

import ast
from typing import Any

import pytest

from covopt_ls.engines.builtin.naming import describe_value, name_for_test
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.render import (
    ImportContext,
    UnrenderableTest,
    render_test,
    top_level_names,
)
from covopt_ls.engines.builtin.runner import Observation

MODULE = """
import math
from datetime import date

class InsufficientFunds(Exception):
    pass

class Account:
    pass

class Level:
    pass

def calculate_discount(price, member_type): ...
def divide(a, b): ...
def due(day): ...
"""


def _ctx(test_imports: dict[str, str] | None = None) -> ImportContext:
    defined, imported = top_level_names(ast.parse(MODULE))
    return ImportContext("shop.pricing", defined, imported, test_imports or {})


def _obs(
    call: str,
    outcome: dict[str, Any],
    setup: tuple[str, ...] = (),
    receiver: str | None = None,
    args: tuple[tuple[str, str], ...] = (),
) -> Observation:
    candidate = Candidate("f", setup, call, receiver, args)
    return Observation(candidate, outcome=outcome)


def _returned(repr_text: str, **extra: Any) -> dict[str, Any]:
    info = {
        "kind": "return",
        "repr": repr_text,
        "faithful": True,
        "is_float": False,
        "type": "int",
        "type_module": "builtins",
        "enum": None,
        "attrs": {},
    }
    info.update(extra)
    return info


def test_float_results_are_compared_with_approx() -> None:
    code = render_test(
        _obs("calculate_discount(100, 'silver')", _returned("85.0", is_float=True, type="float")),
        "test_calculate_discount_silver_member_type",
        _ctx(),
    )
    assert 'assert calculate_discount(100, "silver") == pytest.approx(85.0)' in code
    assert code.startswith("import pytest\nfrom shop.pricing import calculate_discount\n")
    ast.parse(code)


def test_exceptions_become_pytest_raises_with_a_plain_message() -> None:
    outcome = {
        "kind": "raise",
        "type": "ValueError",
        "type_module": "builtins",
        "message": "cannot divide by zero",
    }
    code = render_test(
        _obs("divide(10, 0)", outcome), "test_divide_zero_b_raises_value_error", _ctx()
    )
    assert (
        'with pytest.raises(ValueError, match="cannot divide by zero"):\n        divide(10, 0)'
        in code
    )
    assert "import pytest" in code


def test_module_exceptions_are_imported_from_the_module_and_regex_messages_are_not_matched() -> (
    None
):
    outcome = {
        "kind": "raise",
        "type": "InsufficientFunds",
        "type_module": "shop.pricing",
        "message": "cannot withdraw 1000000.0 (balance: 5)",
    }
    code = render_test(
        _obs("acct.withdraw(1000000.0)", outcome, ("acct = Account('ada', 5.0)",), "acct"),
        "test_account_withdraw_raises_insufficient_funds",
        _ctx(),
    )
    assert "from shop.pricing import Account, InsufficientFunds" in code
    assert "with pytest.raises(InsufficientFunds):" in code
    assert '    acct = Account("ada", 5.0)\n' in code


def test_booleans_and_none_are_compared_by_identity() -> None:
    code = render_test(_obs("due(1)", _returned("True", type="bool")), "test_x", _ctx())
    assert "assert due(1) is True" in code


def test_enum_members_are_compared_by_identity() -> None:
    outcome = _returned(
        "<Level.DEBUG: 10>",
        faithful=False,
        enum="Level.DEBUG",
        type="Level",
        type_module="shop.pricing",
    )
    code = render_test(_obs("due(1)", outcome), "test_due", _ctx())
    assert "assert due(1) is Level.DEBUG" in code
    assert "from shop.pricing import Level, due" in code


def test_values_without_a_faithful_repr_get_a_type_and_attribute_check() -> None:
    outcome = _returned(
        "<Account object at 0x7f>",
        faithful=False,
        type="Account",
        type_module="shop.pricing",
        attrs={
            "owner": {"repr": "'ada'", "is_float": False},
            "balance": {"repr": "2.5", "is_float": True},
        },
    )
    code = render_test(_obs("due(1)", outcome), "test_due_returns_account", _ctx())
    assert "result = due(1)" in code
    assert "assert isinstance(result, Account)" in code
    assert 'assert result.owner == "ada"' in code
    assert "assert result.balance == pytest.approx(2.5)" in code


def test_foreign_types_are_checked_by_name() -> None:
    outcome = _returned("<Thing>", faithful=False, type="Thing", type_module="elsewhere")
    code = render_test(_obs("due(1)", outcome), "test_due", _ctx())
    assert 'assert type(result).__name__ == "Thing"' in code


def test_a_method_returning_none_asserts_the_state_it_changed() -> None:
    outcome = _returned(
        "None", type="NoneType", changes={"frozen": {"repr": "True", "is_float": False}}
    )
    code = render_test(
        _obs("acct.freeze()", outcome, ("acct = Account('ada')",), "acct"), "test_freeze", _ctx()
    )
    assert "    acct.freeze()\n    assert acct.frozen is True\n" in code


def test_names_used_from_the_tests_or_the_module_imports_are_imported() -> None:
    ctx = _ctx({"date": "from datetime import date"})
    code = render_test(_obs("due(date(2024, 3, 2))", _returned("3")), "test_due", ctx)
    assert code.splitlines()[:2] == ["from datetime import date", "from shop.pricing import due"]
    ctx = _ctx()
    code = render_test(_obs("due(math.pi)", _returned("3")), "test_due", ctx)
    assert "import math" in code.splitlines()


def test_describe_value_names_the_distinguishing_input() -> None:
    assert describe_value("member_type", "'silver'") == "silver_member_type"
    assert describe_value("b", "0") == "zero_b"
    assert describe_value("amount", "-1") == "negative_amount"
    assert describe_value("express", "True") == "express"
    assert describe_value("express", "False") == "not_express"
    assert describe_value("owner", "None") == "no_owner"
    assert describe_value("values", "[]") == "empty_values"
    assert describe_value("values", "[1, 2]") == "values_two_items"
    assert describe_value("raw", "{'color': 1}") == "raw_with_color"
    assert describe_value("text", "''") == "empty_text"
    assert describe_value("constraint", "'>=1.2.3'") == "at_least_1_2_constraint"
    assert describe_value("level", "Level.DEBUG") == "debug_level"
    assert describe_value("day", "date(2024, 2, 29)") == "day_2024_2_29"
    assert describe_value("item", "make()") == "item"


def test_test_names_come_from_the_differing_argument_and_the_outcome() -> None:
    candidate = Candidate("divide", (), "divide(10, 0)", None, (("a", "10"), ("b", "0")))
    raised = {"kind": "raise", "type": "ValueError"}
    name = name_for_test(candidate, "divide", {"a": "10", "b": "2"}, 0, raised, set())
    assert name == "test_divide_zero_b_raises_value_error"
    again = name_for_test(candidate, "divide", {"a": "10", "b": "2"}, 0, raised, {name})
    assert again == "test_divide_zero_b_a_10_raises_value_error"
    third = name_for_test(candidate, "divide", {"a": "10", "b": "2"}, 0, raised, {name, again})
    assert third == "test_divide_zero_b_raises_value_error_2"


def test_method_test_names_mention_the_class_and_the_preparing_call() -> None:
    candidate = Candidate(
        "Account.deposit",
        ("acct = Account('ada')", "acct.freeze()"),
        "acct.deposit(5)",
        "acct",
        (("amount", "5"),),
    )
    raised = {"kind": "raise", "type": "AccountFrozen"}
    name = name_for_test(candidate, "Account.deposit", {"amount": "5"}, 1, raised, set())
    assert name == "test_account_deposit_after_freeze_raises_account_frozen"


def test_without_a_differing_argument_the_result_names_the_test() -> None:
    candidate = Candidate("f", (), "f()", None, ())
    assert name_for_test(candidate, "f", {}, 0, _returned("0"), set()) == "test_f_returns_zero"
    assert name_for_test(candidate, "f", {}, 0, _returned("'gold member'"), set()) == (
        "test_f_returns_gold_member"
    )


def test_string_literals_are_written_with_double_quotes_where_that_keeps_them_equal() -> None:
    from covopt_ls.engines.builtin.render import prefer_double_quotes

    code = "f('gold', {'a': 1})\ng('say \"hi\"', 'it\\'s')\n"
    assert prefer_double_quotes(code) == 'f("gold", {"a": 1})\ng(\'say "hi"\', \'it\\\'s\')\n'


def test_values_of_an_importable_type_import_its_module_or_reuse_the_tests_import() -> None:
    outcome = _returned(
        "datetime.date(2024, 3, 8)",
        type="date",
        type_module="datetime",
        imports=["import datetime"],
    )
    bare = ImportContext("shop.pricing", {"due"})
    code = render_test(_obs("due(1)", outcome), "test_due", bare)
    assert "import datetime" in code.splitlines()
    assert "assert due(1) == datetime.date(2024, 3, 8)" in code
    code = render_test(
        _obs("due(1)", outcome), "test_due", _ctx({"date": "from datetime import date"})
    )
    assert "from datetime import date" in code.splitlines()
    assert "import datetime" not in code.splitlines()
    assert "assert due(1) == date(2024, 3, 8)" in code


def test_comparisons_are_parenthesised_before_an_identity_assertion() -> None:
    code = render_test(_obs("box == None", _returned("False", type="bool")), "test_eq", _ctx())
    assert "assert (box == None) is False" in code


def test_a_preparing_call_with_text_names_the_text() -> None:
    candidate = Candidate(
        "Order.refund",
        ("order = Order(1)", 'order.apply("deliver")'),
        "order.refund()",
        "order",
        (),
    )
    name = name_for_test(candidate, "Order.refund", {}, 1, _returned("22.5"), set())
    assert name == "test_order_refund_after_apply_deliver"


def test_unittest_requests_get_test_case_classes_with_unittest_assertions() -> None:
    outcome = {
        "kind": "raise",
        "type": "ValueError",
        "type_module": "builtins",
        "message": "cannot divide by zero",
    }
    code = render_test(_obs("divide(10, 0)", outcome), "test_divide_zero_b", _ctx(), "unittest")
    assert code.startswith("import unittest\nfrom shop.pricing import divide\n")
    assert "class TestDivideZeroB(unittest.TestCase):" in code
    assert "    def test_divide_zero_b(self):" in code
    assert 'with self.assertRaisesRegex(ValueError, "cannot divide by zero"):' in code
    floats = render_test(
        _obs("divide(3, 2)", _returned("1.5", is_float=True, type="float")),
        "test_d",
        _ctx(),
        "unittest",
    )
    assert "self.assertAlmostEqual(divide(3, 2), 1.5)" in floats
    assert "pytest" not in floats
    flags = render_test(
        _obs("due(1)", _returned("True", type="bool")), "test_due", _ctx(), "unittest"
    )
    assert "self.assertIs(due(1), True)" in flags


def test_a_name_the_tests_already_import_is_imported_once() -> None:
    outcome = {
        "kind": "raise",
        "type": "FormatError",
        "type_module": "shop.errors",
        "message": "bad format",
    }
    ctx = _ctx({"FormatError": "from shop import FormatError"})
    code = render_test(
        _obs("divide(10, 0)", outcome), "test_divide_zero_b_raises_format_error", ctx
    )
    imports = [line for line in code.splitlines() if "import" in line and "FormatError" in line]
    assert imports == ["from shop import FormatError"]
    assert "with pytest.raises(FormatError" in code


def test_a_helper_class_from_the_test_file_is_written_inside_the_test() -> None:
    # A recipe copied from the tests starts with the test file's helper class (existing.py).
    helper = "class FakeFile:\n\n    def write(self, text):\n        return len(text)"
    setup = (helper, "acct = Account(FakeFile())")
    code = render_test(
        _obs("acct.freeze()", _returned("1"), setup, "acct"), "test_freeze_fake", _ctx()
    )
    tree = ast.parse(code)  # the class keeps its indentation inside the test
    test = tree.body[-1]
    assert isinstance(test, ast.FunctionDef) and isinstance(test.body[0], ast.ClassDef)
    # Its name is the test's own: nothing imports it.
    assert "FakeFile" not in code.split("def test_", 1)[0]
    assert "from shop.pricing import Account" in code


def test_a_preparation_that_does_not_lay_out_as_a_test_is_refused_by_name() -> None:
    # An incomplete compound statement (a class header without its body) cannot be indented
    # into a test: the engine is told which test, and makes the others.
    observation = _obs("acct.freeze()", _returned("1"), ("class Broken:", "acct = Account()"))
    with pytest.raises(UnrenderableTest, match="test_freeze_broken"):
        render_test(observation, "test_freeze_broken", _ctx())


_TOOL = ImportContext("tool", {"main"})


def _staged(call: str, outcome: dict[str, Any], setup: tuple[str, ...]) -> Observation:
    fixtures = ("tmp_path", "monkeypatch", "capsys")
    return Observation(Candidate("main", setup, call, None, (), fixtures=fixtures), outcome=outcome)


def test_a_command_line_test_asks_for_the_fixtures_it_uses_and_checks_the_output() -> None:
    setup = (
        'monkeypatch.setattr(sys, "argv", ["prog", "-n", "2"])',
        'monkeypatch.setattr(sys, "stdin", io.StringIO("a b\\n"))',
    )
    outcome = _returned("None", out="A B\nA B\n")
    code = render_test(_staged("main()", outcome, setup), "test_main", _TOOL)
    assert code == (
        "import io\nimport sys\nfrom tool import main\n\n\n"
        "def test_main(monkeypatch, capsys):\n"
        '    monkeypatch.setattr(sys, "argv", ["prog", "-n", "2"])\n'
        '    monkeypatch.setattr(sys, "stdin", io.StringIO("a b\\n"))\n'
        "    assert main() is None\n"
        '    assert capsys.readouterr().out == "A B\\nA B\\n"\n'
    )


def test_an_exit_asserts_its_code_and_a_usage_text_only_its_heading() -> None:
    outcome = {
        "kind": "raise",
        "type": "SystemExit",
        "type_module": "builtins",
        "message": "0",
        "code": 0,
        "out": "usage: prog [-h]\n\noptions:\n  -h, --help  show this help message and exit\n",
    }
    setup = ('monkeypatch.setattr(sys, "argv", ["prog", "--help"])',)
    code = render_test(_staged("main()", outcome, setup), "test_main_help", _TOOL)
    assert "def test_main_help(monkeypatch, capsys):\n" in code
    assert (
        "    with pytest.raises(SystemExit) as excinfo:\n"
        "        main()\n"
        "    assert excinfo.value.code == 0\n"
        '    assert "usage:" in capsys.readouterr().out\n'
    ) in code


def test_files_the_call_wrote_under_tmp_path_are_read_back() -> None:
    setup = ('monkeypatch.setattr(sys, "argv", ["prog", "-o", str(tmp_path / "out.txt")])',)
    outcome = _returned("0", files={"out.txt": "done\n"}, out="")
    code = render_test(_staged("main()", outcome, setup), "test_main_out", _TOOL)
    assert "def test_main_out(tmp_path, monkeypatch):\n" in code
    assert '    assert (tmp_path / "out.txt").read_text() == "done\\n"\n' in code
