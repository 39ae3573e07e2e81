"""A reader's review of generated tests: would a person keep each one as it is?

The engines bench counts lines closed; issue #6 also asks for tests "a person would keep (named
for what they check, one behaviour each, no var_0 chains)". Reading every test by hand does not
scale to every run, so this module flags, from the test's text alone, the faults a reviewer
would send back. Every tool's offered tests go through the same review, so the figure compares
tools; it is a floor on what a reader would drop (a wrong-typed input the module does not
annotate, a misleading name or an incidental assertion pass unnoticed), not a verdict of quality.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

SMELLS: dict[str, str] = {
    "numbered_variables": "numbered variables (var_0, int_1): a chain nobody can read",
    "dunder_call": "calls a dunder method directly instead of using the operator or builtin",
    "private_call": "calls a private helper (_name) of the code under test",
    "no_behaviour_assertion": "asserts nothing about behaviour (no assertion, or only type checks)",
    "pinned_process_value": "pins a value that changes between processes (hash, id, address)",
    "long_chain": "more than one behaviour: a long chain of statements before the checks",
    "unreadable_name": "a name that says nothing (test_case_3) or runs past 70 characters",
    "contradicts_annotation": "passes a literal whose type contradicts the parameter annotation",
}
"""Smell → what a reviewer would say. A test with none of them counts as keepable."""

MAX_ACTIONS = 6
"""Statements other than checks a single-behaviour test needs: a few setups and the call."""
MAX_NAME = 70
_NUMBERED = re.compile(r"^[a-z][a-z0-9]*?_\d+$")
_MEANINGLESS_NAME = re.compile(r"^test_?(case_?)?\d*$")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
_PINNED_CALLS = frozenset(("hash", "id", "__hash__"))
_WEAK_CHECKS = frozenset(("isinstance", "issubclass", "callable", "hasattr", "type"))
_SIMPLE_TYPES = frozenset(("int", "float", "complex", "str", "bytes", "bool", "list", "dict"))
_SIMPLE_TYPES_MORE = _SIMPLE_TYPES | {"tuple", "set", "frozenset", "None"}
_WIDER = {
    "int": {"int", "bool"},
    "float": {"int", "float", "bool"},
    "complex": {"int", "float", "complex", "bool"},
}
"""An annotation admits the literal types Python's numeric tower lets through."""


@dataclass(frozen=True, slots=True)
class Signature:
    """The simple types each parameter's annotation admits (None: unannotated or not simple)."""

    positional: list[set[str] | None]
    keywords: dict[str, set[str] | None]


Signatures = dict[str, Signature]
Flag = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class Finding:
    test: str
    smell: str
    detail: str


@dataclass(slots=True)
class Review:
    reviewed: int = 0
    keepable: int = 0
    smells: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "reviewed": self.reviewed,
            "keepable": self.keepable,
            "smells": dict(sorted(self.smells.items())),
        }


def review(tests: Iterable[str], module_source: str | None = None) -> Review:
    """Review test files (one candidate each): a candidate is keepable when none of its test
    functions has a smell. `module_source` (the code under test) enables the annotation check."""
    signatures = _annotated_signatures(module_source) if module_source else {}
    result = Review()
    for code in tests:
        result.reviewed += 1
        findings = review_test(code, signatures)
        result.findings.extend(findings)
        result.smells.update({f.smell for f in findings})
        if not findings:
            result.keepable += 1
    return result


def review_test(code: str, signatures: Signatures) -> list[Finding]:
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return [Finding("?", "no_behaviour_assertion", f"does not parse: {exc.msg}")]
    tests = list(_test_functions(tree))
    if not tests:
        return [Finding("?", "no_behaviour_assertion", "no test function")]
    return [finding for test in tests for finding in _review_function(test, signatures)]


def _test_functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if node.name.startswith("test"):
                yield node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for item in node.body:
                if isinstance(
                    item, ast.FunctionDef | ast.AsyncFunctionDef
                ) and item.name.startswith("test"):
                    yield item


def _review_function(
    test: ast.FunctionDef | ast.AsyncFunctionDef, signatures: Signatures
) -> list[Finding]:
    found: dict[str, str] = {}

    def flag(smell: str, detail: str) -> None:
        found.setdefault(smell, detail)

    name = test.name
    if len(name) > MAX_NAME or _MEANINGLESS_NAME.match(name):
        flag("unreadable_name", name)
    checks = 0
    strong_checks = 0
    actions = 0
    for statement in _statements(test.body):
        if _is_check(statement):
            checks += 1
            strong_checks += not _is_weak_check(statement)
        elif not _is_filler(statement):
            actions += 1
    if strong_checks == 0:
        detail = "no assertion" if checks == 0 else "only type or existence checks"
        flag("no_behaviour_assertion", detail)
    if actions > MAX_ACTIONS:
        flag("long_chain", f"{actions} statements besides the checks")
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            if _NUMBERED.match(node.id) and not node.id.startswith("test"):
                flag("numbered_variables", node.id)
        elif isinstance(node, ast.Call):
            _review_call(node, signatures, flag)
        elif isinstance(node, ast.Compare):
            _review_compare(node, flag)
    return [Finding(name, smell, detail) for smell, detail in found.items()]


def _is_filler(statement: ast.stmt) -> bool:
    """`pass` and docstrings: no behaviour."""
    if isinstance(statement, ast.Pass):
        return True
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Simple statements, looking inside with/try/if blocks (a `with pytest.raises` is a check
    and its body the call it checks)."""
    for statement in body:
        if isinstance(statement, ast.With | ast.AsyncWith):
            if any(_is_raises(item.context_expr) for item in statement.items):
                yield statement
                continue
            yield from _statements(statement.body)
        elif isinstance(statement, ast.Try | ast.If | ast.For | ast.While):
            yield from _statements(statement.body)
        else:
            yield statement


def _is_raises(expr: ast.expr) -> bool:
    call = expr if isinstance(expr, ast.Call) else None
    return call is not None and _callee_name(call.func) in ("raises", "assertRaises", "warns")


def _is_check(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Assert):
        return True
    if isinstance(statement, ast.With | ast.AsyncWith):
        return True  # only raises-blocks reach here, see _statements
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        name = _callee_name(statement.value.func)
        return name.startswith("assert") or name in ("raises", "fail")
    return False


def _is_weak_check(statement: ast.stmt) -> bool:
    """A check that would pass for almost any behaviour: a type, `is not None`, `assert True`."""
    if isinstance(statement, ast.Assert):
        return _weak_expression(statement.test)
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    call = statement.value
    name = _callee_name(call.func)
    if name in ("assertIsInstance", "assertIsNotNone"):
        return True
    return name == "assertTrue" and (not call.args or _weak_expression(call.args[0]))


def _weak_expression(test: ast.expr) -> bool:
    if isinstance(test, ast.Constant):
        return True
    if isinstance(test, ast.Call):
        return _callee_name(test.func) in _WEAK_CHECKS
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right = test.left, test.comparators[0]
        if isinstance(test.ops[0], ast.IsNot) and _is_none(right):
            return True
        return _mentions_type(left) or _mentions_type(right)
    return False


def _mentions_type(node: ast.expr) -> bool:
    return any(isinstance(n, ast.Call) and _callee_name(n.func) == "type" for n in ast.walk(node))


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _callee_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _review_call(
    call: ast.Call,
    signatures: Signatures,
    flag: Flag,
) -> None:
    func = call.func
    name = _callee_name(func)
    if name.startswith("__") and name.endswith("__") and isinstance(func, ast.Attribute):
        receiver = func.value
        is_super = isinstance(receiver, ast.Call) and _callee_name(receiver.func) == "super"
        if name != "__init__" and not is_super:
            flag("dunder_call", ast.unparse(call)[:80])
    elif name.startswith("_") and not name.startswith("__"):
        receiver_is_self = isinstance(func, ast.Attribute) and (
            isinstance(func.value, ast.Name) and func.value.id in ("self", "cls")
        )
        if not receiver_is_self:
            flag("private_call", ast.unparse(call)[:80])
    signature = signatures.get(name)
    if signature is None:
        return
    for argument, expected in zip(call.args, signature.positional, strict=False):
        _check_argument(argument, expected, name, flag)
    for keyword in call.keywords:
        if keyword.arg is not None:
            _check_argument(keyword.value, signature.keywords.get(keyword.arg), name, flag)


def _check_argument(argument: ast.expr, expected: set[str] | None, callee: str, flag: Flag) -> None:
    if expected is None:
        return
    actual = _literal_type(argument)
    if actual is None:
        return
    allowed = set().union(*(_WIDER.get(t, {t}) for t in expected))
    if actual not in allowed:
        flag(
            "contradicts_annotation",
            f"{callee}({ast.unparse(argument)[:40]}): wants {sorted(expected)}",
        )


def _literal_type(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        if node.value is None:
            return "None"
        kind = type(node.value).__name__
        return kind if kind in _SIMPLE_TYPES_MORE else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return _literal_type(node.operand)
    return {ast.List: "list", ast.Dict: "dict", ast.Tuple: "tuple", ast.Set: "set"}.get(type(node))


def _review_compare(compare: ast.Compare, flag: Flag) -> None:
    sides = [compare.left, *compare.comparators]
    pinned = any(
        isinstance(n, ast.Call) and _callee_name(n.func) in _PINNED_CALLS
        for side in sides
        for n in ast.walk(side)
    )
    for side in sides:
        if pinned and _is_big_int(side):
            flag("pinned_process_value", ast.unparse(compare)[:80])
        if (
            isinstance(side, ast.Constant)
            and isinstance(side.value, str)
            and _ADDRESS.search(side.value)
        ):
            flag("pinned_process_value", side.value[:80])


def _is_big_int(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) > 2**20


def _annotated_signatures(source: str) -> Signatures:
    """Callable name → its signature's simple types. Names defined twice are dropped: a call
    could mean either."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    seen: Counter[str] = Counter()
    signatures: Signatures = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        seen[node.name] += 1
        positional = [*node.args.posonlyargs, *node.args.args]
        if positional and positional[0].arg in ("self", "cls"):
            positional = positional[1:]
        signatures[node.name] = Signature(
            [_simple_types(a.annotation) for a in positional],
            {a.arg: _simple_types(a.annotation) for a in [*positional, *node.args.kwonlyargs]},
        )
    return {name: sig for name, sig in signatures.items() if seen[name] == 1}


def _simple_types(annotation: ast.expr | None) -> set[str] | None:
    """The simple builtin types an annotation admits, or None when it admits anything else."""
    if annotation is None:
        return None
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return {"None"}
    if isinstance(annotation, ast.Name):
        return {annotation.id} if annotation.id in _SIMPLE_TYPES_MORE else None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        left, right = _simple_types(annotation.left), _simple_types(annotation.right)
        return left | right if left is not None and right is not None else None
    if isinstance(annotation, ast.Subscript):
        head = _callee_name(annotation.value)
        if head == "Optional":
            inner = _simple_types(annotation.slice)
            return inner | {"None"} if inner is not None else None
        if head == "Union" and isinstance(annotation.slice, ast.Tuple):
            parts = [_simple_types(e) for e in annotation.slice.elts]
            if all(p is not None for p in parts):
                return set().union(*(p for p in parts if p is not None))
            return None
        lowered = head.lower()
        return {lowered} if lowered in ("list", "dict", "tuple", "set", "frozenset") else None
    return None
