"""Callables that return a callable (decorators, decorator factories) are tested as a person uses
them: applied to a tiny local function, which is then called.

Asserting only that the result is a "function" reaches none of the wrapper's lines and checks
nothing a reader cares about; `@fifo_cache(maxsize=2)` on `def square(x): return x * x`, then
`square(3) == 9` twice, runs the wrapper and its cache hit as real code would.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from covopt_ls.engines.builtin.calls import owned_by

LOCAL_CALL = "3"
"""The simple value the decorated local function is called with (`square(3)`)."""


def _nested_defs(node: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {
        sub.name
        for sub in ast.walk(node)
        if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef) and sub is not node
    }


def returns_callable(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    functions: Mapping[str, ast.FunctionDef | ast.AsyncFunctionDef] | None = None,
    depth: int = 2,
) -> bool:
    """Whether the callable hands back a function: `return wrapper` of a nested
    `def wrapper` (or `update_wrapper(wrapper, f)` of it), `return lambda ...`, or the result
    of a module function that does
    (`return _cache(FIFOCache(maxsize), maxsize, typed)`)."""
    nested = _nested_defs(node)
    functions = functions or {}
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Return) or sub.value is None or not owned_by(sub, node):
            continue
        value = sub.value
        if isinstance(value, ast.Lambda):
            return True
        if isinstance(value, ast.Name) and value.id in nested:
            return True
        if isinstance(value, ast.Call) and any(
            isinstance(arg, ast.Name) and arg.id in nested for arg in value.args
        ):
            # `return update_wrapper(new_func, f)`, `return wraps(f)(wrapper)`: the nested
            # function handed back through a helper that dresses it up.
            return True
        if (
            depth > 0
            and isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in functions
            and functions[value.func.id] is not node
            and returns_callable(functions[value.func.id], functions, depth - 1)
        ):
            return True
    return False


def takes_function(node: ast.FunctionDef | ast.AsyncFunctionDef, param: str) -> bool:
    """Whether `param` holds the function being decorated: the body calls it, hands it to
    `wraps(...)`, or sets an attribute on it (`func.__doc__ = text`)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            if isinstance(sub.func, ast.Name) and sub.func.id == param:
                return True
            name = ast.unparse(sub.func).rsplit(".", 1)[-1]
            if name == "wraps" and any(
                isinstance(arg, ast.Name) and arg.id == param for arg in sub.args
            ):
                return True
        if (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.ctx, ast.Store)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == param
        ):
            return True
    return False


def applied(
    decorator: str, setup: tuple[str, ...], local: str
) -> list[tuple[tuple[str, ...], str]]:
    """(setup, call) pairs: the local function decorated, called once, then called again
    after a first call (what reaches a cache hit or a call counter)."""
    define = f"@{decorator}\ndef {local}(x):\n    return x * x"
    call = f"{local}({LOCAL_CALL})"
    return [((*setup, define), call), ((*setup, define, call), call)]
