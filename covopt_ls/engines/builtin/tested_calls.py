"""The existing tests' calls as seeds the builtin engine can replay on their own (replay.py).

Each call a test makes through a name the worker's namespace binds (the module's own names, the
test file's imports) becomes a `Seed`, with the statements that build what it uses: the test's
earlier assignments and calls, the test file's constants and helper definitions, its pytest
fixtures and its unittest `setUp` turned into plain statements, one seed per `parametrize` row
or literal loop item. A call that needs anything else (pytest's own fixtures, `self`, a
conftest fixture) is left out: it could not run outside the test.
"""

from __future__ import annotations

import ast
import builtins
import copy
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from covopt_ls import syntax
from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.existing import (
    bound_by,
    free_names,
    inline_locals,
    is_setup,
    module_bindings,
    module_setup,
    needed_statements,
    substitute,
)
from covopt_ls.engines.builtin.modpath import Definition, Definitions
from covopt_ls.engines.builtin.targets import Param, function_params
from covopt_ls.engines.builtin.toplevel import module_statements

MAX_SEEDS = 160
MAX_PER_TEST = 24
MAX_BINDINGS = 6
"""Rows of a `parametrize` table (or items of a literal loop) replayed per test."""
_SKIPPED_ROOTS = frozenset({"self", "cls", "pytest", "mock", "unittest", "super", "print"})
"""Calls on these are the test's own machinery, not the code under test."""
_BUILTINS = frozenset(dir(builtins))


@dataclass(frozen=True, slots=True)
class Seed:
    """One call of an existing test, replayable on its own."""

    setup: tuple[str, ...]
    call: str
    callee: str
    """What the call calls, for the test's name (`loads`, `TinyDB.search`)."""
    receiver: str | None
    args: tuple[tuple[str, str], ...]
    """(parameter or a word for its kind, source) pairs, the reference for naming mutants."""
    private: bool = False
    positional: tuple[str, ...] = ()
    """The callee's positional parameter names, where its definition was found."""
    options: tuple[tuple[str, str], ...] = ()
    """Keyword parameters the call leaves at their plain default (name, default source):
    a mutant may pass one with another value."""


Signature = Callable[[ast.expr, Sequence[str]], Sequence[Param] | None]
"""The parameters of what a call's function expression calls (given the statements that
prepare the call), when its definition can be found."""


def _root(node: ast.expr) -> ast.expr:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


def _callee(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Call):
            owner = owner.func
        if isinstance(owner, ast.Name) and owner.id[:1].isupper():
            return f"{owner.id}.{func.attr}"
        return func.attr
    return ast.unparse(func)


def _private(func: ast.expr) -> bool:
    parts = ast.unparse(func).replace("(", ".").split(".")
    return any(p.startswith("_") and not p.endswith("__") for p in parts)


def kind_word(node: ast.expr) -> str:
    value = literal_value(ast.unparse(node))
    if isinstance(value, bool):
        return "flag"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, bytes):
        return "data"
    if isinstance(value, list | tuple | set):
        return "items"
    if isinstance(value, dict):
        return "mapping"
    return "value"


def args_of(call: ast.Call, names: Sequence[str] = ()) -> tuple[tuple[str, str], ...]:
    """(parameter, source) pairs: positional arguments named after the callee's parameters
    (`names`) where its signature is known, else after the kind of their value."""
    found: list[tuple[str, str]] = []
    words: dict[str, int] = {}
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            continue
        if index < len(names):
            found.append((names[index], ast.unparse(arg)))
            continue
        word = kind_word(arg)
        words[word] = words.get(word, 0) + 1
        found.append((word if words[word] == 1 else f"{word}_{words[word]}", ast.unparse(arg)))
    found.extend((k.arg, ast.unparse(k.value)) for k in call.keywords if k.arg)
    return tuple(found)


def _bindings(func: ast.FunctionDef) -> list[dict[str, ast.expr]]:
    """Values for a test's parameters from its `parametrize` tables (one dict per row)."""
    rows: list[dict[str, ast.expr]] = [{}]
    for decorator in func.decorator_list:
        if not (
            isinstance(decorator, ast.Call)
            and ast.unparse(decorator.func).endswith("parametrize")
            and len(decorator.args) >= 2
        ):
            continue
        names_node, values = decorator.args[0], decorator.args[1]
        if isinstance(names_node, ast.Constant) and isinstance(names_node.value, str):
            names = [n.strip() for n in names_node.value.split(",") if n.strip()]
        elif isinstance(names_node, ast.List | ast.Tuple):
            names = [
                e.value
                for e in names_node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
        else:
            continue
        if not isinstance(values, ast.List | ast.Tuple):
            continue
        table: list[dict[str, ast.expr]] = []
        for row in values.elts[:MAX_BINDINGS]:
            if isinstance(row, ast.Call) and ast.unparse(row.func).endswith("param"):
                items = list(row.args)
            elif len(names) > 1 and isinstance(row, ast.Tuple | ast.List):
                items = list(row.elts)
            else:
                items = [row]
            if len(items) == len(names):
                table.append(dict(zip(names, items, strict=True)))
        rows = [{**r, **t} for r in rows for t in table][:MAX_BINDINGS] if table else rows
    return rows


def _loop_bindings(stmt: ast.stmt) -> list[dict[str, ast.expr]]:
    """`for text in ["a", "b"]:` binds `text` to each item, for the calls in the loop."""
    if (
        isinstance(stmt, ast.For)
        and isinstance(stmt.target, ast.Name)
        and isinstance(stmt.iter, ast.List | ast.Tuple | ast.Set)
    ):
        return [{stmt.target.id: item} for item in stmt.iter.elts[:MAX_BINDINGS]]
    return [{}]


def _calls_in(stmt: ast.stmt) -> Iterator[ast.Call]:
    """The calls a statement makes, outer ones first, not inside nested definitions."""
    stack: list[ast.AST] = [stmt]
    while stack:
        node = stack.pop(0)
        if node is not stmt and isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef
        ):
            continue
        if isinstance(node, ast.Await):
            continue
        if isinstance(node, ast.Call):
            root = _root(node.func)
            name = root.id if isinstance(root, ast.Name) else None
            if name is not None and name not in _SKIPPED_ROOTS and name not in _BUILTINS:
                yield node
        stack.extend(ast.iter_child_nodes(node))


class _SeedReader:
    """Collects the replayable calls of one test file."""

    def __init__(
        self, tree: ast.Module, known: set[str], signature: Signature | None = None
    ) -> None:
        self.known = known
        self.signature = signature
        self.module_level = module_bindings(tree)
        """Statements of the test module that bind a name a call may need (constants,
        helper functions and classes), by that name."""
        self.seeds: dict[tuple[tuple[str, ...], str], Seed] = {}
        self.fixtures = {
            func.name: func
            for func in ast.walk(tree)
            if isinstance(func, ast.FunctionDef)
            and any(ast.unparse(d).split("(")[0].endswith("fixture") for d in func.decorator_list)
        }
        self.by_test: list[list[Seed]] = []
        """The seeds of each test, in file order: the first ones of every test are replayed
        before the later ones of any."""
        self.current: list[Seed] = []

    def read(self, func: ast.FunctionDef, before: Sequence[ast.stmt] = ()) -> None:
        """The seeds of one test; `before`: what runs first (a unittest class's `setUp`)."""
        fixtures: list[ast.stmt] = []
        for arg in func.args.args:
            if arg.arg not in ("self", "cls") and arg.arg not in _parametrized(func):
                made = self._fixture(arg.arg, set())
                if made is None:
                    return  # a fixture from elsewhere (conftest.py, a plugin)
                fixtures.extend(made)
        self.current = []
        self.by_test.append(self.current)
        for binding in _bindings(func):
            body = [*copy.deepcopy(fixtures), *copy.deepcopy(before), *copy.deepcopy(func.body)]
            if binding:
                body = [substitute(s, binding) for s in body]
            self._read_body(body)

    def _fixture(self, name: str, seen: set[str]) -> list[ast.stmt] | None:
        """A pytest fixture of the test file as plain statements ending with `name = value`:
        its own fixtures first, then its body up to its `return` or `yield`."""
        func = self.fixtures.get(name)
        if func is None or name in seen:
            return None
        statements: list[ast.stmt] = []
        for arg in func.args.args:
            if arg.arg in ("self", "cls"):
                continue
            made = self._fixture(arg.arg, seen | {name})
            if made is None:
                return None
            statements.extend(made)
        for stmt in func.body:
            value = stmt.value if isinstance(stmt, ast.Return | ast.Expr) else None
            if isinstance(stmt, ast.Expr) and isinstance(value, ast.Yield):
                value = value.value or ast.Constant(None)
            elif isinstance(stmt, ast.Expr):
                value = None
            if value is not None:
                assign = ast.Assign([ast.Name(name, ast.Store())], value, lineno=stmt.lineno)
                return [*statements, assign]
            if not is_setup(stmt):
                return None
            statements.append(stmt)
        return None

    def _read_body(self, body: list[ast.stmt]) -> None:
        for index, stmt in enumerate(body):
            prefix = [s for s in body[:index] if is_setup(s)]
            for binding in _loop_bindings(stmt):
                inner = substitute(copy.deepcopy(stmt), binding) if binding else stmt
                for call in _calls_in(inner):
                    self._add(prefix, call)
                    if len(self.current) >= MAX_PER_TEST:
                        return

    def _add(self, prefix: list[ast.stmt], call: ast.Call) -> None:
        root = _root(call.func)
        if isinstance(root, ast.Name) and isinstance(
            self.module_level.get(root.id), ast.FunctionDef | ast.ClassDef
        ):
            return  # the test file's own helper (its asserts are not the code's behaviour)
        needed = needed_statements(prefix, free_names(call))
        kept: list[ast.stmt] = []
        bound: set[str] = set()
        outside: set[str] = set()
        for stmt in needed:
            free = free_names(stmt) - bound - self.known
            if any(isinstance(n, ast.Await) for n in ast.walk(stmt)) or (
                free - set(self.module_level)
            ):
                continue  # reads the test's fixtures or `self`: not replayable
            outside |= free
            kept.append(stmt)
            bound |= bound_by(stmt)
        free = free_names(call) - bound - self.known
        outside |= free
        module = module_setup(outside, self.module_level, self.known)
        if module is None:
            return
        setup = tuple(ast.unparse(s) for s in [*module, *kept])
        text = ast.unparse(call)
        key = (setup, text)
        if key in self.seeds:
            return
        func = call.func
        receiver = None
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in bound
        ):
            receiver = func.value.id
        params = self.signature(func, setup) if self.signature else None
        positional: tuple[str, ...] = ()
        options: tuple[tuple[str, str], ...] = ()
        if params is not None:
            positional = tuple(p.name for p in params if not p.keyword_only and not p.variadic)
            given = {k.arg for k in call.keywords} | set(positional[: len(call.args)])
            options = tuple(
                (p.name, ast.unparse(p.default))
                for p in params
                if p.default is not None and p.name not in given and _plain(p.default)
            )
        seed = Seed(
            setup,
            text,
            _callee(func),
            receiver,
            args_of(call, positional),
            private=_private(func),
            positional=positional,
            options=options,
        )
        self.seeds[key] = seed
        self.current.append(seed)


def _plain(node: ast.expr) -> bool:
    value = literal_value(ast.unparse(node))
    return value is None or isinstance(value, bool | int | float | str)


def read_seeds(
    test_code: str, known: set[str], limit: int = MAX_SEEDS, signature: Signature | None = None
) -> list[Seed]:
    """Every replayable call of the test file: `known` are the names the worker's namespace
    binds (the module's, the test file's imports) besides builtins."""
    try:
        tree = syntax.parse(test_code)
    except (SyntaxError, ValueError):
        return []
    tree = inline_locals(tree)
    reader = _SeedReader(tree, known | _BUILTINS, signature)
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.FunctionDef) and stmt.name.startswith("test"):
            reader.read(stmt)
        elif isinstance(stmt, ast.ClassDef):
            before, methods = _as_functions(stmt, reader.known)
            for method in methods:
                reader.read(method, before)
    every = itertools.chain.from_iterable(itertools.zip_longest(*reader.by_test))
    return [seed for seed in every if seed is not None][:limit]


class _SelfAttributes(ast.NodeTransformer):
    """`self.parser` → `parser`: a test class's state as the locals of one function."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        if isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr in self.names:
            return ast.copy_location(ast.Name(self.names[node.attr], node.ctx), node)
        self.generic_visit(node)
        return node


def _as_functions(
    cls: ast.ClassDef, known: set[str]
) -> tuple[list[ast.stmt], list[ast.FunctionDef]]:
    """A test class's `setUp` (or `setup_method`) body and its test methods, with the
    attributes they set on `self` turned into local names."""
    methods = [m for m in cls.body if isinstance(m, ast.FunctionDef)]
    attrs = {
        target.attr
        for method in methods
        for sub in ast.walk(method)
        if isinstance(sub, ast.Assign)
        for target in sub.targets
        if isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    }
    names = {a: a if a not in known else f"{a}_value" for a in attrs}
    rewrite = _SelfAttributes(names)
    setup = next((m for m in methods if m.name in ("setUp", "setup_method")), None)
    before = [rewrite.visit(copy.deepcopy(s)) for s in setup.body] if setup else []
    tests = [rewrite.visit(copy.deepcopy(m)) for m in methods if m.name.startswith("test")]
    return before, tests


def _parametrized(func: ast.FunctionDef) -> set[str]:
    return {name for row in _bindings(func) for name in row}


def _dotted(node: ast.expr) -> list[str] | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *parts]


def _built_by(var: str, setup: Sequence[str]) -> list[str] | None:
    """The dotted class a preparing statement builds `var` from (`table = Table(rows)`)."""
    for statement in reversed(setup):
        try:
            body = syntax.parse(statement).body
        except SyntaxError:
            continue
        if not (body and isinstance(body[0], ast.Assign)):
            continue
        stmt = body[0]
        if any(isinstance(t, ast.Name) and t.id == var for t in stmt.targets):
            value = stmt.value
            return _dotted(value.func) if isinstance(value, ast.Call) else None
    return None


def _params(node: Definition | None) -> list[Param] | None:
    if isinstance(node, ast.ClassDef):
        init = next(
            (m for m in node.body if isinstance(m, ast.FunctionDef) and m.name == "__init__"),
            None,
        )
        return _params(init) if init is not None else None
    if node is None:
        return None
    first = [*node.args.posonlyargs, *node.args.args][:1]
    return function_params(node, skip_first=bool(first) and first[0].arg in ("self", "cls"))


def signature_finder(
    definitions: Definitions, module: str, defined: set[str], imports: dict[str, str]
) -> Signature:
    """Finds a replayed call's parameters: in the module under test for its own names, in
    the project's sources through the test file's imports for the others, through the class
    a preparing statement built for a method call (`table.search(...)`)."""

    def signature(func: ast.expr, setup: Sequence[str]) -> list[Param] | None:
        parts = _dotted(func)
        if parts is None:
            return None
        if len(parts) == 2 and parts[0] not in defined and parts[0] not in imports:
            built = _built_by(parts[0], setup)
            if built is None:
                return None
            parts = [*built, parts[1]]
        if parts[0] in defined:
            return _params(definitions.find(module, parts))
        if parts[0] in imports:
            return _params(definitions.of_import(imports[parts[0]], parts[1:]))
        return None

    return signature
