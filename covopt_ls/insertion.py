"""Planning where suggested tests go in a test file: imports merged, bodies appended.

Each suggested test carries its own imports (it passes pasted into an empty file). Inserted into
an existing test file, those imports belong in the file's import block, without duplicates:
an import the file already has is dropped, a name missing from an existing `from x import ...`
is added to that statement, anything else becomes a new line at the end of the import block.
The bodies are appended at the end of the file, renamed when a test of the same name exists.

The plan is a list of text edits (0-based line/column positions, like LSP's), so the language
server can send it as a WorkspaceEdit and `covopt suggest --write` can apply it to the file.
No LSP types here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from covopt_ls import syntax

MAX_LINE = 100


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text between (start_line, start_column) and (end_line, end_column)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    new_text: str


@dataclass(frozen=True, slots=True)
class InsertionPlan:
    edits: tuple[TextEdit, ...]
    test_names: tuple[str, ...]
    """The names of the inserted tests, after any renaming."""
    insert_line: int
    """Where the first test body starts once the edits are applied (0-based), to reveal it."""
    renamed: dict[str, str] = field(default_factory=dict)

    def apply(self, text: str) -> str:
        return apply_edits(text, self.edits)


class InsertionError(ValueError):
    """A suggested test that is not valid Python cannot be inserted."""


def apply_edits(text: str, edits: Sequence[TextEdit]) -> str:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(line: int, column: int) -> int:
        if line >= len(lines):
            return len(text)
        return offsets[line] + min(column, len(lines[line]))

    result = text
    # Later positions first, so earlier offsets stay valid; edits at the same position keep
    # their listed order in the result.
    indexed = sorted(
        enumerate(edits), key=lambda p: (p[1].start_line, p[1].start_column, p[0]), reverse=True
    )
    for _, edit in indexed:
        start = offset(edit.start_line, edit.start_column)
        end = offset(edit.end_line, edit.end_column)
        result = result[:start] + edit.new_text + result[end:]
    return result


@dataclass(slots=True)
class _FromImport:
    module: str
    level: int
    names: list[tuple[str, str | None]]
    start: int
    end: int  # 0-based, exclusive
    simple: bool
    """One statement on its own lines, nothing else on them: safe to rewrite."""


@dataclass(slots=True)
class _FileImports:
    plain: set[tuple[str, str | None]] = field(default_factory=set)
    from_names: set[tuple[int, str, str, str | None]] = field(default_factory=set)
    statements: list[_FromImport] = field(default_factory=list)
    block_end: int = 0
    """The 0-based line after the last top-level import of the leading import block."""
    future_end: int = 0
    """The 0-based line after the docstring and `from __future__` imports."""
    functions: set[str] = field(default_factory=set)
    definitions: dict[str, str] = field(default_factory=dict)
    """Top-level definitions (def, class, `NAME = ...`) by name, as `ast.dump` compares them."""


def _definition(node: ast.stmt) -> str | None:
    """The name a top-level definition binds (a def, a class, `NAME = value`), else None."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name
    if (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
    ):
        return node.targets[0].id
    return None


def _alias_key(alias: ast.alias) -> tuple[str, str | None]:
    return alias.name, alias.asname


def _format_alias(name: str, asname: str | None) -> str:
    return name if asname is None else f"{name} as {asname}"


def _format_from(level: int, module: str, names: Sequence[tuple[str, str | None]]) -> str:
    head = f"from {'.' * level}{module} import "
    parts = [_format_alias(n, a) for n, a in names]
    single = head + ", ".join(parts)
    if len(single) <= MAX_LINE:
        return single + "\n"
    body = "".join(f"    {part},\n" for part in parts)
    return f"{head}(\n{body})\n"


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _scan_file(text: str) -> _FileImports:
    tree = syntax.parse(text)
    found = _FileImports()
    lines = text.splitlines()
    in_block = True
    for index, node in enumerate(tree.body):
        end = node.end_lineno or node.lineno
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.functions.add(node.name)
        if (name := _definition(node)) is not None:
            found.definitions[name] = ast.dump(node)
        if index == 0 and _is_docstring(node):
            found.future_end = found.block_end = end
            continue
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            found.future_end = found.block_end = end
        if isinstance(node, ast.Import):
            found.plain.update(_alias_key(a) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            found.from_names.update((node.level, module, a.name, a.asname) for a in node.names)
            if module != "__future__":
                simple = _occupies_own_lines(lines, node)
                names = [_alias_key(a) for a in node.names]
                found.statements.append(
                    _FromImport(module, node.level, names, node.lineno - 1, end, simple)
                )
        elif not isinstance(node, ast.If | ast.Try):
            in_block = False
        if in_block and isinstance(node, ast.Import | ast.ImportFrom | ast.If | ast.Try):
            # `try: import x except ImportError` and `if TYPE_CHECKING:` belong to the block.
            found.block_end = max(found.block_end, end)
    return found


def _occupies_own_lines(lines: list[str], node: ast.stmt) -> bool:
    start, end = node.lineno - 1, (node.end_lineno or node.lineno) - 1
    first, last = lines[start], lines[end]
    before = first[: node.col_offset]
    after = last[node.end_col_offset or len(last) :]
    return not before.strip() and not after.strip() and "*" not in "".join(lines[start : end + 1])


@dataclass(slots=True)
class _Candidate:
    imports: list[ast.Import | ast.ImportFrom]
    body: str
    names: list[str]
    lines: list[str] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)
    """The 0-based lines of `lines` left out of `body` (its imports)."""
    definitions: dict[str, tuple[str, range]] = field(default_factory=dict)
    """Its top-level definitions other than tests: name → (`ast.dump`, 0-based line range)."""

    def without(self, names: set[str]) -> str:
        """The body without the named definitions (the file has them already, the same)."""
        dropped = set(self.skipped)
        for name in names:
            dropped.update(self.definitions[name][1])
        body = "".join(line for index, line in enumerate(self.lines) if index not in dropped)
        return re.sub(r"\n{3,}", "\n\n\n", body.strip("\n")) + "\n"


def _split_test(code: str) -> _Candidate:
    try:
        tree = syntax.parse(code)
    except SyntaxError as exc:
        raise InsertionError(
            f"the test is not valid Python: {exc.msg} (line {exc.lineno})"
        ) from exc
    lines = code.splitlines(keepends=True)
    imports: list[ast.Import | ast.ImportFrom] = []
    skip: set[int] = set()
    names: list[str] = []
    definitions: dict[str, tuple[str, range]] = {}
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
            skip.update(range(node.lineno - 1, node.end_lineno or node.lineno))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        name = _definition(node)
        if name is not None and not name.startswith("test"):
            decorated = getattr(node, "decorator_list", None) or [node]
            start = min(n.lineno for n in decorated) - 1
            definitions[name] = (ast.dump(node), range(start, node.end_lineno or node.lineno))
    body = "".join(line for index, line in enumerate(lines) if index not in skip)
    return _Candidate(imports, body.strip("\n") + "\n", names, lines, skip, definitions)


def _rename(body: str, old: str, new: str) -> str:
    """Rename a top-level definition (and its uses inside the body, e.g. recursion)."""
    return re.sub(rf"\b{re.escape(old)}\b", new, body)


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    number = 2
    while f"{name}_{number}" in taken:
        number += 1
    return f"{name}_{number}"


def plan_insertion(test_file_text: str, test_codes: Sequence[str]) -> InsertionPlan:
    """Edits that add `test_codes` to a test file (an empty string for a file not yet created).

    Raises InsertionError when a test is not valid Python; a test file that does not parse
    gets the imports at the top of the appended block instead of in its import block.
    """
    candidates = [_split_test(code) for code in test_codes]
    try:
        existing = _scan_file(test_file_text)
        parsed = True
    except SyntaxError:
        existing = _FileImports()
        parsed = False
    taken = set(existing.functions)
    renamed: dict[str, str] = {}
    bodies: list[str] = []
    test_names: list[str] = []
    known = dict(existing.definitions)
    for candidate in candidates:
        # A helper class or constant the test carries that the file (or a test inserted
        # before) already defines, the same, is not added again under another name.
        same = {n for n, (dump, _) in candidate.definitions.items() if known.get(n) == dump}
        body = candidate.without(same) if same else candidate.body
        for name in candidate.names:
            if name in same:
                continue
            if name in candidate.definitions and name not in taken:
                known[name] = candidate.definitions[name][0]  # inserted under its own name
            new = _unique(name, taken)
            taken.add(new)
            if new != name:
                renamed[name] = new
                body = _rename(body, name, new)
            if new.startswith("test"):
                test_names.append(new)
        bodies.append(body)

    new_plain: list[tuple[str, str | None]] = []
    new_from: dict[tuple[int, str], list[tuple[str, str | None]]] = {}
    future: list[tuple[str, str | None]] = []
    for candidate in candidates:
        for node in candidate.imports:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    key = _alias_key(alias)
                    if key not in existing.plain and key not in new_plain:
                        new_plain.append(key)
                continue
            module = node.module or ""
            for alias in node.names:
                key = _alias_key(alias)
                if (node.level, module, *key) in existing.from_names:
                    continue
                target = (
                    future
                    if module == "__future__"
                    else new_from.setdefault((node.level, module), [])
                )
                if key not in target:
                    target.append(key)

    edits: list[TextEdit] = []
    block_lines: list[str] = []
    for name, asname in new_plain:
        block_lines.append(f"import {_format_alias(name, asname)}\n")
    for (level, module), names in new_from.items():
        statement = next(
            (
                s
                for s in existing.statements
                if s.module == module and s.level == level and s.simple
            ),
            None,
        )
        if statement is not None and parsed:
            merged = statement.names + [n for n in names if n not in statement.names]
            edits.append(
                TextEdit(statement.start, 0, statement.end, 0, _format_from(level, module, merged))
            )
        else:
            block_lines.append(_format_from(level, module, names))
    future_text = _format_from(0, "__future__", future) if future else ""

    text = test_file_text
    body_text = "\n\n".join(bodies)
    line_count = len(text.splitlines())
    if not parsed:
        prefix = "\n\n" if text.strip() else ""
        appended = future_text + "".join(block_lines) + ("\n\n" if block_lines else "")
        edits = [_append(text, prefix + appended + body_text)]
        insert_line = line_count + prefix.count("\n") + appended.count("\n")
    else:
        if future_text:
            edits.append(TextEdit(existing.future_end, 0, existing.future_end, 0, future_text))
        at = existing.block_end if (existing.statements or existing.plain) else existing.future_end
        if block_lines:
            has_imports = bool(existing.statements or existing.plain)
            blank_after = "\n" if text.strip() and not has_imports else ""
            edits.append(TextEdit(at, 0, at, 0, "".join(block_lines) + blank_after))
        if text.strip():
            separator = "\n\n" if text.endswith("\n") else "\n\n\n"
        else:
            separator = "\n\n" if block_lines or future_text else ""
        edits.append(_append(text, separator + body_text))
        new_text = apply_edits(text, edits)
        insert_line = len(new_text.splitlines()) - len(body_text.splitlines())
    return InsertionPlan(tuple(edits), tuple(test_names), insert_line, renamed)


def _append(text: str, addition: str) -> TextEdit:
    lines = text.splitlines(keepends=True)
    if not lines:
        return TextEdit(0, 0, 0, 0, addition)
    if lines[-1].endswith(("\n", "\r")):
        return TextEdit(len(lines), 0, len(lines), 0, addition)
    last = len(lines) - 1
    return TextEdit(last, len(lines[-1]), last, len(lines[-1]), addition)
