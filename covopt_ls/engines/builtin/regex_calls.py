"""Where a module applies a regular expression to a value, read from its AST.

Real code spells a pattern many ways: inline (`re.match(r"\\d+$", text)`), compiled once at
module or class level (`NUMBER = re.compile(r"...", re.I)`, then `NUMBER.match(text)` or
`self.NUMBER.search(text)`), compiled into a local, or built from the module's string constants
(`re.compile(r"^(%s)$" % SMALL)`, `"|".join(WORDS)`, an f-string). A `RegexScope` resolves a call
to the pattern, its flags, how it is applied (`match`, `search`, `fullmatch`) and the value it
is applied to, so the miner can hand that value examples of the pattern (regexes.py).
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from covopt_ls.engines.builtin.regexes import examples, mode_of
from covopt_ls.engines.builtin.splice import MAX_SIBLINGS, imported_siblings, read_sibling

REGEX_MODULES = frozenset({"re", "regex"})
"""Modules with the `re` API (`regex` is a drop-in; its extensions simply give no examples)."""
_FUNCTIONS = frozenset(
    {"match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split"}
)
_SUBJECT_AFTER_REPLACEMENT = frozenset({"sub", "subn"})
_FLAG_NAMES = frozenset(
    {
        "I",
        "IGNORECASE",
        "X",
        "VERBOSE",
        "M",
        "MULTILINE",
        "S",
        "DOTALL",
        "A",
        "ASCII",
        "U",
        "UNICODE",
    }
)
_WIDE = re.compile(r"%[^a-zA-Z%]*\d{4,}")
MAX_FOLDED = 4000
"""A folded constant longer than this is data, not a pattern piece."""

Text = str | bytes
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Regex:
    pattern: Text
    flags: int = 0


@dataclass(frozen=True, slots=True)
class Applied:
    """A regex applied to a value: `regex` with `mode` semantics to the expression `subject`."""

    regex: Regex
    mode: str
    subject: ast.expr


@dataclass(slots=True)
class ModuleRegexes:
    """A module's names that regex calls resolve against. Class-level names are keyed
    `Class.NAME`; `bases` maps each class to the names of its bases (inherited patterns)."""

    modules: set[str] = field(default_factory=set)
    functions: dict[str, str] = field(default_factory=dict)
    """Regex functions imported by name: `from re import match as m` → {"m": "match"}."""
    strings: dict[str, Text] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)
    compiled: dict[str, Regex] = field(default_factory=dict)
    sequences: dict[str, list[Text]] = field(default_factory=dict)
    """Names bound to a display of string constants (`WORDS = ["and", "or"]`), for joins."""
    bases: dict[str, list[str]] = field(default_factory=dict)
    imported: set[str] = field(default_factory=set)
    """Sibling modules imported whole (`from . import patterns`): `patterns.NAME` is keyed so."""

    def __bool__(self) -> bool:
        return bool(self.modules or self.functions or self.compiled)


def module_regexes(
    tree: ast.Module,
    source: Path | None = None,
    module: str = "",
    depth: int = 1,
    constants: bool = False,
) -> ModuleRegexes:
    """The regex modules and functions a module imports, and its module- and class-level
    string constants, flag constants and compiled patterns, in the order they are bound. With
    its file and dotted name, also the names it imports from modules of its own package
    (`from . import patterns`, `from .patterns import NUMBER`), read `depth` imports deep: a
    package often keeps its patterns in a module of their own. `constants`: bind its string
    constants even if it applies no regex (an imported module another's patterns are built
    from)."""
    known = ModuleRegexes()
    if source is not None and module and depth >= 0:
        _import_siblings(known, tree, source, module, depth)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in REGEX_MODULES:
                    known.modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module in REGEX_MODULES and not node.level:
            for alias in node.names:
                if alias.name in _FUNCTIONS or alias.name == "compile":
                    known.functions[alias.asname or alias.name] = alias.name
    if not (constants or known):
        return known
    scope = RegexScope(known, None)
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            known.bases[stmt.name] = [ast.unparse(b).rsplit(".", 1)[-1] for b in stmt.bases]
            body = RegexScope(known, stmt.name, class_body=True)
            for inner in stmt.body:
                for name, value in _bindings(inner):
                    body.bind_class(name, value)
        else:
            for name, value in _bindings(stmt):
                scope.bind_module(name, value)
    return known


def _import_siblings(
    known: ModuleRegexes, tree: ast.Module, source: Path, module: str, depth: int
) -> None:
    """Bind the patterns, strings and flags `tree` imports from its package's modules."""
    if depth == 0:
        return
    parts = module.split(".")
    ups = len(parts) if source.name == "__init__.py" else len(parts) - 1
    if ups >= len(source.parents):
        return
    root = source.parents[ups]
    for bound, path, member in imported_siblings(tree, source, module)[:MAX_SIBLINGS]:
        sibling_tree = read_sibling(path)
        if sibling_tree is None:
            continue
        dotted = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        sibling = module_regexes(sibling_tree, path, dotted, depth - 1, constants=True)
        tables: tuple[dict[str, Any], ...] = (
            sibling.strings,
            sibling.flags,
            sibling.compiled,
            sibling.sequences,
        )
        mine: tuple[dict[str, Any], ...] = (
            known.strings,
            known.flags,
            known.compiled,
            known.sequences,
        )
        for theirs, ours in zip(tables, mine, strict=True):
            for name, value in theirs.items():
                if "." in name:
                    continue
                if member is None:
                    ours[f"{bound}.{name}"] = value
                elif name == member:
                    ours[bound] = value
        if member is None:
            known.imported.add(bound)


def _bindings(stmt: ast.stmt) -> Iterable[tuple[str, ast.expr]]:
    if isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            if isinstance(target, ast.Name):
                yield target.id, stmt.value
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        if isinstance(stmt.target, ast.Name):
            yield stmt.target.id, stmt.value
    elif isinstance(stmt, ast.If | ast.Try):
        # `if HAS_REGEX: PATTERN = ... else: PATTERN = ...`: the first binding stands.
        for inner in [*stmt.body, *getattr(stmt, "orelse", [])]:
            yield from _bindings(inner)


class RegexScope:
    """Resolves regex calls inside one callable (or a class body): its locals first, then its
    class's names (and its bases'), then the module's."""

    def __init__(
        self, module: ModuleRegexes, own_class: str | None, class_body: bool = False
    ) -> None:
        """`class_body`: the scope is the class statement itself, where the class's own names
        are read unqualified (in its methods a bare name is a global)."""
        self.module = module
        self.own_class = own_class
        self.class_body = class_body
        self.strings: dict[str, Text] = {}
        self.flags: dict[str, int] = {}
        self.compiled: dict[str, Regex] = {}
        self.sequences: dict[str, list[Text]] = {}

    def bind(self, name: str, value: ast.expr) -> None:
        """A local assignment: a string, flags or a compiled pattern the body uses later."""
        self._bind(name, value, self)

    def bind_module(self, name: str, value: ast.expr) -> None:
        self._bind(name, value, self.module)

    def bind_class(self, name: str, value: ast.expr) -> None:
        self._bind(f"{self.own_class}.{name}", value, self.module)

    def _bind(self, name: str, value: ast.expr, names: RegexScope | ModuleRegexes) -> None:
        try:
            self._bind_value(name, value, names)
        except RecursionError:  # a chain of thousands of `+`: no constant worth spelling
            return

    def _bind_value(self, name: str, value: ast.expr, names: RegexScope | ModuleRegexes) -> None:
        folded = self._folded(value)
        if folded is not None:
            names.strings[name] = folded
        elif (bits := self._flags(value)) is not None and not isinstance(value, ast.Constant):
            names.flags[name] = bits
        elif (regex := self._compiled(value)) is not None:
            names.compiled[name] = regex
        elif isinstance(value, ast.List | ast.Tuple | ast.Set):
            items = self._items(value)
            if items:
                names.sequences[name] = items

    def applied(self, call: ast.Call) -> Applied | None:
        """The regex a call applies, how, and to what: `re.<fn>(pattern, value)`,
        `re.compile(pattern).<fn>(value)`, `NAME.<fn>(value)` for a compiled NAME."""
        try:
            return self._applied(call)
        except RecursionError:  # a chain of thousands of `+`: no constant worth spelling
            return None

    def _applied(self, call: ast.Call) -> Applied | None:
        func = call.func
        name = self._regex_function(func)
        if name in _FUNCTIONS and call.args:
            regex = self._compiled(call.args[0]) or self._pattern(call.args[0], call, 3)
            subject = _subject(call, name, 1)
            return Applied(regex, mode_of(name), subject) if regex and subject else None
        if isinstance(func, ast.Attribute) and func.attr in _FUNCTIONS:
            regex = self._compiled(func.value)
            subject = _subject(call, func.attr, 0)
            return Applied(regex, mode_of(func.attr), subject) if regex and subject else None
        return None

    def _regex_function(self, func: ast.expr) -> str | None:
        """`re.match` → "match", `match` imported from re → "match"; else None."""
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in self.module.modules
        ):
            return func.attr
        if isinstance(func, ast.Name):
            return self.module.functions.get(func.id)
        return None

    def _pattern(self, node: ast.expr, call: ast.Call, flags_at: int) -> Regex | None:
        pattern = self._folded(node)
        if pattern is None:
            return None
        flags = _argument(call, flags_at, "flags")
        bits = self._flags(flags) if flags is not None else 0
        return Regex(pattern, bits or 0)

    def _compiled(self, node: ast.expr) -> Regex | None:
        """A compiled pattern: `re.compile(...)` itself or a name bound to one."""
        if isinstance(node, ast.Call) and self._regex_function(node.func) == "compile":
            return self._pattern(node.args[0], node, 1) if node.args else None
        key = self._key(node)
        return self._lookup(key, self.compiled, self.module.compiled) if key else None

    def _key(self, node: ast.expr) -> str | None:
        """The name an expression reads: `NAME`, `self.NAME` (own class), `Class.NAME`."""
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            owner = ast.unparse(node.value)
            if owner in ("self", "cls", "type(self)", "self.__class__") and self.own_class:
                return f"{self.own_class}.{node.attr}"
            if isinstance(node.value, ast.Name) and (
                node.value.id in self.module.bases or node.value.id in self.module.imported
            ):
                return f"{node.value.id}.{node.attr}"
        return None

    def _lookup(self, key: str, local: dict[str, _T], module: dict[str, _T]) -> _T | None:
        if key in local:
            return local[key]
        if "." not in key and self.class_body and f"{self.own_class}.{key}" in module:
            # A class body reads its own earlier names unqualified.
            return module[f"{self.own_class}.{key}"]
        if key in module:
            return module[key]
        if "." in key:
            cls, name = key.split(".", 1)
            seen = {cls}
            pending = list(self.module.bases.get(cls, []))
            while pending:
                base = pending.pop(0)
                if base in seen:
                    continue
                seen.add(base)
                if f"{base}.{name}" in module:
                    return module[f"{base}.{name}"]
                pending.extend(self.module.bases.get(base, []))
        return None

    def _folded(self, node: ast.expr) -> Text | None:
        """The value of a constant string expression: literals, names bound to one, `+`,
        `%` formatting, f-strings of such names, and `sep.join` of a list of them."""
        value = self._fold(node)
        return value if value is None or len(value) <= MAX_FOLDED else None

    def _fold(self, node: ast.expr) -> Text | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
            return node.value
        key = self._key(node)
        if key is not None:
            return self._lookup(key, self.strings, self.module.strings)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self._fold(node.left), self._fold(node.right)
            if isinstance(left, str) and isinstance(right, str):
                return left + right
            if isinstance(left, bytes) and isinstance(right, bytes):
                return left + right
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            return self._formatted(node)
        if isinstance(node, ast.JoinedStr):
            parts: list[str] = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(value.value)
                elif (
                    isinstance(value, ast.FormattedValue)
                    and value.conversion == -1
                    and value.format_spec is None
                    and isinstance(piece := self._fold(value.value), str)
                ):
                    parts.append(piece)
                else:
                    return None
            return "".join(parts)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join"
            and len(node.args) == 1
            and not node.keywords
        ):
            separator = self._fold(node.func.value)
            items = self._items(node.args[0])
            if isinstance(separator, str) and items is not None:
                texts = [i for i in items if isinstance(i, str)]
                return separator.join(texts) if len(texts) == len(items) else None
        return None

    def _formatted(self, node: ast.BinOp) -> Text | None:
        template = self._fold(node.left)
        if not isinstance(template, str):
            return None
        right = node.right
        values = self._items(right) if isinstance(right, ast.Tuple) else None
        if values is None:
            single = self._fold(right)
            values = [single] if single is not None else None
        if values is None or not all(isinstance(v, str) for v in values):
            return None
        if _WIDE.search(template):
            return None  # `%99999999s`: a width that would spell a huge text
        try:
            return template % tuple(values)
        except (TypeError, ValueError, KeyError):
            return None

    def _items(self, node: ast.expr) -> list[Text] | None:
        """The constant strings of a display, or of a name bound to one."""
        if not isinstance(node, ast.List | ast.Tuple | ast.Set):
            key = self._key(node)
            return self._lookup(key, self.sequences, self.module.sequences) if key else None
        elements = list(node.elts)
        found = [self._fold(e) for e in elements]
        return [f for f in found if f is not None] if None not in found else None

    def _flags(self, node: ast.expr) -> int | None:
        """The value of a flags expression (`re.I | re.X`, a name bound to one); None for
        anything else. A flag of another module's making (`regex.V1`) counts as none."""
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr | ast.Add):
            left, right = self._flags(node.left), self._flags(node.right)
            return left | right if left is not None and right is not None else None
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in self.module.modules
        ):
            if node.attr in _FLAG_NAMES:
                return int(getattr(re, node.attr))
            return 0 if node.attr.isupper() else None
        key = self._key(node)
        if key is not None:
            return self._lookup(key, self.flags, self.module.flags)
        return None


def _argument(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    if index < len(call.args):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _subject(call: ast.Call, function: str, offset: int) -> ast.expr | None:
    """The value a regex call reads (`string`): after the replacement for `sub`/`subn`."""
    index = offset + (1 if function in _SUBJECT_AFTER_REPLACEMENT else 0)
    subject = _argument(call, index, "string")
    if subject is None or isinstance(subject, ast.Starred):
        return None
    return subject


MAX_EXAMPLE_TOKEN = 8
"""Longer examples are whole inputs, not pieces to splice (the same bound as splice.py's)."""
MAX_PATTERN_TOKENS = 24


def pattern_tokens(roots: Iterable[ast.AST], known: ModuleRegexes) -> list[str]:
    """Short texts matching the patterns applied within `roots` (classes, or functions of the
    module): fields of the module's little language (`1-5`, `*/2`, `L`) that a splicer can put
    into a whole input (`* 1-5 * * *`), as it puts the literals the module compares with."""
    if not known:
        return []
    per_pattern: list[list[str]] = []
    for root in roots:
        for function, own_class in _functions(root):
            scope = RegexScope(known, own_class)
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            scope.bind(target.id, node.value)
                elif isinstance(node, ast.Call) and (applied := scope.applied(node)):
                    per_pattern.append(_short_examples(applied))
                if len(per_pattern) >= MAX_PATTERN_TOKENS:
                    break
    # Each pattern's plainest match first, then each one's second.
    found = dict.fromkeys(t for batch in itertools.zip_longest(*per_pattern) for t in batch if t)
    return list(found)[:MAX_PATTERN_TOKENS]


def _functions(root: ast.AST) -> list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, str | None]]:
    """The callables of a root with the class they belong to."""
    if isinstance(root, ast.FunctionDef | ast.AsyncFunctionDef):
        return [(root, None)]
    if isinstance(root, ast.ClassDef):
        return [
            (s, root.name)
            for s in root.body
            if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
    return []


def _short_examples(applied: Applied) -> list[str]:
    regex = applied.regex
    found = examples(regex.pattern, regex.flags, applied.mode, limit=2).matching
    return [
        t
        for t in found
        if isinstance(t, str) and 0 < len(t) <= MAX_EXAMPLE_TOKEN and t.isprintable()
    ]
