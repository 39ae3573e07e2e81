"""Replays the existing tests' calls wherever their callee lives, and mutates their literals.

Real projects test a module through the package's public API, defined elsewhere: `hjson.loads`
reaches the decoder, `parse(sql)` in `__init__` reaches the lexer, a CLI's `main([...])` reaches
the formatter. The planner only seeds a callable with the tests' calls of that very name, so a
module tested that way gets direct calls of its private scanners with made-up fragments. Here
every call the tests make (with the statements that build what it uses) becomes a seed; the
worker traces only the target file, so what a seed reaches there is measured whatever it calls.
The seeds that get near a goal are mutated like a fuzzer's corpus (texts spliced with the
module's own tokens, numbers nudged, values swapped for the module's constants, keyword
arguments dropped) and a mutant that reaches something new joins the corpus. A replayed call
that reaches a callable's goals is recorded as that callable's observation, so the cover
chooses it like any other call, before a private helper's direct call (selection.py tiers).
"""

from __future__ import annotations

import ast
import builtins
import copy
import dataclasses
import itertools
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from covopt_ls.engines.builtin.calls import literal_value, perturb_numbers
from covopt_ls.engines.builtin.existing import (
    TestKnowledge,
    inline_locals,
    is_setup,
    needed_statements,
    substitute,
)
from covopt_ls.engines.builtin.modpath import Definition, Definitions
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import Observation, Scratch, WorkerSetup, run_batch
from covopt_ls.engines.builtin.selection import Goal, cover, reached, tier
from covopt_ls.engines.builtin.splice import Splicer, pieces
from covopt_ls.engines.builtin.targets import Param, function_params

if TYPE_CHECKING:
    from covopt_ls.engines.builtin.search import Search

REPLAY = "<replay>"
"""The target of a replayed call until it is seen to reach some callable's goals."""
MAX_SEEDS = 160
MAX_PER_TEST = 24
MAX_BINDINGS = 6
"""Rows of a `parametrize` table (or items of a literal loop) replayed per test."""
FIRST_MUTANTS = 2
"""Mutants of every seed in the first round, before it is known which seeds reach the module."""
MAX_MUTANTS = 160
"""Mutants a later round draws from the corpus."""
MAX_POOL = 64
MUTANT_RANK = 20
"""A random change ranks after any value the planner's pools hold (selection.py `_cost`): of two
calls reaching the same goals, the one with a value mined from the code reads better."""
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


@dataclass(slots=True)
class _Parent:
    seed: Seed
    setup: tuple[str, ...]
    call: str
    distance: int
    near: frozenset[int] = frozenset()
    """The focus lines it was seen to run (once it joined the corpus)."""


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


def _free_names(node: ast.AST) -> set[str]:
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


def _bound_by(stmt: ast.stmt) -> set[str]:
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    return {
        n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


def _kind_word(node: ast.expr) -> str:
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


def _args_of(call: ast.Call, names: Sequence[str] = ()) -> tuple[tuple[str, str], ...]:
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
        word = _kind_word(arg)
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
        self.module_level: dict[str, ast.stmt] = {}
        """Statements of the test module that bind a name a call may need (constants,
        helper functions and classes), by that name."""
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign | ast.AnnAssign | ast.FunctionDef | ast.ClassDef):
                if isinstance(stmt, ast.FunctionDef) and (
                    stmt.name.startswith("test") or stmt.decorator_list
                ):
                    continue  # a test, or a fixture: pytest calls it, not the test
                if isinstance(stmt, ast.ClassDef) and stmt.name.startswith("Test"):
                    continue
                for name in _bound_by(stmt):
                    self.module_level.setdefault(name, stmt)
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

    def _module_setup(self, names: set[str]) -> list[ast.stmt] | None:
        """The test module's statements binding `names` (and what they need), in file
        order; None when a name is bound nowhere the worker can see."""
        chosen: dict[int, ast.stmt] = {}
        wanted = list(names)
        while wanted:
            name = wanted.pop()
            if name in self.known:
                continue
            stmt = self.module_level.get(name)
            if stmt is None:
                return None
            if id(stmt) not in chosen:
                chosen[id(stmt)] = stmt
                wanted.extend(_free_names(stmt) - _bound_by(stmt))
        order = list(self.module_level.values())
        return sorted(chosen.values(), key=lambda s: (s.lineno, order.index(s)))

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
        needed = needed_statements(prefix, _free_names(call))
        kept: list[ast.stmt] = []
        bound: set[str] = set()
        outside: set[str] = set()
        for stmt in needed:
            free = _free_names(stmt) - bound - self.known
            if any(isinstance(n, ast.Await) for n in ast.walk(stmt)) or (
                free - set(self.module_level)
            ):
                continue  # reads the test's fixtures or `self`: not replayable
            outside |= free
            kept.append(stmt)
            bound |= _bound_by(stmt)
        free = _free_names(call) - bound - self.known
        outside |= free
        module = self._module_setup(outside)
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
            _args_of(call, positional),
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
        tree = ast.parse(test_code)
    except (SyntaxError, ValueError):
        return []
    tree = inline_locals(tree)
    reader = _SeedReader(tree, known | _BUILTINS, signature)
    for stmt in tree.body:
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


@dataclass(slots=True)
class Replay:
    """The replayed calls' search state: its corpus, and what it has seen so far."""

    seeds: list[Seed]
    splicer: Splicer
    values: dict[str, list[object]]
    """Literal values to swap in, by type name (the target's pools, the module's constants)."""
    focus: set[int] = field(default_factory=set)
    """Lines to report besides the goals: the first line of each callable with goals, so a
    seed that enters one is known to get near."""
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    corpus: list[_Parent] = field(default_factory=list)
    seen: set[int | tuple[int, int]] = field(default_factory=set)
    tried: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    origin: dict[str, Seed] = field(default_factory=dict)
    """The seed each replayed call comes from, by its call source (for naming its test)."""
    _parents: dict[tuple[tuple[str, ...], str], _Parent] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.seeds)

    def round(self, number: int, near: Iterable[int] = ()) -> list[Candidate]:
        """Round 0: every seed, and a few mutants of each; later: mutants of the corpus (of
        those that ran one of the `near` lines, when some did)."""
        found: list[Candidate] = []
        if number == 0:
            parents = [_Parent(s, s.setup, s.call, 0) for s in self.seeds]
            for parent in parents:
                found.extend(self._candidates([parent]))
            for parent in parents:
                found.extend(self._candidates(self._mutants(parent, FIRST_MUTANTS)))
            return found
        if not self.corpus:
            return []
        wanted = set(near)
        parents = [p for p in self.corpus if p.near & wanted] or self.corpus
        for _ in range(MAX_MUTANTS * 3):
            if len(found) >= MAX_MUTANTS:
                break
            parent = self.rng.choice(parents)
            found.extend(self._candidates(self._mutants(parent, 1)))
        return found

    def _candidates(self, parents: Iterable[_Parent]) -> list[Candidate]:
        made = []
        for parent in parents:
            key = (parent.setup, parent.call)
            if key in self.tried:
                continue
            self.tried.add(key)
            self._parents[key] = parent
            self.origin.setdefault(parent.call, parent.seed)
            node = ast.parse(parent.call, mode="eval").body
            seed = parent.seed
            args = _args_of(node, seed.positional) if isinstance(node, ast.Call) else seed.args
            made.append(
                Candidate(
                    REPLAY,
                    parent.setup,
                    parent.call,
                    parent.seed.receiver,
                    args,
                    distance=parent.distance,
                    rank=MUTANT_RANK * parent.distance,
                    private=parent.seed.private,
                    replay=parent.seed.callee,
                )
            )
        return made

    def _mutants(self, parent: _Parent, count: int) -> list[_Parent]:
        result: list[_Parent] = []
        for _ in range(count * 3):
            if len(result) >= count:
                break
            mutant = self._mutate(parent)
            if mutant is not None:
                result.append(mutant)
        return result

    def _mutate(self, parent: _Parent) -> _Parent | None:
        try:
            call = ast.parse(parent.call, mode="eval").body
            setup = [ast.parse(s) for s in parent.setup]
        except SyntaxError:
            return None
        if not isinstance(call, ast.Call):
            return None
        changes = self.rng.choice((1, 1, 1, 2))
        done = 0
        for _ in range(changes):
            if call.keywords and self.rng.random() < 0.1:
                call.keywords.pop(self.rng.randrange(len(call.keywords)))
                done += 1
                continue
            given = {k.arg for k in call.keywords}
            options = [o for o in parent.seed.options if o[0] not in given]
            flags = [o for o in options if o[1] != "None"]
            if flags and self.rng.random() < 0.75:
                options = flags  # a flag or a number switches a way through; None is a slot
            if options and self.rng.random() < 0.1:
                name, default = self.rng.choice(options)
                value = self._option_value(default)
                if value is not None:
                    call.keywords.append(ast.keyword(name, value))
                    done += 1
                continue
            in_call = _constants([*call.args, *(k.value for k in call.keywords)])
            in_setup = _constants(setup) if setup else []
            places = in_call if in_call and (not in_setup or self.rng.random() < 0.8) else in_setup
            if not places:
                break
            done += self._change(self.rng.choice(places))
        if not done:
            return None
        text = ast.unparse(call)
        statements = tuple(ast.unparse(s) for s in setup)
        if (statements, text) == (parent.setup, parent.call):
            return None
        return _Parent(parent.seed, statements, text, parent.distance + done)

    def _option_value(self, default: str) -> ast.expr | None:
        """Another value for a keyword parameter than its default: the other truth value,
        a nearby number, a mutated text; for a `None` default, a value of the pools."""
        node = ast.parse(default, mode="eval").body
        if isinstance(node, ast.Constant) and node.value is None:
            choices: list[object] = [True, *self.values.get("str", [])[:8]]
            choices.extend(self.values.get("int", [])[:8])
            value = self.rng.choice(choices)
            return ast.Constant(value) if isinstance(value, str | int | float) else None
        if isinstance(node, ast.Constant) and self._change(node):
            return node
        return None

    def _change(self, node: ast.Constant) -> int:
        value = node.value
        swap = self.rng.random() < 0.25
        if isinstance(value, bool):
            node.value = not value
        elif isinstance(value, str):
            pool = self.values.get("str", [])
            if swap and pool:
                node.value = str(self.rng.choice(pool))
            else:
                node.value = self.splicer.mutate(value, self.rng)
        elif isinstance(value, bytes):
            text = self.splicer.mutate(value.decode("latin-1"), self.rng)
            node.value = text.encode("utf-8", "replace")
        elif isinstance(value, int | float):
            pool = self.values.get(type(value).__name__, [])
            choice = self.rng.choice(pool) if swap and pool else None
            if isinstance(choice, int | float):
                node.value = choice
            else:
                changed = literal_value(perturb_numbers(repr(value), self.rng))
                if not isinstance(changed, int | float):
                    return 0
                node.value = changed
        else:
            return 0
        return 1

    def absorb(self, observations: Sequence[Observation], searches: Sequence[Search]) -> None:
        """Record each replayed call under the callables whose goals it reaches, and keep the
        calls that reach something new as parents of the next rounds' mutants."""
        publicly = {s.target.qualname: _public_goals(s) for s in searches}
        for observation in observations:
            candidate = observation.candidate
            if candidate.target != REPLAY:
                continue
            near: set[int | tuple[int, int]] = {*observation.lines, *observation.arcs}
            if near - self.seen and observation.setup_error is None:
                self.seen |= near
                parent = self._parents.get((candidate.setup, candidate.call))
                if parent is not None:
                    parent.near = frozenset(observation.lines)
                    self.corpus.append(parent)
            if not observation.usable:
                continue
            for search in searches:
                target = search.target
                goals = reached(observation, target.goal_lines, target.goal_arcs)
                if goals and not goals <= publicly[target.qualname]:
                    # Only a call that adds to what public calls reach: every copy is run
                    # again to confirm it (polish.py), and the cover needs no twin.
                    publicly[target.qualname] |= goals
                    mine = dataclasses.replace(candidate, target=target.qualname)
                    search.observations.append(dataclasses.replace(observation, candidate=mine))


def _public_goals(search: Search) -> set[Goal]:
    """The goals the search's well-typed public calls reach (selection tier 0)."""
    target = search.target
    found: set[Goal] = set()
    for observation in search.observations:
        if observation.usable and not tier(observation):
            found |= reached(observation, target.goal_lines, target.goal_arcs)
    return found


REFINE_ROUNDS = 3
REFINE_SECONDS = 3.0
SHRINK_SECONDS = 6.0
SHRINK_PASSES = 2
"""At most this long after the search, replaying for goals only a private call reached."""


def privately_reached(searches: Sequence[Search]) -> set[tuple[str, Goal]]:
    """Goals reached only by direct calls of private helpers (selection tier 1 and up)."""
    found: set[tuple[str, Goal]] = set()
    for search in searches:
        target = search.target
        public: set[Goal] = set()
        private: set[Goal] = set()
        for observation in search.observations:
            if observation.usable:
                goals = reached(observation, target.goal_lines, target.goal_arcs)
                (private if tier(observation) else public).update(goals)
        found |= {(target.qualname, goal) for goal in private - public}
    return found


async def refine(
    replay: Replay,
    searches: Sequence[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    seconds: float = REFINE_SECONDS,
) -> None:
    """After the search, more mutants of the replayed calls while some goals are reached
    only by calling a private helper directly: the search stops once every goal is reached,
    however it was, and a call of the public API reaching the same lines reads better."""
    if not replay.corpus:
        return
    deadline = time.monotonic() + seconds
    wanted = privately_reached(searches)
    focus = replay.focus | {
        line
        for s in searches
        for line in (*s.target.goal_lines, *(n for arc in s.target.goal_arcs for n in arc))
    }
    for number in range(1, REFINE_ROUNDS + 1):
        remaining = deadline - time.monotonic()
        if not wanted or remaining <= 0.5:
            return
        # Mutants of the calls that got into the callables holding those goals, or nearest.
        places = {qualname for qualname, _ in wanted}
        near = [
            line
            for s in searches
            if s.target.qualname in places
            for line in (*first_lines([s.target.node]), *s.target.goal_lines)
        ]
        near += [goal[0] for _, goal in wanted if isinstance(goal, tuple)]
        candidates = replay.round(number, near)
        if not candidates:
            return
        batch = await run_batch(
            setup, scratch, candidates, timeout=remaining, repeat=True, focus=focus
        )
        if batch.import_error or batch.worker_error:
            return
        replay.absorb(batch.observations, searches)
        wanted = privately_reached(searches)


MAX_SHRUNK = 16
"""Shorter variants tried per text of a chosen mutant."""


def _shorter_texts(text: str) -> list[str]:
    """`text` without one run of its pieces: halves, quarters, eighths, then single pieces
    (the first steps of delta debugging), longest cuts first."""
    cut = pieces(text)
    found: dict[str, None] = {}
    for parts in (2, 4, 8, len(cut)):
        size = max(1, len(cut) // parts)
        for start in range(0, len(cut), size):
            shorter = "".join([*cut[:start], *cut[start + size :]])
            if shorter != text:
                found.setdefault(shorter, None)
    return list(found)[:MAX_SHRUNK]


def _shrunk(candidate: Candidate) -> list[Candidate]:
    try:
        call = ast.parse(candidate.call, mode="eval").body
    except SyntaxError:
        return []
    if not isinstance(call, ast.Call):
        return []
    found: list[Candidate] = []
    texts = [
        node
        for node in _constants([*call.args, *(k.value for k in call.keywords)])
        if isinstance(node.value, str) and len(node.value) > 2
    ]
    for node in texts:
        original = node.value
        if not isinstance(original, str):
            continue
        for shorter in _shorter_texts(original):
            node.value = shorter
            found.append(dataclasses.replace(candidate, call=ast.unparse(call), target=REPLAY))
        node.value = original
    return found


async def shrink(
    replay: Replay, searches: Sequence[Search], setup: WorkerSetup, scratch: Scratch
) -> None:
    """Two passes of `_shrink_once`: the second cuts what the first left."""
    deadline = time.monotonic() + SHRINK_SECONDS
    for _ in range(SHRINK_PASSES):
        remaining = deadline - time.monotonic()
        if remaining <= 0.5 or not await _shrink_once(replay, searches, setup, scratch, remaining):
            return


async def _shrink_once(
    replay: Replay,
    searches: Sequence[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    seconds: float,
) -> bool:
    """The texts of the chosen mutants, cut shorter where the call still reaches the same
    goals and ends the same way: a mutant of `"foo.bar"` that reaches a parser's error branch
    as `"foo[: bar,baz}"` may do it as `"foo[:"`, which says what the test is about."""
    chosen: dict[tuple[tuple[str, ...], str], Observation] = {}
    for search in searches:
        target = search.target
        picked, _ = cover(search.observations, target.goal_lines, target.goal_arcs)
        for observation in picked:
            candidate = observation.candidate
            if candidate.replay and candidate.distance:
                chosen.setdefault((candidate.setup, candidate.call), observation)
    variants = [
        (observation, shorter)
        for observation in chosen.values()
        for shorter in _shrunk(observation.candidate)
        if (shorter.setup, shorter.call) not in replay.tried
    ]
    if not variants:
        return False
    replay.tried |= {(c.setup, c.call) for _, c in variants}
    focus = replay.focus | {
        line
        for s in searches
        for line in (*s.target.goal_lines, *(n for arc in s.target.goal_arcs for n in arc))
    }
    batch = await run_batch(
        setup, scratch, [c for _, c in variants], timeout=seconds, repeat=True, focus=focus
    )
    by_id = {id(o.candidate): o for o in batch.observations}
    for original, shorter in variants:
        seen = by_id.get(id(shorter))
        if seen is None or not seen.usable:
            continue
        before = original.outcome or {}
        after = seen.outcome or {}
        if (before.get("kind"), before.get("type")) != (after.get("kind"), after.get("type")):
            continue
        seed = replay.origin.get(original.candidate.call)
        if seed is not None:
            replay.origin.setdefault(shorter.call, seed)
        for search in searches:
            target = search.target
            wanted = reached(original, target.goal_lines, target.goal_arcs)
            if wanted and wanted <= reached(seen, target.goal_lines, target.goal_arcs):
                mine = dataclasses.replace(shorter, target=target.qualname)
                search.observations.append(dataclasses.replace(seen, candidate=mine))
    return True


def _constants(nodes: Sequence[ast.AST]) -> list[ast.Constant]:
    return [
        sub
        for node in nodes
        for sub in ast.walk(node)
        if isinstance(sub, ast.Constant)
        and isinstance(sub.value, str | bytes | int | float)
        and not (isinstance(sub.value, str) and len(sub.value) > 400)
    ]


def values_by_type(sources: Iterable[str]) -> dict[str, list[object]]:
    """Plain literal values (texts, numbers) of the given sources, grouped by type name."""
    found: dict[str, list[object]] = {}
    for source in sources:
        value = literal_value(source)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            continue
        bucket = found.setdefault(type(value).__name__, [])
        if value not in bucket and len(bucket) < MAX_POOL:
            bucket.append(value)
    return found


def first_lines(nodes: Iterable[ast.FunctionDef | ast.AsyncFunctionDef]) -> set[int]:
    """The first executed line of each function (its docstring runs no line)."""
    lines: set[int] = set()
    for node in nodes:
        body = node.body
        if (
            len(body) > 1
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            body = body[1:]
        lines.add(body[0].lineno)
    return lines


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
            body = ast.parse(statement).body
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


def build_replay(
    test_code: str,
    knowledge: TestKnowledge,
    known: set[str],
    tokens: list[str],
    values: Iterable[str],
    functions: Iterable[ast.FunctionDef | ast.AsyncFunctionDef],
    seed: int = 0,
    signature: Signature | None = None,
) -> Replay:
    """The replay of `test_code`'s calls: `known` names the worker binds from the module,
    `tokens` the module's grammar tokens, `values` literal sources to swap in, `functions`
    the callables with goals."""
    seeds = read_seeds(test_code, known | set(knowledge.import_of), signature=signature)
    texts = [
        v
        for s in seeds
        for _, source in s.args
        if isinstance(v := literal_value(source), str) and v
    ]
    return Replay(
        seeds,
        Splicer(texts or [""], tokens),
        values_by_type(values),
        focus=first_lines(functions),
        rng=random.Random(f"replay:{seed}"),
    )
