"""Where the bench harness imports a corpus module from, for the peers (bench/bench_engines.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_engines import _import_root

ROOT = Path("/corpus/proj")


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("flat.py", "flat", "."),
        ("pkg/mod.py", "pkg.mod", "."),
        ("src/pkg/sub/mod.py", "pkg.sub.mod", "src"),
        ("pkg/__init__.py", "pkg", "."),
        ("src/pkg/sub/__init__.py", "pkg.sub", "src"),
    ],
)
def test_import_root_holds_the_top_package(source: str, module: str, expected: str) -> None:
    assert _import_root(ROOT, ROOT / source, module) == (ROOT / expected).resolve(strict=False)
