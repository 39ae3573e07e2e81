"""Definitions that are not direct children of the module (inside `try`/`if`/`with` blocks),
functions attached to a class after it is made, and instances the existing tests build with
their own imports and helpers: read on inline sources, then end to end on a generated project
measured by coverage.py."""

from __future__ import annotations

import ast
import asyncio
import sys
import textwrap
from pathlib import Path

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin import BuiltinEngine
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.modpath import Definitions
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.render import top_level_names
from covopt_ls.engines.builtin.targets import collect_targets, locate, module_classes
from covopt_ls.engines.builtin.toplevel import (
    attached_methods,
    dead_definition,
    failed_import,
    import_fallback,
    module_statements,
)
from covopt_ls.generation import RecommendedTest
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier
from tests.engines.projects import measured_request


def _line(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def _names(source: str, **options: bool) -> list[str]:
    tree = ast.parse(textwrap.dedent(source))
    found = []
    for stmt in module_statements(tree, **options):
        if isinstance(stmt, ast.FunctionDef | ast.ClassDef):
            found.append(stmt.name)
        elif isinstance(stmt, ast.Assign):
            found.extend(ast.unparse(t) for t in stmt.targets)
        elif isinstance(stmt, ast.Import | ast.ImportFrom):
            found.extend(a.asname or a.name for a in stmt.names)
        else:
            found.append(f"<{type(stmt).__name__}>")
    return found


def test_the_walker_opens_try_with_and_undecidable_if_blocks_in_source_order() -> None:
    source = """
        import os
        try:
            from fastlib import scan
        except ImportError:
            def scan(text):
                return text.split()
        else:
            FAST = True
        finally:
            LOADED = True
        if os.environ.get("HAVE_X"):
            def render(x):
                return x
        else:
            class render:
                pass
        with open(__file__) as handle:
            HEADER = handle.readline()
        for name in ("a", "b"):
            def looped():
                pass
    """
    assert _names(source) == [
        "os", "scan", "scan", "FAST", "LOADED", "render", "render", "HEADER", "<For>",
    ]  # fmt: skip
    # A loop is a statement of its own: what it defines is made again on each turn.
    # Without the `except` handlers: what binds when the `try` succeeds.
    assert _names(source, fallbacks=False) == [
        "os", "scan", "FAST", "LOADED", "render", "render", "HEADER", "<For>",
    ]  # fmt: skip


def test_branches_known_not_to_run_here_are_left_out() -> None:
    source = f"""
        import sys
        from typing import TYPE_CHECKING
        PY2 = sys.version_info[0] == 2
        if TYPE_CHECKING:
            from collections.abc import Sequence
        if sys.version_info >= (3, 0):
            def text(s):
                return s
        else:
            def text(s):
                return unicode(s)
        if PY2:
            def legacy():
                pass
        elif sys.platform == {sys.platform!r} and not PY2:
            def native():
                pass
        if __name__ == "__main__":
            main = True
    """
    assert _names(source) == ["sys", "TYPE_CHECKING", "PY2", "text", "native"]
    source = textwrap.dedent(source)
    tree = ast.parse(source)
    live = next(s for s in module_statements(tree) if isinstance(s, ast.FunctionDef))
    # The live `text` is the first one; the py2 one is explained by its condition.
    assert live.lineno == _line(source, "def text(s):")
    assert dead_definition(tree, _line(source, "return unicode(s)")) == (
        "`sys.version_info >= (3, 0)` is true here"
    )
    assert dead_definition(tree, _line(source, "def legacy")) == "`PY2` is false here"
    assert dead_definition(tree, _line(source, "return s")) is None
    # Plain code in a branch that never runs is not a definition: left to other reasons.
    assert dead_definition(tree, _line(source, "main = True")) is None


def test_a_flag_set_in_both_try_and_except_is_not_told() -> None:
    source = """
        try:
            import fastlib
            HAVE_FAST = True
        except ImportError:
            HAVE_FAST = False
        if HAVE_FAST:
            def quick():
                pass
        else:
            def slow():
                pass
    """
    assert _names(source) == ["fastlib", "HAVE_FAST", "HAVE_FAST", "quick", "slow"]


def test_the_import_a_try_block_stopped_at_is_found() -> None:
    source = textwrap.dedent(
        """
        try:
            import yaml
            from yaml.representer import Representer
        except (ImportError, AttributeError):
            yaml = None
        try:
            import json
            VALUE = 1
        except ValueError:
            pass
        """
    )
    tree = ast.parse(source)
    after = _line(source, "from yaml.representer")
    assert failed_import(tree, after, lambda line: line < after) == "import yaml"
    # The import itself never ran: something before it stopped the module.
    assert failed_import(tree, after, lambda line: False) is None
    # A handler that does not catch an import error: not an optional dependency.
    assert failed_import(tree, _line(source, "VALUE = 1"), lambda line: True) is None
    assert import_fallback(tree, _line(source, "yaml = None")) == "import yaml"
    assert import_fallback(tree, _line(source, "pass")) is None


ATTACHING = textwrap.dedent(
    """\
    class Box:
        def __init__(self, width):
            self.width = width

        def twice(self):
            return self.width * 2

    def _scaled(self, factor):
        return Box(self.width * factor)

    def _unit(cls):
        return cls(1)

    def _area(self):
        return self.width ** 2

    def helper(x):
        return x

    try:
        import json
        def _dumps(self):
            return json.dumps(self.width)
        Box.dumps = _dumps
    except ImportError:
        pass

    Box.scaled = _scaled
    Box.unit = classmethod(_unit)
    setattr(Box, "area", property(_area))
    Box.missing = undefined_function
    Other.scaled = _scaled

    class Sized(Box):
        size = _area
    """
)


def test_functions_attached_to_a_class_are_its_methods() -> None:
    tree = ast.parse(ATTACHING)
    found = {(a.cls, a.name, a.node.name, a.kind) for a in attached_methods(tree)}
    assert found == {
        ("Box", "dumps", "_dumps", "method"),
        ("Box", "scaled", "_scaled", "method"),
        ("Box", "unit", "_unit", "classmethod"),
        ("Box", "area", "_area", "property"),
        ("Sized", "size", "_area", "method"),
    }


def test_an_attached_function_is_targeted_as_a_member_of_its_class() -> None:
    tree = ast.parse(ATTACHING)
    ranges = tuple(
        UncoveredRange(_line(ATTACHING, text), _line(ATTACHING, text), "line")
        for text in ("return Box(self.width", "return cls(1)", "json.dumps(", "return x")
    )
    targets, outside = collect_targets(tree, ranges)
    assert not outside
    shapes = {(t.qualname, t.kind, tuple(p.name for p in t.params)) for t in targets}
    assert shapes == {
        ("Box.scaled", "method", ("factor",)),
        ("Box.unit", "classmethod", ()),
        ("Box.dumps", "method", ()),
        ("helper", "function", ("x",)),
    }
    # A definition in a `try` block is located like any other.
    found = locate(tree, _line(ATTACHING, "json.dumps("))
    assert found is not None and found[0].name == "_dumps" and found[1] is None


def test_a_replayed_method_call_finds_an_attached_definition(tmp_path: Path) -> None:
    (tmp_path / "boxes.py").write_text(ATTACHING)
    definitions = Definitions([tmp_path])
    found = definitions.find("boxes", ["Box", "scaled"])
    assert isinstance(found, ast.FunctionDef) and found.name == "_scaled"
    assert definitions.find("boxes", ["Box", "nothing"]) is None


def test_names_bound_in_blocks_count_as_the_modules_and_the_try_import_wins() -> None:
    tree = ast.parse(
        textwrap.dedent(
            """
            try:
                from unittest.mock import Mock
            except ImportError:
                from mock import Mock
            try:
                import simplejson as json
            except ImportError:
                import json
            if True:
                class Config:
                    pass
            """
        )
    )
    defined, imported = top_level_names(tree)
    assert "Config" in defined
    assert imported["Mock"] == "from unittest.mock import Mock"
    assert imported["json"] == "import simplejson as json"
    assert module_classes(tree).keys() == {"Config"}


def test_recipes_carry_the_test_files_imports_and_helpers() -> None:
    tests = textwrap.dedent(
        """
        try:
            from unittest.mock import Mock
        except ImportError:
            from mock import Mock
        from streams import Stream

        PREFIX = ">> "

        class FakeFile:
            def __init__(self):
                self.parts = [PREFIX]

            def write(self, text):
                self.parts.append(text)

        def test_wraps():
            stream = Stream(Mock())
            assert stream

        def test_fake():
            target = FakeFile()
            stream = Stream(target)
            assert stream
        """
    )
    knowledge = read_tests(tests, {"Stream"})
    # The handler's import is a fallback: the `try` one binds the name.
    assert knowledge.import_of["Mock"] == "from unittest.mock import Mock"
    assert "from mock import Mock" not in knowledge.imports
    assert "from unittest.mock import Mock" in knowledge.imports
    recipes = [r.statements for r in knowledge.recipes["Stream"]]
    assert ("stream = Stream(Mock())",) in recipes
    fake = next(r for r in recipes if "target = FakeFile()" in r)
    # The constant and the class come first, in file order, then the test's own lines.
    assert fake[0] == "PREFIX = '>> '"
    assert fake[1].startswith("class FakeFile:")
    assert fake[2:] == ("target = FakeFile()", "stream = Stream(target)")


def test_an_inherited_constructor_is_called_the_way_the_tests_call_it() -> None:
    source = textwrap.dedent(
        """
        import datetime

        class Moment(datetime.date):
            def season(self):
                return self.month
        """
    )
    tests = textwrap.dedent(
        """
        import pytest
        from moments import Moment

        START = 2024

        def test_moments(year):
            with pytest.raises(ValueError):
                Moment(START, 13, 1)
            assert Moment(START, 7, 1)
            assert Moment(year, 1, 1)
        """
    )
    tree = ast.parse(source)
    classes = module_classes(tree)
    line = _line(source, "return self.month")
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    knowledge = read_tests(tests, set(classes))
    planner = Planner(targets[0], classes, knowledge, [], module_names={"Moment"})
    # No `Moment()` from the source's (absent) constructor; the constant comes along; the
    # call reading a fixture (`year`) cannot be built outside its test.
    assert sorted(r.statements for r in planner.recipes) == [
        ("START = 2024", "moment = Moment(START, 13, 1)"),
        ("START = 2024", "moment = Moment(START, 7, 1)"),
    ]


SOURCE = textwrap.dedent(
    '''\
    """Shapes and streams, with optional speedups."""

    import datetime
    import sys

    try:
        import json
    except ImportError:
        json = None

    try:
        from _covopt_missing_speedups import area
    except ImportError:

        def area(width, height):
            if width < 0 or height < 0:
                raise ValueError("negative side")
            return width * height


    if sys.version_info >= (3,):

        def label(shape):
            if shape == "square":
                return "four equal sides"
            return "other"

    else:

        def label(shape):
            return unicode(shape)


    class Box:
        def __init__(self, width, height):
            self.width = width
            self.height = height


    def _scaled(self, factor):
        if factor <= 0:
            raise ValueError("factor must be positive")
        return Box(self.width * factor, self.height * factor)


    def _square(cls, side):
        if side > 100:
            return None
        return cls(side, side)


    Box.scaled = _scaled
    Box.square = classmethod(_square)


    class Stream:
        def __init__(self, wrapped):
            self.wrapped = wrapped

        def write(self, text):
            if not text:
                return 0
            self.wrapped.write(text.upper())
            return len(text)


    try:
        import _covopt_missing_yaml
        from _covopt_missing_yaml import dump

        def to_yaml(data):
            return dump(data)

    except ImportError:
        pass

    try:
        import _covopt_missing_textlib

        def width(text):
            return _covopt_missing_textlib.width(text)

    except ImportError:
        width = len


    class Moment(datetime.date):
        def season(self):
            if self.month in (12, 1, 2):
                return "winter"
            return "not winter"
    '''
)

TESTS = textwrap.dedent(
    """\
    try:
        from unittest.mock import Mock
    except ImportError:
        from mock import Mock

    from shapes import Box, Moment, Stream, label


    def test_box():
        box = Box(2, 3)
        assert box.width == 2


    def test_label():
        assert label("circle") == "other"


    def test_stream():
        wrapped = Mock()
        stream = Stream(wrapped)
        assert stream.wrapped is wrapped


    def test_moment():
        assert Moment(2024, 7, 1).year == 2024
    """
)


Results = tuple[list[RecommendedTest], list[RecommendedTest], dict[int, str]]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    """The offered tests, as the verifier judged them, and the engine's reason for each range
    it left (by the range's first line)."""
    request = measured_request(tmp_path_factory.mktemp("toplevel"), "shapes", SOURCE, TESTS)

    async def run() -> Results:
        engine = BuiltinEngine(budget_seconds=3.0)
        try:
            offered = await engine.generate(request)
            reasons = {u.range.start_line: u.reason for u in engine.unreachable_for(request)}
        finally:
            await engine.aclose()
        verified = await SubprocessVerifier(VerifySettings()).verify(request, offered)
        return offered, verified, reasons

    return asyncio.run(run())


def _covered(tests: list[RecommendedTest]) -> set[int]:
    return {line for test in tests if test.verified for line in test.covered_lines}


def test_a_fallback_defined_in_an_except_block_is_called(results: Results) -> None:
    offered, verified, _ = results
    assert offered and all(t.verified for t in verified)
    covered = _covered(verified)
    assert {_line(SOURCE, 'raise ValueError("negative'), _line(SOURCE, "return width *")} <= covered
    assert _line(SOURCE, 'return "four equal sides"') in covered


def test_a_method_attached_after_the_class_is_called_on_an_instance_and_on_the_class(
    results: Results,
) -> None:
    offered, verified, _ = results
    covered = _covered(verified)
    assert {
        _line(SOURCE, 'raise ValueError("factor'),
        _line(SOURCE, "return Box(self.width * factor"),
        _line(SOURCE, "return None"),
        _line(SOURCE, "return cls(side, side)"),
    } <= covered
    code = "\n".join(t.test_code for t in offered)
    assert ".scaled(" in code and "Box.square(" in code
    assert "_scaled(" not in code and "_square(" not in code


def test_an_instance_built_with_the_tests_mock_carries_its_import(results: Results) -> None:
    offered, verified, _ = results
    covered = _covered(verified)
    assert {_line(SOURCE, "return 0"), _line(SOURCE, "return len(text)")} <= covered
    uses_mock = [t for t in offered if "Mock()" in t.test_code]
    assert uses_mock
    # Self-contained: each test imports Mock the way the test file does when it can.
    assert all("from unittest.mock import Mock" in t.test_code for t in uses_mock)


def test_an_instance_is_built_the_way_the_tests_build_it_where_its_constructor_is_inherited(
    results: Results,
) -> None:
    offered, verified, _ = results
    covered = _covered(verified)
    # `Moment(2024, 7, 1)` in an assertion: `date`'s constructor, which the source does not show.
    assert _line(SOURCE, 'return "not winter"') in covered
    assert any("moment = Moment(2024, 7, 1)" in t.test_code for t in offered)


def test_a_definition_in_a_branch_that_never_runs_is_explained(results: Results) -> None:
    _, _, reasons = results
    dead = _line(SOURCE, "return unicode(shape)")
    # The range holding it starts at its `def` (which never ran either).
    start = max(n for n in reasons if n <= dead)
    assert start > _line(SOURCE, "else:")
    assert "`sys.version_info >= (3,)` is true here" in reasons[start]


def test_code_after_an_optional_import_that_failed_is_explained(results: Results) -> None:
    _, _, reasons = results
    start = _line(SOURCE, "from _covopt_missing_yaml import dump")
    assert "only when `import _covopt_missing_yaml` succeeds" in reasons[start]
    # And the `except ImportError:` branch of an import that worked.
    assert "only when `import json` fails" in reasons[_line(SOURCE, "json = None") - 1]
    # A function defined right after the import that failed: never made, not searched.
    assert (
        "only when `import _covopt_missing_textlib` succeeds"
        in reasons[_line(SOURCE, "def width(text):")]
    )
