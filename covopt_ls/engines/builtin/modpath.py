"""Where the code under test is imported from: its dotted module name and sys.path entries.

In order: the request's `module_path`; the source file's path relative to the first project
import directory holding it (pytest `pythonpath`, a `src/` layout, the root); and with no
file at all (an HTTP request carrying only source), a copy written to the scratch directory
under the verifier's default module name, so the engine's tests import what the verifier runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from covopt_ls.generation import GenerationRequest
from covopt_ls.verify.interpreter import project_import_paths

DEFAULT_MODULE_NAME = "module_under_test"


@dataclass(frozen=True, slots=True)
class ImportSite:
    module: str
    source_file: Path
    sys_path: tuple[Path, ...]
    cwd: Path


def module_from_path(source: Path, roots: list[Path]) -> str | None:
    source = source.absolute()
    for root in roots:
        try:
            relative = source.relative_to(root)
        except ValueError:
            continue
        parts = list(relative.with_suffix("").parts)
        if parts and parts[-1] == "__init__":
            parts.pop()
        if parts and all(part.isidentifier() for part in parts):
            return ".".join(parts)
    return None


def resolve(request: GenerationRequest, scratch: Path, default_name: str) -> ImportSite:
    source = request.source_path
    root = request.project_root
    if source is not None and not source.is_file() and root is not None:
        source = root / source
    if source is not None and source.is_file():
        project = root or source.parent
        roots = project_import_paths(project)
        module = request.module_path or module_from_path(source, roots)
        if module is None:
            roots = [source.parent, *roots]
            module = source.stem
        return ImportSite(module, source.absolute(), tuple(roots), project)
    module = request.module_path or default_name
    target = scratch.joinpath("src", *module.split("."))
    target = target.with_suffix(".py")
    target.parent.mkdir(parents=True, exist_ok=True)
    package = target.parent
    while package != scratch / "src":
        (package / "__init__.py").touch()
        package = package.parent
    target.write_text(request.source_code, encoding="utf-8")
    paths = [scratch / "src"]
    if root is not None and root.is_dir():
        paths.extend(project_import_paths(root))
    return ImportSite(module, target, tuple(paths), root if root and root.is_dir() else scratch)
