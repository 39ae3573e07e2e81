"""The test file's own classes, functions and constants, as values for the code under test.

Tests define at module level what the code under test is meant to receive: a sample class
with a `__reduce__`, a subclass overriding a method, a function with an annotated signature,
`SAMPLE = {...}`. Code that introspects its argument (`inspect.signature(func)`,
`hasattr(obj, name)`, `obj.__module__`) or reads an object's attributes takes its real ways
only with such objects, which no literal, lambda or plain constructor of the module gives.
So the definitions whose names all resolve (to the file's imports, builtins, or one another)
are read once, offered where a parameter's use asks for objects, and copied into the tests
that use them, as module-level code before the test function (where their `__qualname__` is
what it was in the test file and in the worker).
"""

from __future__ import annotations

import ast
import builtins
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from covopt_ls import syntax
from covopt_ls.engines.builtin.calls import literal_type
from covopt_ls.engines.builtin.existing import (
    free_names,
    module_bindings,
    quoted_names,
    read_tests,
)
from covopt_ls.engines.builtin.fixture_values import conftest_texts
from covopt_ls.engines.builtin.targets import members

MAX_SOURCE = 4000
"""Characters of a definition copied into a test: longer ones make unreadable tests."""
MAX_VALUES = 8
"""Values a parameter is given from the definitions: its pool keeps the values that work."""
_BUILTINS = frozenset(dir(builtins))
_BUILTIN_TYPES: dict[str, type] = {
    name: value
    for name, value in vars(builtins).items()
    if isinstance(value, type) and not name.startswith("_")
}
_INTROSPECTING = frozenset(
    {"getattr", "hasattr", "vars", "type", "isinstance", "issubclass", "callable", "dir"}
)
"""Builtins that look into an object itself: what they get decides the way taken."""
_BUILTIN_MEMBERS = frozenset(n for t in _BUILTIN_TYPES.values() for n in dir(t))
"""What a builtin base gives a class: not a name the test file chose."""
_ATTRIBUTE_CALLS = frozenset({"getattr", "hasattr", "setattr", "delattr"})
_HOOKS = frozenset(
    {
        "setup_module", "teardown_module", "setup_function", "teardown_function",
        "setUpModule", "tearDownModule", "load_tests", "setup", "teardown",
        "pytestmark", "collect_ignore", "collect_ignore_glob", "pytest_plugins",
    }
)  # fmt: skip
"""Names pytest or unittest give a meaning at a test module's level: never copied."""
_WORD = re.compile(r"[A-Za-z_]\w*")


@dataclass(frozen=True, slots=True)
class Definition:
    name: str
    kind: str
    """"function", "class" or "constant"."""
    source: str
    line: int
    needs: frozenset[str]
    """The other definitions it reads."""
    imports: Mapping[str, str]
    """The import statement of each imported name it reads."""
    members: frozenset[str] = frozenset()
    """A class: what its instances have (its own and its defined bases' members)."""
    methods: tuple[str, ...] = ()
    """A class: the callables its body defines, in order."""
    bare: bool = False
    """A class built without arguments (`Thing()`), as far as its source tells."""
    literal: str | None = None
    """A constant: the type of its literal value (`dict`); None for another expression."""
    checks: bool = False
    """A function that asserts (a test's helper, `check_eval(...)`): no value to pass."""


@dataclass(slots=True)
class DefinedValues:
    """The usable definitions of a test file (and its conftests), by name."""

    found: dict[str, Definition] = field(default_factory=dict)
    signature: str | None = None
    """How the module's namespace names `inspect.signature` (`inspect.signature` after
    `import inspect`), for parameters that take a function's signature; None: it does not."""

    def __bool__(self) -> bool:
        return bool(self.found)

    def used_in(self, texts: Iterable[str]) -> set[str]:
        """The definitions some code reads (a call, a setup statement)."""
        texts = list(texts)
        if not self.found or not any(
            w in self.found for text in texts for w in _WORD.findall(text)
        ):
            return set()  # the common case, told without parsing
        names: set[str] = set()
        for text in texts:
            try:
                tree = syntax.parse(text)
            except (SyntaxError, ValueError, RecursionError):
                names |= set(_WORD.findall(text))
                continue
            names |= free_names(tree)
        return names & set(self.found)

    def statements(self, names: Iterable[str]) -> tuple[str, ...]:
        """The source of the named definitions and of those they read, in file order."""
        chosen: set[str] = set()
        wanted = list(names)
        while wanted:
            name = wanted.pop()
            if name in chosen or name not in self.found:
                continue
            chosen.add(name)
            wanted.extend(self.found[name].needs)
        ordered = sorted((self.found[n] for n in chosen), key=lambda d: (d.line, d.name))
        return tuple(dict.fromkeys(d.source for d in ordered))

    def imports(self) -> dict[str, str]:
        return {n: s for d in self.found.values() for n, s in d.imports.items()}

    def _functions(self) -> list[str]:
        return [d.name for d in self.found.values() if d.kind == "function" and not d.checks]

    def _classes(self) -> list[Definition]:
        return [d for d in self.found.values() if d.kind == "class"]

    def callables(self) -> list[str]:
        """Functions, then methods (an overridden one next to its overrides: code comparing
        two callables wants a base's and a subclass's), then classes and instances."""
        classes = self._classes()
        values = [*self._functions()[:3], *self._methods()[:4]]
        values += _interleave([d.name for d in classes], self.instances())
        return list(dict.fromkeys(values))

    def _methods(self) -> list[str]:
        """`Cls.method` for the public methods, those most overridden first, each with its
        overrides."""
        overridden: dict[str, list[str]] = {}
        for cls in self._classes():
            for method in cls.methods:
                if not method.startswith("_"):
                    overridden.setdefault(method, []).append(f"{cls.name}.{method}")
        groups = sorted(overridden.values(), key=lambda group: -len(group))
        return [value for group in groups for value in group]

    def signatures(self) -> list[str]:
        """The signatures of the functions and methods, for a parameter annotated to take an
        `inspect.Signature`: code checking one against another (an override against its base)."""
        if self.signature is None:
            return []
        named = [*self._functions()[:2], *self._methods()]
        return [f"{self.signature}({v})" for v in named]

    def instances(self, attrs: set[str] | None = None) -> list[str]:
        """`Thing()` for each class built without arguments that has every attribute in
        `attrs`, and constants holding an instance of one."""
        found = [
            f"{d.name}()" for d in self._classes() if d.bare and (not attrs or attrs <= d.members)
        ]
        for constant in self.found.values():
            if constant.kind != "constant":
                continue
            built = self.found.get(constant.literal or "")
            if built is None or built.kind != "class":
                continue
            if not attrs or attrs <= built.members:
                found.append(constant.name)
        return found

    def member_names(self) -> list[str]:
        """The names the classes define, quoted: their methods first (those two classes
        define, an override, before the others), then their other members."""
        classes = self._classes()
        counted: dict[str, int] = {}
        for cls in classes:
            for method in cls.methods:
                counted[method] = counted.get(method, 0) + 1
        names = sorted(counted, key=lambda m: -counted[m])
        names += sorted(
            {m for c in classes for m in c.members if not m.startswith("_")} - _BUILTIN_MEMBERS
        )
        return [repr(n) for n in dict.fromkeys(names)]

    def constants(self, kind: str) -> list[str]:
        return [d.name for d in self.found.values() if d.kind == "constant" and d.literal == kind]


def signature_spelling(bound: Mapping[str, str], defined: set[str]) -> str | None:
    """`inspect.signature` as the module (with the tests' imports) names it, if it does."""
    if bound.get("inspect") == "import inspect" and "inspect" not in defined:
        return "inspect.signature"
    if bound.get("signature") == "from inspect import signature" and "signature" not in defined:
        return "signature"
    return None


def _interleave(*lists: list[str]) -> list[str]:
    """The first of each list, then the second of each...: a bounded pool holds both sorts."""
    result: list[str] = []
    for index in range(max((len(items) for items in lists), default=0)):
        result.extend(items[index] for items in lists if index < len(items))
    return result


def _bare(node: ast.ClassDef, classes: Mapping[str, ast.ClassDef], depth: int = 0) -> bool:
    """Whether `Cls()` builds one: its `__init__`/`__new__` (or a defined base's) needs no
    argument, a dataclass's fields all have defaults, any other base is a builtin type."""
    if depth > 8:
        return False
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name in ("__init__", "__new__"):
            args = stmt.args
            positional = [*args.posonlyargs, *args.args][1:]
            required = len(positional) > len(args.defaults)
            return not required and not any(d is None for d in args.kw_defaults)
    if node.decorator_list and any(
        isinstance(s, ast.AnnAssign) and s.value is None and s.simple for s in node.body
    ):
        return False  # a dataclass's (or attrs') field without a default
    for base in node.bases:
        name = ast.unparse(base)
        if name in classes:
            if not _bare(classes[name], classes, depth + 1):
                return False
        elif name not in _BUILTIN_TYPES or name in ("type", "BaseException"):
            return False
    return not node.keywords


def _checks(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(n, ast.Assert) or (isinstance(n, ast.Name) and n.id == "pytest")
        for n in ast.walk(function)
    )


def _members(name: str, nodes: Mapping[str, ast.ClassDef], depth: int = 0) -> set[str]:
    node = nodes[name]
    found = members(node)
    for base in node.bases:
        text = ast.unparse(base)
        if text in nodes and depth < 8:
            found |= _members(text, nodes, depth + 1)
        elif text in _BUILTIN_TYPES:
            found |= set(dir(_BUILTIN_TYPES[text]))
    return found


def read_definitions(source: str, taken: set[str] | None = None) -> DefinedValues:
    """The module-level classes, functions and constants of a test file (or conftest) that
    can be copied into a test: not the tests, test classes or fixtures; every name they read
    an import of the file (not a relative one), a builtin, or another such definition. Names
    in `taken` (what the module under test and the tests import or define otherwise) are
    left out: a copy would shadow them."""
    try:
        tree = syntax.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return DefinedValues()
    imports = {
        n: s for n, s in read_tests(source, set()).import_of.items() if not s.startswith("from .")
    }
    bindings = module_bindings(tree)
    lines = source.splitlines()
    statements: dict[str, ast.stmt] = {}
    for name, stmt in bindings.items():
        if name in (taken or set()) or name in imports or name.startswith("__"):
            continue
        if isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if len(targets) != 1 or not isinstance(targets[0], ast.Name) or stmt.value is None:
                continue
        if isinstance(stmt, ast.FunctionDef) and stmt.name.startswith("_"):
            continue
        if isinstance(stmt, ast.ClassDef) and (
            any(ast.unparse(b).endswith("TestCase") for b in stmt.bases)
            or any(
                isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef) and m.name.startswith("test")
                for m in stmt.body
            )
        ):
            continue  # a test case or a mixin of tests: collected and run in a copy's module
        if name in _HOOKS or name.startswith("pytest_"):
            continue  # pytest or unittest would run it in a copy's module
        statements[name] = stmt
    reads = {name: free_names(stmt) - {name} for name, stmt in statements.items()}
    usable = set(statements)
    changed = True
    while changed:
        # A definition reading one that is dropped is dropped too, until nothing changes.
        changed = False
        for name in sorted(usable):
            if not reads[name] <= usable | set(imports) | _BUILTINS:
                usable.discard(name)
                changed = True
    class_nodes = {
        n: s for n, s in statements.items() if n in usable and isinstance(s, ast.ClassDef)
    }
    found: dict[str, Definition] = {}
    for name in sorted(usable, key=lambda n: statements[n].lineno):
        stmt = statements[name]
        text = _written(stmt, lines)
        if len(text) > MAX_SOURCE:
            continue
        needs = frozenset(reads[name] & usable)
        quoted = quoted_names(stmt) - {name}
        needs |= quoted & usable
        needed_imports = {n: imports[n] for n in sorted(reads[name] | quoted) if n in imports}
        line = stmt.lineno
        if isinstance(stmt, ast.ClassDef):
            methods = tuple(
                s.name for s in stmt.body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)
            )
            found[name] = Definition(
                name,
                "class",
                text,
                line,
                needs,
                needed_imports,
                members=frozenset(_members(name, class_nodes)),
                methods=tuple(m for m in methods if not (m.startswith("__") and m != "__call__")),
                bare=_bare(stmt, class_nodes),
            )
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            found[name] = Definition(
                name, "function", text, line, needs, needed_imports, checks=_checks(stmt)
            )
        elif isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            value = stmt.value
            kind = literal_type(ast.unparse(value))
            called = ast.unparse(value.func) if isinstance(value, ast.Call) else None
            if kind is None and called in class_nodes:
                kind = called  # an instance of a defined class
            if kind is None:
                continue
            found[name] = Definition(
                name, "constant", text, line, needs, needed_imports, literal=kind
            )
    # A definition needing one left out (too long) is left out too.
    kept = dict(found)
    changed = True
    while changed:
        changed = False
        for name, definition in list(kept.items()):
            if not definition.needs <= set(kept):
                del kept[name]
                changed = True
    return DefinedValues(kept)


def _written(stmt: ast.stmt, lines: list[str]) -> str:
    """The statement as the test file writes it (its comments, its layout), decorators
    included; as `ast.unparse` writes it where the text does not stand alone (a statement
    indented under a module-level `if` with a comment out of line)."""
    first = min([stmt.lineno, *(d.lineno for d in getattr(stmt, "decorator_list", []))])
    text = textwrap.dedent("\n".join(lines[first - 1 : stmt.end_lineno]))
    try:
        again = syntax.parse(text).body
    except (SyntaxError, ValueError, RecursionError):
        again = []
    if len(again) == 1 and ast.dump(again[0]) == ast.dump(stmt):
        return text.strip("\n")
    return ast.unparse(stmt)


def seen_definitions(
    test_code: str,
    test_path: Path | None,
    project_root: Path | None,
    taken: set[str],
    bound: Mapping[str, str],
) -> DefinedValues:
    """The definitions the tests see: the test file's own, then those of the conftests it
    sees (nearest first) it does not define. A conftest's definition reading a name that the
    module or the test file imports from elsewhere (`bound`: name → import statement) is
    left out: its copy would read the other object."""
    found = dict(read_definitions(test_code, taken).found)
    for text in conftest_texts(test_path, project_root):
        own = read_definitions(text, taken | set(found)).found
        clashing = {
            name
            for name, d in own.items()
            if any(bound.get(n, s) != s for n, s in d.imports.items())
        }
        usable = dict(own)
        while clashing:
            for name in clashing:
                usable.pop(name, None)
            clashing = {n for n, d in usable.items() if not d.needs <= set(usable)}
        found.update(usable)
    return DefinedValues(found)


def attribute_name(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether the body looks up the parameter as an attribute's name (`getattr(obj, name)`,
    `hasattr(obj, name)`): the names the test file's classes define are its values."""
    return any(
        isinstance(sub, ast.Call)
        and isinstance(sub.func, ast.Name)
        and sub.func.id in _ATTRIBUTE_CALLS
        and len(sub.args) > 1
        and isinstance(sub.args[1], ast.Name)
        and sub.args[1].id == name
        for sub in ast.walk(node)
    )


def introspects(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether the body looks into the parameter itself: `hasattr(p, ...)`, `type(p)`,
    `isinstance(p, ...)`, `p.__module__`, `inspect.signature(p)`."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and sub.args:
            first = sub.args[0]
            func = sub.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if isinstance(first, ast.Name) and first.id == name and called in _INTROSPECTING:
                return True
        elif (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == name
            and sub.attr.startswith("__")
            and sub.attr.endswith("__")
        ):
            return True
    return False
