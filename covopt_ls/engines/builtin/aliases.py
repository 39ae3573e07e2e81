"""Type aliases (`Color = Literal["red", ...]`) of the module and of the sibling modules it
imports them from, so an annotation spelled with an alias offers its members.

Typed libraries often keep their `Literal` aliases in a private `_types.py`; without them an
argument annotated `Color | None` looks unconstrained and gets any harvested string. Only
relative imports and files next to the module are read: cheap, and never outside the project.
"""

from __future__ import annotations

import ast
from pathlib import Path

from covopt_ls import syntax
from covopt_ls.engines.builtin.toplevel import module_statements

_ALIAS_HEADS = frozenset({"Literal", "Union", "Optional"})
MAX_ALIAS_FILE = 200_000
"""Bytes; a larger sibling is not parsed for aliases."""


def _is_alias(value: ast.expr) -> bool:
    if isinstance(value, ast.Subscript):
        return ast.unparse(value.value).rsplit(".", 1)[-1] in _ALIAS_HEADS
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):
        return _is_alias(value.left) or _is_alias(value.right)
    return False


def _own_aliases(tree: ast.Module) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        else:
            continue
        if isinstance(target, ast.Name) and _is_alias(value):
            found[target.id] = value
    return found


def _sibling(source_path: Path, node: ast.ImportFrom) -> Path | None:
    if node.level < 1 or node.module is None:
        return None
    base = source_path.parent
    for _ in range(node.level - 1):
        base = base.parent
    candidate = base.joinpath(*node.module.split(".")).with_suffix(".py")
    return candidate if candidate.is_file() else None


def type_aliases(tree: ast.Module, source_path: Path | None) -> dict[str, ast.expr]:
    """Alias name → its definition, from the module and its relative imports."""
    aliases = _own_aliases(tree)
    if source_path is None:
        return aliases
    for stmt in module_statements(tree):
        if not isinstance(stmt, ast.ImportFrom):
            continue
        path = _sibling(source_path, stmt)
        if path is None:
            continue
        try:
            if path.stat().st_size > MAX_ALIAS_FILE:
                continue
            theirs = _own_aliases(syntax.parse(path.read_text(encoding="utf-8")))
        except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
            continue
        for alias in stmt.names:
            if alias.name in theirs:
                aliases[alias.asname or alias.name] = theirs[alias.name]
    return aliases


class _Substitute(ast.NodeTransformer):
    def __init__(self, aliases: dict[str, ast.expr]) -> None:
        self.aliases = aliases

    def visit_Name(self, node: ast.Name) -> ast.expr:
        return self.aliases.get(node.id, node)


def unquoted(annotation: ast.expr) -> ast.expr | None:
    """A string annotation (`"Node | None"`) parsed; None when it does not parse."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            return syntax.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    return annotation


def resolve(annotation: ast.expr | None, aliases: dict[str, ast.expr]) -> ast.expr | None:
    """The annotation with alias names replaced by their definitions (strings parsed first)."""
    if annotation is None or not aliases:
        return annotation
    parsed = unquoted(annotation)
    if parsed is None:
        return annotation
    annotation = parsed
    if not any(isinstance(n, ast.Name) and n.id in aliases for n in ast.walk(annotation)):
        return annotation
    result = _Substitute(aliases).visit(syntax.parse(ast.unparse(annotation), mode="eval").body)
    return result if isinstance(result, ast.expr) else annotation


def only_literals(annotation: ast.expr | None) -> bool:
    """Whether every member of the annotation is a `Literal` or None: any other value is
    outside the declared type."""
    if annotation is None:
        return False
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return True
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return only_literals(annotation.left) and only_literals(annotation.right)
    if isinstance(annotation, ast.Subscript):
        head = ast.unparse(annotation.value).rsplit(".", 1)[-1]
        inner = annotation.slice
        members = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
        if head == "Literal":
            return True
        if head in ("Optional", "Union"):
            return all(only_literals(m) for m in members)
    return False
