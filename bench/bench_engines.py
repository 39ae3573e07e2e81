"""Measured quality of the builtin engine, side by side with Pynguin and CrossHair.

For every module of bench/corpus (see its README and manifest.json), in a scratch copy:
1. the existing tests run under `coverage run --branch`: the uncovered lines before;
2. ours: the builtin engine through the real pipeline (engine → verifier), as `covopt suggest`
   runs it; the tests offered are then written into the module's test file (imports merged) and
   the whole suite runs again under coverage: the lines it really closes, and how many tests fail;
3. Pynguin (60 s search) and `crosshair cover`, each in its own venv (bench/.venv-*, created on
   first run), each test judged by the same verifier as ours.
Printed per module and in total, with the ratios ours/theirs; written to bench/results/engines.json.

Environment: COVOPT_BENCH_MODULES=a,b limits the modules; COVOPT_BENCH_PEERS=pynguin,crosshair
(or `none`) chooses the peers; COVOPT_BENCH_PYNGUIN_SECONDS changes Pynguin's search time.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.peers.runners import PeerRun, run_crosshair, run_pynguin
from bench.peers.setup import ensure_peer
from bench.review import review
from covopt_ls.coverage.model import FileCoverage, UncoveredRange
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from covopt_ls.engines.factory import make_engine
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.insertion import plan_insertion
from covopt_ls.jobs import run_generation
from covopt_ls.settings import Settings, VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier

CORPUS = Path(__file__).resolve().parent / "corpus"
# COVOPT_BENCH_CORPUS=bench/corpus_pypi (relative to the repository, or absolute) selects another
# corpus of the same layout, e.g. the held-out one of real PyPI modules.
if os.environ.get("COVOPT_BENCH_CORPUS"):
    CORPUS = CORPUS.parents[1] / os.environ["COVOPT_BENCH_CORPUS"]
PEER_NAMES = ("pynguin", "crosshair")


@dataclass
class ToolResult:
    closed: int = 0
    """Uncovered lines executed by the tool's verified tests."""
    offered: int = 0
    """Tests that passed every run and executed a gap (what a user would be offered)."""
    failing: int = 0
    """Tests the tool produced that fail (for ours: offered tests failing in the real suite)."""
    produced: int = 0
    possible_bugs: int = 0
    seconds: float = 0.0
    judge_seconds: float = 0.0
    problem: str | None = None
    closed_in_suite: int | None = None
    """Ours only: uncovered lines closed once the tests are written into the test file."""
    review: dict[str, Any] = field(default_factory=dict)
    """bench/review.py on the offered tests: how many a reader would keep, and the smells."""
    offered_code: list[str] = field(default_factory=list, repr=False)
    unreached: list[str] = field(default_factory=list, repr=False)
    """Ours only: the engine's plain reason for each range it left open."""


@dataclass
class ModuleResult:
    name: str
    uncovered_before: int
    ranges: int
    tools: dict[str, ToolResult] = field(default_factory=dict)


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COVERAGE_", "PYTEST_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _coverage_run(root: Path) -> tuple[int, int]:
    """Run the project's suite under coverage; returns (tests failed, tests run)."""
    junit = root / ".bench-junit.xml"
    data = root / ".coverage"
    data.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "coverage", "run", "--branch", "-m", "pytest", "-q",
         "-p", "no:cacheprovider", f"--junitxml={junit}"],
        cwd=root, env=_clean_env(), capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    try:
        suite = ET.parse(junit).getroot()
    except (OSError, ET.ParseError):
        return 0, 0
    node = suite if suite.tag == "testsuite" else suite.find("testsuite")
    if node is None:
        return 0, 0
    failed = int(node.get("failures", 0)) + int(node.get("errors", 0))
    return failed, int(node.get("tests", 0))


def _file_coverage(root: Path, source: Path) -> FileCoverage:
    report = read_report(root / ".coverage")
    for key in report.files:
        if Path(key).resolve() == source.resolve():
            return report.file_coverage(key, source)
    raise RuntimeError(f"{source} was not measured")


def _missing(fc: FileCoverage) -> set[int]:
    return set(fc.missing)


async def _ours(
    root: Path, source: Path, test_file: Path, module: str, ranges: list[UncoveredRange],
    missing: set[int], verifier: SubprocessVerifier,
) -> ToolResult:  # fmt: skip
    settings = Settings(engine="builtin")
    engine = make_engine(settings, "builtin", project_root=root)
    request = GenerationRequest(
        source_code=source.read_text(encoding="utf-8"),
        uncovered_ranges=tuple(ranges),
        existing_test_code=test_file.read_text(encoding="utf-8"),
        module_path=module,
        source_path=source,
        project_root=root,
        test_path=test_file,
        engine="builtin",
    )
    started = time.perf_counter()
    try:
        outcome = await run_generation(request, engine, verifier, max_attempts=1)
    finally:
        await engine.aclose()
    seconds = time.perf_counter() - started
    offered = [t for t in outcome.tests if t.verified and not t.possible_bug]
    closed = {n for t in offered for n in t.covered_lines} & missing
    result = ToolResult(
        closed=len(closed),
        offered=len(offered),
        produced=outcome.candidates,
        possible_bugs=sum(1 for t in outcome.tests if t.possible_bug),
        seconds=seconds,
        offered_code=[t.test_code for t in offered],
        unreached=list(outcome.unreachable),
    )
    result.review = review(result.offered_code, request.source_code).as_dict()
    if offered:
        existing = test_file.read_text(encoding="utf-8")
        plan = plan_insertion(existing, [t.test_code for t in offered])
        test_file.write_text(plan.apply(existing), encoding="utf-8")
        failed, _ = _coverage_run(root)
        result.failing = failed
        result.closed_in_suite = len(missing - _missing(_file_coverage(root, source)))
    else:
        result.closed_in_suite = 0
    return result


async def _peer(
    name: str, root: Path, source: Path, module: str, ranges: list[UncoveredRange],
    missing: set[int], verifier: SubprocessVerifier,
) -> ToolResult:  # fmt: skip
    try:
        executable = await asyncio.to_thread(ensure_peer, name)
    except Exception as exc:  # no network, no Python 3.11: say so, measure the rest
        return ToolResult(problem=f"not installed: {exc}")
    import_root = _import_root(root, source, module)
    if name == "pynguin":
        run: PeerRun = await run_pynguin(executable, import_root, module)
    else:
        run = await run_crosshair(executable, import_root, module, source)
    result = ToolResult(produced=len(run.tests), seconds=run.seconds, problem=run.problem)
    if not run.tests:
        return result
    request = GenerationRequest(
        source_code=source.read_text(encoding="utf-8"),
        uncovered_ranges=tuple(ranges),
        module_path=module,
        source_path=source,
        project_root=root,
    )
    candidates = [RecommendedTest(code, 0, f"{name} test", "") for code in run.tests]
    started = time.perf_counter()
    judged = await verifier.verify(request, candidates)
    result.judge_seconds = time.perf_counter() - started
    offered = [t for t in judged if t.verified]
    result.offered = len(offered)
    result.offered_code = [t.test_code for t in offered]
    result.review = review(result.offered_code, request.source_code).as_dict()
    result.failing = sum(1 for t in judged if not t.passed)
    result.possible_bugs = sum(1 for t in judged if t.possible_bug)
    result.closed = len({n for t in offered for n in t.covered_lines} & missing)
    return result


def _import_root(root: Path, source: Path, module: str) -> Path:
    """The directory `module` is imported from: a package's `__init__.py` sits one level deeper
    than its dotted name says."""
    depth = module.count(".") + 1 + (source.name == "__init__.py")
    return source.parents[depth - 1]


def _selected(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    wanted = os.environ.get("COVOPT_BENCH_MODULES")
    if not wanted:
        return entries
    names = {name.strip() for name in wanted.split(",") if name.strip()}
    unknown = names - {e["name"] for e in entries}
    if unknown:
        raise ValueError(f"COVOPT_BENCH_MODULES: unknown modules {sorted(unknown)}")
    return [e for e in entries if e["name"] in names]


def _peers() -> list[str]:
    wanted = os.environ.get("COVOPT_BENCH_PEERS", ",".join(PEER_NAMES))
    if wanted.strip().lower() in ("", "none"):
        return []
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    unknown = set(names) - set(PEER_NAMES)
    if unknown:
        raise ValueError(f"COVOPT_BENCH_PEERS: unknown peers {sorted(unknown)}")
    return names


async def _module(entry: dict[str, Any], peers: list[str], scratch: Path) -> ModuleResult:
    original = CORPUS / entry["root"]
    root = scratch / entry["name"]
    shutil.copytree(
        original, root, ignore=shutil.ignore_patterns("__pycache__", ".coverage*", ".pytest_cache")
    )
    source = root / entry["source"]
    test_file = root / entry["tests"]
    _coverage_run(root)
    fc = _file_coverage(root, source)
    missing = _missing(fc)
    ranges = uncovered_ranges(fc)
    result = ModuleResult(entry["name"], len(missing), len(ranges))
    verifier = SubprocessVerifier(VerifySettings())
    for peer in peers:
        # Peers first: ours then edits the test file of the scratch copy.
        result.tools[peer] = await _peer(
            peer, root, source, entry["module"], ranges, missing, verifier
        )
    result.tools["ours"] = await _ours(
        root, source, test_file, entry["module"], ranges, missing, verifier
    )
    return result


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _row(name: str, before: int, tool: str, r: ToolResult) -> str:
    suite = "" if r.closed_in_suite is None else f" (in suite {r.closed_in_suite})"
    note = f"  [{r.problem}]" if r.problem else ""
    keep = f"  keep {r.review['keepable']:>3}/{r.offered:<3}" if r.review else ""
    return (
        f"{name:<16} {tool:<9} before {before:>3}  closed {r.closed:>3} {_pct(r.closed, before)}"
        f"{suite}  offered {r.offered:>3}  failing {r.failing:>3}  of {r.produced:>3}  "
        f"{r.seconds:6.1f} s{keep}{note}"
    )


def _save_offered(directory: Path, module: ModuleResult) -> None:
    """The offered tests as files, one per tool, for reading what each tool would hand over."""
    target = directory / module.name
    target.mkdir(parents=True, exist_ok=True)
    for tool, r in module.tools.items():
        separator = "\n\n# " + "-" * 76 + "\n"
        text = separator.join(r.offered_code)
        (target / f"{tool}.py").write_text(text + "\n", encoding="utf-8")
        if r.unreached:
            reasons = "\n\n".join(r.unreached)
            (target / f"{tool}-unreached.txt").write_text(reasons + "\n", encoding="utf-8")


def _as_json(r: ToolResult) -> dict[str, Any]:
    fields = asdict(r)
    del fields["offered_code"]  # written as files by _save_offered
    del fields["unreached"]
    return fields


def _totals(results: list[ModuleResult], tools: list[str]) -> dict[str, dict[str, Any]]:
    totals: dict[str, dict[str, Any]] = {}
    before = sum(m.uncovered_before for m in results)
    for tool in tools:
        measured = [m.tools[tool] for m in results if tool in m.tools]
        closed = sum(r.closed for r in measured)
        smells: Counter[str] = Counter()
        for r in measured:
            smells.update(r.review.get("smells", {}))
        totals[tool] = {
            "uncovered_before": before,
            "closed": closed,
            "closed_fraction": closed / before if before else 0.0,
            "offered": sum(r.offered for r in measured),
            "failing": sum(r.failing for r in measured),
            "produced": sum(r.produced for r in measured),
            "seconds": sum(r.seconds for r in measured),
            "max_seconds_per_module": max((r.seconds for r in measured), default=0.0),
            "keepable": sum(r.review.get("keepable", 0) for r in measured),
            "smells": dict(sorted(smells.items())),
        }
        if tool == "ours":
            totals[tool]["closed_in_suite"] = sum(r.closed_in_suite or 0 for r in measured)
    return totals


def run(results_dir: Path) -> str:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    entries = _selected(manifest["modules"])
    peers = _peers()
    results: list[ModuleResult] = []
    offered_dir = results_dir / "engines-tests" / CORPUS.name
    shutil.rmtree(offered_dir, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="covopt-bench-engines-") as scratch:
        for entry in entries:
            module = asyncio.run(_module(entry, peers, Path(scratch)))
            results.append(module)
            _save_offered(offered_dir, module)
            for tool in ["ours", *peers]:
                print(_row(module.name, module.uncovered_before, tool, module.tools[tool]))
            sys.stdout.flush()
    tools = ["ours", *peers]
    totals = _totals(results, tools)
    print()
    for tool in tools:
        t = totals[tool]
        print(
            f"{'TOTAL':<16} {tool:<9} before {t['uncovered_before']:>3}  closed {t['closed']:>3} "
            f"{_pct(t['closed'], t['uncovered_before'])}  offered {t['offered']:>3}  "
            f"failing {t['failing']:>3}  {t['seconds']:7.1f} s "
            f"(max {t['max_seconds_per_module']:.1f} s a module)"
        )
    for tool in tools:
        t = totals[tool]
        smells = ", ".join(f"{k} {v}" for k, v in t["smells"].items()) or "none"
        print(f"review    {tool:<9} keepable {t['keepable']}/{t['offered']}  smells: {smells}")
    ratios: dict[str, dict[str, float | None]] = {}
    ours = totals["ours"]
    for peer in peers:
        theirs = totals[peer]
        ratios[peer] = {
            "closed": ours["closed"] / theirs["closed"] if theirs["closed"] else None,
            "seconds": ours["seconds"] / theirs["seconds"] if theirs["seconds"] else None,
        }
        closed = ratios[peer]["closed"]
        seconds = ratios[peer]["seconds"]
        print(
            f"ours/{peer}: lines closed x{closed:.2f}" if closed is not None
            else f"ours/{peer}: lines closed (theirs closed none)",
            f", time x{seconds:.2f}" if seconds is not None else "",
            sep="",
        )  # fmt: skip
    payload = {
        "modules": [
            {
                "name": m.name,
                "uncovered_before": m.uncovered_before,
                "ranges": m.ranges,
                "tools": {tool: _as_json(r) for tool, r in m.tools.items()},
            }
            for m in results
        ],
        "totals": totals,
        "ratios_ours_over": ratios,
        "settings": {
            "peers": peers,
            "pynguin_search_seconds": int(os.environ.get("COVOPT_BENCH_PYNGUIN_SECONDS", "60")),
            "verify": VerifySettings().model_dump(),
        },
    }
    (results_dir / "engines.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return (
        f"ours closed {ours['closed']}/{ours['uncovered_before']} "
        f"({_pct(ours['closed'], ours['uncovered_before']).strip()}), "
        f"{ours['failing']} failing, {ours['seconds']:.0f} s"
        + "".join(
            f"; {p} {totals[p]['closed']} "
            f"({_pct(totals[p]['closed'], ours['uncovered_before']).strip()})"
            for p in peers
        )
    )
