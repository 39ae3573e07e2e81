"""Objects of the project's other classes, for parameters annotated with them.

Typed code names its collaborators: `def __init__(self, env: Environment)`, the class imported
from a sibling module, often only for type checking (`if TYPE_CHECKING:`, to avoid an import
cycle). None or a literal stands in for it poorly: the body calls `env.schedule(...)`. Where
such a class can be built without arguments (nothing its constructor requires), a fresh
instance is the value, its class imported as the module imports it (made absolute): run
before the candidates and written into the tests that use it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from covopt_ls import syntax
from covopt_ls.engines.builtin.modpath import Definitions, module_file

MAX_CLASSES = 8
"""Imported classes looked up at most: each costs a read of another module."""


@dataclass(frozen=True, slots=True)
class ImportedClass:
    value: str
    """The instance as source (`Environment()`)."""
    statement: str
    """The import binding the class's name (`from simpy.core import Environment`)."""


def _imports(body: list[ast.stmt]) -> Iterator[ast.ImportFrom]:
    """The module-level `from` imports, those under an `if` (`TYPE_CHECKING`) or `try` too."""
    for stmt in body:
        if isinstance(stmt, ast.ImportFrom):
            yield stmt
        elif isinstance(stmt, ast.If):
            yield from _imports(stmt.body)
            yield from _imports(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            yield from _imports(stmt.body)


def annotation_names(annotation: ast.expr | None) -> list[str]:
    """The names an annotation mentions (`Optional["Environment"]` → Optional, Environment)."""
    if annotation is None:
        return []
    found: list[str] = []
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            found.append(node.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                found.extend(annotation_names(syntax.parse(node.value, mode="eval").body))
            except SyntaxError:
                continue
    return found


def _annotated(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
                names.update(annotation_names(arg.annotation))
    return names


def _buildable(cls: ast.ClassDef) -> bool:
    """Whether the class can be called without arguments: its `__init__` requires none (a
    dataclass, none of its fields without a default); without either, assumed so."""
    for stmt in cls.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
            args = stmt.args
            positional = [*args.posonlyargs, *args.args][1:]
            required = len(positional) - len(args.defaults)
            return required <= 0 and all(d is not None for d in args.kw_defaults)
    if any("dataclass" in ast.unparse(d) for d in cls.decorator_list):
        return not any(
            isinstance(stmt, ast.AnnAssign)
            and stmt.value is None
            and "ClassVar" not in ast.unparse(stmt.annotation)
            for stmt in cls.body
        )
    return True


def imported_classes(
    tree: ast.Module, module: str, definitions: Definitions, defined: set[str]
) -> dict[str, ImportedClass]:
    """Name → instance, for the classes of the project the module imports by name and
    annotates a parameter with, that can be built without arguments."""
    annotated = _annotated(tree) - defined
    found: dict[str, ImportedClass] = {}
    looked = 0
    for stmt in _imports(tree.body):
        for alias in stmt.names:
            bound = alias.asname or alias.name
            if bound not in annotated or bound in found or not bound[:1].isupper():
                continue
            source = definitions.imported_from(module, stmt)
            if source is None or looked >= MAX_CLASSES:
                continue
            if module_file(source, definitions.sys_path) is None:
                continue  # not the project's (`typing`, an installed library)
            looked += 1
            node = definitions.find(source, [alias.name])
            if isinstance(node, ast.ClassDef) and _buildable(node):
                statement = ast.unparse(ast.ImportFrom(source, [alias], 0))
                found[bound] = ImportedClass(f"{bound}()", statement)
    return found
