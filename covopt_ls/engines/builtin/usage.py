"""A parameter's type read from how the body uses it, for code without annotations.

Untyped code still says what it expects: a parameter that is called is a callable, one whose
`.items()` is read is a mapping, one split or stripped is text, one added to a number is a
number. Without this the planner falls back to generic values (an int where a predicate is
expected, `""` where a dict is), which either run nothing or yield tests a person would not
keep. Evidence is weighed, the strongest kind wins: a call or a mapping method says more than
iteration, which lists, dicts and strings all allow.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass, field

from covopt_ls.engines.builtin.callables import (
    CALLABLE_NAME,
    DEFAULT,
    INTROSPECTED_ATTRS,
    INTROSPECTING_CALLS,
    callable_values,
)
from covopt_ls.engines.builtin.calls import literal_type

_DICT_METHODS = frozenset({"items", "keys", "values", "get", "setdefault", "update", "popitem"})
_LIST_METHODS = frozenset({"append", "extend", "insert", "sort", "reverse"})
_STR_METHODS = frozenset(
    {
        "startswith",
        "endswith",
        "split",
        "rsplit",
        "splitlines",
        "strip",
        "lstrip",
        "rstrip",
        "lower",
        "upper",
        "casefold",
        "title",
        "capitalize",
        "format",
        "format_map",
        "replace",
        "isdigit",
        "isalpha",
        "isalnum",
        "isspace",
        "isupper",
        "islower",
        "encode",
        "zfill",
        "ljust",
        "rjust",
        "center",
        "partition",
        "rpartition",
        "expandtabs",
        "removeprefix",
        "removesuffix",
    }
)
_RE_FUNCTIONS = frozenset({"match", "search", "fullmatch", "split", "sub", "findall", "finditer"})
_HIGHER_ORDER = frozenset({"map", "filter", "reduce", "starmap", "filterfalse", "takewhile"})
_CONSUMERS = frozenset(
    {"len", "iter", "sorted", "enumerate", "reversed", "zip", "sum", "any", "all", "set", "list"}
    | {"tuple", "frozenset", "min", "max"}
)
_CHECKS = frozenset({"isinstance", "int", "float", "str", "type", "callable", "hasattr"})
_BYTES_METHODS = frozenset({"decode"})
"""Methods only binary data has (text has no `.decode()` since Python 3)."""
_WEIGHT = {
    "Callable": 5, "dict": 4, "str": 4, "bytes": 4, "list": 3, "float": 2, "int": 2,
    "iterable": 1,
}  # fmt: skip

CALLABLES = DEFAULT

ALLOWED_LITERALS: dict[str, frozenset[str | None]] = {
    "Callable": frozenset({None, "NoneType"}),
    "dict": frozenset({None, "NoneType", "dict"}),
    "list": frozenset({None, "NoneType", "list", "tuple", "set"}),
    "iterable": frozenset({None, "NoneType", "list", "tuple", "set", "dict", "str"}),
    "str": frozenset({None, "NoneType", "str"}),
    "bytes": frozenset({None, "NoneType", "bytes"}),
}
"""Literal types (calls.literal_type) a value may have for an inferred kind; None is a
non-literal expression (a lambda, a constructor call), which is kept. Numbers are not
filtered: code doing arithmetic often accepts text it converts (`int(n)`) or rejects."""


@dataclass(slots=True)
class Usage:
    """What the body does with one parameter."""

    kinds: dict[str, int] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    """String keys read from it (`p["name"]`, `p.get("name")`), for building a mapping."""
    element: Usage | None = None
    """How the items are used where the body loops over it (`for d in dicts: d.items()`)."""
    value: Usage | None = None
    """How a mapping's values are used (`for key, deps in graph.items(): set(deps)`)."""
    checked: bool = False
    """The body checks or converts its type (`isinstance(p, …)`, `int(p)`): values of other
    types reach those branches, so none is dropped."""
    fields: bool = False
    """Text that is probably a format string: candidates with replacement fields help."""
    attrs: set[str] = field(default_factory=set)
    """Attributes and methods read on it (`p.price`, `p.total()`): an object of a class
    that has them all (targets.members) is the value the body expects."""
    arities: set[int] = field(default_factory=set)
    """How many positional arguments it is called with (-1: a `*args` spread)."""
    introspected: bool = False
    asked: set[str] = field(default_factory=set)
    """The introspecting functions it is handed to (`iscoroutinefunction`, `signature`)."""
    """The body reads it as a function (`p.__name__`, `inspect.signature(p)`, `wraps(p)`):
    a `def`-defined function takes other ways than a lambda or a builtin."""
    key_usages: dict[str, Usage] = field(default_factory=dict)
    hints: list[str] = field(default_factory=list)
    """Values the body compares it with or suggests for it (candidates.mine), where it is a
    key's value: `conf["retries"] > 3` → `4`."""
    """The keys read from it, each with how its value is used (keyed.read_keys), the goal's
    keys first: the mappings tried are built from them."""

    @property
    def kind(self) -> str | None:
        if not self.kinds:
            return None
        return max(self.kinds, key=lambda k: (self.kinds[k] * _WEIGHT[k], _WEIGHT[k]))

    def note(self, kind: str) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1


class _Reader(ast.NodeVisitor):
    def __init__(self, names: set[str], stored: dict[str, str] | None = None) -> None:
        self.usages: dict[str, Usage] = {name: Usage() for name in names}
        self.stored = stored or {}
        """`self.<attr>` → the constructor parameter stored in it."""

    def _param(self, node: ast.expr) -> Usage | None:
        if isinstance(node, ast.Name):
            return self.usages.get(node.id)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and node.attr in self.stored
        ):
            return self.usages.get(self.stored[node.attr])
        return None

    def visit_Assign(self, node: ast.Assign) -> None:
        # Rebinding a parameter (`d = dict(d)`, `items = list(items)`) hides later uses.
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id in self.usages:
                self.usages[target.id].kinds.setdefault("_rebound", 0)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (usage := self._param(func)) is not None:
            usage.note("Callable")
            spread = any(isinstance(a, ast.Starred) for a in node.args)
            usage.arities.add(-1 if spread else len(node.args))
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if called in INTROSPECTING_CALLS:
            for arg in node.args:
                if (usage := self._param(arg)) is not None:
                    usage.note("Callable")
                    usage.introspected = True
                    usage.asked.add(called)
        if isinstance(func, ast.Attribute) and (usage := self._param(func.value)) is not None:
            if func.attr in _DICT_METHODS:
                usage.note("dict")
                key = node.args[0] if node.args else None
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    usage.keys.append(key.value)
            elif func.attr in _LIST_METHODS:
                usage.note("list")
            elif func.attr in _STR_METHODS:
                usage.note("str")
            elif func.attr in _BYTES_METHODS:
                usage.note("bytes")
        name = func.id if isinstance(func, ast.Name) else None
        if name in _CHECKS:
            for arg in node.args[:1]:
                if (usage := self._param(arg)) is not None:
                    usage.checked = True
        if name in _HIGHER_ORDER and node.args:
            # `map(func, items)`: the first argument is applied, the rest are iterated.
            if (usage := self._param(node.args[0])) is not None:
                usage.note("Callable")
            for arg in node.args[1:]:
                if (usage := self._param(arg)) is not None:
                    usage.note("iterable")
        elif name in _CONSUMERS and not (name in ("min", "max") and len(node.args) > 1):
            # `max(a, b)` compares values; `max(items)`, `zip(a, b)` iterate.
            for arg in node.args if name == "zip" else node.args[:1]:
                if (usage := self._param(arg)) is not None:
                    usage.note("iterable")
        for keyword in node.keywords:
            if (
                keyword.arg in ("key", "default_factory", "callback", "predicate")
                and (usage := self._param(keyword.value)) is not None
            ):
                usage.note("Callable")
        merged = node.args[:1] if name == "dict" else []
        if isinstance(func, ast.Attribute) and func.attr == "update":
            merged = node.args[:1]
        for arg in merged:
            if (usage := self._param(arg)) is not None:
                usage.note("dict")
        if isinstance(func, ast.Attribute) and (
            (func.attr in ("parse", "vformat") and "ormat" in ast.unparse(func.value))
            or (ast.unparse(func.value) == "re" and func.attr in _RE_FUNCTIONS)
        ):
            text_args = node.args[1:2] if func.attr in _RE_FUNCTIONS else node.args[:1]
            if func.attr == "sub":
                text_args = node.args[2:3]
            for arg in text_args:
                if (usage := self._param(arg)) is not None:
                    usage.note("str")
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "join"
            and node.args
            and (usage := self._param(node.args[0])) is not None
        ):
            usage.note("list")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if (usage := self._param(node.value)) is not None and not node.attr.startswith("__"):
            usage.attrs.add(node.attr)
        elif usage is not None and node.attr in INTROSPECTED_ATTRS:
            usage.note("Callable")
            usage.introspected = True
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if (usage := self._param(node.value)) is not None:
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                usage.note("dict")
                usage.keys.append(key.value)
            elif isinstance(key, ast.Constant) and isinstance(key.value, int):
                usage.note("iterable")
        self.generic_visit(node)

    def _items_loop(self, iterable: ast.expr, target: ast.expr) -> None:
        """`for key, value in p.items()`: the loop's value variable stands for p's values."""
        if not (
            isinstance(iterable, ast.Call)
            and isinstance(iterable.func, ast.Attribute)
            and (usage := self._param(iterable.func.value)) is not None
        ):
            return
        if iterable.func.attr == "items" and isinstance(target, ast.Tuple):
            names = target.elts
            value = names[1] if len(names) == 2 else None
        elif iterable.func.attr == "values":
            value = target
        else:
            return
        if isinstance(value, ast.Name) and value.id not in self.usages:
            usage.value = usage.value or Usage()
            self.usages[value.id] = usage.value

    def visit_For(self, node: ast.For) -> None:
        self._items_loop(node.iter, node.target)
        if (usage := self._param(node.iter)) is not None:
            usage.note("iterable")
            target = node.target
            if isinstance(target, ast.Name) and target.id not in self.usages:
                usage.element = usage.element or Usage()
                self.usages[target.id] = usage.element
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._items_loop(node.iter, node.target)
        if (usage := self._param(node.iter)) is not None:
            usage.note("iterable")
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
            # `"%s" % p`: formatting, not arithmetic; says nothing about p.
            self.generic_visit(node)
            return
        for side, other in ((node.left, node.right), (node.right, node.left)):
            usage = self._param(side)
            if usage is None or not isinstance(other, ast.Constant):
                continue
            value = other.value
            if isinstance(value, bool):
                continue
            if isinstance(value, float):
                usage.note("float")
            elif isinstance(value, int):
                usage.note("int")
            elif isinstance(value, str) and isinstance(node.op, ast.Add):
                usage.note("str")
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        operands = [node.left, *node.comparators]
        for index, op in enumerate(node.ops):
            left, right = operands[index], operands[index + 1]
            if not isinstance(op, ast.Lt | ast.LtE | ast.Gt | ast.GtE):
                continue
            for side, other in ((left, right), (right, left)):
                usage = self._param(side)
                if usage is None or not isinstance(other, ast.Constant):
                    continue
                if isinstance(other.value, float):
                    usage.note("float")
                elif isinstance(other.value, int) and not isinstance(other.value, bool):
                    usage.note("int")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        # A nested function's own parameters may shadow ours; its body still uses ours.
        shadowed = {a.arg for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]}
        saved = {name: self.usages.pop(name) for name in shadowed if name in self.usages}
        self.generic_visit(node)
        self.usages.update(saved)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Lambda(self, node: ast.Lambda) -> None:
        shadowed = {a.arg for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]}
        saved = {name: self.usages.pop(name) for name in shadowed if name in self.usages}
        self.generic_visit(node)
        self.usages.update(saved)


_FORMAT_NAME = re.compile(r"(^|_)(fmt|fstr|format|template|fspec)($|_)", re.IGNORECASE)
FIELDS = ('"{name}"', '"{0:d}"', '"a {} b"', '"{x} and {y!r:>5}"', '"{0.a[1]}"', '"{{}}"')
"""Format strings with replacement fields: positional, named, with conversion and spec."""


@functools.lru_cache(maxsize=4096)
def wants_fields(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether a text parameter is probably a format string: its name says so, it is handed
    to a `Formatter` or `.format`-ed, or the body tests for braces."""
    if _FORMAT_NAME.search(name):
        return True
    for sub in ast.walk(node):
        if isinstance(sub, ast.Compare | ast.Call) and _tests_braces(sub, name):
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
            target = sub.func
            passed = any(isinstance(a, ast.Name) and a.id == name for a in sub.args)
            if passed and target.attr in ("parse", "vformat") and "ormat" in ast.unparse(target):
                return True
            if (
                target.attr in ("format", "format_map")
                and isinstance(target.value, ast.Name)
                and target.value.id == name
            ):
                return True
    return False


def _tests_braces(node: ast.Compare | ast.Call, name: str) -> bool:
    """`"{" in text`, `text[i] == "}"`, `text.startswith("{")`: a brace looked for in the
    parameter (a brace the body merely prints says nothing about it)."""
    braces = any(
        isinstance(sub, ast.Constant)
        and isinstance(sub.value, str)
        and sub.value[:1] in ("{", "}")
        and len(sub.value) <= 2
        for sub in ast.walk(node)
    )
    return braces and any(isinstance(sub, ast.Name) and sub.id == name for sub in ast.walk(node))


def infer_usage(node: ast.FunctionDef | ast.AsyncFunctionDef, names: list[str]) -> dict[str, Usage]:
    """Usage of each named parameter in the callable's body (nested scopes included, unless
    they shadow the name). A parameter rebound in the body keeps only what was seen."""
    reader = _Reader(set(names))
    for stmt in node.body:
        reader.visit(stmt)
    for name, usage in reader.usages.items():
        usage.kinds.pop("_rebound", None)
        if not usage.kinds and not usage.attrs and name in names and CALLABLE_NAME.search(name):
            # Named like a function and used in no way that says otherwise.
            usage.note("Callable")
    return {name: reader.usages[name] for name in names}


def stored_attrs(cls: ast.ClassDef, attr_params: dict[str, str], names: set[str]) -> dict[str, str]:
    """`self.<attr>` → the constructor parameter it holds: those the constructor stores
    (`self.conf = conf`), and those named after a parameter (`self._conf` for `conf`) that the
    class sets elsewhere or a base class's constructor stores: an attribute named like a
    parameter holds that parameter, or values of its kind."""
    stored = {attr: param for attr, param in attr_params.items() if param in names}
    for attr in _self_attributes(cls):
        if attr not in stored and (param := attr.lstrip("_")) in names:
            stored[attr] = param
    return stored


@functools.lru_cache(maxsize=1024)
def _self_attributes(cls: ast.ClassDef) -> tuple[str, ...]:
    """The `self.<attr>` names a class body reads or sets, in order (asked by every planner
    of the class's methods)."""
    found: dict[str, None] = {}
    for sub in ast.walk(cls):
        if (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == "self"
        ):
            found.setdefault(sub.attr, None)
    return tuple(found)


def with_stored(
    cls: ast.ClassDef, attr_params: dict[str, str], usages: dict[str, Usage]
) -> dict[str, Usage]:
    """Constructor parameters' usages, adding how the other methods use the attributes they
    are stored in: `self.callback = callback` in `__init__`, `self.callback(item)` later makes
    the parameter a callable of one argument."""
    stored = stored_attrs(cls, attr_params, set(usages))
    if not stored:
        return usages
    reader = _Reader(set(), stored)
    reader.usages = dict(usages)
    for member in cls.body:
        if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef) and member.name != "__init__":
            for stmt in member.body:
                reader.visit(stmt)
    for name in usages:
        usages[name].kinds.pop("_rebound", None)
    return usages


def merged(first: Usage, second: Usage) -> Usage:
    """One usage from two readings of the same value (a key read in two methods, or a key
    and the local bound to it)."""
    kinds = dict(first.kinds)
    for kind, count in second.kinds.items():
        kinds[kind] = kinds.get(kind, 0) + count
    return Usage(
        kinds=kinds,
        keys=[*first.keys, *second.keys],
        element=first.element or second.element,
        value=first.value or second.value,
        checked=first.checked or second.checked,
        fields=first.fields or second.fields,
        attrs=first.attrs | second.attrs,
        arities=first.arities | second.arities,
        introspected=first.introspected or second.introspected,
        asked=first.asked | second.asked,
        key_usages={**second.key_usages, **first.key_usages},
        hints=list(dict.fromkeys([*first.hints, *second.hints])),
    )


MAX_KEYS = 6
"""Keys given a mapping of their own, at most (the goal's keys come first)."""
MAX_KEYED = 10
UNKNOWN_VALUE = ('"a"', "1")
"""A key's values where the body does not say how it uses them: text, then a number."""


def keyed_values(keys: dict[str, Usage]) -> list[str]:
    """Mappings built from the keys a body reads: all of them (a body reading several needs
    them all), then one key at a time (a branch testing for a key is reached by a mapping
    holding just it, and a driver dispatching on keys runs just its handler) with its likeliest
    values; every value shaped by how the body uses it (a list where it loops, a
    number where it compares) or one it is compared with. The first keys are the goal's own
    (Usage.key_usages)."""
    shaped: dict[str, list[str]] = {}
    for key, usage in list(keys.items())[:MAX_KEYS]:
        typed = usage_values(usage)[:2] if usage.kind is not None else []
        # A compared value and its neighbour (`> 3`: 3 and 4) take both sides of the test.
        # Where the body does not say what the value is, plain text and a number follow the
        # values it is compared with (`if conf.get("k"):` suggests only `None`).
        values = [*typed[:1], *usage.hints[:2], *typed[1:], *([] if typed else UNKNOWN_VALUE)]
        values = list(dict.fromkeys(values))[:3]
        if usage.checked and typed:
            # The body checks the value's type (`isinstance(conf["k"], list)`): one of another
            # type takes the other branch.
            other = UNKNOWN_VALUE[1] if literal_type(typed[0]) == "str" else UNKNOWN_VALUE[0]
            values = [*values[:2], other]
        shaped[key] = values
    found = ["{" + ", ".join(f"{k!r}: {v[0]}" for k, v in shaped.items()) + "}"]
    found.extend(f"{{{key!r}: {value}}}" for key, values in shaped.items() for value in values)
    return list(dict.fromkeys([*found[:MAX_KEYED], "{}"]))


def vararg_values(usage: Usage | None, hints: list[str]) -> list[str]:
    """Sources for `*args`: one and two items of the kind the body uses them as (else the
    mined hints or plain values), so loops over them run once and more than once, and the
    items as one list."""
    element = usage.element if usage is not None else None
    items = usage_values(element) if element is not None else []
    items = [*items, *(h for h in hints if h not in items)] or ['"a"', "1", '"b"']
    if len(items) < 2:
        items.append('"b"' if items[0] != '"b"' else '"a"')
    pair = f"{items[0]}, {items[1]}"
    # Last, a single list of them: many APIs take either `f(a, b)` or `f([a, b])`.
    return [items[0], pair, items[1], f"{pair}, {items[0]}", f"[{pair}]"]


def usage_values(usage: Usage) -> list[str]:
    """Well-typed candidates for an inferred kind, the likeliest useful first (non-empty
    containers first: an empty one runs a loop zero times)."""
    kind = usage.kind
    if kind == "Callable":
        return callable_values(usage.arities, usage.introspected, usage.asked)
    if kind == "bytes":
        return ['b"abc"', 'b""', "b'\\xff'"]
    if kind == "dict" and usage.key_usages:
        return keyed_values(usage.key_usages)
    if kind == "dict":
        keys = list(dict.fromkeys(usage.keys))[:3]
        if keys:
            filled = ", ".join(f"{k!r}: {i + 1}" for i, k in enumerate(keys))
            return [f"{{{filled}}}", f"{{{keys[0]!r}: None}}", "{}"]
        values = usage_values(usage.value)[:2] if usage.value is not None else []
        if len(values) == 2:
            # Values of the shape the body uses them in: `{"a": [1, 2, 3], "b": ["a", "b"]}`.
            return [
                f'{{"a": {values[0]}, "b": {values[1]}}}',
                f'{{"a": {values[0]}}}',
                "{}",
            ]
        # A nested mapping second: code that recurses into values needs one to recurse.
        return [
            '{"a": 1, "b": 2, "c": 3}',
            '{"a": {"b": 1}}',
            '{"a": 1}',
            '{"a": 1, "b": None}',
            "{}",
        ]
    element = usage.element.kind if usage.element is not None else None
    if kind in ("list", "iterable") and usage.element is not None and element is not None:
        items = usage_values(usage.element)[:2]
        if len(items) == 2:
            return [f"[{items[0]}, {items[1]}]", f"[{items[0]}]", "[]"]
    if kind == "list":
        return ["[1, 2, 3]", '["a", "b"]', "[1]", "[]", "[3, 1, 2]"]
    if kind == "iterable":
        return ["[1, 2, 3]", '["a", "b"]', '"abc"', "[]"]
    if kind == "str":
        return ['"hello world"', '"a"', '""', '"ABC"', '"a,b"', '" x "']
    if kind == "int":
        return ["1", "0", "-1", "2", "10"]
    if kind == "float":
        return ["1.5", "0.0", "-1.0", "2.0"]
    return []


def passed_on(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    name: str,
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef],
    methods: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] | None = None,
) -> Usage | None:
    """How a module function uses the parameter `name` is handed to (`toposort(data)` reads
    `data.items()`: a mapping), one call deep; None when no callee says more. An operand of
    `self` (`start + self`) is handed to the class's operator method (`__radd__`)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.BinOp) and methods:
            usage = _operand_usage(sub, name, methods)
            if usage is not None:
                return usage
        if not isinstance(sub, ast.Call):
            continue
        func = sub.func
        if isinstance(func, ast.Name):
            callee, skip = functions.get(func.id), 0
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
        ):
            # `self.contains(item)`: a method of the same class, its `self` not an argument.
            callee, skip = (methods or {}).get(func.attr), 1
        else:
            continue
        if callee is None or callee is node:
            continue
        args = callee.args
        positional = [*args.posonlyargs, *args.args][skip:]
        wanted = [
            positional[i].arg
            for i, arg in enumerate(sub.args)
            if i < len(positional) and isinstance(arg, ast.Name) and arg.id == name
        ]
        wanted += [
            kw.arg
            for kw in sub.keywords
            if kw.arg is not None and isinstance(kw.value, ast.Name) and kw.value.id == name
        ]
        for param in wanted:
            usage = infer_usage(callee, [param])[param]
            if usage.kind is not None or usage.attrs:
                return usage
    return None


_OPERATORS = {
    ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.MatMult: "matmul",
    ast.Div: "truediv", ast.FloorDiv: "floordiv", ast.Mod: "mod", ast.Pow: "pow",
}  # fmt: skip


def _operand_usage(
    binop: ast.BinOp, name: str, methods: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]
) -> Usage | None:
    """How the class's operator method uses the parameter `name` combined with `self`: `p + self`
    runs `__radd__` (Python tries `p.__add__` first, which declines a class it does not know),
    `self + p` runs `__add__`."""
    op = _OPERATORS.get(type(binop.op))
    left, right = binop.left, binop.right
    if op is None:
        return None
    if _is_name(left, name) and _is_name(right, "self"):
        # `__radd__ = __add__`: a commutative operator's reflected method is often its own.
        names = [f"__r{op}__", f"__{op}__"] if op in ("add", "mul") else [f"__r{op}__"]
    elif _is_name(left, "self") and _is_name(right, name):
        names = [f"__{op}__"]
    else:
        return None
    for method in names:
        callee = methods.get(method)
        positional = [*callee.args.posonlyargs, *callee.args.args][1:] if callee else []
        if callee is None or not positional:
            continue
        usage = infer_usage(callee, [positional[0].arg])[positional[0].arg]
        if usage.kind is not None or usage.attrs:
            return usage
    return None


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
