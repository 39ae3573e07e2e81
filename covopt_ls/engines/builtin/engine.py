"""The builtin engine: searches inputs offline and writes the tests they prove.

For each callable enclosing an uncovered range it plans candidate calls (mined from the AST and
the existing tests), runs them in a worker subprocess under the sandbox, keeps the smallest set
that reaches the range's lines and arcs, and renders one test per chosen call. The ranges it
cannot reach are explained, per range, in `unreachable_for(request)` (see `Unreachable`).
"""

from __future__ import annotations

import ast
import asyncio
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.candidates import module_constants, module_tables
from covopt_ls.engines.builtin.existing import TestKnowledge, read_tests
from covopt_ls.engines.builtin.modpath import ImportSite, resolve
from covopt_ls.engines.builtin.naming import name_for_test
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.reasons import explain
from covopt_ls.engines.builtin.render import (
    ImportContext,
    prefer_double_quotes,
    render_test,
    top_level_names,
)
from covopt_ls.engines.builtin.runner import (
    BatchResult,
    Observation,
    Scratch,
    WorkerSetup,
    run_batch,
)
from covopt_ls.engines.builtin.selection import Goal, cover, covered_goals, reached
from covopt_ls.engines.builtin.targets import (
    Target,
    collect_targets,
    in_definition,
    module_classes,
)
from covopt_ls.generation import GenerationRequest, RecommendedTest, RepairFeedback

MAX_ROUNDS = 10
STALE_ROUNDS = 3
"""Rounds in a row without a new goal reached before the search of a callable stops."""
BATCH_TIMEOUT = 60.0
CONFIRM_HASH_SEED = 1729
MAX_BATCH = 6000
"""Candidates a worker run takes at most; the rest wait for the next round."""


@dataclass(slots=True)
class Unreachable:
    """A range no offered test reaches, and why, in words for the user."""

    range: UncoveredRange
    reason: str


@dataclass(slots=True)
class _Search:
    target: Target
    planner: Planner
    observations: list[Observation] = field(default_factory=list)
    stale: int = 0
    done: bool = False
    unstable: int = 0
    """Calls dropped because their result changed between two runs."""

    def reached(self) -> set[Goal]:
        return set(covered_goals(self.observations, self.target.goal_lines, self.target.goal_arcs))

    @property
    def goal_count(self) -> int:
        return len(self.target.goal_lines) + len(self.target.goal_arcs)


class BuiltinEngine:
    """Implements the `Engine` protocol without any network.

    `budget_seconds` is the search time per callable (the whole request gets that times the
    number of callables); `python` is the project's interpreter that the worker runs in.
    """

    name = "builtin"

    def __init__(self, budget_seconds: float = 10.0, python: str | None = None) -> None:
        self.budget_seconds = budget_seconds
        self.python = python
        self.last_unreachable: list[Unreachable] = []
        self._unreachable: dict[GenerationRequest, list[Unreachable]] = {}

    def unreachable_for(self, request: GenerationRequest) -> list[Unreachable]:
        """Why each range of the request's last generation stayed unreached (empty if none)."""
        return list(self._unreachable.get(request, []))

    async def aclose(self) -> None:
        self._unreachable.clear()

    async def generate(
        self, request: GenerationRequest, feedback: Sequence[RepairFeedback] = ()
    ) -> list[RecommendedTest]:
        scratch = Scratch()
        try:
            tests, unreachable = await self._generate(request, feedback, scratch)
        finally:
            scratch.close()
        self.last_unreachable = unreachable
        if len(self._unreachable) > 64:
            self._unreachable.clear()
        self._unreachable[request] = unreachable
        return tests

    async def _generate(
        self, request: GenerationRequest, feedback: Sequence[RepairFeedback], scratch: Scratch
    ) -> tuple[list[RecommendedTest], list[Unreachable]]:
        try:
            tree = ast.parse(request.source_code)
        except (SyntaxError, ValueError) as exc:
            reason = f"the source does not parse ({exc})"
            return [], [Unreachable(r, reason) for r in request.uncovered_ranges]
        # Reading big sources and tests is CPU work: off the event loop, like the worker runs.
        plan = await asyncio.to_thread(_plan, request, tree, scratch.path, len(feedback))
        setup = self._worker_setup(plan.site, plan.knowledge)
        import_error = await self._search(plan.searches, setup, scratch)
        if import_error is None:
            await self._trim_setups(plan.searches, setup, scratch)
            await self._confirm(plan.searches, setup, scratch)
        rejected = {item.test_code for item in feedback}
        tests = await asyncio.to_thread(
            self._render, plan.searches, request, plan.site, tree, plan.knowledge, rejected
        )
        unreachable = self._explain(
            tree, request, plan.searches, plan.targets, plan.outside, import_error
        )
        return tests, unreachable

    def _worker_setup(self, site: ImportSite, knowledge: TestKnowledge) -> WorkerSetup:
        import sys

        return WorkerSetup(
            python=self.python or sys.executable,
            module=site.module,
            target_file=site.source_file,
            sys_path=tuple(str(p) for p in site.sys_path),
            prelude=("import asyncio", *knowledge.imports),
            cwd=site.cwd,
        )

    async def _search(
        self, searches: list[_Search], setup: WorkerSetup, scratch: Scratch
    ) -> str | None:
        deadline = time.monotonic() + self.budget_seconds * max(1, len(searches))
        pending: list[Candidate] = []
        focus = {
            line
            for s in searches
            for line in (*s.target.goal_lines, *(n for arc in s.target.goal_arcs for n in arc))
        }
        for number in range(MAX_ROUNDS):
            active = [s for s in searches if not s.done]
            if not active:
                break
            by_target = {s.target.qualname: s for s in active}
            fresh = await asyncio.to_thread(_next_round, active, number)
            batch_candidates = [*pending, *fresh]
            pending = batch_candidates[MAX_BATCH:]
            batch_candidates = batch_candidates[:MAX_BATCH]
            remaining = deadline - time.monotonic()
            if remaining <= 0.5 or not batch_candidates:
                break
            before = {name: len(s.reached()) for name, s in by_target.items()}
            batch = await run_batch(
                setup,
                scratch,
                batch_candidates,
                timeout=min(remaining, BATCH_TIMEOUT),
                repeat=True,
                focus=focus,
            )
            if batch.import_error or batch.worker_error:
                return batch.import_error or batch.worker_error
            self._absorb(batch, by_target)
            pending = [*batch.not_run, *pending][:MAX_BATCH]
            for name, search in by_target.items():
                gained = len(search.reached()) > before[name]
                search.stale = 0 if gained else search.stale + 1
                if len(search.reached()) >= search.goal_count or search.stale >= STALE_ROUNDS:
                    search.done = True
            await asyncio.sleep(0)
        return None

    async def _trim_setups(
        self, searches: list[_Search], setup: WorkerSetup, scratch: Scratch
    ) -> None:
        """Try each chosen test without each of its preparing statements: a statement the
        test reaches the same lines and ends the same way without is noise to a reader."""
        variants: list[tuple[_Search, Observation, Candidate]] = []
        for search in searches:
            target = search.target
            chosen, _ = cover(search.observations, target.goal_lines, target.goal_arcs)
            for observation in chosen:
                candidate = observation.candidate
                for index, statement in enumerate(candidate.setup):
                    if candidate.receiver and statement.startswith(f"{candidate.receiver} = "):
                        continue
                    shorter = replace(
                        candidate,
                        setup=candidate.setup[:index] + candidate.setup[index + 1 :],
                        distance=max(0, candidate.distance - 1),
                    )
                    variants.append((search, observation, shorter))
        if not variants:
            return
        batch = await run_batch(
            setup,
            scratch,
            [shorter for _, _, shorter in variants],
            timeout=BATCH_TIMEOUT,
            repeat=True,
        )
        by_candidate = {id(o.candidate): o for o in batch.observations}
        for search, original, shorter in variants:
            trimmed = by_candidate.get(id(shorter))
            if (
                trimmed is not None
                and trimmed.usable
                and trimmed.outcome == original.outcome
                and reached(original, search.target.goal_lines, search.target.goal_arcs)
                <= reached(trimmed, search.target.goal_lines, search.target.goal_arcs)
            ):
                search.observations.append(trimmed)

    async def _confirm(self, searches: list[_Search], setup: WorkerSetup, scratch: Scratch) -> None:
        """Run every useful call again in a fresh process with another hash seed: a result
        that depends on the ordering of a set of strings (or on state left by earlier
        candidates) would make a flaky test, so such calls are dropped before the cover."""
        useful = [
            (search, observation)
            for search in searches
            for observation in search.observations
            if observation.usable
            and reached(observation, search.target.goal_lines, search.target.goal_arcs)
        ]
        if not useful:
            return
        batch = await run_batch(
            setup,
            scratch,
            [observation.candidate for _, observation in useful],
            timeout=BATCH_TIMEOUT,
            repeat=True,
            hash_seed=CONFIRM_HASH_SEED,
        )
        again = {id(o.candidate): o for o in batch.observations}
        for search, observation in useful:
            second = again.get(id(observation.candidate))
            agreed = _agreed(observation.outcome or {}, (second.outcome or {}) if second else {})
            if agreed is not None:
                observation.outcome = agreed
                continue
            search.observations = [o for o in search.observations if o is not observation]
            search.unstable += 1

    @staticmethod
    def _absorb(batch: BatchResult, by_target: dict[str, _Search]) -> None:
        for observation in batch.observations:
            search = by_target.get(observation.candidate.target)
            if search is not None:
                search.observations.append(observation)
        for search in by_target.values():
            search.planner.learn(
                [
                    (o.candidate, o.setup_error)
                    for o in batch.observations
                    if o.candidate.target == search.target.qualname
                ]
            )
        for candidate in batch.hung:
            search = by_target.get(candidate.target)
            if search is not None:
                search.observations.append(Observation(candidate, outcome={"kind": "timeout"}))

    def _render(
        self,
        searches: list[_Search],
        request: GenerationRequest,
        site: ImportSite,
        tree: ast.Module,
        knowledge: TestKnowledge,
        rejected: set[str],
    ) -> list[RecommendedTest]:
        defined, source_imports = top_level_names(tree)
        ctx = ImportContext(site.module, defined, source_imports, dict(knowledge.import_of))
        taken = set(re.findall(r"def (test_\w+)", request.existing_test_code))
        tests: list[RecommendedTest] = []
        for search in searches:
            target = search.target
            usable = [o for o in search.observations if o.candidate.call and o.usable]
            chosen, _ = cover(usable, target.goal_lines, target.goal_arcs)
            reference = dict(search.planner.base_calls[0]) if search.planner.base_calls else {}
            recipe = search.planner.recipes[0] if search.planner.recipes else None
            reference_setup = len(recipe.statements) if recipe else 0
            for observation in chosen:
                name = name_for_test(
                    observation.candidate,
                    target.qualname,
                    reference,
                    reference_setup,
                    observation.outcome,
                    taken,
                )
                code = render_test(observation, name, ctx, request.framework)
                if code in rejected:
                    continue
                taken.add(name)
                tests.append(self._recommended(observation, target, name, code))
        return tests

    @staticmethod
    def _recommended(
        observation: Observation, target: Target, name: str, code: str
    ) -> RecommendedTest:
        lines = sorted(target.goal_lines & observation.lines)
        arcs = sorted(target.goal_arcs & observation.arcs)
        first = min([*lines, *(a for a, _ in arcs)], default=target.node.lineno)
        outcome = observation.outcome or {}
        if outcome.get("kind") == "raise":
            behaviour = f"raises {outcome.get('type')}"
        else:
            behaviour = f"returns {outcome.get('repr') or 'a ' + str(outcome.get('type'))}"
        candidate = observation.candidate
        call = prefer_double_quotes(candidate.call)
        steps = "; ".join(prefer_double_quotes(step) for step in candidate.setup)
        scenario = f"After {steps}, {call} {behaviour}" if steps else f"{call} {behaviour}"
        where = (
            _lines_text(lines) if lines else f"branches {', '.join(f'{a}->{b}' for a, b in arcs)}"
        )
        return RecommendedTest(
            test_code=code,
            target_line=first,
            scenario_description=scenario[:300],
            expected_coverage_impact=f"Covers {where} of {target.qualname} (predicted)",
            test_name=name,
        )

    @staticmethod
    def _explain(
        tree: ast.Module,
        request: GenerationRequest,
        searches: list[_Search],
        targets: list[Target],
        outside: list[UncoveredRange],
        import_error: str | None,
    ) -> list[Unreachable]:
        result = [
            Unreachable(
                r, explain(r, None, [], import_error, nested=in_definition(tree, r.start_line))
            )
            for r in outside
        ]
        by_target = {s.target.qualname: s for s in searches}
        for target in targets:
            search = by_target.get(target.qualname)
            observations = search.observations if search else []
            reached = covered_goals(observations, target.goal_lines, target.goal_arcs)
            for rng in target.ranges:
                wanted = _goals_of(rng, target)
                if wanted and wanted <= reached:
                    continue
                if not wanted:
                    continue
                left = sorted(
                    (g if isinstance(g, int) else g[0] for g in wanted - reached),
                    key=int,
                )
                why = explain(
                    rng,
                    target,
                    observations,
                    import_error,
                    left,
                    unstable=search.unstable if search else 0,
                )
                result.append(Unreachable(rng, why))
        order = {r: i for i, r in enumerate(request.uncovered_ranges)}
        result.sort(key=lambda u: order.get(u.range, 0))
        return result


@dataclass(slots=True)
class _Plan:
    site: ImportSite
    knowledge: TestKnowledge
    searches: list[_Search]
    targets: list[Target]
    outside: list[UncoveredRange]


def _plan(request: GenerationRequest, tree: ast.Module, scratch: Path, seed: int) -> _Plan:
    site = resolve(request, scratch)
    classes = module_classes(tree)
    knowledge = read_tests(request.existing_test_code, set(classes))
    targets, outside = collect_targets(tree, request.uncovered_ranges)
    constants = module_constants(tree)
    defined, _ = top_level_names(tree)
    tables = module_tables(tree)
    searches = [
        _Search(
            t,
            Planner(
                t, classes, knowledge, constants, seed=seed, module_names=defined, tables=tables
            ),
        )
        for t in targets
        if t.goal_lines or t.goal_arcs
    ]
    return _Plan(site, knowledge, searches, targets, outside)


def _next_round(searches: list[_Search], number: int) -> list[Candidate]:
    return [candidate for search in searches for candidate in search.planner.round(number)]


def _agreed(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any] | None:
    """What two runs of one call agree on, as the outcome to assert; None when they disagree
    on something a test would assert. Unfaithful reprs (`<Order object at 0x...>`) never are;
    an exception message that changes is simply not matched; a list whose order changes is
    compared sorted."""
    if first.get("kind") != second.get("kind") or first.get("type") != second.get("type"):
        return None
    if first.get("kind") == "raise":
        if first.get("message") != second.get("message"):
            return {**first, "message": None}
        return first
    for key in ("enum", "attrs", "changes", "faithful"):
        if first.get(key) != second.get(key):
            return None
    if not first.get("faithful") or first.get("repr") == second.get("repr"):
        return first
    if first.get("sorted_repr") and first.get("sorted_repr") == second.get("sorted_repr"):
        return {**first, "order_free": True}
    return None


def _goals_of(rng: UncoveredRange, target: Target) -> set[Goal]:
    from covopt_ls.engines.builtin.targets import goals_for

    lines, arcs = goals_for(rng, target.node)
    return {*lines, *arcs}


def _lines_text(lines: list[int]) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    return f"lines {', '.join(str(n) for n in lines)}"
