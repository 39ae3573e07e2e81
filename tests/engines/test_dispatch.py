"""Handler methods registered in a dispatch table are reached through the public members that
drive the table (dispatch.py), with the base class that drives it in another module."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.engines.builtin.dispatch import Drivers, Handler, handlers, project_bases
from covopt_ls.engines.builtin.targets import Target, function_params, module_classes
from tests.engines.projects import measured_package_request, offered_and_verified

BASE = """\
class Generator:
    def __init__(self, definition):
        self._root = definition
        self._definition = None
        self._handlers = {}
        self._code = []

    @property
    def code(self):
        self._generate(self._root)
        return "\\n".join(self._code)

    def reset(self, keep):
        self._code = [] if not keep else self._code

    def generate_all(self):
        self._generate(self._root)

    def _generate(self, definition):
        self._definition = definition
        for key, handler in self._handlers.items():
            if key in definition:
                handler()
"""

SCHEMA = """\
from .base import Generator


class SchemaGenerator(Generator):
    def __init__(self, definition, strict=True):
        super().__init__(definition)
        self.strict = strict
        self._handlers.update((
            ("enum", self.generate_enum),
            ("minLength", self.generate_min_length),
        ))
        self._handlers["maxLength"] = self.generate_max_length

    def generate_enum(self):
        values = self._definition["enum"]
        if not isinstance(values, (list, tuple)):
            raise ValueError("enum must be a list")
        for value in values:
            self._code.append(f"check {value!r}")

    def generate_min_length(self):
        if self._definition["minLength"] > 0:
            self._code.append("check length")

    def generate_max_length(self):
        self._code.append("max")

    def helper(self, text):
        return text.strip()
"""


def _schema_class() -> ast.ClassDef:
    tree = ast.parse(SCHEMA)
    return next(node for node in tree.body if isinstance(node, ast.ClassDef))


def test_handlers_are_read_from_pair_tuples_dict_displays_and_item_assignments() -> None:
    found = handlers(_schema_class())
    assert found == {
        "generate_enum": Handler("_handlers", "enum"),
        "generate_min_length": Handler("_handlers", "minLength"),
        "generate_max_length": Handler("_handlers", "maxLength"),
    }
    display = ast.parse(
        textwrap.dedent(
            """
            class Visitor:
                def __init__(self):
                    self.table = {"Name": self.visit_name, "x": other}
            """
        )
    ).body[0]
    assert isinstance(display, ast.ClassDef)
    assert handlers(display) == {"visit_name": Handler("table", "Name")}


def _package(root: Path) -> tuple[ast.Module, Path]:
    (root / "pkg").mkdir()
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "base.py").write_text(BASE)
    (root / "pkg" / "schema.py").write_text(SCHEMA)
    return ast.parse(SCHEMA), root / "pkg" / "schema.py"


def test_a_base_class_is_found_in_the_sibling_module_it_is_imported_from(tmp_path: Path) -> None:
    tree, source = _package(tmp_path)
    classes = module_classes(tree)
    nodes = {name: info.node for name, info in classes.items()}
    bases = project_bases(classes["SchemaGenerator"].node, nodes, tree, source, "pkg.schema")
    assert [b.name for b in bases] == ["Generator"]
    assert project_bases(classes["SchemaGenerator"].node, nodes, tree, None, "pkg.schema") == []


def test_the_drivers_are_the_public_argument_free_members_running_the_table(
    tmp_path: Path,
) -> None:
    tree, source = _package(tmp_path)
    classes = module_classes(tree)
    cls = classes["SchemaGenerator"]
    drivers = Drivers(tree, classes, source, "pkg.schema")
    methods = {m.name: m for m in cls.node.body if isinstance(m, ast.FunctionDef)}

    def target(name: str) -> Target:
        node = methods[name]
        return Target(name, node, function_params(node, skip_first=True), cls, "method", {1})

    entries = drivers.entries(target("generate_enum"))
    # The property first; `reset` takes an argument and does not run the table; `_generate`
    # is private; the other handlers are not drivers.
    assert [(e.name, e.kind) for e in entries] == [("code", "property"), ("generate_all", "method")]
    assert all(e.cls is cls and e.goal_lines == {1} and not e.params for e in entries)
    assert drivers.entries(target("helper")) == []


def test_a_handler_is_reached_through_the_inherited_driver_with_its_key(tmp_path: Path) -> None:
    tests = (
        "from pkg.schema import SchemaGenerator\n\n\n"
        "def test_empty():\n    assert SchemaGenerator({}).code == ''\n"
    )
    request = measured_package_request(
        tmp_path,
        {"pkg/__init__.py": "", "pkg/base.py": BASE, "pkg/schema.py": SCHEMA},
        "pkg/schema.py",
        tests,
    )

    def line(text: str) -> int:
        return next(i for i, source in enumerate(SCHEMA.splitlines(), 1) if text in source)

    wanted = {line('raise ValueError("enum'), line("check {value"), line('"check length"')}
    missing = {n for r in request.uncovered_ranges for n in range(r.start_line, r.end_line + 1)}
    assert wanted <= missing
    offered, verified = offered_and_verified(request, budget_seconds=3.0)
    assert verified and all(t.verified and t.passed for t in verified)
    assert wanted <= {n for t in verified for n in t.covered_lines}
    code = "\n".join(t.test_code for t in offered).replace('"', "'")
    # Through the public property, the instance built with the handler's key.
    assert ".code" in code and "SchemaGenerator({'enum': [" in code
