"""coverage.py's JSON report (`coverage json`, format 3): already the model, just validated."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import Arc, CoverageOrigin, FileCoverage
from covopt_ls.coverage.report import CoverageReport


def read_json(path: Path) -> CoverageReport:
    try:
        with path.open("rb") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise CoverageReadError(path, f"cannot read the file ({exc.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CoverageReadError(
            path, f"not valid JSON, perhaps cut short while being written ({exc})"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise CoverageReadError(path, "not a coverage.py JSON report (no 'files' object)")
    measured_at = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    origin = CoverageOrigin(path, "json", measured_at)
    files: dict[str, FileCoverage] = {}
    for key, entry in data["files"].items():
        try:
            files[key] = _file(key, entry, origin)
        except (TypeError, ValueError, KeyError):
            raise CoverageReadError(
                path, f"the entry for {key!r} is not in coverage.py's JSON format"
            ) from None
    return CoverageReport(path, "json", measured_at, files)


def _arcs(value: Any) -> tuple[Arc, ...]:
    return tuple((int(a), int(b)) for a, b in (value or ()))


def _file(key: str, entry: Mapping[str, Any], origin: CoverageOrigin) -> FileCoverage:
    executed = frozenset(int(n) for n in entry["executed_lines"])
    missing = frozenset(int(n) for n in entry["missing_lines"])
    missing_arcs = _arcs(entry.get("missing_branches"))
    executed_arcs = _arcs(entry.get("executed_branches"))
    branch_lines: dict[int, int] = {}
    for source, _ in missing_arcs + executed_arcs:
        branch_lines[source] = branch_lines.get(source, 0) + 1
    return FileCoverage(
        path=key,
        statements=executed | missing,
        executed=executed,
        missing_arcs=tuple(arc for arc in missing_arcs if arc[0] in executed),
        executed_arcs=executed_arcs,
        branch_lines=branch_lines,
        hits={line: 1 for line in executed},
        origin=origin,
    )
