"""Calls the module documents for itself: doctest examples and calls written in docstrings.

`>>> quality('text/html', 'text/*;q=0.3, text/html;q=0.7')` is the author showing a valid input
of a small grammar no mutation would find. The examples are turned into test-shaped source
(one function per docstring, its statements in order), which existing.read_tests mines like
the project's own tests: their calls are replayed and mutated, their objects' set-up becomes a
recipe, their literals become domain constants.
"""

from __future__ import annotations

import ast
import re

from covopt_ls import syntax

_PROMPT = re.compile(r"^\s*>>>\s?(.*)$")
_MORE = re.compile(r"^\s*\.\.\.\s?(.*)$")
_CALL_START = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\(")
MAX_JOINED = 4
"""Prose lines a broken example may run on for (a literal wrapped without `...`)."""
MAX_STATEMENTS = 40


def _docstrings(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                found.append(doc)
    return found


def _parses(text: str) -> ast.Module | None:
    try:
        return syntax.parse(text)
    except (SyntaxError, ValueError):
        return None


def _examples(doc: str) -> list[str]:
    """The `>>>` statements of one docstring, continuation lines joined; an example wrapped
    onto following prose lines (no `...`) is joined with them when that makes it parse."""
    lines = doc.splitlines()
    statements: list[str] = []
    index = 0
    while index < len(lines):
        prompt = _PROMPT.match(lines[index])
        index += 1
        if prompt is None:
            continue
        chunk = [prompt.group(1)]
        while index < len(lines) and (more := _MORE.match(lines[index])):
            chunk.append(more.group(1))
            index += 1
        text = "\n".join(chunk)
        if _parses(text) is None:
            joined = " ".join(part.strip() for part in chunk)
            for extra in lines[index : index + MAX_JOINED]:
                if _PROMPT.match(extra) or not extra.strip():
                    break
                joined = f"{joined} {extra.strip()}"
                if _parses(joined) is not None:
                    break
            text = joined
        tree = _parses(text)
        if tree is not None:
            statements.extend(ast.unparse(stmt) for stmt in tree.body)
    return statements


def _inline_calls(doc: str, names: set[str]) -> list[str]:
    """Calls of the module's own callables written in prose (`e.g. parse("1.2.3")`)."""
    found = []
    for match in _CALL_START.finditer(doc):
        if match.group(1).split(".")[0] not in names:
            continue
        depth = 0
        for end in range(match.end() - 1, min(len(doc), match.end() + 400)):
            depth += {"(": 1, ")": -1}.get(doc[end], 0)
            if depth == 0:
                text = doc[match.start() : end + 1]
                tree = _parses(text)
                node = tree.body[0] if tree is not None and len(tree.body) == 1 else None
                if (
                    isinstance(node, ast.Expr)
                    and isinstance(node.value, ast.Call)
                    and (node.value.args or node.value.keywords)
                ):
                    # `as parse_media_range() returns` names a function; it shows no input.
                    found.append(ast.unparse(node))
                break
    return found


_QUOTED = re.compile(r"""(?<![\w'"`])(['"`])([^'"`\n]{2,80}?)\1(?![\w'"`])""")
_FORMAT_CHARS = re.compile(r"[/;=:{}%<>@#,.*+-]")


def _format_examples(doc: str) -> list[str]:
    """Quoted literals that look like an instance of a format (`'text/*;q=0.3'`, `"1.2.3"`):
    punctuation inside, no run of prose words."""
    found = []
    for match in _QUOTED.finditer(doc):
        text = match.group(2)
        if _FORMAT_CHARS.search(text) and len(text.split()) <= 3 and not text.endswith("."):
            found.append(repr(text))
    return found


def documented_calls(tree: ast.Module, names: set[str]) -> str:
    """Test-shaped source of the calls the module's docstrings show (empty when none).

    `names`: the module's top-level names; prose calls of other names are not the module's.
    """
    functions = []
    budget = MAX_STATEMENTS
    for number, doc in enumerate(_docstrings(tree)):
        statements = _examples(doc)
        if not statements:
            statements = _inline_calls(doc, names)
        statements = statements[:budget]
        budget -= len(statements)
        if statements:
            body = "\n".join(f"    {line}" for s in statements for line in s.splitlines())
            functions.append(f"def test_documented_{number}():\n{body}\n")
        if budget <= 0:
            break
    literals = list(dict.fromkeys(x for doc in _docstrings(tree) for x in _format_examples(doc)))
    if literals:
        # Seen as the tests' constants: values of the documented format, after the calls'
        # (a list, since a bare text first in a function is its docstring, which is not one).
        body = "".join(f"        {text},\n" for text in literals[:MAX_STATEMENTS])
        functions.append(f"def test_documented_formats():\n    examples = [\n{body}    ]\n")
    return "\n\n".join(functions)
