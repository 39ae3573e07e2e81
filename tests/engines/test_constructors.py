"""Instances of classes whose constructor is not their own `__init__`: one inherited from a base
class the module defines, or a `__new__` (an immutable type's constructor)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from covopt_ls.engines.builtin.files import path_params
from covopt_ls.engines.builtin.targets import module_classes
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    """\
    import os
    from collections.abc import Mapping


    class Journal:
        def __init__(self, folder):
            if not os.path.isdir(folder):
                os.makedirs(folder)
            self.folder = folder

        def write(self, name, text):
            with open(os.path.join(self.folder, name), "w") as handle:
                handle.write(text)
            return len(text)


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
def judged(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    root: Path = tmp_path_factory.mktemp("constructors")
    request = measured_request(root, "views", SOURCE, TESTS)
    _, tests = offered_and_verified(request, budget_seconds=3.0)
    assert tests and all(t.verified for t in tests)
    return tests


@pytest.fixture(scope="module")
def verified(judged: list[RecommendedTest]) -> list[int]:
    return sorted({n for t in judged for n in t.covered_lines})


def test_an_instance_built_on_a_path_gets_one_under_tmp_path(
    judged: list[RecommendedTest],
) -> None:
    line = _line("handle.write(text)")
    writing = [t for t in judged if line in t.covered_lines]
    assert writing
    assert all('Journal(str(tmp_path / "folder"))' in t.test_code for t in writing)
    assert all("(tmp_path" in t.test_code.split("def test_", 1)[1] for t in writing)


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


def test_only_an_argument_handed_to_a_path_call_is_built_on_tmp_path() -> None:
    init = ast.parse(
        textwrap.dedent(
            """\
            def __init__(self, language, folder):
                if not os.path.isdir(folder):
                    os.makedirs(folder)
                with open(os.path.join(folder, language + ".txt")) as handle:
                    self.words = handle.read().split()
            """
        )
    ).body[0]
    assert isinstance(init, ast.FunctionDef)
    assert [p.name for p in path_params(init, ["language", "folder"], direct=True)] == ["folder"]


ENUM_SOURCE = textwrap.dedent(
    """\
    from enum import Enum


    class Unit(Enum):
        SECOND = 1
        MINUTE = 60

        def label(self, count):
            if self is Unit.MINUTE:
                return f"{count} min"
            return f"{count} s"
    """
)
ENUM_TESTS = textwrap.dedent(
    """\
    from units import Unit

    def test_values():
        assert Unit.SECOND.value == 1
    """
)


def test_a_method_of_an_enum_is_called_on_its_members(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "units", ENUM_SOURCE, ENUM_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=5.0)
    lines = ENUM_SOURCE.splitlines()
    wanted = {i for i, line in enumerate(lines, 1) if "return f" in line}
    covered = {n for t in verified if t.verified for n in t.covered_lines}
    assert wanted <= covered, [t.test_code for t in verified]
    assert all("Unit.MINUTE" in t.test_code or "Unit.SECOND" in t.test_code for t in verified)


RELEASES = textwrap.dedent(
    """\
    class Release:
        def __init__(self, text):
            self.parts = text.split(".")

        def kind(self):
            last = self.parts[-1]
            if last.endswith("rc"):
                return "candidate"
            if last.startswith("dev"):
                return "development"
            return "final"
    """
)
RELEASES_TESTS = textwrap.dedent(
    """\
    from releases import Release

    def test_final():
        assert Release("1.2.3").kind() == "final"
    """
)


def test_an_instance_built_from_text_is_built_from_spliced_texts_too(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "releases", RELEASES, RELEASES_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=5.0)
    codes = [t.test_code for t in verified if t.verified]
    assert any('== "candidate"' in c for c in codes), codes
    assert any('== "development"' in c for c in codes), codes


SHAPES = textwrap.dedent(
    """\
    from abc import ABC, abstractmethod


    class Shape(ABC):
        def __init__(self, label):
            self.label = label

        @abstractmethod
        def area(self):
            ...

        @property
        @abstractmethod
        def sides(self):
            ...

        def describe(self):
            if not self.label:
                return "unnamed shape"
            return f"{self.label} shape"
    """
)
SHAPES_TESTS = textwrap.dedent(
    """\
    from shapes import Shape

    def test_shape_is_abstract():
        assert Shape.__abstractmethods__ == {"area", "sides"}
    """
)


def test_an_abstract_class_is_built_as_a_minimal_concrete_subclass(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "shapes", SHAPES, SHAPES_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=5.0)
    covered = {n for t in verified if t.verified for n in t.covered_lines}
    lines = SHAPES.splitlines()
    wanted = {i for i, line in enumerate(lines, 1) if 'shape"' in line}
    assert wanted <= covered, [t.test_code for t in verified]
    assert all("class ConcreteShape(Shape):" in t.test_code for t in verified if t.verified)


def test_the_abstract_members_left_to_subclasses_are_found() -> None:
    from covopt_ls.engines.builtin.targets import abstract_members

    tree = ast.parse(SHAPES + "\n\nclass Square(Shape):\n    def area(self):\n        return 1\n")
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    assert abstract_members(classes["Shape"], classes) == {"area": "method", "sides": "property"}
    assert abstract_members(classes["Square"], classes) == {"sides": "property"}
    made = ast.parse(
        "class Maker(ABC):\n    @classmethod\n    @abstractmethod\n    def create(cls): ...\n"
    ).body[0]
    assert isinstance(made, ast.ClassDef)
    assert abstract_members(made, {}) == {"create": "classmethod"}
