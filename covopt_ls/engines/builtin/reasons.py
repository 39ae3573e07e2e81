"""Plain reasons for the ranges the search could not reach, so the user knows what it would take."""

from __future__ import annotations

import ast
from collections.abc import Sequence

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.targets import Target

_NETWORK_CALLS = ("urlopen", "requests.", "httpx.", "socket", "aiohttp", "urllib", "http.client")
_FILE_CALLS = (
    "open(",
    ".read_text",
    ".read_bytes",
    ".write_text",
    ".exists(",
    ".is_file(",
    "listdir",
)


def label(rng: UncoveredRange) -> str:
    start, end = rng.start_line, rng.end_line
    return f"line {start}" if start == end else f"lines {start}-{end}"


def _source_hints(target: Target, rng: UncoveredRange) -> str | None:
    """What the unreached lines (or the callable) visibly depend on."""
    text = "\n".join(
        ast.unparse(stmt)
        for stmt in ast.walk(target.node)
        if isinstance(stmt, ast.stmt)
        and rng.start_line <= stmt.lineno <= rng.end_line
        and not isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
    ) or ast.unparse(target.node)
    if any(hint in text for hint in _NETWORK_CALLS):
        return "it needs the network, which generated tests must not use"
    if any(hint in text for hint in _FILE_CALLS):
        return "it needs files on disk that a test would have to create"
    return None


def explain(
    rng: UncoveredRange,
    target: Target | None,
    observations: Sequence[Observation],
    import_error: str | None,
    unreached: Sequence[int] = (),
    *,
    nested: bool = False,
    unstable: int = 0,
    dead: str | None = None,
    failed_import: str | None = None,
    overload: bool = False,
    fallback_of: str | None = None,
) -> str:
    """Why `rng` stays uncovered; `unreached` names the lines (or branch sources) still missing
    when the search reached part of the range; `dead` is the condition that keeps the
    definition around it from being made (toplevel.dead_definition); `failed_import` the
    import a module-level `try` stopped at just before it (toplevel.failed_import);
    `fallback_of` the import whose `except ImportError:` handler it begins
    (toplevel.import_fallback)."""
    where = label(rng)
    lines = sorted(set(unreached))
    partial = bool(lines) and len(lines) < len(range(rng.start_line, rng.end_line + 1))
    if partial and target is not None:
        shown = ", ".join(str(n) for n in lines[:6]) + (", ..." if len(lines) > 6 else "")
        where = f"line{'s' if len(lines) > 1 else ''} {shown} of {where}"
    if import_error:
        return (
            f"{where}: the module cannot be imported in the project's interpreter ({import_error})"
        )
    if target is None and overload:
        return (
            f"{where}: an @overload signature, which the definition after it replaces: its "
            "body never runs (exclude it from coverage, e.g. `@overload` in "
            "`exclude_also`)"
        )
    if target is None and dead:
        return (
            f"{where}: defined in a branch of the module that does not run in this interpreter "
            f"({dead}), so no test can call it"
        )
    if target is None and failed_import:
        return (
            f"{where}: runs on import only when `{failed_import}` succeeds, and that import "
            "failed in the measured run (an optional dependency that is not installed)"
        )
    if target is None and fallback_of:
        return (
            f"{where}: a fallback that runs on import only when `{fallback_of}` fails, and "
            "that import worked in the measured run"
        )
    if target is None and nested:
        return (
            f"{where}: inside a nested class or function, which the builtin engine does not "
            "call directly"
        )
    if target is None:
        return f"{where}: module-level code runs once on import, not in a function a test can call"
    mine = [o for o in observations if o.candidate.target == target.qualname]
    # Calls with a command line, standard input or files set up (environment.py): the plain
    # calls' lack of them says nothing once those were tried.
    staged = [o for o in mine if o.candidate.fixtures]
    flags = {flag for o in (staged or mine) for flag in o.flags}
    where = f"{where} ({target.qualname})"
    if "network" in flags:
        return f"{where}: needs the network; the calls that reached for it were stopped"
    if "missing_file" in flags or "filesystem" in flags:
        return f"{where}: needs files on disk (read, or written outside a scratch directory)"
    if "stdin" in flags:
        return f"{where}: reads standard input, which tests do not have"
    if "argv" in flags:
        return f"{where}: reads the command line (sys.argv) in a way no vector tried fits"
    if "closed_stdout" in flags:
        return f"{where}: closes standard output, after which a test cannot read what it printed"
    if "process" in flags:
        return f"{where}: starts another process, which generated tests must not do"
    if unstable:
        return (
            f"{where}: the calls that reach it return a different result on each run "
            "(ordering, time or leftover state), so no reliable assertion can be written"
        )
    hint = _source_hints(target, rng)
    if hint and not (staged and "files" in hint):
        return f"{where}: {hint}"
    if mine and all(o.setup_error for o in mine):
        owner = target.cls.name if target.cls else target.qualname
        return f"{where}: could not build a {owner} from simple arguments ({mine[0].setup_error})"
    if any((o.outcome or {}).get("kind") == "timeout" for o in mine):
        return f"{where}: the calls tried did not finish in time"
    wanted = set(lines) | set(range(rng.start_line, rng.end_line + 1))
    wrong = next(
        (o for o in mine if o.usable and o.candidate.guarded is not None and wanted & o.lines),
        None,
    )
    if wrong is not None:
        return (
            f"{where}: only calls with arguments against the parameters' evident types reach "
            f"it (such as `{wrong.candidate.call[:80]}`); a test of that would pin incidental "
            "behaviour, so none is offered"
        )
    if staged:
        return (
            f"{where}: none of the {len(mine)} inputs tried ({len(staged)} of them with a "
            "command line, standard input or files set up) reaches "
            f"{'them' if partial and len(lines) > 1 else 'it'}"
        )
    return (
        f"{where}: none of the {len(mine)} inputs tried reaches "
        f"{'them' if partial and len(lines) > 1 else 'it'}; "
        "it may need a richer object or state than simple arguments build"
    )
