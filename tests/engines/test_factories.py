"""Instances the tests build with the module's factories (an alternate constructor, a
function returning one) prepare method calls too (producers.factories, existing.py)."""

from __future__ import annotations

import ast

import pytest

from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.producers import factories
from covopt_ls.engines.builtin.toplevel import module_class_nodes, module_functions
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified, unreached

SOURCE = '''\
class Sentence:
    """A comma-separated record; its kind decides the class, whose fields name the values."""

    kinds = {}

    def __init__(self, kind, values):
        self.kind = kind
        self.values = values

    @staticmethod
    def parse(line):
        kind, _, rest = line.partition(",")
        found = Sentence.kinds.get(kind, Sentence)
        return found(kind, rest.split(","))

    @classmethod
    def _blank(cls):
        return cls("", [])

    def field(self, index):
        names = type(self).fields
        if index >= len(names):
            raise IndexError(index)
        if index >= len(self.values):
            return None
        return f"{names[index]}={self.values[index]}"


class Position(Sentence):
    fields = ("lat", "lon")


Sentence.kinds["POS"] = Position


def position(lat):
    return Position("POS", [lat])
'''

TESTS = """\
from sentences import Sentence

DATA = "POS,52.1"


def test_the_kind_picks_the_class():
    record = Sentence.parse(DATA)
    assert record.kind == "POS"
"""


def _factories(source: str) -> dict[str, str]:
    tree = ast.parse(source)
    return factories(module_functions(tree), module_class_nodes(tree))


def test_alternate_constructors_and_producing_functions_are_factories() -> None:
    assert _factories(SOURCE) == {"parse": "Sentence", "position": "Position"}


def test_a_name_two_classes_claim_is_no_factory() -> None:
    source = (
        "class A:\n    @classmethod\n    def load(cls):\n        return cls()\n"
        "class B:\n    @classmethod\n    def load(cls):\n        return cls()\n"
        "    @staticmethod\n    def convert(x):\n        return x.upper()\n"
        "    @staticmethod\n    def encode(x):\n        return helper(x)\n"
        "def helper(x):\n    return str(x)\n"
    )
    # `convert` and `encode` return no instance: a method's result, a module function's.
    assert _factories(source) == {}


def test_a_test_building_with_a_factory_gives_a_recipe() -> None:
    plain = read_tests(TESTS, {"Sentence", "Position"})
    assert "Sentence" not in plain.recipes
    knowledge = read_tests(TESTS, {"Sentence", "Position"}, _factories(SOURCE))
    (recipe,) = knowledge.recipes["Sentence"][:1]
    assert recipe.var == "record"
    assert recipe.statements == ("DATA = 'POS,52.1'", "record = Sentence.parse(DATA)")


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    request = measured_request(tmp_path_factory.mktemp("sentences"), "sentences", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def test_a_parsed_record_reaches_its_fields(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    assert not unreached(
        offered, SOURCE, ("raise IndexError(index)", "return None", 'return f"{names[index]}')
    ), codes
    assert "Sentence.parse(" in codes
