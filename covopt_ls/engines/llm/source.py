"""What the model is shown of the source: numbered lines, the scope around each gap, and for
a long module only the parts that matter.

A real module of thousands of lines would overflow a small model's context and cost money on a
large one, while the gap usually needs only its own function, the headers of the class around
it, that class's `__init__` (to build an instance) and the module's imports. Lines left out are
marked, and kept lines keep their real numbers, so the ranges still point at the right code.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from covopt_ls import syntax
from covopt_ls.coverage.model import UncoveredRange

_BODY_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
"""Where statements nest (if/for/while/with/try/match bodies, except handlers, match cases)."""

WHOLE_SOURCE_LINES = 400
"""Sources up to this many lines are shown whole."""
CONTEXT_LINES = 5
"""Lines shown around a gap outside any function (module-level code), or inside a huge one."""
SHORT_STATEMENT_LINES = 3
"""Module-level assignments up to this long (constants) are kept; longer ones (tables) not."""


@dataclass(frozen=True, slots=True)
class Scope:
    kind: str
    """"function" or "class"."""
    name: str
    """Qualified: `Shop.price`."""
    start_line: int
    """The first decorator's line, or the def/class line."""
    end_line: int
    body_line: int
    """The first line of its body: everything before is its header (decorators, signature)."""


class SourceView:
    """One parse of the source, asked about scopes and excerpts; a source that does not parse
    has no scopes and is shown whole."""

    def __init__(self, source: str) -> None:
        self.lines = source.rstrip().splitlines()
        self.scopes: list[Scope] = []
        self.module_context: set[int] = set()
        try:
            tree = syntax.parse(source)
        except (SyntaxError, ValueError):
            tree = None
        if tree is not None:
            self._collect(tree.body, "")
            self._module_context(tree)
        self.scopes.sort(key=lambda scope: (scope.start_line, -scope.end_line))
        self._starts = [scope.start_line for scope in self.scopes]
        self._parents = self._nesting()
        self._by_name = {scope.name: scope for scope in self.scopes}

    def _collect(self, nodes: Iterable[ast.AST], prefix: str) -> None:
        # Scopes are statements: only statement bodies are walked, never expressions.
        for node in nodes:
            inner = prefix
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                name = f"{prefix}{node.name}"
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                end = node.end_lineno or node.lineno
                body = node.body[0].lineno if node.body else node.lineno
                self.scopes.append(Scope(kind, name, first, end, max(body, node.lineno)))
                inner = f"{name}."
            for field in _BODY_FIELDS:
                children = getattr(node, field, None)
                if isinstance(children, list):
                    self._collect(children, inner)

    def _module_context(self, tree: ast.Module) -> None:
        """Imports and short module-level assignments: what any test of the module needs."""
        for node in tree.body:
            end = node.end_lineno or node.lineno
            short = end - node.lineno < SHORT_STATEMENT_LINES
            if isinstance(node, ast.Import | ast.ImportFrom) or (
                isinstance(node, ast.Assign | ast.AnnAssign) and short
            ):
                self.module_context.update(range(node.lineno, end + 1))

    def _nesting(self) -> list[int]:
        parents: list[int] = []
        stack: list[int] = []
        for index, scope in enumerate(self.scopes):
            while stack and self.scopes[stack[-1]].end_line < scope.start_line:
                stack.pop()
            parents.append(stack[-1] if stack else -1)
            stack.append(index)
        return parents

    def _innermost_index(self, line: int) -> int:
        # Scopes nest or are disjoint: after the last one starting at or before the line, only
        # its ancestors can hold the line. O(depth), so thousands of ranges stay cheap.
        index = bisect.bisect_right(self._starts, line) - 1
        while index >= 0 and self.scopes[index].end_line < line:
            index = self._parents[index]
        return index

    def innermost(self, line: int) -> Scope | None:
        index = self._innermost_index(line)
        return self.scopes[index] if index >= 0 else None

    def ancestors(self, scope: Scope) -> list[Scope]:
        index = self._parents[self.scopes.index(scope)]
        chain = []
        while index >= 0:
            chain.append(self.scopes[index])
            index = self._parents[index]
        return chain

    def excerpt_lines(
        self, ranges: Sequence[UncoveredRange], whole: int = WHOLE_SOURCE_LINES
    ) -> set[int] | None:
        """The line numbers to show, or None to show the whole source."""
        if len(self.lines) <= whole or not self.scopes:
            return None
        keep = set(self.module_context)
        budget = max(whole // 2, 1)
        for rng in ranges:
            span = range(rng.start_line, rng.end_line + 1)
            around = range(rng.start_line - CONTEXT_LINES, rng.end_line + CONTEXT_LINES + 1)
            scope = self.innermost(rng.start_line)
            if scope is None:
                keep.update(around)
                continue
            if scope.end_line - scope.start_line < budget:
                keep.update(range(scope.start_line, scope.end_line + 1))
            else:
                keep.update(range(scope.start_line, scope.body_line))
                keep.update(around)
            keep.update(span)
            for outer in self.ancestors(scope):
                keep.update(range(outer.start_line, outer.body_line))
                init = self._by_name.get(f"{outer.name}.__init__")
                if outer.kind == "class" and init is not None:
                    keep.update(range(init.start_line, init.end_line + 1))
        return {n for n in keep if 1 <= n <= len(self.lines)}

    def numbered(self, keep: set[int] | None = None) -> str:
        """`N: line` for each kept line; `...` where lines were left out."""
        width = len(str(len(self.lines)))
        shown: list[str] = []
        previous = 0
        for number, line in enumerate(self.lines, 1):
            if keep is not None and number not in keep:
                continue
            if number > previous + 1:
                shown.append(f"{'':>{width}}  ...")
            shown.append(f"{number:>{width}}: {line}")
            previous = number
        if previous < len(self.lines):
            shown.append(f"{'':>{width}}  ...")
        return "\n".join(shown)
