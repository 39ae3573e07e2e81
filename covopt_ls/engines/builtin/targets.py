"""Which function or method encloses each uncovered range, and what calling it takes.

The engine works per callable: the innermost `def` around a range (a nested function counts as
its outer one, since only the outer one can be called from a test). The signature is read from
the AST (parameters, their annotations and defaults as source); a class's constructor comes
from its `__init__`, or from its dataclass fields.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field

from covopt_ls.coverage.model import Arc, UncoveredRange
from covopt_ls.engines.builtin.toplevel import (
    attached_methods,
    failed_import,
    module_statements,
)


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    annotation: ast.expr | None = None
    default: ast.expr | None = None
    keyword_only: bool = False
    variadic: bool = False
    """`*args`: its value is source for zero or more positional arguments (`"a", "b"`)."""

    @property
    def has_default(self) -> bool:
        return self.default is not None or self.variadic


@dataclass(slots=True)
class ClassInfo:
    name: str
    node: ast.ClassDef
    init_params: list[Param]
    """Constructor parameters (without self); dataclass fields when there is no __init__."""
    is_enum: bool = False
    attr_params: dict[str, str] = field(default_factory=dict)
    """`self.attr` → the constructor parameter stored in it, to route comparisons with attrs."""
    init_node: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    """The constructor a call of the class runs (its own `__init__`/`__new__`, or a module base
    class's), whose body tells what its arguments should be."""


@dataclass(slots=True)
class Target:
    """One callable to reach, with the goals (lines and arcs) the ranges ask of it."""

    name: str
    node: ast.FunctionDef | ast.AsyncFunctionDef
    params: list[Param]
    cls: ClassInfo | None = None
    kind: str = "function"
    """"function", "method", "static", "classmethod", "init", or "property"."""
    goal_lines: set[int] = field(default_factory=set)
    goal_arcs: set[Arc] = field(default_factory=set)
    ranges: list[UncoveredRange] = field(default_factory=list)
    calls_of: str = ""
    """The name the existing tests call this callable by, when `name` is an alias bound by a
    decorator call (`self.encrypt = _deprecated(self.encode, ...)`: tests call `encode`)."""

    @property
    def qualname(self) -> str:
        return f"{self.cls.name}.{self.name}" if self.cls else self.name

    @property
    def is_async(self) -> bool:
        return isinstance(self.node, ast.AsyncFunctionDef)


def function_params(
    node: ast.FunctionDef | ast.AsyncFunctionDef, *, skip_first: bool
) -> list[Param]:
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults.extend(args.defaults)
    params = [
        Param(arg.arg, arg.annotation, default)
        for arg, default in zip(positional, defaults, strict=True)
    ]
    if skip_first and params:
        params = params[1:]
    if args.vararg is not None:
        params.append(Param(args.vararg.arg, args.vararg.annotation, variadic=True))
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        params.append(Param(arg.arg, arg.annotation, kw_default, keyword_only=True))
    return params


def _decorator_names(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> set[str]:
    names = set()
    for dec in node.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def _dataclass_fields(node: ast.ClassDef) -> list[Param]:
    params = []
    for stmt in node.body:
        if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
            continue
        if "ClassVar" in ast.unparse(stmt.annotation):
            continue
        default = stmt.value
        if isinstance(default, ast.Call) and ast.unparse(default.func).endswith("field"):
            keywords = {kw.arg: kw.value for kw in default.keywords}
            if "default" in keywords:
                default = keywords["default"]
            elif "default_factory" in keywords:
                default = ast.Call(keywords["default_factory"], [], [])
            else:
                default = None
            if any(
                kw.arg == "init" and isinstance(kw.value, ast.Constant) and kw.value.value is False
                for kw in stmt.value.keywords  # type: ignore[union-attr]
            ):
                continue
        params.append(Param(stmt.target.id, stmt.annotation, default))
    return params


def _own_constructor(node: ast.ClassDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The class's `__init__`, else its `__new__` (an immutable type's constructor)."""
    methods = {
        stmt.name: stmt
        for stmt in node.body
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
        and stmt.name in ("__init__", "__new__")
    }
    return methods.get("__init__") or methods.get("__new__")


def _constructor(
    node: ast.ClassDef, module_classes: Mapping[str, ast.ClassDef]
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The constructor a call of the class runs: its own, else the nearest one of a base class
    the module defines (`class Values(View)` is built as `View` is)."""
    seen: set[str] = set()
    pending = [node]
    while pending:
        current = pending.pop(0)
        found = _own_constructor(current)
        if found is not None:
            return found
        for base in current.bases:
            name = ast.unparse(base).rsplit(".", 1)[-1]
            parent = module_classes.get(name)
            if parent is not None and parent is not current and name not in seen:
                seen.add(name)
                pending.append(parent)
    return None


def class_info(
    node: ast.ClassDef, module_classes: Mapping[str, ast.ClassDef] | None = None
) -> ClassInfo:
    base_names = {ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases}
    is_enum = bool(base_names & {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
    init = _own_constructor(node)
    if init is None and not ("dataclass" in _decorator_names(node) or base_names & {"NamedTuple"}):
        init = _constructor(node, module_classes or {})
    attr_params: dict[str, str] = {}
    if init is not None:
        params = function_params(init, skip_first=True)
        names = {p.name for p in params}
        for sub in ast.walk(init):
            if isinstance(sub, ast.Assign) and isinstance(sub.value, ast.Name):
                for tgt in sub.targets:
                    if (
                        isinstance(tgt, ast.Attribute)
                        and isinstance(tgt.value, ast.Name)
                        and tgt.value.id == "self"
                        and sub.value.id in names
                    ):
                        attr_params[tgt.attr] = sub.value.id
    elif "dataclass" in _decorator_names(node) or base_names & {"NamedTuple"}:
        params = _dataclass_fields(node)
        attr_params = {p.name: p.name for p in params}
    else:
        params = []
    return ClassInfo(node.name, node, params, is_enum, attr_params, init)


def abstract_members(
    node: ast.ClassDef, classes: Mapping[str, ast.ClassDef], depth: int = 4
) -> dict[str, str]:
    """The abstract methods a class leaves to its subclasses (`@abstractmethod` in it or in
    the module's base classes it inherits, not given a body on the way), each with its kind:
    "method", "property", "classmethod" or "staticmethod"."""
    found: dict[str, str] = {}
    if depth > 0:
        for base in node.bases:
            parent = classes.get(ast.unparse(base))
            if parent is not None and parent is not node:
                found.update(abstract_members(parent, classes, depth - 1))
    for member in node.body:
        if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
            decorators = _decorator_names(member)
            if decorators & {"abstractmethod", "abstractproperty"}:
                kinds = ("property", "classmethod", "staticmethod", "abstractproperty")
                kind = next((k for k in kinds if k in decorators), "method")
                found[member.name] = "property" if kind == "abstractproperty" else kind
            else:
                found.pop(member.name, None)
        elif isinstance(member, ast.Assign):
            for target in member.targets:
                if isinstance(target, ast.Name):
                    found.pop(target.id, None)
    return found


def enum_members(node: ast.ClassDef) -> list[str]:
    """The member names an enum class body assigns (`MINUTE = 0`), in order."""
    return [
        stmt.targets[0].id
        for stmt in node.body
        if isinstance(stmt, ast.Assign)
        and isinstance(stmt.targets[0], ast.Name)
        and not stmt.targets[0].id.startswith("_")
    ]


def members(node: ast.ClassDef) -> set[str]:
    """Names an instance of the class has: its methods, class attributes and fields, and the
    `self.x` its methods assign."""
    names: set[str] = set()
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(stmt.name)
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            names.add(stmt.target.id)
        elif isinstance(stmt, ast.Assign):
            names.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.ctx, ast.Store)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == "self"
        ):
            names.add(sub.attr)
    return names


def module_classes(tree: ast.Module) -> dict[str, ClassInfo]:
    nodes = {stmt.name: stmt for stmt in module_statements(tree) if isinstance(stmt, ast.ClassDef)}
    return {name: class_info(node, nodes) for name, node in nodes.items()}


def kind_of(node: ast.FunctionDef | ast.AsyncFunctionDef, in_class: bool) -> str:
    if not in_class:
        return "function"
    decorators = _decorator_names(node)
    if "staticmethod" in decorators:
        return "static"
    if "classmethod" in decorators:
        return "classmethod"
    if "property" in decorators or "cached_property" in decorators:
        return "property"
    if node.name in ("__init__", "__new__"):
        return "init"  # run by calling the class
    return "method"


def _span(node: ast.stmt) -> tuple[int, int]:
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return start, node.end_lineno or node.lineno


def locate(
    tree: ast.Module, line: int
) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, ast.ClassDef | None] | None:
    """The outermost callable (module function or method of a module-level class) holding
    line; module level reaches into `if`/`try`/`with` blocks (toplevel.module_statements)."""
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            start, end = _span(stmt)
            if start <= line <= end:
                return stmt, None
        elif isinstance(stmt, ast.ClassDef):
            for member in stmt.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    start, end = _span(member)
                    if start <= line <= end:
                        return member, stmt
    return None


def statement_lines(node: ast.AST) -> set[int]:
    """Lines where a statement starts (coverage.py reports a statement by its first line)."""
    lines = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.stmt) and not isinstance(
            sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
        ):
            if (
                isinstance(sub, ast.Expr)
                and isinstance(sub.value, ast.Constant)
                and isinstance(sub.value.value, str)
            ):
                continue
            lines.add(sub.lineno)
    return lines


def in_definition(tree: ast.Module, line: int) -> bool:
    """Whether a line lies inside any def or class body (not plain module-level code)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            start, end = _span(node)
            if start < line <= end:
                return True
    return False


def goals_for(rng: UncoveredRange, node: ast.stmt) -> tuple[set[int], set[Arc]]:
    """Lines a `line` range asks for, arcs a `branch` range asks for (within the callable)."""
    start, end = _span(node)
    executable = statement_lines(node)
    lines = {
        n for n in range(rng.start_line, rng.end_line + 1) if start <= n <= end and n in executable
    }
    if rng.type == "branch" and rng.missing_arcs:
        return set(), {arc for arc in rng.missing_arcs if start <= arc[0] <= end}
    return lines, set()


def overload_stub(node: ast.stmt) -> bool:
    """A `@typing.overload` signature: the definition after it replaces it, so its body never
    runs (coverage.py still counts its `pass` or `...` unless excluded)."""
    return isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
        "overload" in _decorator_names(node)
    )


def in_overload_stub(tree: ast.Module, line: int) -> bool:
    found = locate(tree, line)
    return found is not None and overload_stub(found[0])


def collect_targets(
    tree: ast.Module, ranges: tuple[UncoveredRange, ...]
) -> tuple[list[Target], list[UncoveredRange]]:
    """Targets with their goals, and the ranges outside any callable (module-level code)."""
    classes = module_classes(tree)
    # A function attached to a class (`Cls.name = func`) is tested as that class's member.
    attached = {id(a.node): a for a in reversed(attached_methods(tree)) if a.cls in classes}
    by_node: dict[int, Target] = {}
    outside: list[UncoveredRange] = []

    def executed(line: int) -> bool:
        return not any(r.start_line <= line <= r.end_line for r in ranges)

    for rng in ranges:
        found = locate(tree, rng.start_line)
        if found is None:
            outside.append(rng)
            continue
        node, cls_node = found
        start = _span(node)[0]
        if overload_stub(node):
            outside.append(rng)  # replaced by the implementation below it: it never runs
            continue
        if cls_node is None and not executed(start) and failed_import(tree, start, executed):
            # `try: import annotationlib` failed just before this `def`: in the measured run
            # the function was never made, the name calls the `except` branch's fallback.
            outside.append(rng)
            continue
        target = by_node.get(id(node))
        if target is None:
            cls = classes[cls_node.name] if cls_node is not None else None
            kind = kind_of(node, cls is not None)
            name = node.name
            member = attached.get(id(node)) if cls is None else None
            if member is not None:
                cls, kind, name = classes[member.cls], member.kind, member.name
            params = function_params(
                node, skip_first=kind in ("method", "init", "classmethod", "property")
            )
            target = Target(name, node, params, cls, kind)
            by_node[id(node)] = target
        lines, arcs = goals_for(rng, node)
        target.goal_lines |= lines
        target.goal_arcs |= arcs
        target.ranges.append(rng)
    return list(by_node.values()), outside
