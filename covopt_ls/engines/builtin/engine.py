"""The builtin engine: searches inputs offline and writes the tests they prove.

For each callable enclosing an uncovered range it plans candidate calls (mined from the AST and
the existing tests), runs them in a worker subprocess under the sandbox, keeps the smallest set
that reaches the range's lines and arcs, and renders one test per chosen call. The ranges it
cannot reach are explained, per range, in `unreachable_for(request)` (see `Unreachable`).
"""

from __future__ import annotations

import ast
import asyncio
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from covopt_ls import syntax
from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.aliases import type_aliases
from covopt_ls.engines.builtin.candidates import module_constants, module_tables
from covopt_ls.engines.builtin.defined_values import seen_definitions, signature_spelling
from covopt_ls.engines.builtin.dispatch import Drivers
from covopt_ls.engines.builtin.doctests import documented_calls
from covopt_ls.engines.builtin.entries import entries_for, handed_on
from covopt_ls.engines.builtin.existing import TestKnowledge, read_tests, with_documented
from covopt_ls.engines.builtin.fixture_values import fixture_values, usable_fixtures
from covopt_ls.engines.builtin.imported_classes import imported_classes
from covopt_ls.engines.builtin.modpath import Definitions, ImportSite, resolve
from covopt_ls.engines.builtin.module_state import module_globals
from covopt_ls.engines.builtin.naming import name_for_test
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.polish import confirm, trim_setups
from covopt_ls.engines.builtin.producers import factories
from covopt_ls.engines.builtin.reasons import explain
from covopt_ls.engines.builtin.regex_calls import module_regexes, pattern_tokens
from covopt_ls.engines.builtin.render import (
    ImportContext,
    UnrenderableTest,
    prefer_double_quotes,
    render_test,
    top_level_names,
)
from covopt_ls.engines.builtin.replay import Replay, build_replay, refine, shrink
from covopt_ls.engines.builtin.runner import (
    Observation,
    Scratch,
    WorkerSetup,
)
from covopt_ls.engines.builtin.search import Search, run_search
from covopt_ls.engines.builtin.selection import Goal, cover, covered_goals
from covopt_ls.engines.builtin.splice import grammar_tokens, sibling_tokens
from covopt_ls.engines.builtin.stdlib_objects import has_star_import, spellings, stdlib_imports
from covopt_ls.engines.builtin.syntax_trees import syntax_names
from covopt_ls.engines.builtin.targets import (
    Target,
    collect_targets,
    in_definition,
    in_overload_stub,
    module_classes,
)
from covopt_ls.engines.builtin.tested_calls import signature_finder
from covopt_ls.engines.builtin.toplevel import (
    dead_definition,
    failed_import,
    import_fallback,
    module_class_nodes,
    module_functions,
)
from covopt_ls.generation import GenerationRequest, RecommendedTest, RepairFeedback

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Unreachable:
    """A range no offered test reaches, and why, in words for the user."""

    range: UncoveredRange
    reason: str


class BuiltinEngine:
    """Implements the `Engine` protocol without any network.

    `budget_seconds` is the search time per callable (the whole module gets that times the
    number of callables, capped by search.MODULE_SECONDS so that a module's tests arrive within
    seconds); `python` is the project's interpreter that the worker runs in.
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
            tree = syntax.parse(request.source_code)
        except (SyntaxError, ValueError) as exc:
            reason = f"the source does not parse ({exc})"
            return [], [Unreachable(r, reason) for r in request.uncovered_ranges]
        # Reading big sources and tests is CPU work: off the event loop, like the worker runs.
        plan = await asyncio.to_thread(_plan, request, tree, scratch.path, len(feedback))
        setup = self._worker_setup(plan.site, plan.knowledge, plan.imports)
        import_error = await run_search(
            plan.searches, setup, scratch, self.budget_seconds, plan.replay or None
        )
        if import_error is None and plan.replay:
            await refine(plan.replay, plan.searches, setup, scratch)
            await shrink(plan.replay, plan.searches, setup, scratch)
        if import_error is None:
            await trim_setups(plan.searches, setup, scratch)
            await confirm(plan.searches, setup, scratch)
        rejected = {item.test_code for item in feedback}
        tests = await asyncio.to_thread(self._render, plan, request, tree, rejected)
        unreachable = self._explain(
            tree, request, plan.searches, plan.targets, plan.outside, import_error
        )
        return tests, unreachable

    def _worker_setup(
        self, site: ImportSite, knowledge: TestKnowledge, imports: dict[str, str]
    ) -> WorkerSetup:
        import sys

        return WorkerSetup(
            python=self.python or sys.executable,
            module=site.module,
            target_file=site.source_file,
            sys_path=tuple(str(p) for p in site.sys_path),
            prelude=("import asyncio", *knowledge.imports, *imports.values()),
            cwd=site.cwd,
        )

    def _render(
        self,
        plan: _Plan,
        request: GenerationRequest,
        tree: ast.Module,
        rejected: set[str],
    ) -> list[RecommendedTest]:
        searches, site, knowledge = plan.searches, plan.site, plan.knowledge
        defined, source_imports = top_level_names(tree)
        test_imports = {**plan.imports, **knowledge.import_of}
        ctx = ImportContext(site.module, defined, source_imports, test_imports)
        taken = set(re.findall(r"def (test_\w+)", request.existing_test_code))
        tests: list[RecommendedTest] = []
        offered: set[tuple[tuple[str, ...], str]] = set()
        """A call chosen for one callable and, through it, for a private helper is one test."""
        for search in searches:
            target = search.target
            usable = [
                o
                for o in search.observations
                if o.candidate.call and o.usable and not _names_worker(o)
            ]
            if request.framework == "unittest":
                # A TestCase method gets no pytest fixtures.
                usable = [o for o in usable if not o.candidate.fixtures]
            chosen, _ = cover(usable, target.goal_lines, target.goal_arcs)
            for observation in chosen:
                key = (observation.candidate.setup, observation.candidate.call)
                if key in offered:
                    continue
                offered.add(key)
                callee, reference, reference_setup = _reference(
                    search, observation.candidate, plan.replay
                )
                name = name_for_test(
                    observation.candidate,
                    callee,
                    reference,
                    reference_setup,
                    observation.outcome,
                    taken,
                )
                try:
                    code = render_test(observation, name, ctx, request.framework)
                except UnrenderableTest as exc:
                    log.warning("builtin engine: no test for %s (%s)", observation.candidate, exc)
                    continue
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
        elif observation.brittle:
            # As the test asserts: the number differs between processes, only its type holds.
            used = outcome.get("process_value") or ()
            behaviour = f"returns {'a hash' if 'hash' in used else 'an id'} (an int)"
        else:
            behaviour = f"returns {outcome.get('repr') or 'a ' + str(outcome.get('type'))}"
        candidate = observation.candidate
        call = prefer_double_quotes(candidate.call)
        # A local function (`def square(x):` and its body) reads as one line in a sentence.
        steps = "; ".join(re.sub(r"\n\s*", " ", prefer_double_quotes(s)) for s in candidate.setup)
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
        searches: list[Search],
        targets: list[Target],
        outside: list[UncoveredRange],
        import_error: str | None,
    ) -> list[Unreachable]:
        def executed(line: int) -> bool:
            return not any(r.start_line <= line <= r.end_line for r in request.uncovered_ranges)

        result = [
            Unreachable(
                r,
                explain(
                    r,
                    None,
                    [],
                    import_error,
                    nested=in_definition(tree, r.start_line),
                    dead=dead_definition(tree, r.start_line),
                    failed_import=failed_import(tree, r.start_line, executed),
                    fallback_of=import_fallback(tree, r.start_line),
                    overload=in_overload_stub(tree, r.start_line),
                ),
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
                    # Said only of the goals an unsteady call reached, not of its neighbours.
                    unstable=len((wanted - reached) & search.unstable) if search else 0,
                )
                result.append(Unreachable(rng, why))
        order = {r: i for i, r in enumerate(request.uncovered_ranges)}
        result.sort(key=lambda u: order.get(u.range, 0))
        return result


@dataclass(slots=True)
class _Plan:
    site: ImportSite
    knowledge: TestKnowledge
    searches: list[Search]
    targets: list[Target]
    outside: list[UncoveredRange]
    replay: Replay | None = None
    imports: dict[str, str] = field(default_factory=dict)
    """Imports of the standard value types offered that neither the module nor its tests
    import (stdlib_objects.stdlib_imports): run before the candidates, written into tests."""


def _reference(
    search: Search, candidate: Candidate, replay: Replay | None
) -> tuple[str, dict[str, str], int]:
    """What a test is named after: the callable called, the call it differs from and that
    call's preparation (the replayed test's own call, or the planner's plainest one)."""
    seed = replay.origin.get(candidate.call) if replay and candidate.replay else None
    if seed is not None:
        return candidate.replay, dict(seed.args), len(seed.setup)
    planner = search.planner_of(candidate)
    reference = dict(planner.base_calls[0]) if planner.base_calls else {}
    recipe = planner.recipes[0] if planner.recipes else None
    return planner.target.qualname, reference, len(recipe.statements) if recipe else 0


def _plan(request: GenerationRequest, tree: ast.Module, scratch: Path, seed: int) -> _Plan:
    site = resolve(request, scratch)
    classes = module_classes(tree)
    functions = module_functions(tree)
    made_by = factories(functions, module_class_nodes(tree))
    knowledge = read_tests(request.existing_test_code, set(classes), made_by)
    defined, source_imports = top_level_names(tree)
    documented = documented_calls(tree, defined)
    if documented:
        knowledge = with_documented(knowledge, read_tests(documented, set(classes), made_by))
    targets, outside = collect_targets(tree, request.uncovered_ranges)
    constants = module_constants(tree)
    tables = module_tables(tree)
    aliases = type_aliases(tree, request.source_path)
    siblings = sibling_tokens(tree, site.source_file, site.module)
    regexes = module_regexes(tree, site.source_file, site.module, depth=2)
    star = has_star_import(tree)
    stdlib = spellings(source_imports, defined, knowledge.import_of, star)
    extra = stdlib_imports(source_imports, defined, knowledge.import_of, star)
    state = module_globals(tree)
    syntax = syntax_names(tree, source_imports, knowledge.import_of, defined)
    if syntax is not None:
        extra.update(syntax.imports)
    definitions = Definitions(site.sys_path)
    imported = imported_classes(tree, site.module, definitions, defined)
    extra.update({n: c.statement for n, c in imported.items() if n not in source_imports})
    bound = {**knowledge.import_of, **source_imports}
    found = fixture_values(request.existing_test_code, request.test_path, request.project_root)
    fixtures = usable_fixtures(found, bound, defined)
    for fixture in fixtures.values():
        extra.update({n: s for n, s in fixture.imports.items() if n not in bound})
    test_defined = seen_definitions(
        request.existing_test_code,
        request.test_path,
        request.project_root,
        defined | set(bound),
        bound,
    )
    extra.update({n: s for n, s in test_defined.imports().items() if n not in bound})
    test_defined.signature = signature_spelling(bound, defined)

    def planner(target: Target, goal_of: Target | None = None) -> Planner:
        return Planner(
            target,
            classes,
            knowledge,
            constants,
            seed=seed,
            module_names=defined,
            tables=tables,
            aliases=aliases,
            goal_of=goal_of,
            functions=functions,
            sibling_tokens=siblings,
            regexes=regexes,
            stdlib=stdlib,
            module_globals=state,
            module_path=site.module,
            syntax=syntax,
            imported={n: c.value for n, c in imported.items()},
            fixtures={n: f.value for n, f in fixtures.items()},
            definitions=test_defined,
        )

    drivers = Drivers(tree, classes, site.source_file, site.module)
    searches = []
    for target in targets:
        if not (target.goal_lines or target.goal_arcs):
            continue
        own = planner(target)
        entries = entries_for(target, tree, classes) or drivers.entries(target)
        through = [planner(e, target) for e in entries]
        for entry in through:
            # `kind(year)` hands `year` to `_check`: the values mined there suit it here too.
            for name, param in handed_on(entry.target, target).items():
                entry.adopt(name, own.pools.get(param, []))
        searches.append(Search(target, own, entries=through))
    replay = build_replay(
        request.existing_test_code,
        knowledge,
        defined | set(top_level_names(tree)[1]),
        grammar_tokens(
            [t.node for t in targets],
            [tree],
            [v for m in tables.values() for v in m],
            patterns=pattern_tokens([t.cls.node if t.cls else t.node for t in targets], regexes),
        ),
        [*constants, *(v for s in searches for pool in s.planner.pools.values() for v in pool)],
        [t.node for t in targets if t.goal_lines or t.goal_arcs],
        seed,
        signature_finder(definitions, site.module, defined, dict(knowledge.import_of)),
    )
    return _Plan(site, knowledge, searches, targets, outside, replay, extra)


WORKER_MODULE = "__covopt_candidate__"
"""The `__name__` the worker runs calls under (worker.py): a class or function the call
defined is of that module there, of the test's module in the test."""


def _names_worker(observation: Observation) -> bool:
    """Whether the outcome shows the worker's module name (a test file's class pickled or
    named by its module): the test would see its own module's name instead and fail."""
    return WORKER_MODULE in json.dumps(observation.outcome or {}, default=str)


def _goals_of(rng: UncoveredRange, target: Target) -> set[Goal]:
    from covopt_ls.engines.builtin.targets import goals_for

    lines, arcs = goals_for(rng, target.node)
    return {*lines, *arcs}


def _lines_text(lines: list[int]) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    return f"lines {', '.join(str(n) for n in lines)}"
