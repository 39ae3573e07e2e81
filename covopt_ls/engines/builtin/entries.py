"""Public entry points that reach a private helper's lines: a small intra-module call graph.

A person tests `Hashids().encrypt(1)`, not the `_deprecated` wrapper it goes through, and
`quality("text/html", ...)`, not `_parseparam`. For a target that is private (`_name`, a
method of a `_Class`) or whose goals lie in a nested function (a decorator's wrapper), the
entries are the public callables that call it (directly, or through other private helpers),
and the public names a decorator is applied to (`@_deprecated` on a def, or
`self.encrypt = _deprecated(self.encode, ...)`, `encrypt = _deprecated(encode)`). Each entry is
a `Target` with the helper's goals, so the planner plans calls of the entry for them.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from covopt_ls.engines.builtin.targets import (
    ClassInfo,
    Target,
    function_params,
    kind_of,
)
from covopt_ls.engines.builtin.toplevel import (
    attached_methods,
    module_class_nodes,
    module_statements,
)

MAX_ENTRIES = 3
MAX_DEPTH = 5
"""Private helpers between an entry and the target, at most."""

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True, slots=True)
class _Callable:
    name: str
    node: FunctionNode
    cls: ast.ClassDef | None
    alias: str = ""
    """The public name the callable is bound to by a decorator call (else empty)."""
    kind: str = ""
    """How a function attached to a class after its creation is called (toplevel.Attached)."""


def wants_entries(target: Target) -> bool:
    """Whether a test through another callable would read better than a direct call."""
    if target.cls is not None and target.cls.name.startswith("_"):
        return True
    name = target.name
    dunder = name.startswith("__") and name.endswith("__")
    return (name.startswith("_") and not dunder) or _goals_nested(target)


def _goals_nested(target: Target) -> bool:
    goals = target.goal_lines | {a for a, _ in target.goal_arcs}
    for sub in ast.walk(target.node):
        if sub is not target.node and isinstance(sub, FunctionNode):
            end = sub.end_lineno or sub.lineno
            if any(sub.lineno < line <= end for line in goals):
                return True
    return False


def _public(name: str) -> bool:
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def _callables(tree: ast.Module) -> Iterator[_Callable]:
    classes = module_class_nodes(tree)
    attached = {id(a.node): a for a in reversed(attached_methods(tree))}
    for stmt in module_statements(tree):
        if isinstance(stmt, FunctionNode):
            made = attached.get(id(stmt))
            if made is not None and made.cls in classes:
                yield _Callable(made.name, stmt, classes[made.cls], kind=made.kind)
            else:
                yield _Callable(stmt.name, stmt, None)
        elif isinstance(stmt, ast.ClassDef):
            for member in stmt.body:
                if isinstance(member, FunctionNode):
                    yield _Callable(member.name, member, stmt)


def _calls(caller: _Callable, callee: _Callable) -> bool:
    """Whether `caller`'s body calls `callee` (`f(...)`; `self.f(...)`/`cls.f(...)`/`C.f(...)`
    for a method of the same class, or looked up by name: `getattr(self, "_nud_" + kind)`),
    or passes it along (`map(f, ...)`)."""
    names, attributes, prefixes = _references(caller.node)
    if (
        callee.cls is not None
        and caller.cls is callee.cls
        and any(callee.name.startswith(p) for p in prefixes)
    ):
        return True
    if callee.cls is None:
        return callee.name in names
    owners = ("self", "cls", callee.cls.name) if caller.cls is callee.cls else (callee.cls.name,)
    return any((owner, callee.name) in attributes for owner in owners)


@functools.lru_cache(maxsize=4096)
def _references(
    node: FunctionNode,
) -> tuple[frozenset[str], frozenset[tuple[str, str]], tuple[str, ...]]:
    """What a callable's body can reach others by, read once (every callable is asked about
    every other): the names it reads, the `owner.attribute` pairs it reads, and the name
    prefixes of the methods it looks up on itself."""
    names: set[str] = set()
    attributes: set[tuple[str, str]] = set()
    for sub in ast.walk(node):
        if sub is node:
            continue
        if isinstance(sub, ast.Name):
            names.add(sub.id)
        elif isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name):
            attributes.add((sub.value.id, sub.attr))
    return frozenset(names), frozenset(attributes), tuple(_dispatched(node))


def _dispatched(node: FunctionNode) -> list[str]:
    """The name prefixes of the methods a body looks up on itself by a built name: a parser's
    `getattr(self, "_token_nud_%s" % token["type"])` dispatches to every `_token_nud_*`."""
    found: list[str] = []
    for sub in ast.walk(node):
        if not (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Name)
            and sub.func.id == "getattr"
            and len(sub.args) >= 2
            and isinstance(sub.args[0], ast.Name)
            and sub.args[0].id in ("self", "cls")
        ):
            continue
        name = sub.args[1]
        head: ast.expr | None = None
        if isinstance(name, ast.JoinedStr) and name.values:
            head = name.values[0]
        elif isinstance(name, ast.BinOp) and isinstance(name.op, ast.Mod | ast.Add):
            head = name.left
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            prefix = head.value.split("%", 1)[0] if isinstance(name, ast.BinOp) else head.value
            if len(prefix) >= 2:
                found.append(prefix)
    return found


def _decorated(
    tree: ast.Module, decorator: _Callable, all_callables: list[_Callable]
) -> list[_Callable]:
    """Callables a module-level decorator function is applied to, under their public names."""
    if decorator.cls is not None:
        return []
    found: list[_Callable] = []
    by_name = {(c.cls.name if c.cls else None, c.name): c for c in all_callables}
    for item in all_callables:
        for dec in item.node.decorator_list:
            head = dec.func if isinstance(dec, ast.Call) else dec
            if isinstance(head, ast.Name) and head.id == decorator.name:
                found.append(item)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        call = node.value
        if not (isinstance(call.func, ast.Name) and call.func.id == decorator.name and call.args):
            continue
        wrapped = call.args[0]
        for target in node.targets:
            bound = _bound_name(target)
            if bound is None:
                continue
            owner = _owner(tree, node)
            if isinstance(wrapped, ast.Name):
                inner = by_name.get((None, wrapped.id)) or by_name.get(
                    (owner.name if owner else None, wrapped.id)
                )
            elif isinstance(wrapped, ast.Attribute) and owner is not None:
                inner = by_name.get((owner.name, wrapped.attr))
            else:
                inner = None
            if inner is not None:
                found.append(_Callable(inner.name, inner.node, owner, alias=bound))
    return found


def _bound_name(target: ast.expr) -> str | None:
    if isinstance(target, ast.Name):
        return target.id
    if (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    ):
        return target.attr
    return None


def _owner(tree: ast.Module, node: ast.AST) -> ast.ClassDef | None:
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.ClassDef) and any(sub is node for sub in ast.walk(stmt)):
            return stmt
    return None


def entries_for(target: Target, tree: ast.Module, classes: dict[str, ClassInfo]) -> list[Target]:
    """Public callables reaching `target`'s goals, nearest first, as targets with its goals."""
    if not wants_entries(target):
        return []
    every = list(_callables(tree))
    start = next((c for c in every if c.node is target.node), None)
    if start is None:
        return []
    found: list[_Callable] = []
    seen = {id(start.node)}
    frontier = [start]
    # Calling a decorator only builds its wrapper: lines inside the wrapper run through the
    # names it was applied to, not through the callers of the decorator itself.
    nested = _goals_nested(target)
    for depth in range(MAX_DEPTH):
        following: list[_Callable] = []
        for callee in frontier:
            reachers = [
                c
                for c in every
                if id(c.node) not in seen and _calls(c, callee) and not (nested and depth == 0)
            ]
            reachers.extend(_decorated(tree, callee, every))
            for caller in reachers:
                public = _public(caller.alias or caller.name) and not (
                    caller.cls is not None and caller.cls.name.startswith("_")
                )
                if caller.alias:
                    found.append(caller)
                elif id(caller.node) not in seen:
                    seen.add(id(caller.node))
                    (found if public else following).append(caller)
        frontier = following
        if len(found) >= MAX_ENTRIES or not frontier:
            break
    return [_entry(c, target, classes) for c in found[:MAX_ENTRIES]]


def _entry(caller: _Callable, target: Target, classes: dict[str, ClassInfo]) -> Target:
    cls = classes.get(caller.cls.name) if caller.cls is not None else None
    kind = caller.kind or kind_of(caller.node, cls is not None)
    if caller.alias and kind in ("init", "property"):
        kind = "method"
    params = function_params(caller.node, skip_first=kind in ("method", "init", "classmethod"))
    if kind == "property":
        params = []
    return Target(
        caller.alias or caller.name,
        caller.node,
        params,
        cls,
        kind,
        goal_lines=set(target.goal_lines),
        goal_arcs=set(target.goal_arcs),
        ranges=list(target.ranges),
        calls_of=caller.name if caller.alias else "",
    )


def handed_on(entry: Target, target: Target) -> dict[str, str]:
    """Entry parameters passed straight to the target's parameters (`kind(year)` calls
    `_check(year)`): the target's values for that parameter suit the entry's too."""
    positional = [p for p in target.params if not p.keyword_only and not p.variadic]
    names = {p.name for p in target.params}
    own = {p.name for p in entry.params}
    mapping: dict[str, str] = {}
    for sub in ast.walk(entry.node):
        if not isinstance(sub, ast.Call):
            continue
        func = sub.func
        called = (isinstance(func, ast.Name) and func.id == target.name) or (
            isinstance(func, ast.Attribute)
            and func.attr == target.name
            and isinstance(func.value, ast.Name)
            and func.value.id in ("self", "cls")
        )
        if not called:
            continue
        for index, arg in enumerate(sub.args):
            if isinstance(arg, ast.Name) and arg.id in own and index < len(positional):
                mapping.setdefault(arg.id, positional[index].name)
        for keyword in sub.keywords:
            value = keyword.value
            if keyword.arg in names and isinstance(value, ast.Name) and value.id in own:
                mapping.setdefault(value.id, keyword.arg)
    return mapping
