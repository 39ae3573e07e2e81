"""The generation pipeline shared by every front door (HTTP, command line, language server).

engine → verifier → repair loop. The engine proposes candidates; each is run by the verifier in
a sandboxed subprocess with coverage; a candidate that fails, or passes without executing the
gap, goes back to the engine with what was measured (the failure's last lines, the lines still
missing), for at most `max_attempts` rounds. Only measured results leave: tests that passed and
executed target lines (a test that adds no line or arc beyond those already kept is dropped),
then tests the verifier flagged as exposing a possible bug; for every range still not covered,
a plain reason.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from covopt_ls import syntax
from covopt_ls.coverage.model import Arc, UncoveredRange
from covopt_ls.generation import (
    Engine,
    EngineName,
    GenerationRequest,
    RecommendedTest,
    RepairFeedback,
    Verifier,
)
from covopt_ls.settings import Settings
from covopt_ls.tasks.model import Progress, Task
from covopt_ls.tasks.offload import cpu_bound
from covopt_ls.tasks.registry import TaskHandle, TaskRegistry, Work
from covopt_ls.verify.measurement import target_of

logger = logging.getLogger(__name__)

JobProgress = Progress
"""A step of a job ("generating", "verifying 2/3"); the registry's progress type."""

ProgressCallback = Callable[[JobProgress], None]
Problem = Literal["failed", "no_coverage", "not_collected"]


class Explanation(Protocol):
    @property
    def range(self) -> UncoveredRange: ...

    @property
    def reason(self) -> str: ...


@runtime_checkable
class ExplainsUnreachable(Protocol):
    """An engine that can say why it found nothing for a range (the builtin engine can)."""

    def unreachable_for(self, request: GenerationRequest) -> Sequence[Explanation]: ...


@dataclass(slots=True)
class GenerationOutcome:
    tests: list[RecommendedTest]
    """Verified tests first, in the order they were found; then possible bugs (flagged)."""
    unreachable: list[str] = field(default_factory=list)
    """One plain reason per range no kept test executes."""
    attempts: int = 0
    candidates: int = 0

    def to_result(self) -> dict[str, Any]:
        """The task result: the reference's `recommended_tests`, plus what stayed uncovered."""
        return {
            "recommended_tests": [test.to_json() for test in self.tests],
            "unreachable": list(self.unreachable),
        }


@dataclass(slots=True)
class _Target:
    """One uncovered range, as lines and arcs a test must execute."""

    range: UncoveredRange
    lines: frozenset[int]
    arcs: frozenset[Arc]

    def missing_lines(self, covered: set[int]) -> set[int]:
        return set(self.lines - covered)

    def satisfied(self, covered: set[int], covered_arcs: set[Arc]) -> bool:
        """Every executable line run and every missing branch taken (a branch that leaves the
        function has no line of its own: only its arc shows it was taken)."""
        return not (self.lines - covered or self.arcs - covered_arcs)

    def label(self) -> str:
        start, end = self.range.start_line, self.range.end_line
        return f"line {start}" if start == end else f"lines {start}-{end}"


def statement_lines(source: str) -> frozenset[int]:
    """Lines where a statement starts: those coverage can report as executed.

    A range also holds lines no test can execute (`else:`, blank lines, comments); asking for
    them would keep the repair loop going for ever.
    """
    try:
        tree = syntax.parse(source)
    except (SyntaxError, ValueError):
        return frozenset()
    lines: set[int] = set()
    pending: list[ast.AST] = list(tree.body)
    while pending:  # statement bodies only: expressions hold no statement
        node = pending.pop()
        if isinstance(node, ast.stmt):
            lines.add(node.lineno)
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            body = getattr(node, name, None)
            if isinstance(body, list):
                pending.extend(body)
    return frozenset(lines)


def _targets(request: GenerationRequest) -> list[_Target]:
    """Each range's target as the verifier measures it, less the lines no test can execute."""
    statements = statement_lines(request.source_code)
    targets = []
    for rng in request.uncovered_ranges:
        measured = target_of([rng])
        lines = measured.lines or frozenset()
        targets.append(_Target(rng, lines & statements or lines, measured.arcs))
    return targets


def request_key(request: GenerationRequest, engine_name: str) -> str:
    """The cache key: everything the result depends on, and nothing else."""
    content = {
        "engine": engine_name,
        "source": request.source_code,
        "tests": request.existing_test_code,
        "ranges": [
            [r.start_line, r.end_line, r.type, [list(a) for a in r.missing_arcs]]
            for r in request.uncovered_ranges
        ],
        "framework": request.framework,
        "module": request.module_path,
        "source_path": None if request.source_path is None else str(request.source_path),
        "project_root": None if request.project_root is None else str(request.project_root),
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def _normalized(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip().splitlines())


def _tail(text: str | None, lines: int = 1) -> str:
    kept = (text or "").strip().splitlines()[-lines:]
    return " ".join(line.strip() for line in kept)


class _Loop:
    """The state of one job's rounds: what has been tried, kept and is still missing."""

    def __init__(self, request: GenerationRequest, report: ProgressCallback) -> None:
        self.request = request
        self.report = report
        self.targets = _targets(request)
        self.kept: list[RecommendedTest] = []
        self.bugs: list[RecommendedTest] = []
        self.covered: set[int] = set()
        self.covered_arcs: set[Arc] = set()
        self.seen: set[str] = set()
        self.candidates = 0
        self.last_failure: str | None = None

    def remaining(self) -> list[_Target]:
        return [t for t in self.targets if not t.satisfied(self.covered, self.covered_arcs)]

    def missing_lines(self) -> tuple[int, ...]:
        missing: set[int] = set()
        for target in self.remaining():
            missing |= target.missing_lines(self.covered)
        return tuple(sorted(missing))

    def missing_arcs(self) -> tuple[Arc, ...]:
        missing: set[Arc] = set()
        for target in self.remaining():
            missing |= target.arcs - self.covered_arcs
        return tuple(sorted(missing))

    def fresh(self, candidates: Sequence[RecommendedTest]) -> list[RecommendedTest]:
        fresh = []
        for test in candidates:
            key = _normalized(test.test_code)
            if key and key not in self.seen:
                self.seen.add(key)
                fresh.append(test)
        self.candidates += len(fresh)
        return fresh

    async def verify(
        self, verifier: Verifier, tests: list[RecommendedTest], attempt: int, attempts: int
    ) -> list[RecommendedTest]:
        """One verifier session for the whole round (a subprocess per test would cost more
        than the tests)."""
        noun = "test" if len(tests) == 1 else "tests"
        message = f"verifying {len(tests)} candidate {noun}"
        if attempts > 1:
            message += f" (round {attempt}/{attempts})"
        self.report(Progress("verifying", message, attempt - 1, attempts))
        return list(await verifier.verify(self.request, tests))

    def absorb(self, measured: Sequence[RecommendedTest]) -> list[RepairFeedback]:
        """Keep what helps; return feedback for what did not."""
        problems: list[tuple[RecommendedTest, Problem, str]] = []
        for test in measured:
            if test.verified and test.passed is not False:
                gain = (set(test.covered_lines) - self.covered) | (
                    set(test.covered_arcs) - self.covered_arcs
                )
                if gain:
                    self.kept.append(test)
                    self.covered.update(test.covered_lines)
                    self.covered_arcs.update(test.covered_arcs)
                continue
            if test.possible_bug:
                # Kept (the code may be wrong), and sent back: the assertion may be what is.
                self.bugs.append(test)
            if test.passed is False:
                self.last_failure = _tail(test.failure) or "the test failed"
                problems.append((test, "failed", test.failure or "the test failed"))
            elif test.passed is None:
                self.last_failure = _tail(test.failure) or "no test was collected"
                problems.append((test, "not_collected", test.failure or "no test was collected"))
            else:
                problems.append((test, "no_coverage", "did not execute the uncovered lines"))
        missing, arcs = self.missing_lines(), self.missing_arcs()
        feedback = [
            RepairFeedback(test.test_code, problem, detail, missing, arcs)
            for test, problem, detail in problems
        ]
        if not feedback and (missing or arcs) and self.kept:
            # Every test passed, yet gaps remain: say which, against the tests kept so far.
            feedback.append(
                RepairFeedback(
                    self.kept[-1].test_code,
                    "no_coverage",
                    "these tests pass, but some uncovered code is still not executed",
                    missing,
                    arcs,
                )
            )
        return feedback

    def outcome(self, attempts: int, explained: Sequence[Explanation] = ()) -> GenerationOutcome:
        engine_reasons = {item.range: item.reason for item in explained}
        reasons = []
        for target in self.remaining():
            if target.range in engine_reasons:
                reasons.append(engine_reasons[target.range])  # the engine names the range
                continue
            if self.candidates == 0:
                why = "the engine proposed no test for it"
            elif self.last_failure:
                why = f"no passing test executed it (last failure: {self.last_failure})"
            else:
                why = "the proposed tests passed but did not execute it"
            reasons.append(f"{target.label()}: {why}")
        # A "possible bug" whose lines a passing test now covers was a wrong assertion, repaired.
        bugs = [
            test
            for test in self.bugs
            if not (
                set(test.covered_lines) <= self.covered
                and set(test.covered_arcs) <= self.covered_arcs
            )
        ]
        return GenerationOutcome(self.kept + bugs, reasons, attempts, self.candidates)


_EMPTY_REPLY = RepairFeedback(
    "", "not_collected", "the answer contained no test code in the requested format"
)


async def run_generation(
    request: GenerationRequest,
    engine: Engine,
    verifier: Verifier,
    *,
    max_attempts: int,
    on_progress: ProgressCallback | None = None,
) -> GenerationOutcome:
    """Generate, verify and repair until every range is covered or the attempts run out.

    A round that brings no new candidate ends the loop early (an engine that ignores feedback
    would only repeat itself). Engine and verifier errors propagate: the task fails with them.
    """

    def report(progress: JobProgress) -> None:
        if on_progress is not None:
            on_progress(progress)

    loop = await cpu_bound(len(request.source_code), _Loop, request, report)
    feedback: list[RepairFeedback] = []
    attempts = 0
    for attempt in range(1, max(1, max_attempts) + 1):
        attempts = attempt
        message = (
            "generating tests" if attempt == 1 else f"repairing tests ({attempt}/{max_attempts})"
        )
        report(Progress("generating", message, attempt - 1, max_attempts))
        fresh = loop.fresh(await engine.generate(request, feedback))
        if not fresh:
            if feedback == [_EMPTY_REPLY] or loop.candidates:
                break
            feedback = [_EMPTY_REPLY]
            continue
        feedback = loop.absorb(await loop.verify(verifier, fresh, attempt, max_attempts))
        if not loop.remaining() or not feedback:
            break
    explained = engine.unreachable_for(request) if isinstance(engine, ExplainsUnreachable) else ()
    return loop.outcome(attempts, explained)


def generation_work(
    request: GenerationRequest, engine: Engine, verifier: Verifier, *, max_attempts: int
) -> Work:
    """The registry work for one request: progress goes to the task, the outcome is its result."""

    async def work(handle: TaskHandle) -> dict[str, Any]:
        outcome = await run_generation(
            request, engine, verifier, max_attempts=max_attempts, on_progress=handle.report
        )
        return outcome.to_result()

    return work


def attempts_for(engine: Engine, llm_max_attempts: int) -> int:
    """Repair rounds make sense for an engine that reads feedback: the LLM."""
    return llm_max_attempts if engine.name == "llm" else 1


EngineFactory = Callable[[Settings, EngineName], Engine]


class GenerationService:
    """What a front door needs to run jobs: the registry, the verifier, and one engine per name
    (created on first use, so a server that never asks for the LLM never opens a session).

    The HTTP app and the language server each own one; `aclose` cancels the running jobs and
    closes the engines.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        registry: TaskRegistry | None = None,
        verifier: Verifier | None = None,
        engine_factory: EngineFactory | None = None,
        project_root: Path | None = None,
    ) -> None:
        """`project_root`: the project candidate tests run in (its interpreter for the builtin
        engine's worker); the default engine factory uses it."""
        self.settings = settings
        self.project_root = project_root
        self._owns_registry = registry is None
        self.registry = (
            registry
            if registry is not None
            else TaskRegistry(
                max_concurrency=settings.tasks.max_concurrency,
                ttl_seconds=settings.tasks.ttl_seconds,
                max_unfinished=settings.tasks.max_unfinished,
            )
        )
        if verifier is None:
            from covopt_ls.verify.verifier import SubprocessVerifier

            verifier = SubprocessVerifier(settings.verify)
        self.verifier = verifier
        self._engine_factory = engine_factory or self._make_engine
        self._engines: dict[str, Engine] = {}

    def engine_name(self, requested: EngineName | None = None) -> Literal["builtin", "llm"]:
        """Raises LlmNotConfiguredError when the LLM is asked for but not configured."""
        from covopt_ls.engines.factory import resolve_engine_name
        from covopt_ls.engines.llm.engine import LlmNotConfiguredError

        name = resolve_engine_name(self.settings, requested)
        if name == "llm" and not self.settings.llm.configured:
            raise LlmNotConfiguredError()
        return name

    def engine(self, name: Literal["builtin", "llm"]) -> Engine:
        engine = self._engines.get(name)
        if engine is None:
            engine = self._engines[name] = self._engine_factory(self.settings, name)
        return engine

    def cache_key(self, request: GenerationRequest, name: Literal["builtin", "llm"]) -> str:
        """The request's content plus the settings its answer depends on: a changed model,
        budget or interpreter must not be answered from the cache."""
        settings = self.settings
        if name == "llm":
            engine = f"llm:{settings.llm.model}@{settings.llm.base_url}:{settings.llm.max_attempts}"
        else:
            engine = f"builtin:{settings.budget_seconds}"
        verify = f"{settings.verify.python}:{settings.verify.repeat}"
        return request_key(request, f"{engine}|{verify}")

    def submit(self, request: GenerationRequest) -> Task:
        """Start a job (or answer it from the cache) and return its task at once.

        Raises LlmNotConfiguredError, or RegistryFullError when too many jobs are unfinished.
        """
        name = self.engine_name(request.engine)
        engine = self.engine(name)
        attempts = attempts_for(engine, self.settings.llm.max_attempts)
        work = generation_work(request, engine, self.verifier, max_attempts=attempts)
        return self.registry.submit(self.cache_key(request, name), work)

    def estimate_seconds(self, request: GenerationRequest, task: Task) -> int:
        """A rough figure for clients that poll: nothing for a cached answer, the reference's
        30 s for an LLM, the search budget per range for the builtin engine."""
        if task.status.finished:
            return 0
        if self.engine_name(request.engine) == "llm":
            return 30
        ranges = max(1, len(request.uncovered_ranges))
        return int(self.settings.budget_seconds * ranges + self.settings.verify.timeout_seconds)

    def _make_engine(self, settings: Settings, name: EngineName) -> Engine:
        from covopt_ls.engines.factory import make_engine

        return make_engine(settings, name, project_root=self.project_root)

    async def close_engines(self) -> None:
        """Close the engines this service made; a failure to close one does not stop the rest."""
        engines = list(self._engines.items())
        self._engines.clear()
        for name, engine in engines:
            try:
                await engine.aclose()
            except Exception:
                logger.exception("closing the %s engine failed", name)

    async def aclose(self) -> None:
        """Close the engines, and the registry when this service made it (a shared one stays)."""
        if self._owns_registry:
            await self.registry.aclose()
        await self.close_engines()
