"""What a module binds when it is imported, wherever in its top level the binding is written.

Real modules define functions, classes and imports inside `try: import fastlib` /
`except ImportError: def slow(...)`, `if sys.version_info >= (3, 8):` / `else:`,
`if TYPE_CHECKING:` and `with warnings.catch_warnings():` blocks: those definitions are as
importable as the module's direct children, and every reader of "the module's top level"
(the callables to test, the names a test imports, the tables and constants to mine) walks them
through `module_statements`. A function can also become a method after its class is made
(`Munch.toJSON = toJSON`, `setattr(Cls, "name", classmethod(func))`): `attached_methods` finds
those, so the function is tested the way it is called, on an instance or on its class.
"""

from __future__ import annotations

import ast
import operator
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_UNKNOWN = object()
"""A value the walker cannot tell without running the module."""
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_WRAPPERS = {"classmethod": "classmethod", "staticmethod": "static", "property": "property"}


@dataclass(slots=True)
class _Walk:
    """The names the walk has learnt a value of (`PY2 = sys.version_info[0] == 2`), so a later
    `if PY2:` is told like the check itself; and the branches it found never run here."""

    values: dict[str, Any]
    dead: list[tuple[ast.If, list[ast.stmt]]]
    handlers: bool


def module_statements(tree: ast.Module, *, fallbacks: bool = True) -> Iterator[ast.stmt]:
    """The statements that run at module level, in source order, with the `if`/`try`/`with`
    around them opened (the compound statements themselves are not yielded). A branch known
    not to run here (`if TYPE_CHECKING:`, a version or platform check this interpreter fails)
    is left out; where it cannot be told (`if HAVE_X:`/`else:`) both branches are yielded.
    `fallbacks=False` leaves out the `except` handlers: what binds when the `try` succeeds."""
    yield from _statements(tree.body, _Walk({}, [], fallbacks))


def in_fallback(tree: ast.Module) -> set[int]:
    """The ids of the module-level statements that run only when a `try` failed (in an
    `except` handler): a name the `try` binds keeps that binding where both do
    (`from unittest.mock import Mock` / `except ImportError: from mock import Mock`)."""
    primary = {id(s) for s in module_statements(tree, fallbacks=False)}
    return {id(s) for s in module_statements(tree) if id(s) not in primary}


def dead_branches(tree: ast.Module) -> list[tuple[ast.If, list[ast.stmt]]]:
    """The module-level branches that never run in this interpreter: each `if` with the body
    (or else part) its condition rules out."""
    walk = _Walk({}, [], True)
    for _ in _statements(tree.body, walk):
        pass
    return walk.dead


def dead_definition(tree: ast.Module, line: int) -> str | None:
    """The condition (as source, with its verdict) that keeps the definition holding `line`
    from ever being made, when it lies in a module-level branch this interpreter never takes
    (`if sys.version_info < (3,):` / `def u(s): ...`)."""
    for node, branch in dead_branches(tree):
        for stmt in _statements(branch, _Walk({}, [], True)):
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                start = min([stmt.lineno, *(d.lineno for d in stmt.decorator_list)])
                if start <= line <= (stmt.end_lineno or stmt.lineno):
                    verdict = "false" if branch is node.body else "true"
                    return f"`{ast.unparse(node.test)}` is {verdict} here"
    return None


_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def failed_import(tree: ast.Module, line: int, executed: Callable[[int], bool]) -> str | None:
    """The import a module-level `try` block stopped at, when `line` is the statement right
    after it and the import itself ran (`executed`): `try: import yaml` / the definitions
    that follow exist only where the optional dependency is installed."""
    for stmt in ast.walk(tree):
        if not isinstance(stmt, ast.Try | ast.TryStar) or not _catches_import_error(stmt):
            continue
        for before, after in zip(stmt.body, stmt.body[1:], strict=False):
            first = min([after.lineno, *(d.lineno for d in getattr(after, "decorator_list", []))])
            if (
                first == line
                and isinstance(before, ast.Import | ast.ImportFrom)
                and executed(before.lineno)
            ):
                return ast.unparse(before)
    return None


def import_fallback(tree: ast.Module, line: int) -> str | None:
    """The first import of a `try` block whose `except ImportError:` handler is at `line`:
    the handler (`import simplejson as json`, `pass`) runs only where that import fails."""
    for stmt in ast.walk(tree):
        if not isinstance(stmt, ast.Try | ast.TryStar) or not _catches_import_error(stmt):
            continue
        imports = [s for s in stmt.body if isinstance(s, ast.Import | ast.ImportFrom)]
        # coverage.py reports the `except` line itself missing too (where the range starts).
        starts = {n for h in stmt.handlers for n in (h.lineno, h.body[0].lineno)}
        if imports and line in starts:
            return ast.unparse(imports[0])
    return None


def _catches_import_error(stmt: ast.Try | ast.TryStar) -> bool:
    for handler in stmt.handlers:
        if handler.type is None:
            return True
        caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(ast.unparse(c).rsplit(".", 1)[-1] in _IMPORT_ERRORS for c in caught):
            return True
    return False


def _statements(body: list[ast.stmt], walk: _Walk) -> Iterator[ast.stmt]:
    for stmt in body:
        if isinstance(stmt, ast.If):
            truth = _truth(stmt.test, walk.values)
            if truth is not False:
                yield from _statements(stmt.body, walk)
            elif stmt.body:
                walk.dead.append((stmt, stmt.body))
            if truth is not True:
                yield from _statements(stmt.orelse, walk)
            elif stmt.orelse:
                walk.dead.append((stmt, stmt.orelse))
            if truth is None:
                _forget(stmt, walk.values)
        elif isinstance(stmt, ast.Try | ast.TryStar):
            yield from _statements(stmt.body, walk)
            if walk.handlers:
                for handler in stmt.handlers:
                    yield from _statements(handler.body, walk)
            yield from _statements(stmt.orelse, walk)
            yield from _statements(stmt.finalbody, walk)
            # `try: import fastlib; HAVE_FAST = True` / `except ImportError: HAVE_FAST = False`:
            # which one holds is not known without running it.
            _forget(stmt, walk.values)
        elif isinstance(stmt, ast.With | ast.AsyncWith):
            yield from _statements(stmt.body, walk)
        else:
            _learn(stmt, walk.values)
            yield stmt


def _forget(stmt: ast.stmt, values: dict[str, Any]) -> None:
    for sub in ast.walk(stmt):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            values.pop(sub.id, None)


def _learn(stmt: ast.stmt, values: dict[str, Any]) -> None:
    """Remember what a plain assignment binds when its value can be told; forget any other
    rebinding of a remembered name."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        values.pop(stmt.name, None)
    elif isinstance(stmt, ast.Import):
        for alias in stmt.names:
            values.pop(alias.asname or alias.name.split(".")[0], None)
    elif isinstance(stmt, ast.ImportFrom):
        for alias in stmt.names:
            bound = alias.asname or alias.name
            if alias.name == "TYPE_CHECKING":
                values[bound] = False
            elif stmt.module == "sys" and alias.name in ("version_info", "platform"):
                values[bound] = getattr(sys, alias.name)
            else:
                values.pop(bound, None)
    elif (
        isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
        and isinstance(stmt.targets[0], ast.Name)
    ):
        value = _value(stmt.value, values)
        if value is _UNKNOWN:
            values.pop(stmt.targets[0].id, None)
        else:
            values[stmt.targets[0].id] = value
    else:
        _forget(stmt, values)


def _truth(test: ast.expr, values: dict[str, Any]) -> bool | None:
    value = _value(test, values)
    if value is _UNKNOWN:
        return None
    try:
        return bool(value)
    except Exception:  # a value without a truth is one the walker cannot tell
        return None


def _value(node: ast.expr, values: dict[str, Any]) -> Any:
    """What `node` evaluates to here, for the few things a module checks about where it runs
    (`sys.version_info`, `sys.platform`, `os.name`, `TYPE_CHECKING`, constants and names bound
    to them); `_UNKNOWN` for anything else."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple):
        items = [_value(e, values) for e in node.elts]
        return _UNKNOWN if any(i is _UNKNOWN for i in items) else tuple(items)
    if isinstance(node, ast.Name):
        return values.get(node.id, _UNKNOWN)
    if isinstance(node, ast.Attribute):
        return _attribute(node, values)
    if isinstance(node, ast.Subscript):
        return _subscript(node, values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _truth(node.operand, values)
        return _UNKNOWN if inner is None else not inner
    if isinstance(node, ast.BoolOp):
        return _bool_op(node, values)
    if isinstance(node, ast.Compare):
        return _compare(node, values)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("startswith", "endswith")
        and len(node.args) == 1
        and not node.keywords
    ):
        owner = _value(node.func.value, values)
        prefix = _value(node.args[0], values)
        if isinstance(owner, str) and isinstance(prefix, str | tuple):
            return getattr(owner, node.func.attr)(prefix)
    return _UNKNOWN


def _attribute(node: ast.Attribute, values: dict[str, Any]) -> Any:
    dotted = ast.unparse(node)
    if dotted.endswith("TYPE_CHECKING"):
        return False
    if dotted == "sys.version_info":
        return sys.version_info
    if dotted == "sys.platform":
        return sys.platform
    if dotted == "os.name":
        return os.name
    owner = _value(node.value, values)
    if owner is sys.version_info and node.attr in ("major", "minor", "micro"):
        return getattr(owner, node.attr)
    return _UNKNOWN


def _subscript(node: ast.Subscript, values: dict[str, Any]) -> Any:
    owner = _value(node.value, values)
    if not isinstance(owner, tuple):
        return _UNKNOWN
    index = node.slice
    if isinstance(index, ast.Slice):
        bounds = [None if b is None else _value(b, values) for b in (index.lower, index.upper)]
        if index.step is not None or any(b is _UNKNOWN for b in bounds):
            return _UNKNOWN
        return tuple(owner[bounds[0] : bounds[1]])
    position = _value(index, values)
    if isinstance(position, int) and -len(owner) <= position < len(owner):
        return owner[position]
    return _UNKNOWN


def _bool_op(node: ast.BoolOp, values: dict[str, Any]) -> Any:
    truths = [_truth(v, values) for v in node.values]
    if isinstance(node.op, ast.And):
        if False in truths:
            return False
        return True if all(t is True for t in truths) else _UNKNOWN
    if True in truths:
        return True
    return False if all(t is False for t in truths) else _UNKNOWN


def _compare(node: ast.Compare, values: dict[str, Any]) -> Any:
    if (
        isinstance(node.left, ast.Name)
        and node.left.id == "__name__"
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.Eq | ast.NotEq)
        and _value(node.comparators[0], values) == "__main__"
    ):
        # Tests import the module: its `if __name__ == "__main__":` block never runs then.
        return isinstance(node.ops[0], ast.NotEq)
    left = _value(node.left, values)
    if left is _UNKNOWN:
        return _UNKNOWN
    if left is sys.version_info:
        left = tuple(left)
    for op, right_node in zip(node.ops, node.comparators, strict=True):
        right = _value(right_node, values)
        compare = _COMPARE.get(type(op))
        if right is _UNKNOWN or compare is None:
            return _UNKNOWN
        if right is sys.version_info:
            right = tuple(right)
        try:
            if not compare(left, right):
                return False
        except TypeError:
            return _UNKNOWN
        left = right
    return True


@dataclass(frozen=True, slots=True)
class Attached:
    """A module function made a member of a class after (or inside) the class statement."""

    cls: str
    name: str
    """The name it has on the class (`Munch.toJSON = to_json`: `toJSON`)."""
    node: FunctionNode
    kind: str
    """"method", "classmethod", "static" or "property" (the wrapper it was attached in)."""


def module_functions(tree: ast.Module) -> dict[str, FunctionNode]:
    """The module's functions by name (a name defined in two branches: the later one)."""
    return {
        stmt.name: stmt
        for stmt in module_statements(tree)
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def module_class_nodes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    return {stmt.name: stmt for stmt in module_statements(tree) if isinstance(stmt, ast.ClassDef)}


def attached_methods(tree: ast.Module) -> list[Attached]:
    """Module functions attached to a module class: `Cls.name = func`,
    `Cls.name = classmethod(func)`, `setattr(Cls, "name", func)` at module level, and
    `name = func` in the class body."""
    functions = module_functions(tree)
    classes = module_class_nodes(tree)
    found: list[Attached] = []

    def add(cls: str, name: str, value: ast.expr) -> None:
        kind = "method"
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in _WRAPPERS
            and len(value.args) == 1
            and not value.keywords
        ):
            kind = _WRAPPERS[value.func.id]
            value = value.args[0]
        if isinstance(value, ast.Name) and value.id in functions and cls in classes:
            found.append(Attached(cls, name, functions[value.id], kind))

    for stmt in module_statements(tree):
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                    add(target.value.id, target.attr, stmt.value)
        elif (
            isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name)
            and stmt.value.func.id == "setattr"
            and len(stmt.value.args) == 3
        ):
            owner, name, value = stmt.value.args
            if (
                isinstance(owner, ast.Name)
                and isinstance(name, ast.Constant)
                and isinstance(name.value, str)
                and name.value.isidentifier()
            ):
                add(owner.id, name.value, value)
        elif isinstance(stmt, ast.ClassDef):
            for member in stmt.body:
                if isinstance(member, ast.Assign):
                    for target in member.targets:
                        if isinstance(target, ast.Name):
                            add(stmt.name, target.id, member.value)
    return found
