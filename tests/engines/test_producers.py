"""Objects the module's own functions produce, fed to the callables that take them
(producers.py, pools.py `_named_classes`)."""

from __future__ import annotations

import ast

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.producers import produced, producer_values
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.engines.builtin.toplevel import module_functions
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = '''\
import re

KINDS = {"NAME": r"[a-z_]+", "NUMBER": r"[0-9]+", "OP": r"[-+*/=]"}


class Token:
    """One lexeme: its kind and its text, read from a line by `tokenize`."""

    def __init__(self, kind, text, line=1):
        if kind not in KINDS:
            raise ValueError(kind)
        self.kind = kind
        self.text = text
        self.line = line


def tokenize(source):
    tokens = []
    for number, line in enumerate(source.splitlines(), 1):
        for word in line.split():
            for kind, pattern in KINDS.items():
                if re.fullmatch(pattern, word):
                    tokens.append(Token(kind, word, number))
                    break
    return tokens


def words(source):
    for word in source.split():
        yield Token("NAME", word)


def describe(token, verbose=False):
    """A token as an error message shows it."""
    if token.kind == "OP":
        return "operator " + token.text
    if verbose:
        return f"{token.kind} {token.text!r} on line {token.line}"
    return token.text
'''

TESTS = """\
from lexer import tokenize


def test_tokenize():
    assert len(tokenize("x = 1")) == 3
"""


def test_a_function_returns_the_objects_it_builds_one_or_several() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    functions = module_functions(tree)
    assert produced(functions["tokenize"], classes) == {"Token": "items"}
    assert produced(functions["words"], classes) == {"Token": "iter"}
    assert produced(functions["describe"], classes) == {}


def test_producers_are_called_as_the_tests_call_them() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    knowledge = read_tests(TESTS + '\n\ndef test_w():\n    words("a b")\n', set(classes))
    values = producer_values(["Token"], module_functions(tree), classes, knowledge)
    assert values == [
        "tokenize('x = 1')[0]",
        "tokenize('x = 1')[-1]",
        "tokenize('x = 1')[1]",
        "next(words('a b'))",
    ]
    # A producer the tests never call, needing an argument, is not guessed at.
    bare = producer_values(["Token"], module_functions(tree), classes, read_tests("", set()))
    assert bare == []


def test_the_planner_offers_a_produced_token_to_a_parameter_named_after_it() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    line = next(i for i, text in enumerate(SOURCE.splitlines(), 1) if '"operator "' in text)
    (target,), _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    knowledge = read_tests(TESTS, set(classes))
    planner = Planner(target, classes, knowledge, [], functions=module_functions(tree))
    assert "tokenize('x = 1')[0]" in planner.pools["token"]


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    request = measured_request(tmp_path_factory.mktemp("lexer"), "lexer", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def test_a_produced_token_reaches_the_helper(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    lines = {n for t in offered for n in t.covered_lines}
    operator = next(i for i, text in enumerate(SOURCE.splitlines(), 1) if '"operator "' in text)
    assert operator in lines, codes
    assert "describe(tokenize(" in codes


def test_a_parameter_named_after_a_class_gets_its_objects() -> None:
    source = SOURCE + "\n\ndef show(base_token, text):\n    return repr(base_token) + text\n"
    tree = ast.parse(source)
    classes = module_classes(tree)
    line = len(source.splitlines())
    (target,), _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    knowledge = read_tests(TESTS, set(classes))
    pools = Planner(target, classes, knowledge, [], functions=module_functions(tree)).pools
    assert "tokenize('x = 1')[0]" in pools["base_token"]
    assert not any("tokenize(" in value for value in pools["text"])
