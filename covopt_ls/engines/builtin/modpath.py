"""Where the code under test is imported from: its dotted module name and sys.path entries.

The naming rules are the verifier's (covopt_ls.verify.modules), so the engine's tests import the
module under the name the verifier runs it as: the request's `module_path`; else the source
file's path relative to the first project import directory holding it (pytest `pythonpath`, a
`src/` layout, the root); and with no file at all (an HTTP request carrying only source), a copy
written to the scratch directory under `module_path` or the default name.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from covopt_ls import syntax
from covopt_ls.engines.builtin.toplevel import attached_methods, module_statements
from covopt_ls.generation import GenerationRequest
from covopt_ls.verify.interpreter import project_import_paths
from covopt_ls.verify.modules import module_name_for, normalize_module_name, write_module


@dataclass(frozen=True, slots=True)
class ImportSite:
    module: str
    source_file: Path
    sys_path: tuple[Path, ...]
    cwd: Path


def resolve(request: GenerationRequest, scratch: Path) -> ImportSite:
    source = request.source_path
    root = request.project_root
    if source is not None and not source.is_file() and root is not None:
        source = root / source
    if source is not None and source.is_file():
        project = root or source.parent
        roots = project_import_paths(project)
        module = (
            normalize_module_name(request.module_path)
            if request.module_path
            else module_name_for(source, roots)
        )
        if module is None:
            roots = [source.parent, *roots]
            module = source.stem
        return ImportSite(module, source.absolute(), tuple(roots), project)
    module = normalize_module_name(request.module_path)
    target = write_module(scratch / "src", module, request.source_code)
    paths = [scratch / "src"]
    if root is not None and root.is_dir():
        paths.extend(project_import_paths(root))
    return ImportSite(module, target, tuple(paths), root if root and root.is_dir() else scratch)


MAX_SOURCE_BYTES = 1_000_000
MAX_HOPS = 3
"""Re-exports followed at most (`pkg/__init__.py`: `from .api import loads`)."""
Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def module_file(module: str, sys_path: Sequence[Path]) -> Path | None:
    """Where `module` would be imported from (a package's `__init__.py`), statically."""
    parts = module.split(".")
    if not all(part.isidentifier() for part in parts):
        return None
    for base in sys_path:
        path = base.joinpath(*parts)
        for candidate in (path / "__init__.py", path.with_suffix(".py")):
            if candidate.is_file():
                return candidate
    return None


class Definitions:
    """Finds the definition of a name a test imports, in the project's own sources: the
    signature of `hjson.loads` tells a replayed call's parameter names and options."""

    def __init__(self, sys_path: Sequence[Path]) -> None:
        self.sys_path = list(sys_path)
        self._trees: dict[str, ast.Module | None] = {}

    def _tree(self, module: str) -> ast.Module | None:
        if module not in self._trees:
            path = module_file(module, self.sys_path)
            tree = None
            if path is not None and path.stat().st_size <= MAX_SOURCE_BYTES:
                try:
                    tree = syntax.parse(path.read_text(encoding="utf-8"))
                except (SyntaxError, ValueError, OSError):
                    tree = None
            self._trees[module] = tree
        return self._trees[module]

    def find(self, module: str, path: Sequence[str], hops: int = 0) -> Definition | None:
        """The definition of `module.path[0].path[1]...` (a function, a class, a method)."""
        tree = self._tree(module)
        if tree is None or not path:
            return None
        head, rest = path[0], list(path[1:])
        for stmt in module_statements(tree):
            if (
                isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                and stmt.name == head
            ):
                found = _member(stmt, rest)
                if found is None and isinstance(stmt, ast.ClassDef) and len(rest) == 1:
                    # `Munch.toJSON = toJSON` after the class: a method all the same.
                    attached = {(a.cls, a.name): a.node for a in attached_methods(tree)}
                    found = attached.get((head, rest[0]))
                return found
        if hops >= MAX_HOPS:
            return None
        for stmt in module_statements(tree):
            if isinstance(stmt, ast.ImportFrom):
                for alias in stmt.names:
                    if (alias.asname or alias.name) == head:
                        source = _absolute(module, stmt, self._is_package(module))
                        if source is not None:
                            return self.find(source, [alias.name, *rest], hops + 1)
                        return None
            elif isinstance(stmt, ast.Import) and rest:
                for alias in stmt.names:
                    if (alias.asname or alias.name.split(".")[0]) == head:
                        inner = alias.name if alias.asname else alias.name.split(".")[0]
                        return self.find(inner, rest, hops + 1)
        return None

    def imported_from(self, module: str, stmt: ast.ImportFrom) -> str | None:
        """The absolute name of the module a `from ... import` statement of `module` reads
        (`from .core import Clock` in `pkg.events` reads `pkg.core`)."""
        return _absolute(module, stmt, self._is_package(module))

    def _is_package(self, module: str) -> bool:
        path = module_file(module, self.sys_path)
        return path is not None and path.name == "__init__.py"

    def of_import(self, statement: str, path: Sequence[str]) -> Definition | None:
        """The definition behind a test's import statement (`import hjson as json`, `from
        pkg import loads`) and the attribute path after the bound name."""
        try:
            stmt = syntax.parse(statement).body[0]
        except (SyntaxError, IndexError):
            return None
        if isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            alias = stmt.names[0]
            found = self.find(stmt.module, [alias.name, *path])
            if found is None and not path:
                return None
            return found or self.find(f"{stmt.module}.{alias.name}", list(path))
        if isinstance(stmt, ast.Import):
            alias = stmt.names[0]
            module = alias.name if alias.asname else alias.name.split(".")[0]
            return self.find(module, list(path))
        return None


def _member(node: Definition, rest: list[str]) -> Definition | None:
    if not rest:
        return node
    if not isinstance(node, ast.ClassDef) or len(rest) != 1:
        return None
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef) and stmt.name == rest[0]:
            return stmt
    return None


def _absolute(module: str, stmt: ast.ImportFrom, is_package: bool) -> str | None:
    if not stmt.level:
        return stmt.module
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if stmt.level > 1:
        parts = parts[: len(parts) - (stmt.level - 1)]
    if not parts and not stmt.module:
        return None
    return ".".join([*parts, *([stmt.module] if stmt.module else [])])
