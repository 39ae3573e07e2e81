"""What the project's existing tests already know: imports, calls, and how objects are built.

The existing tests are the best source of valid inputs: they show the argument shapes the
author uses, how an instance is set up before a method is called, and which helper values
(`date(2024, 3, 6)`, `Item("A1", ...)`) are meaningful. Nothing here runs them.
"""

from __future__ import annotations

import ast
import copy
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from covopt_ls import syntax
from covopt_ls.engines.builtin.toplevel import in_fallback, module_statements


@dataclass(frozen=True, slots=True)
class Recipe:
    """Statements that build an instance, ending with it bound to `var`."""

    var: str
    statements: tuple[str, ...]
    note: tuple[tuple[str, str], ...] = ()
    """Constructor arguments changed from the tests' own recipe, for naming the test."""


@dataclass(slots=True)
class TestKnowledge:
    imports: list[str] = field(default_factory=list)
    """Top-level import statements, as source."""
    import_of: dict[str, str] = field(default_factory=dict)
    """A bound name → the import statement (single name) that binds it."""
    calls: dict[str, list[ast.Call]] = field(default_factory=lambda: defaultdict(list))
    """Calls keyed by the callee's last name (`f(...)`, `obj.f(...)`, `mod.f(...)`)."""
    recipes: dict[str, list[Recipe]] = field(default_factory=lambda: defaultdict(list))
    """Class name → ways the tests build and prepare an instance of it."""
    constants: list[str] = field(default_factory=list)
    bindings: dict[str, ast.stmt] = field(default_factory=dict)
    """The test module's helpers and constants by name (module_bindings)."""


def _single_import(stmt: ast.Import | ast.ImportFrom, alias: ast.alias) -> str:
    if isinstance(stmt, ast.ImportFrom):
        return ast.unparse(ast.ImportFrom(stmt.module, [alias], stmt.level))
    return ast.unparse(ast.Import([alias]))


def _names(node: ast.AST) -> set[str]:
    return {sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name)}


def free_names(node: ast.AST) -> set[str]:
    """Names `node` reads that it does not bind itself (lambda parameters, loop targets)."""
    bound: set[str] = set()
    loaded: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = sub.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            bound |= {a.arg for a in every}
            if not isinstance(sub, ast.Lambda):
                bound.add(sub.name)
        elif isinstance(sub, ast.ClassDef):
            bound.add(sub.name)
        elif isinstance(sub, ast.Name):
            (bound if isinstance(sub.ctx, ast.Store) else loaded).add(sub.id)
        elif isinstance(sub, ast.alias):
            bound.add(sub.asname or sub.name.split(".")[0])
    return loaded - bound


def quoted_names(node: ast.AST) -> set[str]:
    """Names the quoted annotations under `node` read (`cls: "Type[Base]"` → Type, Base):
    `typing.get_type_hints` evaluates them in the defining module, so a copy of the
    definition needs them bound as much as the names its code reads."""
    found: set[str] = set()
    for sub in ast.walk(node):
        annotations: list[ast.expr | None] = []
        if isinstance(sub, ast.arg):
            annotations.append(sub.annotation)
        elif isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
            annotations.append(sub.returns)
        elif isinstance(sub, ast.AnnAssign):
            annotations.append(sub.annotation)
        for annotation in annotations:
            for quoted in ast.walk(annotation) if annotation is not None else ():
                if isinstance(quoted, ast.Constant) and isinstance(quoted.value, str):
                    try:
                        tree = syntax.parse(quoted.value, mode="eval")
                    except (SyntaxError, ValueError, RecursionError):
                        continue
                    found |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    return found


def bound_by(stmt: ast.stmt) -> set[str]:
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    return {
        n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


def module_bindings(tree: ast.Module) -> dict[str, ast.stmt]:
    """The test module's statements that bind a name a test may read (constants, helper
    functions and classes; not the tests, fixtures or test classes), by that name."""
    found: dict[str, ast.stmt] = {}
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.Assign | ast.AnnAssign | ast.FunctionDef | ast.ClassDef):
            if isinstance(stmt, ast.FunctionDef) and (
                stmt.name.startswith("test") or stmt.decorator_list
            ):
                continue  # a test, or a fixture: pytest calls it, not the test
            if isinstance(stmt, ast.ClassDef) and stmt.name.startswith("Test"):
                continue
            for name in bound_by(stmt):
                found.setdefault(name, stmt)
    return found


def module_setup(
    names: set[str], bindings: dict[str, ast.stmt], known: set[str] | None = None
) -> list[ast.stmt] | None:
    """The test module's statements binding `names` (and what they need), in file order.
    With `known` (the names the worker's namespace binds), None when a name is bound neither
    there nor by `bindings`; without, a name bound by neither is left to the namespace."""
    chosen: dict[int, ast.stmt] = {}
    wanted = list(names)
    while wanted:
        name = wanted.pop()
        if known is not None and name in known:
            continue
        stmt = bindings.get(name)
        if stmt is None:
            if known is not None:
                return None
            continue
        if id(stmt) not in chosen:
            chosen[id(stmt)] = stmt
            wanted.extend(free_names(stmt) - bound_by(stmt))
    order = list(bindings.values())
    return sorted(chosen.values(), key=lambda s: (s.lineno, order.index(s)))


def is_setup(stmt: ast.stmt) -> bool:
    """A statement that prepares (an assignment or a bare call), not one that checks (a
    unittest `self.assertEqual(...)`, which runs only inside its TestCase)."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        called = ast.unparse(stmt.value.func)
        if called.startswith(("self.assert", "self.fail")):
            return False
    return isinstance(stmt, ast.Assign | ast.AnnAssign | ast.Expr | ast.AugAssign)


def needed_statements(prefix: list[ast.stmt], names: set[str]) -> list[ast.stmt]:
    """The statements before a constructor call that prepare what it reads: the test's other
    preparations (`pairs = [... for i in range(N)]`, reading the test module's constants) are
    not part of building the instance and may not even run outside the test."""
    wanted = set(names)
    kept: list[ast.stmt] = []
    for stmt in reversed(prefix):
        if _names(stmt) & wanted:
            kept.append(stmt)
            wanted |= _names(stmt)
    return kept[::-1]


def _built_class(value: ast.expr, classes: set[str], factories: Mapping[str, str]) -> str | None:
    """The class a call builds: `Sentence(...)`, or a factory of it (`Sentence.parse(...)`,
    `pkg.parse(...)` for a factory named `parse`)."""
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    if isinstance(func, ast.Name) and func.id in classes:
        return func.id
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return factories.get(name) if name is not None else None


def _recipes_in(
    func: ast.FunctionDef | ast.AsyncFunctionDef,
    classes: set[str],
    bindings: dict[str, ast.stmt] | None = None,
    factories: Mapping[str, str] | None = None,
) -> list[tuple[str, Recipe]]:
    """The ways `func` builds (and prepares) an instance of one of `classes`, with its
    constructor or one of the module's `factories` (name → class); each recipe starts with
    the test module's helpers and constants it reads (`bindings`), so it runs, and is
    written, without the rest of the test file."""
    found: list[tuple[str, Recipe]] = []
    body = func.body

    def recipe(var: str, nodes: list[ast.stmt]) -> Recipe:
        needed = free_names(ast.Module(body=nodes, type_ignores=[]))
        helpers = module_setup(needed, bindings or {}) or []
        return Recipe(var, tuple(ast.unparse(s) for s in [*helpers, *nodes]))

    for index, stmt in enumerate(body):
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and (cls := _built_class(stmt.value, classes, factories or {})) is not None
        ):
            continue
        var = stmt.targets[0].id
        prefix = needed_statements([s for s in body[:index] if is_setup(s)], _names(stmt.value))
        statements = [*prefix, stmt]
        found.append((cls, recipe(var, statements)))
        for later in body[index + 1 :]:
            if isinstance(later, ast.Assign) and var in {
                t.id for t in later.targets if isinstance(t, ast.Name)
            }:
                break
            if isinstance(later, ast.Assert) and isinstance(later.test, ast.Compare):
                left = later.test.left
                if isinstance(left, ast.Call) and var in _names(left.func):
                    # `assert order.apply("pay") is ...`: the call still moves the state on.
                    later = ast.Expr(left)
            if not is_setup(later):
                continue
            statements.append(later)
            if var in _names(later):
                found.append((cls, recipe(var, statements)))
    return found


class NameInliner(ast.NodeTransformer):
    """Replaces a test's local name by the expression it was assigned once, inside calls, so a
    call like `group_by(rows, "k")` can be replayed without the test's other lines."""

    def __init__(self, values: dict[str, ast.expr]) -> None:
        self.values = values

    def visit_Name(self, node: ast.Name) -> ast.expr:
        value = self.values.get(node.id)
        if value is not None and isinstance(node.ctx, ast.Load):
            return copy.deepcopy(value)
        return node


def inline_locals(tree: ast.Module) -> ast.Module:
    tree = copy.deepcopy(tree)
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        assigned: dict[str, list[ast.expr]] = defaultdict(list)
        for stmt in ast.walk(func):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Name):
                    assigned[target.id].append(stmt.value)
            elif isinstance(stmt, ast.AugAssign | ast.AnnAssign | ast.For | ast.With):
                for name in ast.walk(stmt):
                    if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Store):
                        assigned[name.id].append(ast.Name(name.id))  # not plain data: never inlined
        # Only plain data: inlining a constructed object would drop its later preparation.
        values = {
            name: exprs[0]
            for name, exprs in assigned.items()
            if len(exprs) == 1 and _is_data(exprs[0])
        }
        if values:
            inliner = NameInliner(values)
            for call in [n for n in ast.walk(func) if isinstance(n, ast.Call)]:
                call.args = [inliner.visit(arg) for arg in call.args]
                for keyword in call.keywords:
                    keyword.value = inliner.visit(keyword.value)
    return tree


def substitute(stmt: ast.stmt, values: dict[str, ast.expr]) -> ast.stmt:
    """`stmt` with each read of a name in `values` replaced by a copy of its expression."""
    result = NameInliner(values).visit(stmt)
    return result if isinstance(result, ast.stmt) else stmt


def _is_data(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def _docstrings(tree: ast.Module) -> set[int]:
    """The docstrings of the test module, its classes and tests: prose about the tests, not
    values the tests pass (a str parameter's base value would be "Tests for the validator")."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                found.add(id(first.value))
    return found


def read_tests(
    test_code: str, class_names: set[str], factories: Mapping[str, str] | None = None
) -> TestKnowledge:
    """Mine the existing test file; an unparsable file simply teaches nothing. `factories`:
    the module's callables that return an instance of one of its classes, by name
    (producers.factories): a test building one with them prepares an instance too."""
    knowledge = TestKnowledge()
    try:
        tree = syntax.parse(test_code)
    except (SyntaxError, ValueError):
        return knowledge
    fallback = in_fallback(tree)
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            names = {a.asname or a.name.split(".")[0] for a in stmt.names if a.name != "*"}
            if id(stmt) in fallback and names and names <= set(knowledge.import_of):
                continue  # `except ImportError: from mock import Mock`: the `try` binds it
            knowledge.imports.append(ast.unparse(stmt))
            for alias in stmt.names:
                if alias.name == "*":
                    continue
                bound = alias.asname or alias.name.split(".")[0]
                if id(stmt) in fallback and bound in knowledge.import_of:
                    continue
                knowledge.import_of[bound] = _single_import(stmt, alias)
    seen_constants: set[str] = set()
    bindings = knowledge.bindings = module_bindings(tree)
    inlined = inline_locals(tree)
    documentation = _docstrings(inlined)
    for sub in ast.walk(inlined):
        if isinstance(sub, ast.Call):
            func = sub.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name:
                knowledge.calls[name].append(sub)
        elif (
            isinstance(sub, ast.Constant)
            and isinstance(sub.value, str | int | float)
            and id(sub) not in documentation
        ):
            text = repr(sub.value)
            if text not in seen_constants and len(text) < 80:
                seen_constants.add(text)
                knowledge.constants.append(text)
        if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
            for cls, recipe in _recipes_in(sub, class_names, bindings, factories):
                if recipe not in knowledge.recipes[cls]:
                    knowledge.recipes[cls].append(recipe)
    for name, call in _through_helpers(tree):
        knowledge.calls[name].append(call)
    return knowledge


MAX_HELPER_CALLS = 64


def _through_helpers(tree: ast.Module) -> list[tuple[str, ast.Call]]:
    """The calls a test helper makes, once per test that calls it with plain data, its
    parameters bound to that test's values: `assert_parsed(self, expression, expected)` calling
    `self.parser.parse(expression)`, called as `self.assert_parsed("foo.bar", ...)`, teaches
    `parse("foo.bar")`. The values a parser's tests pass are often all behind such a helper."""
    helpers: dict[str, tuple[list[str], list[ast.Call]]] = {}
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]
        if params[:1] in (["self"], ["cls"]):
            params = params[1:]
        inner = [
            call
            for call in ast.walk(func)
            if isinstance(call, ast.Call) and (_names(call) - _names(call.func)) & set(params)
        ]
        if params and inner:
            helpers[func.name] = (params, inner)
    found: list[tuple[str, ast.Call]] = []
    for call in ast.walk(tree):
        if len(found) >= MAX_HELPER_CALLS or not isinstance(call, ast.Call):
            continue
        func = call.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in helpers:
            continue
        params, inner = helpers[name]
        bound = {p: a for p, a in zip(params, call.args, strict=False) if _is_data(a)}
        bound |= {k.arg: k.value for k in call.keywords if k.arg in params and _is_data(k.value)}
        if not bound:
            continue
        inliner = NameInliner(bound)
        for made in inner:
            made = copy.deepcopy(made)
            made.args = [inliner.visit(arg) for arg in made.args]
            for keyword in made.keywords:
                keyword.value = inliner.visit(keyword.value)
            callee = made.func
            made_name = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
            if made_name and made_name != name:
                found.append((made_name, made))
    return found


def with_documented(knowledge: TestKnowledge, documented: TestKnowledge) -> TestKnowledge:
    """The tests' knowledge, then what the module's own examples add (doctests.py): the
    project's tests stay first, the examples fill in callables and objects they never use."""
    for name, calls in documented.calls.items():
        knowledge.calls[name].extend(calls)
    for cls, recipes in documented.recipes.items():
        knowledge.recipes[cls].extend(r for r in recipes if r not in knowledge.recipes[cls])
    seen = set(knowledge.constants)
    knowledge.constants.extend(c for c in documented.constants if c not in seen)
    return knowledge
