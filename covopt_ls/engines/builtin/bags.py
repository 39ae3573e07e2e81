"""Objects that only have what a body reads of them, for duck-typed parameters.

Untyped code often takes "something with a `.name` and an `.age`" (a record, an ORM row, a
request) that neither the module's classes nor the standard types match. A
`types.SimpleNamespace` with those attributes is such an object, written plainly in a test:
each attribute read gets a value the body compares it with (mined as `param.attr` hints), and
each method called on it a function accepting anything.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
MAX_BAGS = 3
MAX_ATTRIBUTES = 8
ANYTHING = "lambda *args, **kwargs: None"


_KINDS: dict[str, type] = {"str": str, "list": list, "dict": dict}
_BY_METHOD = (("str", '"text"'), ("list", "[1, 2]"), ("dict", '{"a": 1}'))
"""A read attribute whose own method the body calls (`row.title.upper()`) has that type."""


def attribute_roles(function: FunctionNode, name: str) -> dict[str, str]:
    """The attributes the body reads on parameter `name`, in the order they first appear,
    each with a value that fits how it is used: a function accepting anything for one the
    body calls (`user.save()`), a text for one whose `.upper()` it calls, else None. Empty
    where the body sets or deletes attributes on the name."""
    roles: dict[str, str] = {}
    called: set[int] = set()
    methods: dict[int, str] = {}
    for sub in ast.walk(function):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
            called.add(id(sub.func))
            methods[id(sub.func.value)] = sub.func.attr
    nodes = sorted(
        (n for n in ast.walk(function) if isinstance(n, ast.Attribute)),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for node in nodes:
        if not (isinstance(node.value, ast.Name) and node.value.id == name):
            continue
        if not isinstance(node.ctx, ast.Load) or node.attr.startswith("__"):
            return {}
        if id(node) in called:
            roles[node.attr] = ANYTHING
            continue
        method = methods.get(id(node))
        typed = next(
            (v for kind, v in _BY_METHOD if method and hasattr(_KINDS[kind], method)), None
        )
        if typed is not None or node.attr not in roles:
            roles[node.attr] = typed or roles.get(node.attr, "None")
    return dict(list(roles.items())[:MAX_ATTRIBUTES])


def bag_values(
    roles: dict[str, str], hints: Callable[[str], Sequence[str]], spelled: str
) -> list[str]:
    """`SimpleNamespace(...)` values (spelled as the module's namespace names the class) with
    the attributes in `roles`: the first with each read attribute's first hint (else its
    value in `roles`), then one with a single attribute's next hint, a few in all."""
    if not roles:
        return []
    base: dict[str, str] = {}
    for attr, default in roles.items():
        found = list(hints(attr))
        base[attr] = default if default == ANYTHING or not found else found[0]
    bags = [base]
    for attr, default in roles.items():
        if default == ANYTHING:
            continue
        for value in list(hints(attr))[1:3]:
            bags.append({**base, attr: value})
    return [_render(spelled, bag) for bag in bags[:MAX_BAGS]]


def _render(spelled: str, bag: dict[str, str]) -> str:
    return f"{spelled}({', '.join(f'{k}={v}' for k, v in bag.items())})"
