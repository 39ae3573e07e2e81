"""A one-module project on disk, measured by a real coverage.py run of its tests, and the
builtin engine's tests for it as offered and as the verifier judged them."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from covopt_ls.engines.builtin import BuiltinEngine
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import BatchResult, Scratch, WorkerSetup, run_batch
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier
from tests.support.coverage_projects import run_coverage


def measured_request(root: Path, module: str, source: str, tests: str) -> GenerationRequest:
    """`root/<module>.py` and `root/tests/test_<module>.py`, with the ranges their run left."""
    return measured_package_request(root, {f"{module}.py": source}, f"{module}.py", tests)


def measured_package_request(
    root: Path, files: dict[str, str], source: str, tests: str
) -> GenerationRequest:
    """A project of several files (`files`: relative path → text, e.g. a package), its tests in
    `root/tests/test_<stem>.py`, and the ranges their run left in the file `source` names."""
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    stem = Path(source).stem
    (root / "tests").mkdir(parents=True, exist_ok=True)
    (root / "tests" / f"test_{stem}.py").write_text(tests)
    (root / "pyproject.toml").write_text('[tool.pytest.ini_options]\npythonpath = ["."]\n')
    report = read_report(run_coverage(root, formats=("json",))["json"])
    # Exactly that file: `tests/test_values.py` also ends with `values.py`.
    key = next(k for k in report.files if Path(k) == Path(source) or k.endswith(f"/{source}"))
    module = source.removesuffix(".py").replace("/", ".")
    return GenerationRequest(
        source_code=files[source],
        uncovered_ranges=tuple(uncovered_ranges(report.file_coverage(key, root / key))),
        existing_test_code=tests,
        module_path=module,
        source_path=root / source,
        project_root=root,
        test_path=root / "tests" / f"test_{stem}.py",
    )


def offered_and_verified(
    request: GenerationRequest, budget_seconds: float
) -> tuple[list[RecommendedTest], list[RecommendedTest]]:
    async def run() -> tuple[list[RecommendedTest], list[RecommendedTest]]:
        engine = BuiltinEngine(budget_seconds=budget_seconds)
        try:
            offered = await engine.generate(request)
        finally:
            await engine.aclose()
        return offered, await SubprocessVerifier(VerifySettings()).verify(request, offered)

    return asyncio.run(run())


def run_in_worker(
    root: Path, module: str, candidates: Sequence[Candidate], **options: Any
) -> BatchResult:
    """`candidates` run by the real worker against `root/<module>.py` (`options`: run_batch's,
    a 20 s timeout unless given), its scratch directory removed afterwards."""
    setup = WorkerSetup(sys.executable, module, root / f"{module}.py", (str(root),), (), root)
    scratch = Scratch()
    try:
        return asyncio.run(run_batch(setup, scratch, candidates, **{"timeout": 20, **options}))
    finally:
        scratch.close()


def unreached(offered: Sequence[RecommendedTest], source: str, texts: Sequence[str]) -> list[str]:
    """The `texts` whose line of `source` (the first holding each) no offered test covers."""
    covered = {n for test in offered for n in test.covered_lines}
    lines = source.splitlines()
    return [
        text
        for text in texts
        if next(i for i, line in enumerate(lines, 1) if text in line) not in covered
    ]
