"""`covopt ranges COVERAGE_FILE`: each file's uncovered ranges, for CI gates and scripts.

Files are named as found on disk, relative to `--root` (default: the current directory); the
report's names are mapped like the language server maps them (Cobertura source roots, the
report's folder, `--root`, and `pathMappings` from the project's settings). Arcs to a negative
line are exits from the function, as coverage.py writes them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from covopt_ls.coverage.model import UncoveredRange
    from covopt_ls.coverage.paths import PathMapper
    from covopt_ls.coverage.report import CoverageReport


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "coverage_file",
        metavar="COVERAGE_FILE",
        type=Path,
        help=".coverage, coverage.xml (Cobertura), coverage.json or lcov.info",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="the project root that printed paths are relative to (default: current directory)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="only these source files",
    )
    parser.add_argument("--json", action="store_true", help="print JSON: {'files': {path: [...]}}")


def _fail(message: str) -> int:
    print(f"covopt ranges: {message}", file=sys.stderr)
    return 2


def _local_path(mapper: PathMapper, report: CoverageReport, key: str) -> Path | None:
    return next((c for c in mapper.candidates(report, key) if c.is_file()), None)


def _ranges(report: CoverageReport, key: str, local: Path) -> list[UncoveredRange]:
    from covopt_ls.coverage.exits import resolve_range_exits
    from covopt_ls.coverage.ranges import uncovered_ranges

    if report.ranges is not None and key in report.ranges:
        return resolve_range_exits(report.ranges[key], local)
    return uncovered_ranges(report.file_coverage(key, local))


def _describe(ranges: list[UncoveredRange]) -> str:
    lines = [
        str(r.start_line) if r.start_line == r.end_line else f"{r.start_line}-{r.end_line}"
        for r in ranges
        if r.type == "line"
    ]
    arcs = [
        f"{source}->{'exit' if target < 0 else target}"
        for r in ranges
        if r.type == "branch"
        for source, target in r.missing_arcs
    ]
    parts = []
    if lines:
        parts.append("lines " + ", ".join(lines))
    if arcs:
        parts.append("branches " + ", ".join(arcs))
    return "; ".join(parts)


def run(args: argparse.Namespace) -> int:
    from covopt_ls.coverage.errors import CoverageReadError
    from covopt_ls.coverage.paths import PathMapper, normalize
    from covopt_ls.coverage.readers import read_report
    from covopt_ls.settings import build_settings, layer_from_env, layer_from_pyproject

    root = (args.root or Path.cwd()).resolve()
    if not root.is_dir():
        return _fail(f"--root {args.root} is not a directory")
    coverage_file: Path = args.coverage_file
    if not coverage_file.exists() and not coverage_file.name.startswith(".coverage"):
        return _fail(f"{coverage_file}: no such file")
    settings, problems = build_settings(layer_from_env(), layer_from_pyproject(root))
    for problem in problems:
        print(f"covopt ranges: {problem}", file=sys.stderr)
    try:
        report = read_report(coverage_file.resolve(), want_ranges=not args.source)
    except CoverageReadError as exc:
        return _fail(str(exc))
    mapper = PathMapper(root, settings.path_mappings)

    wanted: dict[str, Path] | None = None
    if args.source:
        wanted = {normalize(source): source for source in args.source}
        for source in args.source:
            if not source.is_file():
                return _fail(f"--source {source}: no such file")

    results: dict[str, list[UncoveredRange]] = {}
    warnings: list[str] = []
    for key in report.files:
        local = _local_path(mapper, report, key)
        if local is None:
            if wanted is None:
                warnings.append(f"{key}: not found on disk (use --root or pathMappings)")
            continue
        if wanted is not None and normalize(local) not in wanted:
            continue
        try:
            ranges = _ranges(report, key, local)
        except CoverageReadError as exc:
            warnings.append(str(exc))
            continue
        results[Path(os.path.relpath(local, root)).as_posix()] = ranges
        if wanted is not None:
            wanted.pop(normalize(local), None)
    if wanted:
        missing = ", ".join(str(source) for source in wanted.values())
        return _fail(f"not in {coverage_file}: {missing}")
    for warning in warnings:
        print(f"covopt ranges: {warning}", file=sys.stderr)

    if args.json:
        payload = {
            "files": {
                path: [r.to_json() for r in ranges] for path, ranges in sorted(results.items())
            }
        }
        print(json.dumps(payload))
        return 0
    gapless = 0
    for path, ranges in sorted(results.items()):
        if ranges:
            print(f"{path}: {_describe(ranges)}")
        else:
            gapless += 1
    print(f"{len(results)} files, {len(results) - gapless} with uncovered ranges")
    return 0
