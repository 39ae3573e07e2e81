"""Candidate argument values mined from a callable's AST, as Python source expressions.

Every source of hints the brief lists feeds a per-parameter pool: constants compared with the
parameter (and, for ordering comparisons, the values either side), defaults, annotations
(int, float, str, bool, None, list, dict, Optional, Literal, an Enum of the module),
`isinstance` checks, `len()` comparisons, membership tests against literal collections, and
texts matching (and just missing) a regular expression applied to the parameter (regexes.py).
A local assigned from a parameter (`cleaned = text.strip().upper()`) counts as that parameter,
and `self.attr` counts as the constructor parameter stored in it. Values stay source text so
the worker can evaluate them and the renderer can print them unchanged.
"""

from __future__ import annotations

import ast
import builtins
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence

from covopt_ls import syntax
from covopt_ls.engines.builtin.callables import callable_values
from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.regex_calls import ModuleRegexes, RegexScope
from covopt_ls.engines.builtin.regexes import examples
from covopt_ls.engines.builtin.targets import ClassInfo, Param, enum_members
from covopt_ls.engines.builtin.toplevel import module_statements

TYPICAL: dict[str, tuple[str, ...]] = {
    "int": ("0", "1", "-1", "2", "10", "100"),
    "float": ("0.0", "1.0", "-1.0", "2.5", "100.0", "1000000.0"),
    "str": ('""', '"a"', '"hello world"', '"ABC"', '" "', '"x.y"'),
    "bool": ("True", "False"),
    "None": ("None",),
    "list": ("[]", "[1, 2, 3]", '["a", "b"]', "[1]", "[3, 1, 2, 4]", "[1, 1, 2]"),
    "dict": ("{}", '{"a": 1}', '{"a": {"b": 1}}', '{"a": None}'),
    "tuple": ("()", "(1, 2)", "(1,)"),
    "set": ("set()", "{1, 2}", "{1}"),
    "bytes": ('b""', 'b"abc"', "b'\\xff'"),
    "bytearray": ('bytearray(b"abc")', "bytearray()"),
    "memoryview": ('memoryview(b"abc")',),
    "Callable": ("lambda *args: None", "lambda *args: True"),
    "slice": ("slice(0, 1)", "slice(None)", "slice(1, None, 2)"),
    "Generator": ("(n for n in [1, 2, 3])", "(n for n in [])"),
    "GeneratorType": ("(n for n in [1, 2, 3])", "(n for n in [])"),
    "Iterator": ("iter([1, 2, 3])", "iter([])"),
}
STDLIB_ARGUMENTS: dict[str, tuple[str, ...]] = {
    "date": ("2024, 1, 15", "2024, 2, 29", "2023, 12, 31"),
    "datetime": ("2024, 1, 15, 12, 30", "2024, 2, 29, 0, 0"),
    "time": ("12, 30", "0, 0"),
    "timedelta": ("days=1", "hours=2", ""),
    "Decimal": ('"1.5"', '"0"', '"-2.25"'),
    "Fraction": ("1, 3", "0, 1"),
}
"""Typical values of common standard-library value types, as constructor arguments."""
GENERIC = ("0", "1", "-1", '"a"', '""', "None", "[]", "{}", "2.5", "True", "[1, 2, 3]")

_TYPE_ALIASES = {
    "List": "list",
    "Sequence": "list",
    "Iterable": "list",
    "Dict": "dict",
    "Mapping": "dict",
    "Tuple": "tuple",
    "Set": "set",
    "FrozenSet": "set",
    "frozenset": "set",
}


class Pool:
    """An ordered, duplicate-free list of source expressions."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, source: str) -> None:
        if source not in self.items:
            self.items.append(source)

    def extend(self, sources: Iterable[str]) -> None:
        for source in sources:
            self.add(source)


def _literal(value: object) -> str | None:
    if isinstance(value, bool | int | float | str | bytes) or value is None:
        return repr(value)
    return None


def numeric_neighbours(value: object) -> list[str]:
    """A compared number and the values just either side, so both branches are tried."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return []
    if isinstance(value, int):
        return [repr(value), repr(value + 1), repr(value - 1)]
    return [repr(value), repr(value + 0.5), repr(value - 0.5)]


def annotation_values(annotation: ast.expr | None, classes: dict[str, ClassInfo]) -> list[str]:
    """Typical values of an annotated type; Optional/Union combine their members."""
    if annotation is None:
        return []
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = syntax.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return []
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return ["None"]
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return annotation_values(annotation.left, classes) + annotation_values(
            annotation.right, classes
        )
    if isinstance(annotation, ast.Subscript):
        head = ast.unparse(annotation.value).rsplit(".", 1)[-1]
        inner = annotation.slice
        members = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
        if head == "Optional":
            return [*annotation_values(members[0], classes), "None"]
        if head == "Union":
            return [v for m in members for v in annotation_values(m, classes)]
        if head == "Literal":
            return [text for m in members if (text := _member_literal(m)) is not None]
        if head == "Callable" and isinstance(members[0], ast.List):
            # `Callable[[str, int], bool]`: called with that many arguments.
            return callable_values([len(members[0].elts)], introspected=False)
        if head in ("list", "List", "Sequence", "Iterable"):
            elems = (annotation_values(members[0], classes) or list(GENERIC))[:4]
            sizes = [elems[:n] for n in range(1, len(elems) + 1)]
            return ["[]", *(f"[{', '.join(size)}]" for size in sizes)]
        if head in ("tuple", "Tuple") and members and not isinstance(members[-1], ast.Constant):
            firsts = [(annotation_values(m, classes) or ["None"])[0] for m in members]
            seconds = [
                (annotation_values(m, classes) or ["None"])[1:2] or ["None"] for m in members
            ]
            return [
                f"({', '.join(firsts)},)" if len(firsts) == 1 else f"({', '.join(firsts)})",
                f"({', '.join(s[0] for s in seconds)})" if len(seconds) > 1 else "()",
            ]
        if head in ("dict", "Dict", "Mapping"):
            keys = annotation_values(members[0], classes)[:2]
            vals = annotation_values(members[-1], classes)[:2] if len(members) > 1 else ["1"]
            pairs = [f"{{{k}: {v}}}" for k, v in zip(keys, vals, strict=False)]
            return ["{}", *pairs]
        return annotation_values(annotation.value, classes)
    spelled = ast.unparse(annotation)
    name = spelled.rsplit(".", 1)[-1]
    name = _TYPE_ALIASES.get(name, name)
    if name in TYPICAL:
        return list(TYPICAL[name])
    if name in STDLIB_ARGUMENTS:
        # Spelled as the module spells the type, so the name resolves in its namespace.
        return [f"{spelled}({args})" for args in STDLIB_ARGUMENTS[name]]
    if name in ("Any", "object"):
        return list(GENERIC)
    if name not in classes and (raised := _exception_values(name)):
        return raised
    info = classes.get(name)
    if info is not None and info.is_enum:
        return [f"{info.name}.{member}" for member in enum_members(info.node)]
    return []


_DECODE_ERRORS = [
    'UnicodeDecodeError("utf-8", b"a\\x80b", 1, 2, "invalid start byte")',
    'UnicodeDecodeError("utf-8", b"a\\xffb", 1, 2, "invalid start byte")',
]
_UNICODE_ERRORS = {
    "UnicodeError": _DECODE_ERRORS,
    "UnicodeDecodeError": _DECODE_ERRORS,
    "UnicodeEncodeError": ['UnicodeEncodeError("ascii", "a\\xe9b", 1, 2, "not in range")'],
}


def _exception_values(name: str) -> list[str]:
    """An exception of a builtin class a parameter is annotated with (an error handler's
    `exc: UnicodeError`, a formatter's `error: ValueError`), built as code raising it would."""
    kind = getattr(builtins, name, None)
    if not isinstance(kind, type) or not issubclass(kind, BaseException):
        return []
    if name in _UNICODE_ERRORS:
        return list(_UNICODE_ERRORS[name])
    if name in ("BaseException", "Exception"):
        return ['ValueError("bad value")', 'KeyError("key")']
    return [f'{name}("bad value")']


def _members(elements: Sequence[ast.expr | None]) -> list[str]:
    """Literal members of a collection; a tuple member (`(State.NEW, "pay")`, a lookup
    table's key) gives its parts, since each part is compared with one value."""
    found: list[str] = []
    for element in elements:
        if isinstance(element, ast.Tuple):
            found.extend(t for e in element.elts if (t := _member_literal(e)) is not None)
        elif element is not None and (text := _member_literal(element)) is not None:
            found.append(text)
    return found


def module_tables(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level names bound to literal collections (a dict's keys): lookup tables whose
    members are the values a membership test accepts."""
    tables: dict[str, list[str]] = {}
    for stmt in module_statements(tree):
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign):
            target, value = stmt.target, stmt.value
        if not isinstance(target, ast.Name) or value is None:
            continue
        if isinstance(value, ast.Dict):
            members = _members(value.keys)
        elif isinstance(value, ast.List | ast.Tuple | ast.Set):
            members = _members(value.elts)
        elif (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in ("frozenset", "set", "tuple", "list")
            and value.args
            and isinstance(value.args[0], ast.List | ast.Tuple | ast.Set)
        ):
            members = _members(value.args[0].elts)
        else:
            continue
        if members:
            tables[target.id] = members[:40]
    return tables


def _member_literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        return _literal(node.value)
    if isinstance(node, ast.Attribute):
        return ast.unparse(node)
    return None


def annotation_type_name(annotation: ast.expr | None) -> str | None:
    if annotation is None:
        return None
    text = ast.unparse(annotation)
    if text.startswith(("Optional[", "Union[")) or "|" in text or "[" in text:
        return None
    return text.rsplit(".", 1)[-1].strip("'\"")


class _Miner(ast.NodeVisitor):
    """Walks a callable's body, routing each hint to the parameter it constrains."""

    def __init__(
        self,
        params: list[Param],
        attr_params: dict[str, str],
        regexes: RegexScope | None = None,
    ) -> None:
        self.pools: dict[str, Pool] = {p.name: Pool() for p in params}
        self.attr_params = attr_params
        self.derived: dict[str, str] = {p.name: p.name for p in params}
        self.loose = Pool()
        """Constants compared with something that is not traced to a parameter."""
        self.params = {p.name for p in params}
        self.literals: dict[str, list[str]] = {}
        """Locals bound to a literal collection, and loop variables running over one."""
        self.prefixes: dict[str, list[str]] = {}
        self.tokenized: dict[str, str] = {}
        """Parameters split into words (`text.split()`): hints go between other words."""
        self.regexes = regexes
        self.matching: dict[str | None, Pool] = {}
        """Each pattern's plainest match, by the parameter it is applied to: first in its pool,
        since each reaches a branch no other value does."""
        self.later: tuple[dict[str | None, Pool], dict[str | None, Pool]] = ({}, {})
        """Hints that go after every other of their pool, in two tiers: a pattern's second
        example and a near miss, then its further examples."""

    def owner(self, node: ast.expr) -> str | None:
        """The parameter an expression is derived from (through locals, calls, attributes)."""
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and sub.id in self.derived:
                return self.derived[sub.id]
            if (
                isinstance(sub, ast.Attribute)
                and isinstance(sub.value, ast.Name)
                and sub.value.id == "self"
                and sub.attr in self.attr_params
            ):
                return "self." + self.attr_params[sub.attr]
        return None

    def _route(self, target: ast.expr, values: Iterable[str]) -> None:
        values = list(values)
        if isinstance(target, ast.Tuple):
            # `(state, event) in TABLE`: each part may be any of the table's parts.
            for element in target.elts:
                self._route(element, values)
            return
        owner = self.owner(target)
        pool = self.pools.setdefault(owner, Pool()) if owner is not None else self.loose
        pool.extend(values)
        if (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id in self.params
        ):
            # `item.unit_price < 0`: a hint for the argument's own constructor.
            self.pools.setdefault(f"{target.value.id}.{target.attr}", Pool()).extend(values)

    def _literal_values(self, node: ast.expr) -> list[str] | None:
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return _members(node.elts)
        if isinstance(node, ast.Name) and node.id in self.literals:
            return self.literals[node.id]
        return None

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.regexes is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.regexes.bind(target.id, node.value)
        literal = self._literal_values(node.value)
        if literal and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            self.literals[node.targets[0].id] = literal
        owner = self.owner(node.value)
        if owner is not None:
            separator = _split_separator(node.value)
            if separator is not None:
                self.tokenized.setdefault(owner, separator)
            for tgt in node.targets:
                for sub in ast.walk(tgt):
                    if isinstance(sub, ast.Name):
                        self.derived.setdefault(sub.id, owner)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        literal = self._literal_values(node.iter)
        if literal and isinstance(node.target, ast.Name):
            self.literals[node.target.id] = literal
        owner = self.owner(node.iter)
        if owner is not None:
            for sub in ast.walk(node.target):
                if isinstance(sub, ast.Name):
                    self.derived.setdefault(sub.id, owner)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        operands = [node.left, *node.comparators]
        for (left, right), op in zip(itertools.pairwise(operands), node.ops, strict=True):
            if (
                isinstance(op, ast.Eq | ast.NotEq)
                and isinstance(left, ast.Name | ast.Attribute)
                and ast.dump(left) == ast.dump(right)
            ):
                # `x != x`: the classic test for NaN, the one value unequal to itself.
                self._route(left, NOT_FINITE[:1])
                continue
            for side, other in ((left, right), (right, left)):
                self._compare(side, op, other)
        self.generic_visit(node)

    def _compare(self, side: ast.expr, op: ast.cmpop, other: ast.expr) -> None:
        if _infinite(other) and not _infinite(side):
            # `value == float("inf")`, `x < -math.inf`: either infinity and a finite number.
            self._route(side, [*NOT_FINITE[1:], "1.0"])
            return
        if isinstance(op, ast.In | ast.NotIn) and side is not other:
            members = self._literal_values(other)
            if members is not None:
                if members and not isinstance(side, ast.Constant):
                    self._route(side, [*members, _absent_like(members)])
                return
            if isinstance(side, ast.Constant) and not isinstance(other, ast.Constant):
                text = _literal(side.value)
                if text is not None and isinstance(side.value, str):
                    self._route(other, [text, repr(f"x{side.value}x")])
                return
        if isinstance(side, ast.Constant):
            return
        if (
            isinstance(side, ast.Call)
            and ast.unparse(side.func) == "type"
            and len(side.args) == 1
            and isinstance(op, ast.Is | ast.IsNot | ast.Eq | ast.NotEq)
            and isinstance(other, ast.Name | ast.Attribute)
        ):
            # `type(val) is bytes`: an exact type check, read as `isinstance` is.
            self._route(side.args[0], annotation_values(other, {})[:3])
            return
        if ast.unparse(other) in ("sys.maxsize", "maxsize") and not isinstance(op, ast.In):
            # The largest index: one past it is the big number the comparison is about.
            self._route(side, [ast.unparse(other), f"{ast.unparse(other)} + 1"])
            return
        if (
            isinstance(side, ast.Call)
            and isinstance(side.func, ast.Attribute)
            and side.func.attr == "bit_length"
            and isinstance(other, ast.Constant)
            and type(other.value) is int
            and 0 < other.value <= _MAX_BITS
        ):
            # `n.bit_length() > 64`: the powers of two either side of that many bits.
            bits = other.value
            self._route(side.func.value, [f"2 ** {bits} - 1", f"2 ** {bits}"])
            return
        number = _constant_number(other)
        if number is not None and not isinstance(other, ast.Constant):
            # `n > 2 ** 31 - 1`: a constant written as arithmetic is still a constant.
            self._route(side, numeric_neighbours(number))
            return
        if not isinstance(other, ast.Constant):
            # `state is OrderState.PAID`: an enum member (a capitalised class's attribute).
            if (
                isinstance(other, ast.Attribute)
                and isinstance(other.value, ast.Name)
                and other.value.id[:1].isupper()
                and isinstance(side, ast.Name | ast.Attribute)
            ):
                self._route(side, [ast.unparse(other)])
            return
        value = other.value
        if isinstance(side, ast.BinOp) and isinstance(side.left, ast.Call):
            # `len(items) % 2 == 1`: the parity, not the number, matters.
            if ast.unparse(side.left.func) == "len" and side.left.args:
                self._route(side.left.args[0], _sized([1, 2, 3, 4]))
            return
        if isinstance(side, ast.Call) and ast.unparse(side.func) == "len" and side.args:
            if isinstance(value, int) and not isinstance(value, bool):
                lengths = {max(0, value + d) for d in (-1, 0, 1)}
                self._route(side.args[0], _sized(sorted(lengths)))
            return
        if isinstance(side, ast.Constant):
            return
        if (
            isinstance(side, ast.Call)
            and isinstance(side.func, ast.Name)
            and side.func.id in ("int", "float", "Decimal")
            and side.args
        ):
            # `int(value) > 0`: the parameter is text holding a number.
            self._route(side.args[0], [repr(str(v)) for v in _numbers(numeric_neighbours(value))])
            return
        if isinstance(op, ast.Lt | ast.LtE | ast.Gt | ast.GtE):
            self._route(side, numeric_neighbours(value))
        elif (text := _literal(value)) is not None:
            extra = numeric_neighbours(value)[1:2]
            self._route(side, [text, *extra])

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if called in _FLOAT_CHECKS and node.args:
            # `math.isfinite(float(value))`: NaN and both infinities take the other branches.
            self._route(node.args[0], [*NOT_FINITE, "1.0"])
        if called == "callable" and len(node.args) == 1:
            # `if callable(default): default = default()`: a function takes that branch.
            self._route(node.args[0], ["lambda *a, **k: None"])
        if _generator_check(node):
            # `hasattr(gen, "throw")`, `inspect.isgenerator(gen)`: a generator passes.
            self._route(node.args[0], TYPICAL["Generator"])
        elif called == "next" and isinstance(func, ast.Name) and node.args:
            # `next(lines)`: an iterator (a list has no `__next__`), with items and without.
            self._route(node.args[0], ITERATORS)
        elif isinstance(func, ast.Attribute) and func.attr in ("send", "throw"):
            self._route(func.value, TYPICAL["Generator"])
        if isinstance(func, ast.Name) and func.id == "isinstance" and len(node.args) == 2:
            kinds = node.args[1]
            names = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
            for kind in names:
                self._route(node.args[0], annotation_values(kind, {})[:3])
        if isinstance(func, ast.Attribute) and func.attr in ("startswith", "endswith"):
            for text in self._string_args(node):
                variants = [text, text + "1", "1" + text] if text else []
                self._route(func.value, [repr(v) for v in variants])
                owner = self.owner(func.value)
                if owner is not None and func.attr == "startswith" and text:
                    self.prefixes.setdefault(owner, []).append(text)
        if isinstance(func, ast.Attribute) and func.attr in _SEPARATOR_METHODS:
            for text in self._string_args(node):
                if text.strip():
                    self._route(func.value, [repr(f"a{text}b"), repr(text)])
        if self.regexes is not None and (applied := self.regexes.applied(node)) is not None:
            self._regex(applied.subject, applied.regex.pattern, applied.regex.flags, applied.mode)
        if isinstance(func, ast.Attribute) and func.attr in ("get", "pop") and node.args:
            key = node.args[0]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                self._route(func.value, [f"{{{key.value!r}: 1}}", "{}"])
        self.generic_visit(node)

    def _regex(self, subject: ast.expr, pattern: str | bytes, flags: int, mode: str) -> None:
        """A pattern applied to a value: its plainest match takes the branch (a chain of
        patterns gives one each before any gives a second); a second match and a near miss
        (the other branch) go after the other hints, its further matches last."""
        found = examples(pattern, flags, mode)
        first = [repr(v) for v in found.matching[:1]]
        self._route(subject, first)
        owner = self.owner(subject)
        self.matching.setdefault(owner, Pool()).extend(first)
        second = [*found.matching[1:2], *found.missing[:1]]
        rest = [*found.matching[2:], *found.missing[1:]]
        for tier, values in zip(self.later, (second, rest), strict=True):
            tier.setdefault(owner, Pool()).extend(repr(v) for v in values)

    def _string_args(self, node: ast.Call) -> list[str]:
        found: list[str] = []
        for arg in node.args[:1]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in self.literals:
                found.extend(
                    v for t in self.literals[arg.id] if isinstance(v := literal_value(t), str)
                )
            elif isinstance(arg, ast.Tuple):
                found.extend(
                    e.value
                    for e in arg.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                )
        return found

    def visit_Subscript(self, node: ast.Subscript) -> None:
        key = node.slice
        if (
            isinstance(key, ast.Constant)
            and isinstance(key.value, str)
            and isinstance(node.ctx, ast.Load)
        ):
            self._route(node.value, [f"{{{key.value!r}: 1}}"])
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        # `if not x` / `if x`: the falsy and a truthy value of the parameter's type matter.
        test = node.test.operand if isinstance(node.test, ast.UnaryOp) else node.test
        if isinstance(test, ast.Name) and test.id in self.pools:
            self.pools[test.id].extend(["None"])
        self.generic_visit(node)


ITERATORS = ('(s for s in ["a", "b"])', "(n for n in [1, 2])", "(n for n in [])")
"""Iterators for `next(p)`: generators, which also pass a check for one (`hasattr(p, "throw")`)
elsewhere in the class."""
_GENERATOR_MEMBERS = frozenset({"send", "throw", "gi_frame", "gi_running", "__next__"})
"""What code tests for where it takes a generator (or any iterator, for `__next__`)."""


def _generator_check(node: ast.Call) -> bool:
    """`hasattr(x, "throw")`, `inspect.isgenerator(x)`: a test for a generator."""
    func = node.func
    called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    if called == "isgenerator" and len(node.args) == 1:
        return True
    if called != "hasattr" or len(node.args) != 2:
        return False
    member = node.args[1]
    return isinstance(member, ast.Constant) and member.value in _GENERATOR_MEMBERS


NOT_FINITE = ('float("nan")', 'float("inf")', 'float("-inf")')
"""The floats that are not finite, written so a test needs no import."""
_FLOAT_CHECKS = frozenset({"isnan", "isinf", "isfinite"})
_MAX_BITS = 1024
_ARITHMETIC: dict[type[ast.operator], Callable[[int, int], int]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Pow: operator.pow,
    ast.LShift: operator.lshift,
}


def _constant_number(node: ast.expr) -> int | None:
    """The value of whole-number arithmetic on literals (`2 ** 63 - 1`, `1 << 32`, `-1`),
    with exponents and shifts small enough to compute; None for anything else."""
    if isinstance(node, ast.Constant):
        return node.value if type(node.value) is int else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant_number(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = _constant_number(node.left), _constant_number(node.right)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Pow | ast.LShift) and not 0 <= right <= _MAX_BITS:
            return None
        return _ARITHMETIC[type(node.op)](left, right)
    return None


def _infinite(node: ast.expr) -> bool:
    """`float("inf")`, `float("-infinity")`, `math.inf`, `inf`, and their negations."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
    if isinstance(node, ast.Call) and ast.unparse(node.func) == "float" and node.args:
        text = node.args[0]
        return (
            isinstance(text, ast.Constant)
            and isinstance(text.value, str)
            and text.value.strip().lower().lstrip("+-") in ("inf", "infinity")
        )
    return ast.unparse(node) in ("inf", "math.inf", "numpy.inf", "np.inf")


_SEPARATOR_METHODS = ("split", "rsplit", "count", "partition", "rpartition", "index", "find")


_PREFIX_BODIES = ("1f", "10", "name")


def _combined(miner: _Miner, owner: str, pool: Pool, extras: Sequence[str]) -> list[str]:
    """Compound strings: a prefix the code checks followed by numbers or known values
    (`NET` + `30`), and a word the code looks for between other words."""
    combos: list[str] = []
    hints = [literal_value(item) for item in [*extras, *pool.items]]
    # A checked prefix followed by a typical body (`0x` + `1f`, `--` + `name`): the text
    # that passes the check and then parses.
    hints.extend(_PREFIX_BODIES if owner in miner.prefixes else ())
    for hint in hints:
        for prefix in miner.prefixes.get(owner, []):
            text = str(hint)
            if isinstance(hint, int | str) and not isinstance(hint, bool) and text:
                combos.extend([] if text.startswith(prefix) else [repr(f"{prefix}{text}")])
    separator = miner.tokenized.get(owner)
    if separator is not None:
        words = [h for h in hints if isinstance(h, str) and h.strip() and separator not in h]
        combos.extend(repr(separator.join(("First", word, "last"))) for word in words[:6])
    return combos


def _split_separator(value: ast.expr) -> str | None:
    """The separator a `.split(...)` in `value` cuts at (a space for `split()`), or None:
    a hint goes between other parts joined by it (`"First,gold,last"` for `split(",")`)."""
    for sub in ast.walk(value):
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr in ("split", "rsplit")
        ):
            first = sub.args[0] if sub.args else None
            if first is None or (isinstance(first, ast.Constant) and first.value is None):
                return " "
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                return first.value
            return None
    return None


def _numbers(sources: Iterable[str]) -> list[int | float]:
    found: list[int | float] = []
    for source in sources:
        value = literal_value(source)
        if isinstance(value, int | float) and not isinstance(value, bool):
            found.append(value)
    return found


def _absent_like(members: list[str]) -> str:
    if all(m.startswith(("'", '"')) for m in members):
        return repr("unknown")
    if all(m.lstrip("-").isdigit() for m in members):
        return str(max(int(m) for m in members) + 1)
    return "None"


def _sized(lengths: Iterable[int]) -> Iterator[str]:
    for n in lengths:
        yield repr(list(range(1, n + 1)))
        yield repr("a" * n)


def mine(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    params: list[Param],
    attr_params: dict[str, str] | None = None,
    extras: Sequence[str] = (),
    tables: dict[str, list[str]] | None = None,
    regexes: ModuleRegexes | None = None,
    own_class: str | None = None,
) -> tuple[dict[str, Pool], Pool]:
    """Pools per parameter, and the constants compared with something not traced to any
    parameter. Keys `self.<ctor param>` hold hints for the instance's constructor, keys
    `<param>.<attr>` hints for the constructor of an argument. `extras` (values the existing
    tests use) feed the compound strings. `regexes`: the module's patterns (regex_calls.py),
    whose examples go to the values they are applied to; `own_class`: the callable's class."""
    scope = RegexScope(regexes, own_class) if regexes else None
    miner = _Miner(params, attr_params or {}, scope)
    miner.literals.update(tables or {})
    for stmt in node.body:
        miner.visit(stmt)
    for tier in miner.later:
        for owner, later in tier.items():
            pool = miner.pools.setdefault(owner, Pool()) if owner is not None else miner.loose
            pool.extend(later.items)
    for owner, pool in list(miner.pools.items()):
        combos = _combined(miner, owner, pool, extras)
        matching = miner.matching.get(owner, Pool()).items
        pool.items = list(dict.fromkeys([*matching, *combos[:8], *pool.items, *combos[8:]]))
    return miner.pools, miner.loose


def module_constants(tree: ast.Module) -> list[str]:
    """String and number constants of a module's comparisons and enum values, a last resort
    for parameters nothing else informs."""
    found = Pool()
    for cls in module_statements(tree):
        if isinstance(cls, ast.ClassDef) and any("Enum" in ast.unparse(b) for b in cls.bases):
            for stmt in cls.body:
                value = stmt.value if isinstance(stmt, ast.Assign) else None
                if isinstance(value, ast.Constant) and (text := _literal(value.value)):
                    found.add(text)
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Compare):
            for operand in [sub.left, *sub.comparators]:
                if isinstance(operand, ast.Constant) and (text := _literal(operand.value)):
                    found.add(text)
    return found.items
