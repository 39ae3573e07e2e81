"""SubprocessVerifier: measures what each candidate test really does, in the project's interpreter.

Every candidate of one request runs in one sandboxed subprocess session (`runner_script.py`):
alone (a fresh fork per run), `repeat` times, under coverage with branch measurement limited to
the target file, with the project root as working directory and its import paths. Candidates
are written to a scratch directory outside the project; the user's files are never written.
Over HTTP, where there is no file on disk, the source is written to the scratch directory as a
module and its names are made visible to tests that call them without an import.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from covopt_ls import syntax
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.interpreter import find_project_python, project_import_paths
from covopt_ls.verify.measurement import Measurement, judge, target_of
from covopt_ls.verify.modules import (
    DEFAULT_MODULE_NAME,
    module_name_for,
    normalize_module_name,
    write_module,
)
from covopt_ls.verify.sandbox import SandboxResult, run_sandboxed

log = logging.getLogger(__name__)

RUNNER = Path(__file__).with_name("runner_script.py")
MEMORY_BYTES = 4 * 1024**3
FILE_SIZE_BYTES = 256 * 1024**2
_SESSION_SLACK_SECONDS = 60.0
TOGETHER_PASSES = 2
"""Runs of the verified tests together: a second after dropping those that failed the first."""

_PROBE = (
    "import json, sys, sysconfig\n"
    "found = {}\n"
    "for name in ('pytest', 'coverage'):\n"
    "    try:\n"
    "        __import__(name); found[name] = True\n"
    "    except Exception:\n"
    "        found[name] = False\n"
    "paths = sysconfig.get_paths()\n"
    "print(json.dumps({'version': list(sys.version_info[:2]), 'found': found,"
    " 'site': [paths['purelib'], paths['platlib']]}))\n"
)


@dataclass(frozen=True, slots=True)
class _Interpreter:
    python: str
    extra_site: tuple[str, ...] = ()
    note: str | None = None


@dataclass(slots=True)
class _Layout:
    """Where things are for one verification session."""

    cwd: Path
    target: Path
    import_paths: list[Path]
    module: str | None = None
    inject_names: bool = False
    conftests: list[Path] = field(default_factory=list)
    pytest_args: list[str] = field(default_factory=list)
    shadow: str | None = None
    """A module whose import loads `target` (the editor's unsaved text) instead of the disk file."""
    preload: str | None = None
    """The module under test, imported once before the runs fork (runner_script.py)."""


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a verification session runs: its scratch directory, interpreter, runner script
    and the project's layout."""

    scratch: Path
    interpreter: _Interpreter
    runner: Path
    layout: _Layout


class SubprocessVerifier:
    """Implements the Verifier protocol; returns every test with its measured fields filled.

    `notes` collects what a user should know about how verification ran (e.g. the project's
    interpreter lacks pytest, so the server's interpreter was used).
    """

    def __init__(self, settings: VerifySettings) -> None:
        self.settings = settings
        self.notes: list[str] = []
        self.parallel = max(1, min(4, os.cpu_count() or 1))
        """Candidates measured side by side (each candidate's own runs stay sequential)."""
        self._interpreters: dict[str, _Interpreter] = {}

    async def verify(
        self, request: GenerationRequest, tests: Sequence[RecommendedTest]
    ) -> list[RecommendedTest]:
        if not tests:
            return []
        scratch = Path(tempfile.mkdtemp(prefix="covopt-verify-"))
        try:
            return await self._verify_in(scratch, request, list(tests))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    async def _verify_in(
        self, scratch: Path, request: GenerationRequest, tests: list[RecommendedTest]
    ) -> list[RecommendedTest]:
        layout = _layout(scratch, request)
        interpreter = await self._interpreter(request.project_root)
        if interpreter.note and interpreter.note not in self.notes:
            self.notes.append(interpreter.note)
            log.warning("%s", interpreter.note)
        work = scratch / "work"
        candidates_dir = scratch / "candidates"
        work.mkdir()
        candidates_dir.mkdir()
        runner = scratch / "runner" / RUNNER.name
        runner.parent.mkdir()
        shutil.copyfile(RUNNER, runner)
        defined = _top_level_names(request.source_code) if layout.module else set()
        candidates: list[dict[str, Any]] = []
        for index, test in enumerate(tests):
            path = candidates_dir / f"test_covopt_candidate_{index}.py"
            path.write_text(test.test_code, encoding="utf-8")
            aliases = (
                _import_aliases(test.test_code, defined, layout.module) if layout.module else []
            )
            candidates.append({"id": f"c{index}", "path": str(path), "aliases": aliases})
        config = {
            "import_paths": [str(p) for p in layout.import_paths],
            "extra_site": list(interpreter.extra_site),
            "target": str(layout.target),
            "module": layout.module,
            "inject_names": layout.inject_names,
            "shadow": layout.shadow,
            "preload": layout.preload,
            "conftests": [str(p) for p in layout.conftests],
            "pytest_args": layout.pytest_args,
            "candidates": candidates,
            "repeat": self.settings.repeat,
            "parallel": self.parallel,
            "timeout": self.settings.timeout_seconds,
            "block_network": not self.settings.allow_network,
            "work_dir": str(work),
            "results": str(scratch / "results.json"),
        }
        place = _Place(scratch, interpreter, runner, layout)
        outcome, result = await self._session(place, config)
        if "results" not in outcome:
            reason = str(outcome.get("fatal") or _session_failure(result.stderr, result.error))
            return [_unmeasured(test, reason) for test in tests]
        target = target_of(request.uncovered_ranges)
        measured: list[RecommendedTest] = []
        for index, test in enumerate(tests):
            raw_runs = outcome["results"].get(f"c{index}", [])
            measurement = Measurement.from_runs(raw_runs, self.settings.repeat)
            judged = judge(test, measurement, target)
            if judged.failure:
                judged.failure = judged.failure.replace(candidates[index]["path"], "<test>")
            measured.append(judged)
        if self.settings.together:
            await self._run_together(place, config, request, measured)
        return measured

    async def _session(
        self, place: _Place, config: dict[str, Any]
    ) -> tuple[dict[str, Any], SandboxResult]:
        config_path = place.scratch / "config.json"
        config_path.write_text(json.dumps(config), encoding="utf-8")
        runs = len(config["candidates"]) * int(config["repeat"])
        result = await run_sandboxed(
            [place.interpreter.python, str(place.runner), str(config_path)],
            cwd=place.layout.cwd,
            timeout=runs * self.settings.timeout_seconds + _SESSION_SLACK_SECONDS,
            cpu_seconds=int(self.settings.timeout_seconds) + 5,
            memory_bytes=MEMORY_BYTES,
            file_size_bytes=FILE_SIZE_BYTES,
        )
        return _read_results(Path(config["results"])), result

    async def _run_together(
        self,
        place: _Place,
        config: dict[str, Any],
        request: GenerationRequest,
        measured: list[RecommendedTest],
    ) -> None:
        """The verified tests run once more, all in one session after the project's own tests
        of the file, as they will run once inserted: a test that passes on its own but fails
        there (a registry another test filled, a counter it moved) is not offered. Without
        the existing tests when those cannot run from a scratch copy."""
        scratch, layout = place.scratch, place.layout
        defined = _top_level_names(request.source_code) if layout.module else set()
        with_existing = bool(request.existing_test_code.strip())
        for _ in range(TOGETHER_PASSES):
            kept = [t for t in measured if t.verified and t.test_name]
            if not kept:
                return
            ours = {t.test_name for t in kept}
            text = "\n\n".join(t.test_code for t in kept)
            if with_existing:
                text = request.existing_test_code + "\n\n" + text
            path = scratch / "candidates" / "test_covopt_together.py"
            path.write_text(text, encoding="utf-8")
            aliases = _import_aliases(text, defined, layout.module) if layout.module else []
            together = {
                **config,
                "candidates": [{"id": "together", "path": str(path), "aliases": aliases}],
                "repeat": 1,
                "parallel": 1,
                "results": str(scratch / "together.json"),
            }
            outcome, _ = await self._session(place, together)
            runs = outcome.get("results", {}).get("together", [])
            run = runs[0] if runs else {}
            failed = set(run.get("failed_tests", []))
            if not run or run.get("collection_error") or run.get("crashed") or failed - ours:
                if with_existing:
                    with_existing = False  # the file's own tests cannot run from here
                    continue
                return
            if not failed:
                return
            for test in kept:
                if test.test_name in failed:
                    test.verified = False
                    test.passed = False
                    test.failure = (
                        "passes on its own but fails when run after the other tests of the "
                        "file: it depends on state they change"
                    )

    async def _interpreter(self, project_root: Path | None) -> _Interpreter:
        python = find_project_python(project_root, self.settings.python)
        cached = self._interpreters.get(python)
        if cached is None:
            cached = await _probe(python)
            self._interpreters[python] = cached
        return cached


async def _probe(python: str) -> _Interpreter:
    """Use the project's interpreter when it can run pytest with coverage; otherwise the
    server's, with the project's site-packages appended when the Python versions match."""
    if python == sys.executable:
        return _Interpreter(python)
    result = await run_sandboxed(
        [python, "-c", _PROBE], cwd=Path(tempfile.gettempdir()), timeout=30
    )
    try:
        info: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        reason = result.error or result.stderr.strip()[-300:] or "no answer"
        return _Interpreter(
            sys.executable,
            note=f"cannot run {python} ({reason}); verifying with {sys.executable} instead",
        )
    missing = [name for name, ok in info.get("found", {}).items() if not ok]
    if not missing:
        return _Interpreter(python)
    same_version = tuple(info.get("version", ())) == tuple(sys.version_info[:2])
    site = tuple(str(p) for p in info.get("site", ())) if same_version else ()
    detail = "its packages added" if site else "its packages not usable (another Python version)"
    return _Interpreter(
        sys.executable,
        extra_site=site,
        note=(
            f"{python} lacks {' and '.join(missing)}; verifying with {sys.executable} and the "
            f"project's import paths ({detail}). Install pytest and coverage in the project's "
            "environment for faithful results."
        ),
    )


def _layout(scratch: Path, request: GenerationRequest) -> _Layout:
    if request.source_path is not None and request.source_path.is_file():
        source = request.source_path.absolute()
        root = (request.project_root or source.parent).absolute()
        import_paths = project_import_paths(root)
        layout = _Layout(
            cwd=root,
            target=source,
            import_paths=import_paths,
            conftests=_conftests(root, request.test_path),
            pytest_args=_pytest_args(root),
        )
        module = module_name_for(source, import_paths)
        if module and source.name != "__init__.py" and _differs(source, request.source_code):
            # The editor's buffer has unsaved edits: measure that text, under the module's
            # own name, so the line numbers are the buffer's.
            layout.target = write_module(scratch / "shadow", "unsaved", request.source_code)
            layout.shadow = module
        elif module:
            # Imported once before the runs fork, after the project's conftest.py files (the
            # runner loads them first, as pytest would): what they set up is in place for it.
            layout.preload = module
        return layout
    module = normalize_module_name(request.module_path)
    src = scratch / "src"
    target = write_module(src, module, request.source_code)
    project = request.project_root.absolute() if request.project_root else None
    import_paths = [src, *(project_import_paths(project) if project else [])]
    return _Layout(
        cwd=project or src,
        target=target,
        import_paths=import_paths,
        module=module,
        inject_names=True,
        pytest_args=_pytest_args(project),
    )


def _differs(source: Path, text: str) -> bool:
    try:
        return source.read_text(encoding="utf-8") != text
    except (OSError, UnicodeDecodeError):
        return False


_CONFIG_FILES = ("pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg")


def _pytest_args(root: Path | None) -> list[str]:
    """The project's pytest configuration (markers, asyncio mode, warnings filters), but not its
    addopts (which may add --cov or -n), no cache directory written into the project."""
    args = ["-q", "-p", "no:cacheprovider", "-o", "addopts=", "--no-header", "-rN"]
    if root is None:
        return args
    for name in _CONFIG_FILES:
        path = root / name
        if path.is_file() and _has_pytest_section(path):
            return [*args, "-c", str(path), "--rootdir", str(root)]
    return [*args, "--rootdir", str(root)]


def _has_pytest_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if path.name in ("pytest.ini", ".pytest.ini"):
        return True
    if path.name == "pyproject.toml":
        return re.search(r"^\[tool\.pytest(\.ini_options)?\]", text, re.MULTILINE) is not None
    section = "[tool:pytest]" if path.name == "setup.cfg" else "[pytest]"
    return section in text


def _conftests(root: Path, test_path: Path | None) -> list[Path]:
    """conftest.py files pytest would load for the test file, outermost first."""
    directory = (test_path if test_path is not None else root / "tests" / "x.py").absolute().parent
    try:
        relative = directory.relative_to(root)
    except ValueError:
        relative = Path()
    found = []
    current = root
    for part in ("", *relative.parts):
        current = current / part if part else current
        conftest = current / "conftest.py"
        if conftest.is_file():
            found.append(conftest)
    return found


def _top_level_names(source: str) -> set[str]:
    try:
        tree = syntax.parse(source)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _import_aliases(test_code: str, defined: set[str], module: str | None) -> list[str]:
    """Modules a test imports names of the source from, under a name we did not give it."""
    if module is None:
        return []
    try:
        tree = syntax.parse(test_code)
    except SyntaxError:
        return []
    aliases = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and node.module != module
            and node.names
            and all(alias.name in defined for alias in node.names)
        ):
            aliases.append(node.module)
    return aliases


def _read_results(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _session_failure(stderr: str, error: str | None) -> str:
    if error:
        return error
    tail = stderr.strip()[-1500:]
    return f"the verification session failed: {tail or 'no output'}"


def _unmeasured(test: RecommendedTest, reason: str) -> RecommendedTest:
    test.passed = None
    test.verified = False
    test.possible_bug = False
    test.covered_lines = []
    test.covered_arcs = []
    test.failure = reason
    return test


__all__ = ["DEFAULT_MODULE_NAME", "SubprocessVerifier"]
