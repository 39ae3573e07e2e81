"""An operator whose special method returns NotImplemented raises TypeError by design: that is
the class's behaviour and is tested with `pytest.raises(TypeError)`; a TypeError from a
wrong-typed value elsewhere stays a caller's mistake no test pins down.

Unit rules on hand-made observations, then the real engine on a generated project measured by
coverage.py, its tests run by the verifier."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    """\
    class Bits:
        def __init__(self, value=0):
            self.value = value

        def __or__(self, other):
            if not isinstance(other, Bits):
                return NotImplemented
            return Bits(self.value | other.value)

        def __and__(self, other):
            if isinstance(other, Bits):
                return Bits(self.value & other.value)
            return NotImplemented

        def __mul__(self, times):
            if times < 0:
                raise ValueError("negative")
            return Bits(self.value * times)

        def shifted(self, places):
            if places > 8:
                return Bits(0)
            return Bits(self.value << places)
    """
)
TESTS = textwrap.dedent(
    """\
    from bits import Bits


    def test_or():
        assert (Bits(1) | Bits(2)).value == 3


    def test_and():
        assert (Bits(3) & Bits(1)).value == 1


    def test_mul():
        assert (Bits(2) * 3).value == 6


    def test_shifted():
        assert Bits(1).shifted(2).value == 4
    """
)
TYPE_ERROR = {"kind": "raise", "type": "TypeError", "explicit": False, "at_call": True}


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def _seen(outcome: dict[str, object], lines: set[int], unsupported: set[int]) -> Observation:
    candidate = Candidate(
        "Bits.__or__", (), "bits | None", "bits", (), unsupported=frozenset(unsupported)
    )
    return Observation(candidate, frozenset(lines), outcome=outcome)


def test_an_operators_type_error_after_return_not_implemented_is_behaviour() -> None:
    assert not _seen(TYPE_ERROR, {5, 6}, {6}).misuse
    assert _seen(TYPE_ERROR, {5, 6}, {6}).usable


def test_other_type_errors_stay_misuse() -> None:
    # The `return NotImplemented` did not run: the TypeError came from somewhere else.
    assert _seen(TYPE_ERROR, {5}, {6}).misuse
    # Raised inside the code the operator called (`self.value * None`), not by the operator.
    assert _seen({**TYPE_ERROR, "at_call": False}, {5, 6}, {6}).misuse
    # A call that is not the operator form of a method returning NotImplemented.
    assert _seen(TYPE_ERROR, {5, 6}, set()).misuse


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    request = measured_request(tmp_path_factory.mktemp("operators"), "bits", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=3.0)[1]


def test_an_unsupported_operand_is_tested_as_the_operator_raising_type_error(
    offered: list[RecommendedTest],
) -> None:
    assert offered and all(t.passed and t.verified for t in offered)
    covered = {line for t in offered for line in t.covered_lines}
    first = next(
        n for n, line in enumerate(SOURCE.splitlines(), 1) if "return NotImplemented" in line
    )
    last = max(
        n for n, line in enumerate(SOURCE.splitlines(), 1) if "return NotImplemented" in line
    )
    assert {first, last} <= covered
    code = "\n".join(t.test_code for t in offered)
    assert "NotImplemented" not in code and ".__or__(" not in code and ".__and__(" not in code
    assert code.count("with pytest.raises(TypeError):") >= 2
    assert " | " in code and " & " in code


def test_a_type_error_inside_the_method_is_not_offered(offered: list[RecommendedTest]) -> None:
    # `bits * None` fails at `times < 0` inside __mul__: a wrong-typed argument, not behaviour.
    for test in offered:
        if "pytest.raises(TypeError)" in test.test_code:
            assert " * " not in test.test_code and ".shifted(" not in test.test_code
    covered = {line for t in offered for line in t.covered_lines}
    assert _line('raise ValueError("negative")') in covered


ORDERED = textwrap.dedent(
    """\
    class Named:
        def __init__(self, name, value=0):
            self._key = (name, value)

        def __eq__(self, other):
            return self._key == other

        def __lt__(self, other):
            return self._key < other

        def __gt__(self, other):
            return self._key > other

        def __hash__(self):
            return hash(self._key)
    """
)
ORDERED_TESTS = textwrap.dedent(
    """\
    from ordered import Named


    def test_equal_to_its_key():
        assert Named("a", 1) == ("a", 1)
    """
)


def test_the_other_operand_of_a_comparison_is_another_instance(tmp_path: Path) -> None:
    """`self._key < other` gives no hint of what `other` is; another instance built as the
    tests build one is what sorting compares it with."""
    request = measured_request(tmp_path, "ordered", ORDERED, ORDERED_TESTS)
    offered, verified = offered_and_verified(request, budget_seconds=5)
    lines = ORDERED.splitlines()
    wanted = next(n for n, line in enumerate(lines, 1) if "self._key < other" in line)
    covering = [t for t in verified if t.verified and wanted in t.covered_lines]
    assert covering, [t.test_code for t in offered]
    assert any(" < Named(" in t.test_code for t in covering)
