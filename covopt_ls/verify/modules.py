"""Naming the module under test and placing a copy of it where no file exists on disk.

Shared by the verifier, the command line and (through the same rules) the builtin engine, so a
test imports the module under the same name everywhere: the source file's path relative to the
first project import directory that holds it; over HTTP, `module_path` or a default name, the
source written to `<scratch>/src/<package>/<module>.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

DEFAULT_MODULE_NAME = "module_under_test"


def module_name_for(source: Path, import_paths: Sequence[Path]) -> str | None:
    """`src/shop/pricing.py` under import path `src` → `shop.pricing`; None when no import
    path holds the file under a valid dotted name."""
    source = source.absolute()
    for base in import_paths:
        try:
            relative = source.relative_to(base)
        except ValueError:
            continue
        parts = list(relative.with_suffix("").parts)
        if parts and parts[-1] == "__init__":
            parts.pop()
        if parts and all(part.isidentifier() for part in parts):
            return ".".join(parts)
    return None


def normalize_module_name(module_path: str | None) -> str:
    """`pkg/mod.py`, `pkg.mod` or `mod` → a dotted module name; the default when unusable."""
    if not module_path:
        return DEFAULT_MODULE_NAME
    name = module_path.strip().removesuffix(".py").replace("\\", "/").strip("/").replace("/", ".")
    parts = [part for part in name.split(".") if part]
    if parts and all(part.isidentifier() for part in parts):
        return ".".join(parts)
    return DEFAULT_MODULE_NAME


def write_module(import_root: Path, module: str, source_code: str) -> Path:
    """Write `source_code` as `module` under `import_root` (packages get an `__init__.py`)."""
    *packages, leaf = module.split(".")
    directory = import_root
    directory.mkdir(parents=True, exist_ok=True)
    for package in packages:
        directory = directory / package
        directory.mkdir(exist_ok=True)
        (directory / "__init__.py").touch()
    target = directory / f"{leaf}.py"
    target.write_text(source_code, encoding="utf-8")
    return target
