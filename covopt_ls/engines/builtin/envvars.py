"""Environment variables a callable reads, and the values worth setting them to.

`os.environ.get("NO_COLOR")`, `os.getenv("DEBUG", "0") == "1"`, `"CI" in os.environ`: the
branch taken depends on the process's environment, which no argument changes. A test sets
the variable with pytest's `monkeypatch.setenv` (or removes it with `delenv`), so each variable
read gets an environment per value: the constants the read is compared with, a plain "1" and
the empty string, and the variable unset.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

from covopt_ls.engines.builtin.cli import FunctionNode, called_functions

MAX_VARIABLES = 4
MAX_VALUES = 4
_GETTERS = frozenset({"os.environ.get", "environ.get", "os.getenv", "getenv"})
_MAPPINGS = frozenset({"os.environ", "environ"})


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    values: tuple[str, ...]
    """Values to set it to, the ones the code compares it with first."""


def read_variables(
    node: FunctionNode, functions: Mapping[str, FunctionNode] | None = None
) -> list[Variable]:
    """The variables `node` (or a module function it calls directly) reads by a literal name."""
    bodies = [node, *called_functions(node, functions)]
    names: dict[str, list[str]] = {}
    for body in bodies:
        for sub in ast.walk(body):
            name = _read_name(sub)
            if name is not None:
                names.setdefault(name, [])
            if isinstance(sub, ast.Compare):
                _compared(sub, names)
    return [
        Variable(name, tuple(dict.fromkeys([*compared, "1", ""]))[:MAX_VALUES])
        for name, compared in list(names.items())[:MAX_VARIABLES]
    ]


def _read_name(node: ast.AST) -> str | None:
    """The variable a read names: `os.environ.get("X")`, `os.getenv("X")`, `os.environ["X"]`."""
    if isinstance(node, ast.Call) and ast.unparse(node.func) in _GETTERS and node.args:
        return _text(node.args[0])
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) in _MAPPINGS:
        return _text(node.slice)
    if (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.In | ast.NotIn)
        and ast.unparse(node.comparators[0]) in _MAPPINGS
    ):
        return _text(node.left)
    return None


def _compared(node: ast.Compare, names: dict[str, list[str]]) -> None:
    """`os.getenv("MODE", "").lower() in ("1", "true")`: the constants become values of MODE."""
    read = next(
        (name for sub in ast.walk(node.left) if (name := _read_name(sub)) is not None), None
    )
    if read is None:
        return
    for comparator in node.comparators:
        elements: list[ast.expr] = [comparator]
        if isinstance(comparator, ast.Tuple | ast.List | ast.Set):
            elements = comparator.elts
        for element in elements:
            value = _text(element)
            if value is not None and value not in names.setdefault(read, []):
                names[read].append(value)


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None
