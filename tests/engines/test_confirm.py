"""Two runs of one call (another process, another hash seed): what a test may assert."""

from __future__ import annotations

from covopt_ls.engines.builtin.polish import agreed as _agreed


def _value(text: str, **extra: object) -> dict[str, object]:
    return {
        "kind": "return",
        "type": "list",
        "repr": text,
        "faithful": True,
        "enum": None,
        "attrs": {},
        **extra,
    }


def test_equal_outcomes_agree() -> None:
    assert _agreed(_value("[1]"), _value("[1]")) == _value("[1]")


def test_a_list_in_another_order_is_asserted_sorted() -> None:
    first = _value("['b', 'a']", sorted_repr="['a', 'b']")
    second = _value("['a', 'b']", sorted_repr="['a', 'b']")
    assert _agreed(first, second) == {**first, "order_free": True}


def test_different_values_disagree() -> None:
    assert _agreed(_value("[1]"), _value("[2]")) is None
    assert _agreed(_value("[1]"), {"kind": "raise", "type": "ValueError"}) is None


def test_an_address_in_an_unfaithful_repr_does_not_matter() -> None:
    first = {
        "kind": "return",
        "type": "Order",
        "repr": "<Order at 0x1>",
        "faithful": False,
        "attrs": {"amount": {"repr": "2.0"}},
    }
    second = {**first, "repr": "<Order at 0x2>"}
    assert _agreed(first, second) == first
    assert _agreed(first, {**second, "attrs": {"amount": {"repr": "3.0"}}}) is None


def test_a_changing_exception_message_is_not_matched() -> None:
    first = {"kind": "raise", "type": "KeyError", "message": "'id 0x1'"}
    second = {**first, "message": "'id 0x2'"}
    assert _agreed(first, second) == {**first, "message": None}
