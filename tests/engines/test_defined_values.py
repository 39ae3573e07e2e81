"""The test file's own classes, functions and constants as values (defined_values.py)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.candidate import Candidate
from covopt_ls.engines.builtin.defined_values import (
    attribute_name,
    introspects,
    read_definitions,
    seen_definitions,
    signature_spelling,
)
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.render import ImportContext, render_test
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.targets import collect_targets, module_classes

TESTS = textwrap.dedent(
    '''
    import unittest
    from typing import Any, Optional

    import pytest

    from plugins import describe

    SAMPLE = {"name": "echo", "tags": ["a"]}
    ORDER = ("first", "second")
    BROKEN = missing_name + 1


    class Base:
        """A plugin with a hook."""

        label = "base"

        def activate(self, value: Any) -> bool:
            return True


    class Child(Base):
        # overrides the hook
        def activate(self, value: Any, *rest) -> bool:
            return False


    class Linked:
        def following(self) -> "Optional[Child]":
            return None


    class Named:
        def __init__(self, name):
            self.name = name


    class Orphan(Undefined):
        pass


    class Grandchild(Orphan):
        pass


    class TestDescribe:
        def test_it(self):
            assert describe(Base())


    class LegacyTests(unittest.TestCase):
        def test_it(self):
            pass


    def double(value: int) -> int:
        return value * 2


    def check_double(value):
        assert double(value) == value + value


    def uses_fixture():
        return tmp_path


    def setup_module():
        SAMPLE.clear()


    pytestmark = [pytest.mark.slow]


    class OrderMixin:
        def test_order(self):
            assert ORDER


    @pytest.fixture
    def plugin():
        return Base()


    def test_describe():
        assert describe(Base()) == "base"
    '''
)


def _names() -> set[str]:
    return set(read_definitions(TESTS).found)


def test_copyable_definitions_are_read_and_the_rest_left_out() -> None:
    names = _names()
    assert {"SAMPLE", "ORDER", "Base", "Child", "Named", "double"} <= names
    # Tests, test classes, TestCase subclasses, fixtures; definitions reading a name nothing
    # binds (directly or through another definition); imported names.
    assert not names & {"test_describe", "TestDescribe", "LegacyTests", "plugin"}
    # What pytest or unittest would run, or read, in the generated test's module.
    assert not names & {"setup_module", "pytestmark", "OrderMixin"}
    assert not names & {"BROKEN", "Orphan", "Grandchild", "uses_fixture", "describe", "Any"}


def test_names_the_module_or_the_tests_bind_otherwise_are_left_out() -> None:
    assert "Base" not in read_definitions(TESTS, {"Base"}).found
    assert "Child" not in read_definitions(TESTS, {"Base"}).found


def test_a_definition_knows_its_imports_its_source_and_whether_it_builds_bare() -> None:
    found = read_definitions(TESTS).found
    base, child, named = found["Base"], found["Child"], found["Named"]
    assert base.imports == {"Any": "from typing import Any"}
    assert child.needs == {"Base"}
    assert "# overrides the hook" in child.source  # written as the test file writes it
    assert base.bare and child.bare and not named.bare
    assert {"activate", "label"} <= child.members
    assert found["SAMPLE"].literal == "dict" and found["ORDER"].literal == "tuple"


def test_quoted_annotations_need_their_names_too() -> None:
    # `typing.get_type_hints` evaluates them where the copy is defined.
    linked = read_definitions(TESTS).found["Linked"]
    assert linked.imports == {"Optional": "from typing import Optional"}
    assert linked.needs == {"Child"}
    candidate = Candidate(
        "kind", (), "kind(Linked(), 'following')", None, (), definitions=(linked.source,)
    )
    outcome = {"kind": "return", "repr": "'method'", "faithful": True, "type": "str"}
    ctx = ImportContext("plugins", {"kind"}, {}, {"Optional": "from typing import Optional"})
    code = render_test(Observation(candidate, outcome=outcome), "test_kind", ctx)
    assert "from typing import Optional" in code


def test_statements_bring_what_a_definition_reads_in_file_order() -> None:
    definitions = read_definitions(TESTS)
    statements = definitions.statements({"Child"})
    assert [s.splitlines()[0] for s in statements] == ["class Base:", "class Child(Base):"]


def test_values_for_functions_objects_and_attribute_names() -> None:
    definitions = read_definitions(TESTS)
    callables = definitions.callables()
    # The overridden method next to its override, before the functions' neighbours.
    assert callables[:3] == ["double", "Base.activate", "Child.activate"]
    assert "Base()" in callables and "Named()" not in callables
    assert "check_double" not in callables  # a test's helper, no value to pass
    assert definitions.instances({"activate"}) == ["Base()", "Child()"]
    assert definitions.instances({"name"}) == []  # Named needs an argument
    assert definitions.member_names()[0] == "'activate'"
    assert definitions.constants("dict") == ["SAMPLE"]


def test_used_in_reads_names_not_text() -> None:
    definitions = read_definitions(TESTS)
    assert definitions.used_in(["describe(Child(), SAMPLE)"]) == {"Child", "SAMPLE"}
    assert definitions.used_in(['describe("Child")']) == set()


SOURCE = textwrap.dedent(
    """
    import inspect


    def kind(plugin, attribute):
        if not hasattr(plugin, attribute):
            return None
        hook = getattr(plugin, attribute)
        return type(hook).__name__


    def arity(func):
        return len(inspect.signature(func).parameters)


    def shout(text):
        return text.upper()


    def scale(value: int):
        if isinstance(value, bool):
            raise TypeError(value)
        return value * 2


    def widened(base: inspect.Signature, override: inspect.Signature) -> bool:
        return len(override.parameters) > len(base.parameters)
    """
)


def _function(name: str) -> ast.FunctionDef:
    tree = ast.parse(SOURCE)
    return next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)


def test_signatures_of_the_functions_and_methods_where_the_module_names_inspect() -> None:
    assert signature_spelling({"inspect": "import inspect"}, set()) == "inspect.signature"
    assert signature_spelling({"signature": "from inspect import signature"}, set()) == (
        "signature"
    )
    assert signature_spelling({"inspect": "import inspect"}, {"inspect"}) is None
    definitions = read_definitions(TESTS)
    assert definitions.signatures() == []
    definitions.signature = "inspect.signature"
    assert definitions.signatures()[:3] == [
        "inspect.signature(double)",
        "inspect.signature(Base.activate)",
        "inspect.signature(Child.activate)",
    ]


def test_introspection_and_attribute_names_are_told_from_the_body() -> None:
    assert introspects(_function("kind"), "plugin")
    assert not introspects(_function("kind"), "attribute")
    assert attribute_name(_function("kind"), "attribute")
    assert not attribute_name(_function("kind"), "plugin")
    assert not introspects(_function("shout"), "text")


def _planner(name: str) -> Planner:
    tree = ast.parse(SOURCE)
    line = _function(name).body[-1].lineno
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    classes = module_classes(tree)
    knowledge = read_tests(TESTS, set(classes))
    definitions = read_definitions(TESTS)
    definitions.signature = "inspect.signature"
    return Planner(targets[0], classes, knowledge, [], definitions=definitions)


def test_pools_end_with_the_test_files_objects_where_the_body_asks_for_them() -> None:
    kind = _planner("kind")
    plugin = kind.pools["plugin"]
    assert "Base()" in plugin and plugin[0] != "Base()"  # the base value stays first
    assert "'activate'" in kind.pools["attribute"]
    assert "double" in _planner("arity").pools["func"]
    assert not any(v in ("Base()", "double") for v in _planner("shout").pools["text"])
    assert "inspect.signature(Child.activate)" in _planner("widened").pools["override"]
    # Looked into, but declared an int: an object says nothing of it.
    assert not any(v in ("Base()", "double") for v in _planner("scale").pools["value"])


def test_a_candidate_using_a_definition_carries_it() -> None:
    kind = _planner("kind")
    made = kind._candidate(None, {"plugin": "Child()", "attribute": "'activate'"})
    assert made.call == "kind(Child(), 'activate')"
    assert [d.splitlines()[0] for d in made.definitions] == ["class Base:", "class Child(Base):"]
    plain = kind._candidate(None, {"plugin": "None", "attribute": "'x'"})
    assert plain.definitions == ()


def test_definitions_are_written_at_module_level_with_their_imports() -> None:
    definitions = read_definitions(TESTS).statements({"Child"})
    call = "kind(Child(), 'activate')"
    candidate = Candidate("kind", (), call, None, (), definitions=definitions)
    outcome = {"kind": "return", "repr": "'method'", "faithful": True, "type": "str"}
    ctx = ImportContext("plugins", {"kind", "activate"}, {}, {"Any": "from typing import Any"})
    code = render_test(Observation(candidate, outcome=outcome), "test_kind", ctx)
    tree = ast.parse(code)
    assert [type(n).__name__ for n in tree.body] == [
        "ImportFrom", "ImportFrom", "ClassDef", "ClassDef", "FunctionDef",
    ]  # fmt: skip
    assert "from typing import Any" in code
    # A method of a definition is no name of the test: the module's `activate` is not it.
    assert "from plugins import kind\n" in code


def test_conftest_definitions_come_after_the_test_files(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "conftest.py").write_text(
        "from decimal import Decimal\n\n"
        "class Base:\n    pass\n\n"
        "class Money:\n    amount = Decimal(1)\n\n"
        "class Clash:\n    value = Any\n"
    )
    found = seen_definitions(
        TESTS,
        tmp_path / "tests" / "test_plugins.py",
        tmp_path,
        set(),
        {"Any": "from typing import Any"},
    )
    assert found.found["Money"].imports == {"Decimal": "from decimal import Decimal"}
    assert "Base" in found.found and "class Base:\n    pass" not in found.found["Base"].source
    assert "Clash" not in found.found  # `Any` is no name the conftest binds
