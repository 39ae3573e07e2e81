"""Instances of classes whose constructor is not their own `__init__`: one inherited from a base
class the module defines, or a `__new__` (an immutable type's constructor)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from covopt_ls.engines.builtin.targets import module_classes
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    """\
    from collections.abc import Mapping


    class Frozen:
        def __init__(self, data):
            if not isinstance(data, Mapping):
                raise TypeError("a mapping is needed")
            object.__setattr__(self, "_data", data)

        def describe(self):
            return "frozen"


    class View:
        def __init__(self, mapping):
            if not isinstance(mapping, dict):
                raise TypeError("a view needs a dict")
            self._mapping = mapping


    class Values(View):
        def first(self):
            for value in self._mapping.values():
                return value
            return None

        def __contains__(self, value):
            return value in self._mapping.values()


    class Word(str):
        def __new__(cls, text, source=None):
            word = super().__new__(cls, text)
            word.source = source
            return word

        def shout(self):
            if self.source:
                return self.source + ": " + self.upper()
            return self.upper()
    """
)

TESTS = textwrap.dedent(
    """\
    from views import View


    def test_view_keeps_its_mapping():
        assert View({"a": 1})._mapping == {"a": 1}
    """
)


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def test_the_constructor_is_the_nearest_a_call_runs() -> None:
    classes = module_classes(ast.parse(SOURCE))
    assert [p.name for p in classes["Values"].init_params] == ["mapping"]
    assert [p.name for p in classes["Word"].init_params] == ["text", "source"]
    assert [p.name for p in classes["View"].init_params] == ["mapping"]
    init = classes["Values"].init_node
    assert init is not None and init.name == "__init__"
    assert init is classes["View"].init_node


@pytest.fixture(scope="module")
def verified(tmp_path_factory: pytest.TempPathFactory) -> list[int]:
    root: Path = tmp_path_factory.mktemp("constructors")
    request = measured_request(root, "views", SOURCE, TESTS)
    _, judged = offered_and_verified(request, budget_seconds=3.0)
    assert judged and all(t.verified for t in judged)
    return sorted({n for t in judged for n in t.covered_lines})


def test_a_subclass_is_built_with_the_constructor_it_inherits(verified: list[int]) -> None:
    assert {_line("return value"), _line("return value in")} <= set(verified)


def test_an_immutable_type_is_built_through_its_new(verified: list[int]) -> None:
    assert {_line("word.source = source"), _line("return self.upper()")} <= set(verified)


def test_an_empty_container_builds_the_instance_whose_loops_run_no_time(
    verified: list[int],
) -> None:
    assert _line("return None") in verified


def test_a_constructor_argument_is_what_the_constructor_checks_it_against(
    verified: list[int],
) -> None:
    assert _line('return "frozen"') in verified
