"""Module-level state a function reads and the module functions that change it.

A registry (`_handlers = {}` filled by `register(name, fn)`, read by `dispatch(name)`), a cache
or a connection table lives in module globals: the branches of the reading function that need
an entry are reached only after another function put one there. As an instance's state is moved
by its other methods (recipes.py), a function's is moved by calling a writer first.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from covopt_ls.engines.builtin.calls import MUTATING_METHODS
from covopt_ls.engines.builtin.cli import FunctionNode, called_functions
from covopt_ls.engines.builtin.toplevel import module_statements


def written_globals(func: FunctionNode, module_globals: set[str]) -> set[str]:
    """The module globals `func` changes: items set or deleted, mutating methods called on
    them (also on an item: `table.setdefault(k, []).append(v)`), or rebound under `global`."""
    declared = {
        name for node in ast.walk(func) if isinstance(node, ast.Global) for name in node.names
    }
    local = _assigned_names(func) - declared
    found: set[str] = set()
    for node in ast.walk(func):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in declared:
                    found.add(target.id)
            elif (root := _root(target)) is not None:
                found.add(root)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in MUTATING_METHODS
            and (root := _root(node.func.value, through_calls=True)) is not None
        ):
            found.add(root)
    return {name for name in found if name in module_globals and name not in local}


def read_globals(
    func: FunctionNode, module_globals: set[str], functions: Mapping[str, FunctionNode]
) -> set[str]:
    """The module globals `func` (or a module function it calls directly) reads."""
    bodies = [func, *called_functions(func, functions)]
    found: set[str] = set()
    for body in bodies:
        local = _assigned_names(body) - {
            name for node in ast.walk(body) if isinstance(node, ast.Global) for name in node.names
        }
        found |= {
            node.id
            for node in ast.walk(body)
            if isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Load)
            and node.id in module_globals
            and node.id not in local
        }
    return found


def state_writers(
    target: FunctionNode, module_globals: set[str], functions: Mapping[str, FunctionNode]
) -> list[FunctionNode]:
    """The public module functions that change a global `target` reads, in source order."""
    read = read_globals(target, module_globals, functions)
    if not read:
        return []
    return [
        func
        for name, func in functions.items()
        if func is not target
        and not name.startswith("_")
        and written_globals(func, module_globals) & read
    ]


def module_globals(tree: ast.Module) -> dict[str, str | None]:
    """Names bound by plain assignments at the module's top level (not functions, classes or
    imports): the module's state, each with its initial value's source when that is a literal
    (`{}`, `[]`, `0`), which a test can put back with `monkeypatch.setattr`."""
    found: dict[str, str | None] = {}
    for node in module_statements(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        value = getattr(node, "value", None)
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, ast.Name):
                    literal = isinstance(target, ast.Name) and _is_literal(value)
                    found[sub.id] = ast.unparse(value) if literal and value else None
    return found


def _is_literal(node: ast.expr | None) -> bool:
    if node is None:
        return False
    try:
        ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("dict", "list", "set")
            and not node.args
            and not node.keywords
        )
    return len(ast.unparse(node)) <= 200


def _assigned_names(func: FunctionNode) -> set[str]:
    names = {a.arg for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)}
    names |= {a.arg for a in (func.args.vararg, func.args.kwarg) if a is not None}
    for node in ast.walk(func):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
    return names


def _root(node: ast.expr, through_calls: bool = False) -> str | None:
    """The name at the bottom of `x[k].attr` (and of `x.get(k)` with `through_calls`)."""
    while True:
        if isinstance(node, ast.Subscript | ast.Attribute):
            node = node.value
        elif through_calls and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            node = node.func.value
        else:
            break
    return node.id if isinstance(node, ast.Name) else None
