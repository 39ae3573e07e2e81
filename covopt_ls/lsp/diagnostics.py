"""`textDocument/publishDiagnostics`: one diagnostic per uncovered range (or one notice).

Whole-line ranges `Range(Position(n-1, 0), Position(n, 0))`; `data` carries what a later code
action needs to find the range again in the coverage data (measured lines, arcs, the hash of the
measured source, the report).
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from .documents import DocumentCoverage, State
from .presentation import range_message

SOURCE = "covopt"
CODE_LINE = "uncovered-line"
CODE_BRANCH = "partial-branch"
CODE_STALE = "stale-coverage"
CODE_MISSING = "not-measured"

SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


HINT = types.DiagnosticSeverity.Hint


def looks_like_test(name: str) -> bool:
    """pytest's default test file names, and its conftest."""
    return name == "conftest.py" or (
        name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))
    )


def whole_lines(start: int, end: int) -> types.Range:
    """1-based inclusive lines → the LSP range covering them entirely."""
    return types.Range(types.Position(start - 1, 0), types.Position(end, 0))


def build_diagnostics(
    document: DocumentCoverage, text: str, version: int | None
) -> list[types.Diagnostic]:
    settings = document.settings
    severity = SEVERITIES[settings.diagnostics.severity]
    if document.state == State.NO_DATA:
        return []
    if document.state == State.MISSING:
        # Test modules are rarely measured (`--cov=src`): say so, but quietly.
        quiet = looks_like_test(document.path.name)
        return [_notice(CODE_MISSING, document.reason, HINT if quiet else severity)]
    if document.state == State.STALE:
        message = f"Coverage data is stale: {document.reason}. Re-run the tests with coverage."
        return [_notice(CODE_STALE, message, severity)]
    fc = document.coverage
    line_map = document.line_map(version, text)
    if fc is None or line_map is None or document.measured is None:
        return []
    diagnostics: list[types.Diagnostic] = []
    for uncovered in document.ranges:
        if uncovered.type == "branch" and not settings.diagnostics.show_branches:
            continue
        where = line_map.range_to_current(uncovered.start_line, uncovered.end_line)
        if where is None:
            continue
        start, end = where
        data: dict[str, Any] = {
            "uri": document.uri,
            "start_line": uncovered.start_line,
            "end_line": uncovered.end_line,
            "type": uncovered.type,
            "missing_arcs": [list(arc) for arc in uncovered.missing_arcs],
            "source_hash": document.measured.hash,
            "report": str(fc.origin.report_path) if fc.origin else None,
        }
        diagnostics.append(
            types.Diagnostic(
                range=whole_lines(start, end),
                message=range_message(fc, uncovered, start, end, line_map.to_current),
                severity=severity,
                source=SOURCE,
                code=CODE_BRANCH if uncovered.type == "branch" else CODE_LINE,
                data=data,
            )
        )
    return diagnostics


def _notice(code: str, message: str, severity: types.DiagnosticSeverity) -> types.Diagnostic:
    return types.Diagnostic(
        range=whole_lines(1, 1), message=message, severity=severity, source=SOURCE, code=code
    )
