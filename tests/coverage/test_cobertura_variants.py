"""Cobertura as other tools write it, derived from real coverage.py reports.

Each variant rewrites coverage.py's coverage.xml the way another producer lays it out (several
<source> roots, a DOCTYPE, per-method line copies, no missing-branches, a file split over two
classes, other attribute order); the fast path must step aside and the safe parser must give
the same ranges.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from covopt_ls.coverage.indexed import IndexedFiles
from covopt_ls.coverage.model import UNKNOWN_TARGET
from covopt_ls.coverage.paths import PathMapper
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from tests.coverage.reference import expected_by_path


def _ranges(path: Path, root: Path) -> dict[str, list[dict[str, Any]]]:
    report = read_report(path)
    assert not isinstance(report.files, IndexedFiles), "the fast path must not take variants"
    result = {}
    for key in report.files:
        local = next(c for c in PathMapper(root, {}).candidates(report, key) if c.is_file())
        fc = report.file_coverage(key, local)
        result[str(local.resolve())] = [r.to_json() for r in uncovered_ranges(fc)]
    return result


def _write(tree: ET.ElementTree, path: Path, doctype: str = "") -> Path:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" ?>\n' + doctype + body, encoding="utf-8")
    return path


def test_several_source_roots_and_paths_relative_to_the_second(
    measured: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    run = measured["gaps"]
    tree = ET.parse(run["xml"])
    sources = tree.getroot().find("sources")
    assert sources is not None
    for source in list(sources):
        sources.remove(source)
    for root in ("/ci/build/elsewhere", str(run["root"])):
        ET.SubElement(sources, "source").text = root
    for cls in tree.getroot().iter("class"):
        cls.set("filename", "src/" + cls.get("filename", ""))
    variant = _write(tree, tmp_path / "coverage.xml")
    assert _ranges(variant, tmp_path) == expected_by_path(run["root"], run["json"])


def test_doctype_method_lines_and_split_classes(
    measured: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    run = measured["flat"]
    tree = ET.parse(run["xml"])
    for package in tree.getroot().iter("package"):
        classes = package.find("classes")
        assert classes is not None
        for cls in list(classes):
            lines = cls.find("lines")
            methods = cls.find("methods")
            assert lines is not None and methods is not None
            method = ET.SubElement(methods, "method", name="m", signature="()V")
            method.append(copy.deepcopy(lines))  # per-method copies must not count twice
            if len(lines) > 4:  # split the file over two <class> elements
                twin = copy.deepcopy(cls)
                twin_lines = twin.find("lines")
                assert twin_lines is not None
                for line in list(twin_lines)[: len(lines) // 2]:
                    twin_lines.remove(line)
                for line in list(lines)[len(lines) // 2 :]:
                    lines.remove(line)
                classes.append(twin)
    doctype = '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n'
    variant = _write(tree, tmp_path / "coverage.xml", doctype)
    assert _ranges(variant, run["root"]) == expected_by_path(run["root"], run["json"])


def test_condition_coverage_without_missing_branches(
    measured: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    """Producers that only count conditions: same partial lines, destinations unknown."""
    run = measured["shop"]
    tree = ET.parse(run["xml"])
    for line in tree.getroot().iter("line"):
        line.attrib.pop("missing-branches", None)
    variant = _write(tree, tmp_path / "coverage.xml")
    expected = expected_by_path(run["root"], run["json"])
    for ranges in expected.values():
        for r in ranges:
            if r["type"] == "branch":
                r["missing_arcs"] = [[r["start_line"], UNKNOWN_TARGET]]
    assert _ranges(variant, run["root"]) == expected
