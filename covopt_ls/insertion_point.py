"""Where in a test file new tests read best: after the tests of the same function.

The insertion planner (covopt_ls.insertion) merges imports and appends the test bodies at the
end of the file. When the file already has tests that call the function the new tests are for,
the bodies go right after the last of those instead, so a function's tests stay together; the
planner's other edits (imports) are kept as they are. No LSP here.
"""

from __future__ import annotations

import ast
from collections.abc import Collection

from covopt_ls import syntax
from covopt_ls.insertion import InsertionPlan, TextEdit


def _calls(node: ast.AST, names: Collection[str]) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            func = child.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in names:
                return True
    return False


def after_tests_of(text: str, functions: Collection[str]) -> int | None:
    """The 0-based line after the last top-level test calling one of `functions`, when another
    top-level statement follows it (else the end of the file is that place already)."""
    if not functions:
        return None
    try:
        tree = syntax.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None
    body = tree.body
    found = None
    for index, node in enumerate(body):
        if (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and node.name.lower().startswith("test")
            and _calls(node, functions)
        ):
            found = index
    if found is None or found == len(body) - 1:
        return None
    return body[found].end_lineno


def place_after_related(
    plan: InsertionPlan, text: str, functions: Collection[str]
) -> InsertionPlan:
    """`plan` with its appended bodies moved after the tests of `functions` (when there are)."""
    line = after_tests_of(text, functions)
    if line is None or not plan.edits:
        return plan
    append = plan.edits[-1]
    body = append.new_text.lstrip("\n")
    moved = TextEdit(line, 0, line, 0, "\n\n" + body)
    imports = plan.edits[:-1]
    shift = sum(
        e.new_text.count("\n") - (e.end_line - e.start_line)
        for e in imports
        if e.start_line <= line
    )
    return InsertionPlan((*imports, moved), plan.test_names, line + 2 + shift, dict(plan.renamed))
