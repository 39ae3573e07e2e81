"""`textDocument/hover`: the line's coverage, its branches, the file's totals, where the data
came from and how fresh it is. Computed from cached state: no I/O, no waiting."""

from __future__ import annotations

from lsprotocol import types

from covopt_ls.coverage.model import FileCoverage
from covopt_ls.freshness import LineMap

from .documents import DocumentCoverage, Freshness, State
from .presentation import branch_status, file_totals, line_status, origin_text


def hover_text(document: DocumentCoverage, line: int, text: str, version: int | None) -> str | None:
    """Markdown for 1-based buffer `line`; None when there is nothing to say (a file outside
    the workspace, or one never expected to be measured)."""
    if document.state == State.NO_DATA:
        return f"**covopt** · {document.reason}" if document.reason else None
    if document.state == State.MISSING:
        return f"**covopt** · {document.reason}"
    fc = document.coverage
    if fc is None:
        return None
    line_map = document.line_map(version, text)
    freshness = document.freshness(line_map)
    parts: list[str] = []
    if document.state == State.STALE or line_map is None:
        parts.append(
            f"**covopt** · coverage data is **stale**: {document.reason}. "
            "Line data is hidden until the tests run again."
        )
    else:
        parts += _line_parts(document, fc, line_map, line)
    parts.append(f"File: {file_totals(fc).describe()}")
    parts.append(f"Data: {origin_text(fc)}")
    parts.append(f"Freshness: {freshness_text(freshness, line_map)}")
    return "\n\n".join(parts)


def _line_parts(
    document: DocumentCoverage, fc: FileCoverage, line_map: LineMap, line: int
) -> list[str]:
    measured_line = line_map.to_measured(line)
    if measured_line is None:
        return [f"**covopt** · line {line}: added after the coverage run (no data yet)"]
    where = f"line {line}"
    if measured_line != line:
        where += f" (line {measured_line} when measured)"
    status = line_status(fc, measured_line) + _gap_note(document, fc, line_map, measured_line)
    parts = [f"**covopt** · {where}: {status}"]
    branches = branch_status(fc, measured_line, line_map.to_current)
    if branches:
        parts.append(f"Branches: {branches}")
    return parts


def _gap_note(
    document: DocumentCoverage, fc: FileCoverage, line_map: LineMap, measured_line: int
) -> str:
    """For a missed line inside a multi-line gap: where the whole gap is now."""
    if measured_line in fc.executed:
        return ""
    multi_line_gaps = (g for g in document.ranges if g.type == "line" and g.start_line < g.end_line)
    for gap in multi_line_gaps:
        if gap.start_line <= measured_line <= gap.end_line:
            moved = line_map.range_to_current(gap.start_line, gap.end_line)
            return f" (part of the gap at lines {moved[0]}-{moved[1]})" if moved else ""
    return ""


def freshness_text(freshness: Freshness, line_map: LineMap | None) -> str:
    if freshness == Freshness.FRESH:
        return "up to date (the file is as it was measured)"
    if freshness == Freshness.EDITED:
        blocks = line_map.changed_blocks if line_map is not None else 0
        return (
            f"edited since the run ({blocks} changed place{'s' if blocks != 1 else ''}); "
            "lines are followed through the edits"
        )
    if freshness == Freshness.STALE:
        return "stale: re-run the tests with coverage"
    return "unknown"


def build_hover(
    document: DocumentCoverage,
    position: types.Position,
    text: str,
    version: int | None,
    markdown: bool,
) -> types.Hover | None:
    value = hover_text(document, position.line + 1, text, version)
    if value is None:
        return None
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    if not markdown:
        value = value.replace("**", "").replace("`", "")
    return types.Hover(
        contents=types.MarkupContent(kind=kind, value=value),
        range=types.Range(types.Position(position.line, 0), types.Position(position.line + 1, 0)),
    )
