"""What type a parameter evidently has, whether a candidate value contradicts it, and which
lines of a callable exist to handle values of the wrong type.

A test a person keeps calls the code the way its author meant it to be called: `is_leap(2024)`,
not `is_leap(0.5)`; `toposort_flatten({1: {2}})`, not `toposort_flatten("")`. The evidence is,
strongest first: the annotation, the types of the values the existing tests pass, how the body
uses the parameter (usage.py), the default's type. A value of another type is still worth
running where the body guards against wrong types (an `isinstance` test, `raise TypeError`,
`return NotImplemented`): those lines are the only ones such a value may be offered for.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from covopt_ls import syntax
from covopt_ls.engines.builtin.aliases import unquoted
from covopt_ls.engines.builtin.callables import CALLABLE_NAME
from covopt_ls.engines.builtin.calls import FALLS_BACK, literal_type
from covopt_ls.engines.builtin.targets import Param, statement_lines
from covopt_ls.engines.builtin.usage import Usage

MILD = 1
"""A number of another numeric type (`0.5` for an int): often accepted, rarely meant."""
STRONG = 2
"""A value of an unrelated type (text for a mapping, a list for text, None for a number)."""

_NUMERIC = frozenset({"int", "float", "bool", "complex"})
_ACCEPTS: dict[str, frozenset[str]] = {
    "int": frozenset({"int", "bool"}),
    "float": frozenset({"float", "int", "bool"}),
    "complex": frozenset({"complex", "float", "int", "bool"}),
    "bool": frozenset({"bool"}),
    "str": frozenset({"str"}),
    "bytes": frozenset({"bytes"}),
    "bytearray": frozenset({"bytes"}),
    "memoryview": frozenset({"bytes"}),
    "list": frozenset({"list", "tuple", "set"}),
    "tuple": frozenset({"tuple", "list"}),
    "set": frozenset({"set", "frozenset", "list", "tuple"}),
    "dict": frozenset({"dict"}),
    "iterable": frozenset({"list", "tuple", "set", "frozenset", "dict", "str", "bytes"}),
    "Callable": frozenset(),
}
"""Literal types (calls.literal_type) a value may have for a kind; a non-literal expression (a
constructor call, a lambda) is never judged, it may well be of the kind."""
_NAMES = {
    "List": "list", "Sequence": "list", "MutableSequence": "list", "Tuple": "tuple",
    "Set": "set", "FrozenSet": "set", "frozenset": "set", "AbstractSet": "set",
    "MutableSet": "set", "Dict": "dict", "Mapping": "dict", "MutableMapping": "dict",
    "OrderedDict": "dict", "defaultdict": "dict", "Iterable": "iterable",
    "Iterator": "iterable", "Collection": "iterable", "Text": "str", "callable": "Callable",
}  # fmt: skip
_COUNT_NAME = re.compile(
    r"^(n|i|j|idx|count|num|year|size|length|offset|port|depth|width|height|retries)$"
    r"|^(n|num)_|_(count|idx|size|length)$"
)
_NAMED_KINDS = (
    ("int", _COUNT_NAME),
    ("list", re.compile(r"^(list_|lst|\w+_list)$")),
    ("dict", re.compile(r"^(dict_|\w+_dict|mapping)$")),
    ("str", re.compile(r"^(string|\w+_str)$")),
    ("Callable", CALLABLE_NAME),
)
"""Names that, across code bases, hold values of one kind (whole numbers, `list_`,
`name_str`): the weakest evidence, used last. Names that as often hold text or a key (`k`,
`index`, `level`, `month`, `day`, `limit`) are left out: a wrong guess here keeps a
well-typed call from being offered."""
_GUARD_CALLS = frozenset({"isinstance", "issubclass", "callable", "hasattr", "type"})
_TYPE_ERRORS = frozenset({"TypeError", "AttributeError"})


@dataclass(frozen=True, slots=True)
class Evident:
    """The kinds a parameter evidently takes (several for a union), and whether None is one."""

    kinds: frozenset[str]
    none_ok: bool
    classes: frozenset[str] = frozenset()
    """Classes of the module the parameter takes: any literal contradicts them."""
    items: bool = False
    """`*args`: the value is several arguments, each judged on its own."""


def annotation_kinds(annotation: ast.expr | None, classes: Iterable[str]) -> Evident | None:
    """The kinds an annotation names; None when it says nothing checkable (`Any`, a type
    imported from elsewhere, a type variable)."""
    annotation = unquoted(annotation) if annotation is not None else None
    if annotation is None:
        return None
    known = set(classes)
    kinds: set[str] = set()
    own: set[str] = set()
    none_ok = False
    for member in _union_members(annotation):
        if isinstance(member, ast.Constant) and member.value is None:
            none_ok = True
            continue
        head = member.value if isinstance(member, ast.Subscript) else member
        name = ast.unparse(head).rsplit(".", 1)[-1].strip("'\"")
        name = _NAMES.get(name, name)
        if name == "None":
            none_ok = True
        elif name in _ACCEPTS:
            kinds.add(name)
        elif name in known:
            own.add(name)
        else:
            return None
    if not kinds and not own:
        return None
    return Evident(frozenset(kinds), none_ok, frozenset(own))


def _union_members(annotation: ast.expr) -> list[ast.expr]:
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return [*_union_members(annotation.left), *_union_members(annotation.right)]
    if isinstance(annotation, ast.Subscript):
        head = ast.unparse(annotation.value).rsplit(".", 1)[-1]
        inner = annotation.slice
        members = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
        if head == "Optional":
            return [*members, ast.Constant(None)]
        if head == "Union":
            return [m for member in members for m in _union_members(member)]
    return [annotation]


def evident_type(
    param: Param,
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    existing: Sequence[str | None],
    usage: Usage | None,
    classes: Iterable[str] = (),
) -> Evident | None:
    """What `param` evidently takes; None when nothing says (then no value contradicts it)."""
    if param.variadic:
        items = [
            ast.unparse(e)
            for source in existing
            if source and isinstance(tree := _tuple_of(source), ast.Tuple)
            for e in tree.elts
        ]
        element = usage.element if usage is not None else None
        inner = evident_type(Param(param.name), node, items, element, classes)
        return dataclasses.replace(inner, items=True) if inner is not None else None
    none_ok = _default_is_none(param) or _compared_with_none(node, param.name)
    given = {t for s in existing if s is not None and (t := literal_type(s)) is not None}
    if "NoneType" in given:
        none_ok = True
        given.discard("NoneType")
    declared = annotation_kinds(param.annotation, classes)
    if declared is not None:
        return Evident(declared.kinds, declared.none_ok or none_ok, declared.classes)
    if param.annotation is not None:
        return None
    if given:
        kinds = {_NAMES.get(t, t) for t in given}
        if kinds <= set(_ACCEPTS):
            return Evident(frozenset(kinds), none_ok)
        return None
    documented = documented_type(node, param.name, classes)
    if documented is not None:
        return Evident(documented.kinds, documented.none_ok or none_ok, documented.classes)
    if usage is not None and usage.checked:
        return None
    if usage is not None and usage.kind is not None:
        return Evident(frozenset({usage.kind}), none_ok)
    if param.default is not None and not none_ok:
        kind = literal_type(ast.unparse(param.default))
        if kind in _ACCEPTS:
            return Evident(frozenset({kind}), none_ok)
    if param.default is not None:
        return None
    for kind, pattern in _NAMED_KINDS:
        if pattern.search(param.name):
            return Evident(frozenset({kind}), none_ok)
    return None


_WORD = re.compile(r"[A-Za-z_][\w.]*")
_SKIPPED_WORDS = frozenset({"of", "or", "a", "an", "the", "optional", "default", "and", "to"})


def documented_type(
    node: ast.FunctionDef | ast.AsyncFunctionDef, name: str, classes: Iterable[str] = ()
) -> Evident | None:
    """The type the docstring gives a parameter: `:type year: int`, `:param int year:`,
    numpy's `year : int`, Google's `year (int): ...`; None when it gives none we can check."""
    doc = ast.get_docstring(node, clean=True)
    if not doc:
        return None
    escaped = re.escape(name)
    patterns = (
        rf"^\s*:type\s+{escaped}\s*:\s*(.+)$",
        rf"^\s*:param\s+(\S[^:]*?)\s+{escaped}\s*:",
        rf"^\s*\*{{0,2}}{escaped}\s*\(([^)]+)\)\s*:",
        rf"^\s*{escaped}\s+:\s*(.+)$",
    )
    for pattern in patterns:
        match = re.search(pattern, doc, re.MULTILINE)
        if match:
            return _type_words(match.group(1), classes)
    return None


def _type_words(text: str, classes: Iterable[str]) -> Evident | None:
    """`int or None`, `list of str`, `float, optional`: the first type named is the kind
    (a container's items do not change it); None/optional make None a meant value."""
    known = set(classes)
    kinds: set[str] = set()
    own: set[str] = set()
    none_ok = False
    after_of = False
    for word in _WORD.findall(text):
        lowered = word.lower()
        if lowered in ("none", "optional"):
            none_ok = True
            continue
        if lowered == "of":
            after_of = True
            continue
        if lowered in _SKIPPED_WORDS or after_of:
            after_of = False
            continue
        short = word.rsplit(".", 1)[-1]
        named = _NAMES.get(short, short)
        spelled = {"string": "str", "integer": "int", "boolean": "bool", "dictionary": "dict"}
        named = spelled.get(named.lower(), named)
        if named in _ACCEPTS:
            kinds.add(named)
        elif named in known:
            own.add(named)
        else:
            return None
    if not kinds and not own:
        return None
    return Evident(frozenset(kinds), none_ok, frozenset(own))


def mismatch(evident: Evident | None, source: str) -> int:
    """0 when `source` may be of the evident type; MILD or STRONG when it contradicts it."""
    if evident is None:
        return 0
    if evident.items:
        tree = _tuple_of(source)
        if not isinstance(tree, ast.Tuple):
            return 0
        one = dataclasses.replace(evident, items=False)
        elements = tree.elts
        if len(elements) == 1 and isinstance(elements[0], ast.List):
            # The items as one list: many APIs take `f(a, b)` or `f([a, b])`.
            elements = elements[0].elts
        return max((mismatch(one, ast.unparse(e)) for e in elements), default=0)
    kind = literal_type(source)
    if kind is None:
        return 0
    if kind == "NoneType":
        return 0 if evident.none_ok else STRONG
    if evident.classes and not evident.kinds:
        return STRONG
    if any(kind in _ACCEPTS[k] for k in evident.kinds):
        return 0
    if kind in _NUMERIC and evident.kinds & _NUMERIC:
        return MILD
    return STRONG


def _tuple_of(source: str) -> ast.expr | None:
    """`*args` source (`1, "a"`) read as the tuple of its items."""
    try:
        return syntax.parse(f"({source},)", mode="eval").body
    except SyntaxError:
        return None


def guard_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[int]:
    """Lines that exist for values of a wrong type: the test and both branches of an `if`
    that checks a type (`isinstance`, `callable`, `hasattr`, `type(x)`), a `raise TypeError`,
    a `return NotImplemented`, and the handlers of `except TypeError/AttributeError`."""
    lines: set[int] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.If | ast.While) and _checks_type(sub.test):
            lines.add(sub.lineno)
            for stmt in [*sub.body, *sub.orelse]:
                lines |= statement_lines(stmt)
        elif isinstance(sub, ast.IfExp) and _checks_type(sub.test):
            lines.add(sub.lineno)
        elif isinstance(sub, ast.Raise) and sub.exc is not None:
            raised = sub.exc.func if isinstance(sub.exc, ast.Call) else sub.exc
            if ast.unparse(raised).rsplit(".", 1)[-1] in _TYPE_ERRORS:
                lines.add(sub.lineno)
        elif isinstance(sub, ast.Try):
            for handler in sub.handlers:
                caught = ast.unparse(handler.type) if handler.type is not None else ""
                if any(name in caught for name in _TYPE_ERRORS):
                    for stmt in handler.body:
                        lines |= statement_lines(stmt)
    return frozenset(lines) | not_implemented_lines(node)


def unsupported_lines(name: str, node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[int]:
    """The `return NotImplemented` lines of special method `name` when its operator then raises
    TypeError (`bits | None`), else none."""
    return not_implemented_lines(node) if name in FALLS_BACK else frozenset()


def not_implemented_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[int]:
    """The lines of a `return NotImplemented`: a special method's way of saying it does not
    handle the other operand, after which Python tries the other side or raises TypeError."""
    return frozenset(
        sub.lineno
        for sub in ast.walk(node)
        if isinstance(sub, ast.Return)
        and isinstance(sub.value, ast.Name)
        and sub.value.id == "NotImplemented"
    )


def _checks_type(test: ast.expr) -> bool:
    return any(
        isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in _GUARD_CALLS
        for sub in ast.walk(test)
    )


def _default_is_none(param: Param) -> bool:
    return isinstance(param.default, ast.Constant) and param.default.value is None


def _compared_with_none(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """The body tells None apart (`x is None`, `x == None`): None is a meant value."""
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Compare):
            continue
        operands = [sub.left, *sub.comparators]
        names = any(isinstance(o, ast.Name) and o.id == name for o in operands)
        nones = any(isinstance(o, ast.Constant) and o.value is None for o in operands)
        if names and nones:
            return True
    return False
