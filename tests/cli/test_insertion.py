"""Insertion planning: imports merged into the test file's import block, bodies appended."""

from __future__ import annotations

import ast
import textwrap

import pytest

from covopt_ls.insertion import InsertionError, TextEdit, apply_edits, plan_insertion

EXISTING = textwrap.dedent(
    '''\
    """Tests of the shop's prices."""
    import pytest

    from shop.pricing import calculate_discount, divide


    def test_silver():
        assert calculate_discount(100, "silver") == 85
    '''
)

RAISES = textwrap.dedent(
    """\
    import pytest
    from shop.pricing import divide
    import math

    def test_divide_by_zero():
        with pytest.raises(ValueError):
            divide(math.pi, 0)
    """
)

SILVER_AGAIN = textwrap.dedent(
    """\
    from __future__ import annotations
    from shop.pricing import calculate_discount, calculate_tax as tax

    def test_silver():
        assert calculate_discount(100, "silver") == tax(0) + 85
    """
)


def _import_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("import ", "from "))]


def test_imports_are_merged_without_duplicates() -> None:
    plan = plan_insertion(EXISTING, [RAISES, SILVER_AGAIN])
    result = plan.apply(EXISTING)
    ast.parse(result)
    assert _import_lines(result) == [
        "from __future__ import annotations",
        "import pytest",
        "from shop.pricing import calculate_discount, divide, calculate_tax as tax",
        "import math",
    ]
    assert result.startswith(
        '"""Tests of the shop\'s prices."""\nfrom __future__ import annotations'
    )


def test_bodies_are_appended_and_clashing_names_renamed() -> None:
    plan = plan_insertion(EXISTING, [RAISES, SILVER_AGAIN])
    result = plan.apply(EXISTING)
    assert plan.test_names == ("test_divide_by_zero", "test_silver_2")
    assert plan.renamed == {"test_silver": "test_silver_2"}
    assert result.count("def test_silver(") == 1 and "def test_silver_2(" in result
    assert result.splitlines()[plan.insert_line] == "def test_divide_by_zero():"
    assert "\n\n\ndef test_divide_by_zero():" in result
    assert result.endswith('    assert calculate_discount(100, "silver") == tax(0) + 85\n')


def test_into_a_new_file() -> None:
    plan = plan_insertion("", [RAISES])
    result = plan.apply("")
    assert result == (
        "import pytest\nimport math\nfrom shop.pricing import divide\n\n\n"
        "def test_divide_by_zero():\n    with pytest.raises(ValueError):\n"
        "        divide(math.pi, 0)\n"
    )
    assert result.splitlines()[plan.insert_line] == "def test_divide_by_zero():"


def test_file_without_trailing_newline_or_imports() -> None:
    text = "def test_one():\n    assert True"
    result = plan_insertion(text, [RAISES]).apply(text)
    ast.parse(result)
    assert result.startswith("import pytest\nimport math\nfrom shop.pricing import divide\n\n")
    assert "    assert True\n\n\ndef test_divide_by_zero():" in result


def test_unparsable_test_file_still_gets_a_valid_block_appended() -> None:
    text = "def test_broken(:\n"
    result = plan_insertion(text, [RAISES]).apply(text)
    appended = result[len(text) :]
    ast.parse(appended)
    assert "import math" in appended and "def test_divide_by_zero" in appended


def test_long_from_import_is_wrapped() -> None:
    text = "from shop.pricing import calculate_discount\n"
    names = ", ".join(f"function_with_a_long_name_{i}" for i in range(5))
    test = f"from shop.pricing import {names}\n\ndef test_x():\n    pass\n"
    result = plan_insertion(text, [test]).apply(text)
    ast.parse(result)
    assert result.startswith("from shop.pricing import (\n    calculate_discount,\n")


def test_invalid_test_is_refused() -> None:
    with pytest.raises(InsertionError, match="not valid Python"):
        plan_insertion(EXISTING, ["def test_x(:\n"])


def test_edits_at_the_same_place_keep_their_order() -> None:
    edits = [TextEdit(1, 0, 1, 0, "b\n"), TextEdit(1, 0, 1, 0, "c\n"), TextEdit(0, 0, 1, 0, "A\n")]
    assert apply_edits("a\nd\n", edits) == "A\nb\nc\nd\n"


HELPER_EXISTING = """from plugins import activate


class Echo:
    def run(self, value):
        return value


def test_echo():
    assert activate(Echo()) == 1
"""
CARRYING = """from plugins import activate


class Echo:
    def run(self, value):
        return value


def test_activate_{0}():
    assert activate(Echo(), {0!r}) == 2
"""
DIFFERENT = """from plugins import activate


class Echo:
    def run(self, value):
        return None


def test_activate_quiet():
    assert activate(Echo()) == 0
"""


def test_a_helper_the_file_already_defines_the_same_is_not_added_again() -> None:
    plan = plan_insertion(HELPER_EXISTING, [CARRYING.format("a"), CARRYING.format("b")])
    result = plan.apply(HELPER_EXISTING)
    assert result.count("class Echo") == 1
    assert "def test_activate_a():" in result and "def test_activate_b():" in result
    assert plan.renamed == {}
    compile(result, "test_plugins.py", "exec")


def test_a_helper_of_the_same_name_that_differs_is_renamed() -> None:
    plan = plan_insertion(HELPER_EXISTING, [DIFFERENT, CARRYING.format("a")])
    result = plan.apply(HELPER_EXISTING)
    assert plan.renamed == {"Echo": "Echo_2"}
    assert "class Echo_2:" in result and "activate(Echo_2())" in result
    # The later test carrying the file's own `Echo` uses it, not the renamed one.
    assert result.count("class Echo") == 2 and "activate(Echo(), 'a')" in result
