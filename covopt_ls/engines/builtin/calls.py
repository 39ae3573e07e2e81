"""Calls as source text: how a call is written, read back from the tests, and varied.

Shared by the planner (which builds candidate calls) and the namer; no search logic here.
"""

from __future__ import annotations

import ast
import functools
import random
import re
from collections.abc import Sequence

from covopt_ls import syntax
from covopt_ls.engines.builtin.targets import Param

_BINARY = {
    "add": "+", "sub": "-", "mul": "*", "matmul": "@", "truediv": "/", "floordiv": "//",
    "mod": "%", "pow": "**", "lshift": "<<", "rshift": ">>", "and": "&", "xor": "^", "or": "|",
}  # fmt: skip
DUNDER_FORMS = {
    "__str__": "str({0})",
    "__repr__": "repr({0})",
    "__len__": "len({0})",
    "__bool__": "bool({0})",
    "__hash__": "hash({0})",
    "__int__": "int({0})",
    "__float__": "float({0})",
    "__complex__": "complex({0})",
    "__bytes__": "bytes({0})",
    "__abs__": "abs({0})",
    "__neg__": "-{0}",
    "__pos__": "+{0}",
    "__invert__": "~{0}",
    "__iter__": "list({0})",
    "__next__": "next({0})",
    "__reversed__": "list(reversed({0}))",
    "__format__": "format({0}, {1})",
    "__getattr__": "getattr({0}, {1})",
    "__eq__": "{0} == {1}",
    "__ne__": "{0} != {1}",
    "__lt__": "{0} < {1}",
    "__le__": "{0} <= {1}",
    "__gt__": "{0} > {1}",
    "__ge__": "{0} >= {1}",
    "__contains__": "{1} in {0}",
    "__getitem__": "{0}[{1}]",
    **{f"__{name}__": f"{{0}} {op} {{1}}" for name, op in _BINARY.items()},
    # Reflected forms run when the left operand does not handle the operation: `1 + obj`.
    **{f"__r{name}__": f"{{1}} {op} {{0}}" for name, op in _BINARY.items()},
    "__call__": "{0}({args})",
}
"""Special methods are called the way people write them: `str(version)`, not `version.__str__()`;
`other | obj`, not `obj.__ror__(other)`. The worker runs this form, so what it observes (a
`TypeError` once both operands return `NotImplemented`) is what the test asserts."""


FALLS_BACK = frozenset(
    (*(f"__{n}__" for n in _BINARY), *(f"__r{n}__" for n in _BINARY),
     "__lt__", "__le__", "__gt__", "__ge__")
)  # fmt: skip
"""Special methods whose operator, once they (and the other operand's) return NotImplemented,
raises TypeError ("unsupported operand"): the class's documented answer to a foreign operand."""


def dunder_call(name: str, receiver: str, values: Sequence[str]) -> str | None:
    """The operator form of calling special method `name` on `receiver` with `values`, or
    None when the method has no such form for that many arguments."""
    form = DUNDER_FORMS.get(name)
    if form is None:
        return None
    if "{args}" in form:
        return form.format(receiver, args=", ".join(values))
    wanted = len(set(re.findall(r"\{(\d)\}", form))) - 1
    if len(values) != wanted:
        return None
    if "(" not in form and "[" not in form:
        values = [_operand(v) for v in values]
    return form.format(receiver, *values)


_ATOMS = (
    ast.Name, ast.Call, ast.Attribute, ast.Subscript, ast.List, ast.Dict, ast.Set, ast.Tuple,
    ast.ListComp, ast.DictComp, ast.SetComp,
)  # fmt: skip


def _operand(source: str) -> str:
    """An operand that binds as one: `x + (a if b else c)`, `obj < (lambda: 1)`."""
    try:
        node = syntax.parse(source, mode="eval").body
    except SyntaxError:
        return f"({source})"
    if isinstance(node, _ATOMS):
        return source
    if isinstance(node, ast.Constant) and not (
        isinstance(node.value, int | float | complex) and not isinstance(node.value, bool)
    ):
        return source
    if isinstance(node, ast.Constant) and node.value >= 0:  # type: ignore[operator]
        return source
    return f"({source})"


def owned_by(node: ast.AST, func: ast.AST) -> bool:
    """True unless node sits in a function nested inside func (its yields are not func's)."""
    for inner in ast.walk(func):
        if (
            inner is not func
            and isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            and any(sub is node for sub in ast.walk(inner))
        ):
            return False
    return True


MUTATING_METHODS = frozenset(
    ("append", "extend", "insert", "pop", "remove", "clear", "update", "add", "discard",
     "setdefault", "popitem", "sort", "reverse")
)  # fmt: skip


def mutates_self(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a method visibly changes its instance (assigns `self.x`, mutates `self.x`, or
    calls another of its methods): only such calls can move an object to another state."""
    for node in ast.walk(func):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            root = target
            while isinstance(root, ast.Attribute | ast.Subscript):
                root = root.value
            if isinstance(root, ast.Name) and root.id == "self" and root is not target:
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id == "self":
                return True
            if (
                node.func.attr in MUTATING_METHODS
                and isinstance(owner, ast.Attribute)
                and isinstance(owner.value, ast.Name)
                and owner.value.id == "self"
            ):
                return True
    return False


def snake(name: str) -> str:
    """`ShortUUID` → `short_uuid`, `HTTPServer` → `http_server`: an acronym stays one word, so
    variable and test names read as a person would write them."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def literal_value(source: str) -> object:
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


@functools.lru_cache(maxsize=65536)
def literal_type(source: str) -> str | None:
    """The type name of a literal's value (`"[1]"` → `"list"`); None for other source. Asked
    of the same values over and over as the planner judges each candidate: remembered."""
    try:
        value = ast.literal_eval(source)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return type(value).__name__


def render_call(callee: str, params: Sequence[Param], args: dict[str, str]) -> str:
    """Required parameters positionally (in order), the rest as keywords."""
    parts: list[str] = []
    positional_ok = True
    variadic = next((p for p in params if p.variadic and args.get(p.name)), None)
    if variadic is not None:
        # Extra positional arguments need every parameter before them given positionally.
        before = params[: params.index(variadic)]
        if all(p.name in args for p in before):
            parts = [*(args[p.name] for p in before), _spread(args[variadic.name])]
            params = [p for p in params if p.keyword_only]
        else:
            params = [p for p in params if p is not variadic]
    for param in params:
        if param.variadic:
            continue
        if param.name not in args:
            positional_ok = False
            continue
        if positional_ok and not param.has_default and not param.keyword_only:
            parts.append(args[param.name])
        else:
            positional_ok = False
            parts.append(f"{param.name}={args[param.name]}")
    return f"{callee}({', '.join(parts)})"


def _spread(source: str) -> str:
    """`*args` source as separate arguments, also once rewritten as a tuple (`(1, 2)`)."""
    if not source.lstrip().startswith("("):
        return source
    try:
        node = syntax.parse(source, mode="eval").body
    except SyntaxError:
        return source
    if isinstance(node, ast.Tuple) and node.elts:
        return ", ".join(ast.unparse(e) for e in node.elts)
    return source


def parse_call(source: str) -> ast.Call | None:
    try:
        node = syntax.parse(source, mode="eval").body
    except SyntaxError:
        return None
    return node if isinstance(node, ast.Call) else None


def perturb_numbers(source: str, rng: random.Random) -> str:
    """Nudge one number inside an argument (`date(2024, 3, 1)` → `date(2024, 3, 3)`), also one
    written in a string (`"1981-366"` → `"1981-365"`, its width kept): dates, times, versions
    and codes are often passed as text that a range check reads back as numbers."""
    try:
        tree = syntax.parse(source, mode="eval")
    except SyntaxError:
        return source
    numbers = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and (
            (isinstance(n.value, int | float) and not isinstance(n.value, bool))
            or (isinstance(n.value, str) and len(n.value) <= 40 and _DIGITS.search(n.value))
        )
    ]
    if not numbers:
        return source
    node = rng.choice(numbers)
    value = node.value
    if isinstance(value, str):
        runs = list(_DIGITS.finditer(value))
        run = rng.choice(runs)
        number = int(run.group())
        changed = number * 3 if rng.random() < 0.15 else number + rng.choice((1, 2, -1, -2, 5))
        digits = str(max(changed, 0)).zfill(len(run.group()))
        node.value = value[: run.start()] + digits + value[run.end() :]
        return ast.unparse(tree)
    delta = rng.choice((1, 2, -1, -2, 5, 0.1, 0.25))
    if isinstance(value, int | float) and not isinstance(value, bool):
        node.value = value * 3 if rng.random() < 0.15 else value + delta
    return ast.unparse(tree)


_DIGITS = re.compile(r"[0-9]+")


def map_call(call: ast.Call, params: Sequence[Param]) -> dict[str, str] | None:
    """An existing call's arguments by parameter name, or None when it cannot be mapped."""
    positional = [p for p in params if not p.keyword_only]
    args: dict[str, str] = {}
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred) or index >= len(positional):
            return None
        if positional[index].variadic:
            args[positional[index].name] = ", ".join(ast.unparse(a) for a in call.args[index:])
            break
        args[positional[index].name] = ast.unparse(arg)
    names = {p.name for p in params}
    for kw in call.keywords:
        if kw.arg is None or kw.arg not in names:
            return None
        args[kw.arg] = ast.unparse(kw.value)
    return args
