"""Objects the module's own functions produce, as arguments for the callables that take them.

A tokenizer's helpers take the tokens `tokenize()` returns; a geometry helper takes what
`loads()` builds. The class's constructor with the plainest arguments builds an object no
real caller would have (`Token(1, "a")`), while the producer, called as the tests call it,
builds a realistic one (`tokenize("select 1")[0]`). So each module function is read for the
module classes it returns (`return Token(...)`) or returns items of (`yield Token(...)`,
`tokens.append(Token(...))` then `return tokens`), and called with the tests' own arguments.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence

from covopt_ls import syntax
from covopt_ls.engines.builtin.existing import TestKnowledge

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
MAX_PRODUCED = 4
"""Values per class: the pools stay bounded, the values that already work stay in them."""


def _built_class(node: ast.expr | None, classes: Mapping[str, object]) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in classes:
        return node.func.id
    return None


def _own_nodes(function: FunctionNode) -> list[ast.AST]:
    """The function's own statements and expressions, not those of a nested def or class."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        found.append(node)
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                stack.append(child)
    return found


def produced(function: FunctionNode, classes: Mapping[str, object]) -> dict[str, str]:
    """Module classes the function returns: "one" (`return Token(...)`), "items" (a list of
    them it returns) or "iter" (a generator of them); a class both ways counts as the first
    seen."""
    found: dict[str, str] = {}
    appended: dict[str, str] = {}
    returned: set[str] = set()
    nodes = _own_nodes(function)
    if any(isinstance(node, ast.Yield | ast.YieldFrom) for node in nodes):
        return {
            cls: "iter"
            for node in nodes
            if isinstance(node, ast.Yield) and (cls := _built_class(node.value, classes))
        }
    for node in nodes:
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Name):
            returned.add(node.value.id)
        elif isinstance(node, ast.Return) and (cls := _built_class(node.value, classes)):
            found.setdefault(cls, "one")
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.ListComp):
            if cls := _built_class(node.value.elt, classes):
                found.setdefault(cls, "items")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "append"
            and isinstance(node.func.value, ast.Name)
            and len(node.args) == 1
            and (cls := _built_class(node.args[0], classes))
        ):
            appended.setdefault(node.func.value.id, cls)
    for name, cls in appended.items():
        if name in returned:
            found.setdefault(cls, "items")
    return found


def _calls(name: str, function: FunctionNode, knowledge: TestKnowledge) -> list[str]:
    """How the tests call the function (its name as the module spells it), else, when it
    needs no argument, a bare call."""
    texts: list[str] = []
    for call in knowledge.calls.get(name, []):
        if any(isinstance(a, ast.Starred) for a in call.args) or any(
            k.arg is None for k in call.keywords
        ):
            continue
        text = ast.unparse(ast.Call(ast.Name(name), call.args, call.keywords))
        if text not in texts:
            texts.append(text)
    args = function.args
    bare = len(args.args) + len(args.posonlyargs) == len(args.defaults)
    if not texts and bare and not any(d is None for d in args.kw_defaults):
        texts.append(f"{name}()")
    return texts


def producer_values(
    wanted: Sequence[str],
    functions: Mapping[str, FunctionNode],
    classes: Mapping[str, object],
    knowledge: TestKnowledge,
    skip: str = "",
) -> list[str]:
    """Objects of the wanted classes as the module's public functions produce them (not
    `skip`, the callable the values are for), at most MAX_PRODUCED a class."""
    if not wanted:
        return []
    found: dict[str, list[str]] = {cls: [] for cls in wanted}
    for name, function in functions.items():
        if name == skip or name.startswith("_") or isinstance(function, ast.AsyncFunctionDef):
            continue
        for cls, how in produced(function, classes).items():
            if cls not in found:
                continue
            for text in _calls(name, function, knowledge):
                if how == "items":
                    # Items of a list differ (a name, then an operator): a few of them.
                    found[cls].extend(f"{text}[{index}]" for index in (0, -1, 1))
                else:
                    found[cls].append(text if how == "one" else f"next({text})")
    return [value for cls in wanted for value in found[cls][:MAX_PRODUCED]]


def _annotation_text(node: ast.expr | None) -> str | None:
    """An annotation as comparable text: a quoted one read, `typing.` prefixes dropped."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = syntax.parse(node.value, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return None
    if node is None:
        return None
    return ast.unparse(node).replace("typing.", "").replace("collections.abc.", "")


def returning_values(
    annotation: ast.expr | None,
    functions: Mapping[str, FunctionNode],
    classes: Mapping[str, object],
    knowledge: TestKnowledge,
    arguments: Callable[[FunctionNode], str | None],
    skip: str = "",
) -> list[str]:
    """Calls of the module's public functions annotated to return exactly what a parameter is
    annotated to take, where that names a module class (`matches: Iterator[Token]` ←
    `tokenize(string: str, ...) -> Iterator[Token]`): the value its real callers hand on. The
    tests' calls first, else `arguments(function)`, the function called with typical values."""
    wanted = _annotation_text(annotation)
    if wanted is None or not any(
        isinstance(n, ast.Name) and n.id in classes for n in ast.walk(syntax.parse(wanted))
    ):
        return []
    values: list[str] = []
    for name, function in functions.items():
        if name == skip or name.startswith("_") or isinstance(function, ast.AsyncFunctionDef):
            continue
        if _annotation_text(function.returns) != wanted:
            continue
        texts = _calls(name, function, knowledge)
        if not texts and (typical := arguments(function)) is not None:
            texts.append(typical)
        values.extend(texts[:MAX_PRODUCED])
    return values


_ALTERNATE = ("classmethod", "staticmethod")


def _returns_an_instance(function: FunctionNode, classes: Mapping[str, ast.ClassDef]) -> bool:
    """Whether the function returns an instance it builds: a call of `cls`, of a module class,
    or of a class it looked up into a local (`cls = KINDS.get(kind)`, then `cls(...)`), not
    of a module function or anything imported."""
    bound = {
        target.id
        for node in _own_nodes(function)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    return any(
        isinstance(node, ast.Return)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and (node.value.func.id in classes or node.value.func.id in bound | {"cls"})
        for node in _own_nodes(function)
    )


def factories(
    functions: Mapping[str, FunctionNode], classes: Mapping[str, ast.ClassDef]
) -> dict[str, str]:
    """Name → the module class whose instance the callable of that name returns: a public
    classmethod or staticmethod of the class returning an instance (an alternate constructor,
    `Sentence.parse(line)`, `Config.from_dict(d)`), or a public module function returning one
    (`produced`). A name more than one class claims is left out."""
    claims: dict[str, set[str]] = {}
    for cls, node in classes.items():
        for member in node.body:
            if (
                isinstance(member, ast.FunctionDef)
                and not member.name.startswith("_")
                and any(
                    ast.unparse(d) in ("classmethod", "staticmethod") for d in member.decorator_list
                )
                and _returns_an_instance(member, classes)
            ):
                claims.setdefault(member.name, set()).add(cls)
    for name, function in functions.items():
        if name.startswith("_"):
            continue
        for cls, how in produced(function, classes).items():
            if how == "one":
                claims.setdefault(name, set()).add(cls)
    return {name: next(iter(owners)) for name, owners in claims.items() if len(owners) == 1}
