"""The string keys a body reads from a mapping, each with how the value under it is used.

Untyped code that takes a mapping (a config, a schema, a parsed JSON document) says which keys
it wants (`conf["name"]`, `conf.get("retries")`, `"timeout" in conf`) and what it does with
each value (`len(conf["name"])`, `for item in conf["items"]`, `conf["retries"] > 0`). A mapping
built from those keys with values of those shapes is what reaches the branches behind them;
`{"name": 1, "items": 2}` stops at the first `len` or loop. The value under a key is read as if
it were a parameter of its own (usage.infer_usage), so every rule that types a parameter types
a key's value too, a local bound to it included (`items = conf["items"]`).
"""

from __future__ import annotations

import ast
import copy
import functools
from collections.abc import Callable, Mapping

from covopt_ls.engines.builtin.candidates import mine
from covopt_ls.engines.builtin.targets import Param
from covopt_ls.engines.builtin.usage import Usage, infer_usage, merged, stored_attrs

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
Owner = Callable[[ast.expr], str | None]
"""The parameter a mapping expression stands for (`conf`, or `self.conf` stored from it)."""

_KEY_METHODS = frozenset({"get", "pop", "setdefault"})
_PLACEHOLDER = "_covopt_key_{}_"


def param_owner(names: set[str], stored: Mapping[str, str] | None = None) -> Owner:
    """Names the parameter an expression is: the parameter itself, or `self.attr` for an
    attribute the constructor stores it in (`stored`: attribute → parameter)."""
    attrs = dict(stored or {})

    def owner(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name) and node.id in names:
            return node.id
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and node.attr in attrs
        ):
            return attrs[node.attr]
        return None

    return owner


class _Placeholders(ast.NodeTransformer):
    """Replaces each read of a constant key (`conf["k"]`, `conf.get("k", d)`) by a name of its
    own, so that the name's usage is the value's."""

    def __init__(self, owner: Owner) -> None:
        self.owner = owner
        self.found: dict[str, tuple[str, str]] = {}
        """Placeholder name → (parameter, key)."""
        self.keys: dict[str, dict[str, None]] = {}
        """Parameter → its keys, in the order the body reads them."""

    def _key(self, mapping: ast.expr, key: ast.expr) -> tuple[str, str] | None:
        name = self.owner(mapping)
        if name is None or not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return None
        self.keys.setdefault(name, {}).setdefault(key.value, None)
        return name, key.value

    def _placeholder(self, found: tuple[str, str], node: ast.expr) -> ast.Name:
        name = _PLACEHOLDER.format(len(self.found))
        self.found[name] = found
        return ast.copy_location(ast.Name(name, ast.Load()), node)

    def visit_Subscript(self, node: ast.Subscript) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and (found := self._key(node.value, node.slice)):
            return self._placeholder(found, node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _KEY_METHODS
            and node.args
            and (found := self._key(func.value, node.args[0]))
        ):
            return self._placeholder(found, node)
        return node

    def visit_Compare(self, node: ast.Compare) -> ast.expr:
        self.generic_visit(node)
        operands = [node.left, *node.comparators]
        for index, op in enumerate(node.ops):
            if isinstance(op, ast.In | ast.NotIn):
                # `"k" in conf`: a key whose presence alone picks a branch.
                self._key(operands[index + 1], operands[index])
        return node


def read_keys(node: FunctionNode, owner: Owner) -> dict[str, dict[str, Usage]]:
    """Per parameter (as `owner` names them), the keys the body reads and how it uses each
    key's value, in the order they are read. A key only tested for (`"k" in conf`) has an
    empty usage."""
    marker = _Placeholders(owner)
    body = marker.visit(copy.deepcopy(node))
    if not marker.keys:
        return {}
    aliases: dict[str, list[str]] = {}
    for sub in ast.walk(body):
        value: ast.expr | None = None
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            value, targets = sub.value, sub.targets
        elif isinstance(sub, ast.AnnAssign | ast.NamedExpr):
            value, targets = sub.value, [sub.target]
        if isinstance(value, ast.Name) and value.id in marker.found:
            for target in targets:
                if isinstance(target, ast.Name):
                    aliases.setdefault(value.id, []).append(target.id)
    names = [*marker.found, *(a for group in aliases.values() for a in group)]
    names = list(dict.fromkeys(names))
    usages = infer_usage(body, names)
    hints, _ = mine(body, [Param(name) for name in names])
    by_key: dict[tuple[str, str], Usage] = {}
    for placeholder, found in marker.found.items():
        parts = [usages[placeholder], *(usages[a] for a in aliases.get(placeholder, []))]
        for part in parts:
            by_key[found] = merged(by_key[found], part) if found in by_key else part
        compared = [placeholder, *aliases.get(placeholder, [])]
        by_key[found].hints.extend(h for n in compared if n in hints for h in hints[n].items[:2])
    return {
        name: {key: by_key.get((name, key)) or Usage() for key in keys}
        for name, keys in marker.keys.items()
    }


def add_keys(
    usages: Mapping[str, Usage], read: Mapping[str, Mapping[str, Usage]], front: bool = False
) -> None:
    """Record the keys read (read_keys) on the parameters' usages; `front`: these keys are the
    goal's own and come before those read elsewhere."""
    for name, keys in read.items():
        usage = usages.get(name)
        if usage is None or not keys:
            continue
        known = usage.key_usages
        for key, value in keys.items():
            # Merged into a new usage: the read ones are shared (_stored_reads).
            known[key] = merged(known[key] if key in known else Usage(), value)
        if front:
            usage.key_usages = {
                **{k: known[k] for k in keys},
                **{k: v for k, v in known.items() if k not in keys},
            }


def stored_keys(
    cls: ast.ClassDef,
    attr_params: dict[str, str],
    usages: Mapping[str, Usage],
    first: FunctionNode | None = None,
) -> None:
    """Record on the constructor parameters' usages the keys the class's methods read from
    the attributes holding them (`self.conf["name"]` anywhere → `conf` is a mapping with
    "name"); `first`: the method whose goals are sought, its keys before the others'."""
    stored = stored_attrs(cls, attr_params, set(usages))
    if not stored:
        return
    methods = [m for m in cls.body if isinstance(m, FunctionNode) and m.name != "__init__"]
    if first is not None and first in methods:
        methods = [first, *(m for m in methods if m is not first)]
    attrs = tuple(sorted(stored.items()))
    for method in methods:
        add_keys(usages, _stored_reads(method, attrs), front=method is first)


@functools.lru_cache(maxsize=512)
def _stored_reads(
    method: FunctionNode, stored: tuple[tuple[str, str], ...]
) -> dict[str, dict[str, Usage]]:
    """read_keys of a method through the stored attributes, once: every method target of a
    class asks it of every method (AST nodes hash by identity)."""
    return read_keys(method, param_owner(set(), dict(stored)))
