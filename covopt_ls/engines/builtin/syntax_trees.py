"""Syntax-tree nodes for parameters the body reads as Python syntax.

Linters, evaluators, code generators and `ast.NodeVisitor`s take nodes, not values: the body
tests `isinstance(node, ast.Call)`, reads `node.func` and `node.ops`, or a method named
`visit_Compare` receives a `Compare`. No literal, constructor call or mapping reaches those
lines; a node parsed from a small snippet does (`ast.parse("a < 2", mode="eval").body`). So a
parameter of a module that imports `ast` gets nodes of the kinds its annotation names, the
body checks it against, its method's name visits, or whose fields the body reads, each from
a couple of snippets (names `a` and `b`, the plainest keys a mapping of names would hold).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from covopt_ls.engines.builtin.targets import Param

_EXPRESSIONS: dict[str, tuple[str, ...]] = {
    "Name": ("a", "undefined_name"),
    "Constant": ("1", "'a'"),
    "Attribute": ("a.real", "a.b"),
    "Call": ("len([1, 2])", "f(a, key=1)", "'a b'.split()"),
    "Compare": ("a < 2", "a is b", "1 < 2 > 3", "1 in [1, 2]", "a is None"),
    "BoolOp": ("a and b", "0 or a", "a or b"),
    "BinOp": ("a + 1", "1 / 0", "'%s' % (a,)", "a ** 2"),
    "UnaryOp": ("-a", "not a", "~1"),
    "Subscript": ("[1, 2][0]", "a[1:2]", "{'k': 1}[a]", "a[::2]"),
    "List": ("[a, 1]", "[]"),
    "Tuple": ("(a, 1)", "()"),
    "Set": ("{a, 1}", "{[]}"),
    "Dict": ("{'k': a, 1: 2}", "{**a}"),
    "Lambda": ("lambda x, *y: x",),
    "IfExp": ("a if b else 1",),
    "ListComp": ("[x for x in a if x]",),
    "SetComp": ("{x for x in a}",),
    "DictComp": ("{x: 1 for x in a}",),
    "GeneratorExp": ("(x for x in a)",),
    "JoinedStr": ("f'{a}!'",),
    "NamedExpr": ("(x := a)",),
}
"""Snippets parsed in "eval" mode, the node of each kind being the body."""
_PARTS: dict[str, tuple[str, str]] = {
    "Starred": ("[*a]", ".elts[0]"),
    "Slice": ("a[1:2]", ".slice"),
}
"""Kinds that are no expression on their own: a snippet holding one, and where it is."""
_STATEMENTS: dict[str, tuple[str, ...]] = {
    "FunctionDef": ("def f(a, b=1, *c, d, **e):\n    return a", "@d\ndef g():\n    pass"),
    "AsyncFunctionDef": ("async def f(a):\n    await a",),
    "ClassDef": ("class C(B, metaclass=M):\n    x = 1", "@d\nclass D:\n    pass"),
    "Return": ("return a", "return"),
    "Assign": ("a = b = 1", "a, b = c"),
    "AugAssign": ("a += 1",),
    "AnnAssign": ("a: int = 1",),
    "For": ("for x in a:\n    b\nelse:\n    c",),
    "While": ("while a:\n    break",),
    "If": ("if a:\n    b\nelif c:\n    d\nelse:\n    e",),
    "With": ("with a as b, c:\n    pass",),
    "Raise": ("raise E('a') from b",),
    "Try": ("try:\n    a\nexcept E as e:\n    b\nfinally:\n    c",),
    "Assert": ("assert a, 'b'",),
    "Import": ("import a.b as c",),
    "ImportFrom": ("from .a import b, c as d",),
    "Global": ("global a",),
    "Expr": ("f(a)",),
    "Pass": ("pass",),
    "Delete": ("del a[0]",),
}
"""Snippets parsed as modules, the node being the first statement (a `return` at module
level parses: only compiling rejects it)."""
_MODULE = "import a\nx = f(a, 1)\nif x:\n    y = [i for i in x]\ndef g(b):\n    return b + 1\n"
_ABSTRACT: dict[str, tuple[str, ...]] = {
    "expr": ("Name", "Call", "BinOp", "Compare", "Attribute", "Subscript", "Constant"),
    "stmt": ("Assign", "FunctionDef", "Expr", "If", "Return", "ClassDef"),
    "AST": ("Module", "Name", "Call", "FunctionDef", "Assign"),
    "mod": ("Module",),
}
"""The concrete kinds offered for an abstract node type, the commonest first."""
MAX_VALUES = 16
_BUILTIN_MEMBERS = frozenset(
    name for kind in (str, bytes, int, float, list, dict, set, tuple) for name in dir(kind)
)
_MAX_FITTING = 3
"""A set of fields more node kinds than this have (`.value`, `.name`) says too little."""


@functools.cache
def _concrete_kinds() -> dict[str, type[ast.AST]]:
    return {
        name: kind
        for name in (*_EXPRESSIONS, *_PARTS, *_STATEMENTS, "Module")
        if isinstance(kind := getattr(ast, name, None), type)
    }


@dataclass(frozen=True, slots=True)
class SyntaxNames:
    """How the module under test names the `ast` module and the node classes it imports."""

    spelled: str
    """`ast`, bound in the module's namespace (or by `imports`)."""
    kinds: frozenset[str] = field(default_factory=frozenset)
    """Node classes bound by `from ast import Call`: an annotation may name them bare."""
    imports: Mapping[str, str] = field(default_factory=dict)
    """An `import ast` to run before the candidates and write into the tests, where the
    module only imports names from it."""
    handled: tuple[str, ...] = ()
    """The concrete node kinds the module names anywhere (`ast.BoolOp`), first seen first:
    the kinds its code handles, which a parameter of an abstract type (`ast.expr`) is
    handed on to be handled as."""


def syntax_names(
    tree: ast.Module,
    module_imports: Mapping[str, str],
    test_imports: Mapping[str, str],
    defined: set[str],
) -> SyntaxNames | None:
    """None where the module does not import `ast` (then no parameter of it is taken to be a
    node) or where the name `ast` is bound to something else."""
    kinds = frozenset(name for name, s in module_imports.items() if s.startswith("from ast import"))
    imports: dict[str, str] = {}
    if module_imports.get("ast") != "import ast":
        if not kinds or "ast" in defined or "ast" in module_imports:
            return None
        if test_imports.get("ast", "import ast") != "import ast":
            return None
        imports["ast"] = "import ast"
    concrete = _concrete_kinds()
    handled: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and ast.unparse(node.value) == "ast":
            name = node.attr
        elif isinstance(node, ast.Name) and node.id in kinds:
            name = node.id
        else:
            continue
        if name in concrete:
            handled.setdefault(name)
    return SyntaxNames("ast", kinds, imports, tuple(handled))


def _named(annotation: ast.expr | None, ast_names: set[str]) -> list[str]:
    """Node kinds an annotation names: `ast.Call`, `Call` imported from ast, a string of
    either, or a union of them."""
    if annotation is None:
        return []
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return []
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return _named(annotation.left, ast_names) + _named(annotation.right, ast_names)
    if isinstance(annotation, ast.Subscript):
        inner = annotation.slice
        head = ast.unparse(annotation.value).rsplit(".", 1)[-1]
        if head in ("Optional", "Union"):
            members = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            return [k for m in members for k in _named(m, ast_names)]
        return []
    if isinstance(annotation, ast.Attribute) and ast.unparse(annotation.value) == "ast":
        return [annotation.attr]
    if isinstance(annotation, ast.Name) and annotation.id in ast_names:
        return [annotation.id]
    return []


def checked_types(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> list[ast.expr]:
    """The types the body tests a parameter against (`isinstance(node, (ast.List, Tuple))`,
    `type(node) is ast.List`, `type(node) in (A, B)`), in the order the tests come."""
    found: list[ast.expr] = []
    for sub in ast.walk(function):
        if (
            isinstance(sub, ast.Compare)
            and len(sub.ops) == 1
            and isinstance(sub.ops[0], ast.Is | ast.Eq | ast.In | ast.IsNot | ast.NotEq)
            and isinstance(sub.left, ast.Call)
            and isinstance(sub.left.func, ast.Name)
            and sub.left.func.id == "type"
            and len(sub.left.args) == 1
            and isinstance(sub.left.args[0], ast.Name)
            and sub.left.args[0].id == name
        ):
            kinds = sub.comparators[0]
            found.extend(
                kinds.elts if isinstance(kinds, ast.Tuple | ast.List | ast.Set) else [kinds]
            )
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Name)
            and sub.func.id == "isinstance"
            and len(sub.args) == 2
            and isinstance(sub.args[0], ast.Name)
            and sub.args[0].id == name
        ):
            kinds = sub.args[1]
            found.extend(kinds.elts if isinstance(kinds, ast.Tuple) else [kinds])
    return found


def _checked(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> list[str]:
    return [ast.unparse(kind).removeprefix("ast.") for kind in checked_types(function, name)]


def _by_fields(attrs: Iterable[str]) -> list[str]:
    """The few node kinds that have every attribute the body reads, one of them a field no
    builtin value has (`node.func`, `node.ops`); none where many kinds of the whole `ast`
    module would fit (`.name` is a field of functions, classes, handlers and aliases)."""
    wanted = {a for a in attrs if not a.startswith("__")}
    if not wanted or not (wanted - _BUILTIN_MEMBERS):
        return []
    fitting = [
        name
        for name, kind in _every_kind().items()
        if wanted <= {*kind._fields, *getattr(kind, "_attributes", ())}
        and wanted & set(kind._fields)
    ]
    concrete = _concrete_kinds()
    return [k for k in fitting if k in concrete] if len(fitting) <= _MAX_FITTING else []


@functools.cache
def _every_kind() -> dict[str, type[ast.AST]]:
    return {
        name: kind
        for name in dir(ast)
        if isinstance(kind := getattr(ast, name), type)
        and issubclass(kind, ast.AST)
        and kind._fields
    }


def wanted_kinds(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    param: Param,
    attrs: Iterable[str],
    ast_names: set[str],
    handled: Sequence[str] = (),
) -> list[str]:
    """Node kinds a parameter takes: those its annotation names, the body checks it against,
    its visitor method is named after (`visit_Call(self, node)`), or else that have the fields
    the body reads on it. An abstract kind (`ast.expr`) stands for the concrete ones of it the
    module names (`handled`: what its code handles), then its commonest."""
    kinds = [*_checked(function, param.name), *_named(param.annotation, ast_names)]
    visited = function.name.removeprefix("visit_")
    if function.name.startswith("visit_") and visited in _concrete_kinds():
        kinds.append(visited)
    if not kinds:
        # The fields read only where nothing names the kind: `visit_FunctionDef` reading
        # `.decorator_list` takes a function, not also a class.
        kinds = _by_fields(attrs)
    concrete = _concrete_kinds()
    expanded: list[str] = []
    for kind in kinds:
        base = getattr(ast, kind, None)
        if kind in _ABSTRACT and isinstance(base, type):
            expanded.extend(k for k in handled if k in concrete and issubclass(concrete[k], base))
        expanded.extend(_ABSTRACT.get(kind, (kind,)))
    return [k for k in dict.fromkeys(expanded) if k in concrete]


def _values(kind: str, spelled: str) -> list[str]:
    if kind == "Module":
        return [f"{spelled}.parse({text!r})" for text in (_MODULE, "")]
    if kind in _STATEMENTS:
        return [f"{spelled}.parse({text!r}).body[0]" for text in _STATEMENTS[kind]]
    snippets = [(text, "") for text in _EXPRESSIONS.get(kind, ())]
    if kind in _PARTS:
        snippets.append(_PARTS[kind])
    return [f"{spelled}.parse({text!r}, mode='eval').body{part}" for text, part in snippets]


def node_values(kinds: Iterable[str], spelled: str | None) -> list[str]:
    """Nodes of the wanted kinds as source expressions: one of each kind first, then each
    kind's further snippets (a branch per kind before a second way into any)."""
    if spelled is None:
        return []
    columns = [_values(kind, spelled) for kind in kinds]
    values: list[str] = []
    for depth in range(max((len(c) for c in columns), default=0)):
        values.extend(c[depth] for c in columns if depth < len(c))
    return values[:MAX_VALUES]
