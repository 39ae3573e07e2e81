"""Where the code under test is imported from: its dotted module name and sys.path entries.

The naming rules are the verifier's (covopt_ls.verify.modules), so the engine's tests import the
module under the name the verifier runs it as: the request's `module_path`; else the source
file's path relative to the first project import directory holding it (pytest `pythonpath`, a
`src/` layout, the root); and with no file at all (an HTTP request carrying only source), a copy
written to the scratch directory under `module_path` or the default name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
