"""Methods run through a dispatch table, and the public members that drive the table.

Code generators, visitors and validators register their handlers by keyword
(`self.handlers.update((("enum", self.do_enum), ...))`, `{"type": self.check_type}`) and a
driver walks the input, calling the handler of each keyword it holds (`for key, func in
self.handlers.items(): if key in definition: func()`). A handler called on its own finds none
of the state the driver sets up; a test reaches it as a user does, through a public member that
drives the table (`Generator({"enum": [1, 2]}).code`), with an input holding the handler's key.
The driver is often inherited from a base class in another module of the project.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from covopt_ls.engines.builtin.splice import imported_siblings, read_sibling
from covopt_ls.engines.builtin.targets import ClassInfo, Target, kind_of
from covopt_ls.engines.builtin.toplevel import module_statements

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
MAX_DRIVERS = 2
MAX_BASES = 4


@dataclass(frozen=True, slots=True)
class Handler:
    table: str
    """The `self.<table>` attribute the handler is registered in."""
    key: str
    """The keyword it is registered under."""


def _self_attr(node: ast.AST) -> str | None:
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    ):
        return node.attr
    return None


def _pairs(node: ast.AST) -> Iterator[tuple[str, str]]:
    """(key, method) pairs a table display holds: `("k", self.m)` tuples, `{"k": self.m}`."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Tuple) and len(sub.elts) == 2:
            key, value = sub.elts
            method = _self_attr(value)
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and method:
                yield key.value, method
        elif isinstance(sub, ast.Dict):
            for dkey, dvalue in zip(sub.keys, sub.values, strict=True):
                method = _self_attr(dvalue)
                if isinstance(dkey, ast.Constant) and isinstance(dkey.value, str) and method:
                    yield dkey.value, method


def handlers(cls: ast.ClassDef) -> dict[str, Handler]:
    """The class's methods registered in a table, each with the table and key: `self.table =
    {"k": self.m}`, `self.table.update((("k", self.m), ...))`, `self.table["k"] = self.m`."""
    found: dict[str, Handler] = {}
    for sub in ast.walk(cls):
        if isinstance(sub, ast.Assign | ast.AnnAssign) and sub.value is not None:
            targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
            for target in targets:
                if isinstance(target, ast.Subscript):
                    key, table, method = (
                        target.slice,
                        _self_attr(target.value),
                        _self_attr(sub.value),
                    )
                    if (
                        table
                        and method
                        and isinstance(key, ast.Constant)
                        and isinstance(key.value, str)
                    ):
                        found.setdefault(method, Handler(table, key.value))
                elif table := _self_attr(target):
                    for key_name, method in _pairs(sub.value):
                        found.setdefault(method, Handler(table, key_name))
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == "update"
            and (table := _self_attr(sub.func.value))
        ):
            for arg in sub.args:
                for key_name, method in _pairs(arg):
                    found.setdefault(method, Handler(table, key_name))
    return found


def project_bases(
    cls: ast.ClassDef,
    module_nodes: Mapping[str, ast.ClassDef],
    tree: ast.Module,
    source: Path | None,
    module: str,
) -> list[ast.ClassDef]:
    """The class's base classes defined in its module or in a module of its package it
    imports them from (`from .generator import CodeGenerator`), nearest first."""
    siblings: dict[str, tuple[Path, str | None]] = {}
    if source is not None:
        siblings = {bound: (path, member) for bound, path, member in imported_siblings(
            tree, source, module
        )}  # fmt: skip
    found: list[ast.ClassDef] = []
    pending: list[tuple[ast.ClassDef, Mapping[str, ast.ClassDef]]] = [(cls, module_nodes)]
    while pending and len(found) < MAX_BASES:
        current, scope = pending.pop(0)
        for base in current.bases:
            text = ast.unparse(base)
            name = text.rsplit(".", 1)[-1]
            parent = scope.get(name)
            parent_scope = scope
            if parent is None and scope is module_nodes:
                head = text.split(".", 1)[0]
                where = siblings.get(head)
                if where is not None:
                    sibling = read_sibling(where[0])
                    if sibling is not None:
                        parent_scope = {
                            s.name: s
                            for s in module_statements(sibling)
                            if isinstance(s, ast.ClassDef)
                        }
                        parent = parent_scope.get(where[1] or name)
            if parent is not None and parent is not current and parent not in found:
                found.append(parent)
                pending.append((parent, parent_scope))
    return found


def _methods(classes: list[ast.ClassDef]) -> dict[str, FunctionNode]:
    """The methods an instance has, the nearest class's definition winning."""
    methods: dict[str, FunctionNode] = {}
    for node in classes:
        for member in node.body:
            if isinstance(member, FunctionNode):
                methods.setdefault(member.name, member)
    return methods


def _referenced(node: FunctionNode) -> set[str]:
    return {name for sub in ast.walk(node) if (name := _self_attr(sub))}


def _no_arguments(node: FunctionNode) -> bool:
    args = node.args
    positional = [*args.posonlyargs, *args.args][1:]
    required = len(positional) - len(args.defaults)
    kw_required = any(d is None for d in args.kw_defaults)
    return required <= 0 and not kw_required


def driver_entries(
    target: Target, cls: ClassInfo, bases: list[ast.ClassDef], limit: int = MAX_DRIVERS
) -> list[Target]:
    """Public members of the class (own or inherited) that take no argument and run the
    table `target` is registered in, as targets with its goals: properties first (they
    return what the drive made), then the nearest."""
    registered = handlers(cls.node)
    handler = registered.get(target.name)
    if handler is None:
        return []
    hierarchy = [cls.node, *bases]
    methods = _methods(hierarchy)
    refs = {name: _referenced(node) for name, node in methods.items() if name != "__init__"}
    depth = {name: 0 for name, used in refs.items() if handler.table in used}
    frontier = list(depth)
    while frontier:
        following = []
        for callee in frontier:
            for name, used in refs.items():
                if callee in used and name not in depth and name not in registered:
                    depth[name] = depth[callee] + 1
                    following.append(name)
        frontier = following
    entries: list[tuple[int, int, str]] = []
    for name, level in depth.items():
        node = methods[name]
        kind = kind_of(node, True)
        if name.startswith("_") or name in registered or kind not in ("method", "property"):
            continue
        if kind == "method" and not _no_arguments(node):
            continue
        entries.append((0 if kind == "property" else 1, level, name))
    return [
        Target(
            name,
            methods[name],
            [],
            cls,
            kind_of(methods[name], True),
            goal_lines=set(target.goal_lines),
            goal_arcs=set(target.goal_arcs),
            ranges=list(target.ranges),
        )
        for _, _, name in sorted(entries)[:limit]
    ]


class Drivers:
    """The driver entries of a module's handler methods, each class's tables and project
    bases read once."""

    def __init__(
        self, tree: ast.Module, classes: Mapping[str, ClassInfo], source: Path | None, module: str
    ) -> None:
        self.tree = tree
        self.classes = classes
        self.source = source
        self.module = module
        self._handlers: dict[str, dict[str, Handler]] = {}
        self._bases: dict[str, list[ast.ClassDef]] = {}

    def entries(self, target: Target) -> list[Target]:
        cls = target.cls
        if cls is None or target.kind != "method":
            return []
        if cls.name not in self._handlers:
            self._handlers[cls.name] = handlers(cls.node)
        if target.name not in self._handlers[cls.name]:
            return []
        if cls.name not in self._bases:
            nodes = {name: info.node for name, info in self.classes.items()}
            self._bases[cls.name] = project_bases(
                cls.node, nodes, self.tree, self.source, self.module
            )
        return driver_entries(target, cls, self._bases[cls.name])
