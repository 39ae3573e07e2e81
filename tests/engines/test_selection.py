"""Choosing the covering set: which of several calls reaching the same goals becomes the test."""

from __future__ import annotations

from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.selection import cover

HASHED: dict[str, object] = {
    "kind": "return",
    "type": "int",
    "repr": "-5764",
    "process_value": ["hash"],
}
PLAIN: dict[str, object] = {"kind": "return", "type": "int", "repr": "3", "faithful": True}


def _seen(call: str, outcome: dict[str, object], lines: set[int]) -> Observation:
    return Observation(
        Candidate("Key.__hash__", (), call, None, ()), frozenset(lines), outcome=outcome
    )


def test_a_call_whose_result_can_be_asserted_wins_over_a_hash_reaching_the_same_lines() -> None:
    # The brittle call is the shorter one, so only its brittleness can make it lose.
    brittle = _seen("hash(k)", HASHED, {3, 4})
    plain = _seen("len(Key('abc'))", PLAIN, {3, 4})
    for order in ([brittle, plain], [plain, brittle]):
        chosen, left = cover(order, {3, 4}, set())
        assert chosen == [plain]
        assert left == set()


def test_a_hash_is_still_chosen_for_lines_nothing_else_reaches() -> None:
    brittle = _seen("hash(k)", HASHED, {3, 4, 5})
    plain = _seen("len(Key('abc'))", PLAIN, {3, 4})
    chosen, left = cover([plain, brittle], {3, 4, 5}, set())
    assert chosen == [brittle]
    assert left == set()


def test_a_call_carrying_the_test_files_definitions_loses_to_one_without() -> None:
    # The call using a sample class is the shorter one: only what it carries makes it lose.
    carrying = Observation(
        Candidate("size", (), "size(Box())", None, (), definitions=("class Box:\n    width = 3",)),
        frozenset({3, 4}),
        outcome=PLAIN,
    )
    plain = Observation(Candidate("size", (), "size([1, 2, 3])", None, ()), frozenset({3, 4}))
    plain.outcome = PLAIN
    for order in ([carrying, plain], [plain, carrying]):
        chosen, _ = cover(order, {3, 4}, set())
        assert chosen == [plain]
