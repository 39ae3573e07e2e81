"""The search loop: rounds of candidate calls run in the worker until every goal of every
callable is reached, the callables stop gaining, or the time budget is spent.

The loop is coverage-guided, as a greybox fuzzer: the worker says which arcs of the module each
call executed first (`Observation.novel`, against every arc the earlier rounds saw), and a call
that got somewhere new becomes a seed of its planner (seeds.py), which later rounds mutate
further. A callable's search goes on while its calls reach new goals or new arcs.
"""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import itertools
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from covopt_ls.coverage.model import Arc
from covopt_ls.engines.builtin.evidence import STRONG, unsupported_lines
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.retyping import PARSER_ERRORS
from covopt_ls.engines.builtin.runner import (
    OUTSIDE_WORLD,
    BatchResult,
    Observation,
    Scratch,
    WorkerSetup,
    run_batch,
)
from covopt_ls.engines.builtin.selection import Goal, cover, covered_goals
from covopt_ls.engines.builtin.targets import Target

if TYPE_CHECKING:
    from covopt_ls.engines.builtin.replay import Replay

MAX_ROUNDS = 40
STALE_ROUNDS = 3
"""Rounds in a row without a new goal or a new seed before the search of a callable stops."""
MODULE_SECONDS = 8.0
MODULE_SHARE = 0.8
"""A whole module's search stops after MODULE_SECONDS, or MODULE_SHARE of one callable's budget
when that is longer (a raised budget still buys time): the user waits for the module's tests,
and verifying them comes after (issue: 30 s a module in all)."""
SHRINK_SECONDS = 1.0
REPAIR_SECONDS = 1.5
MAX_REPAIRED = 24
"""Wrong-typed calls (those running the most missing goal lines) repaired at a search's end."""
SHRINK_PASSES = 3
MAX_SHRINK = 400
"""Shortened calls tried at most in one pass (search end, `_shrink`)."""
BATCH_TIMEOUT = 60.0
MAX_BATCH = 6000
"""Candidates a worker run takes at most; the rest wait for the next round."""
MIN_SHARE = 40
"""Candidates each planner makes for a later round at least, however many planners share it."""


@dataclass(slots=True)
class Search:
    """One callable's search: its planner and everything its candidates were seen to do."""

    target: Target
    planner: Planner
    observations: list[Observation] = field(default_factory=list)
    stale: int = 0
    done: bool = False
    unstable: set[Goal] = field(default_factory=set)
    """Goals reached only by calls dropped because their result changed between two runs."""
    entries: list[Planner] = field(default_factory=list)
    """Planners of public callables that reach the target's goals (entries.py); their
    candidates are recorded as the target's, with `Candidate.via` naming the entry."""

    def planner_of(self, candidate: Candidate) -> Planner:
        """The planner that made `candidate` (for naming its test after the right call)."""
        for entry in self.entries:
            if candidate.via == entry.target.qualname:
                return entry
        return self.planner

    def planners(self) -> list[Planner]:
        return [self.planner, *self.entries]

    def reached(self) -> set[Goal]:
        return set(covered_goals(self.observations, self.target.goal_lines, self.target.goal_arcs))

    @property
    def goal_count(self) -> int:
        return len(self.target.goal_lines) + len(self.target.goal_arcs)


async def run_search(
    searches: list[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    budget_seconds: float,
    replay: Replay | None = None,
) -> str | None:
    """Search until done; the module's import error (or the worker's failure), if any.
    `replay`: the existing tests' calls, run and mutated alongside (replay.py)."""
    cap = max(MODULE_SECONDS, budget_seconds * MODULE_SHARE)
    whole = min(budget_seconds * max(1, len(searches)), cap)
    deadline = time.monotonic() + whole
    known: dict[str, set[Arc]] = {}
    """Every arc of the module the calls for each callable executed so far (novelty is
    against these: a helper the other callables' calls run still has its own frontier)."""
    pending: list[Candidate] = []
    focus = {
        line
        for s in searches
        for line in (*s.target.goal_lines, *(n for arc in s.target.goal_arcs for n in arc))
    }
    # Whether an operator's TypeError follows a `return NotImplemented` (runner.Observation).
    focus |= {line for s in searches for line in unsupported_lines(s.target.name, s.target.node)}
    if replay is not None:
        focus |= replay.focus
    ran: dict[tuple[tuple[str, ...], str], Observation] = {}
    """What each distinct call did: a public entry shared by several private helpers, or a
    call a later round draws again, runs once."""
    for number in range(MAX_ROUNDS):
        active = [s for s in searches if not s.done]
        if not active:
            break
        by_target = {s.target.qualname: s for s in active}
        fresh = await asyncio.to_thread(_next_round, active, number)
        if replay is not None:
            fresh = [*await asyncio.to_thread(replay.round, number), *fresh]
        batch_candidates, twins = _shared([*pending, *fresh], ran)
        pending = batch_candidates[MAX_BATCH:]
        batch_candidates = batch_candidates[:MAX_BATCH]
        remaining = deadline - time.monotonic()
        if remaining <= 0.5 or not (batch_candidates or twins):
            break
        before = {name: len(s.reached()) for name, s in by_target.items()}
        batch = await run_batch(
            setup,
            scratch,
            batch_candidates,
            timeout=min(remaining, BATCH_TIMEOUT),
            repeat=True,
            focus=focus,
            known_arcs=known,
        )
        if batch.import_error:
            return batch.import_error
        if batch.worker_error:
            if not ran:
                return batch.worker_error
            # Earlier rounds ran: what they found stands, the search just stops here.
            break
        for observation in batch.observations:
            ran[_key(observation.candidate)] = observation
        seeded = _seed(batch.observations, by_target, known)
        batch.observations.extend(_copies(twins, ran))
        # Thousands of observations each round, each read by its planner (seeds, the errors
        # it learns from): CPU work, off the event loop like the planning.
        await asyncio.to_thread(_absorb, batch, by_target)
        if replay is not None:
            await asyncio.to_thread(replay.absorb, batch.observations, searches)
        pending = [*batch.not_run, *pending][:MAX_BATCH]
        ran_for = {o.candidate.target for o in batch.observations} | {c.target for c in batch.hung}
        for name, search in by_target.items():
            gained = len(search.reached()) > before[name] or name in seeded
            if gained:
                search.stale = 0
            elif name in ran_for:
                # A round whose calls for this search did not run (the batch ran out of time
                # first) says nothing about whether its inputs are exhausted.
                search.stale += 1
            if len(search.reached()) >= search.goal_count or search.stale >= STALE_ROUNDS:
                search.done = True
        await asyncio.sleep(0)
    await _repair(searches, setup, scratch, focus, ran)
    return await _shrink(searches, setup, scratch, focus, ran)


async def _repair(
    searches: list[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    focus: set[int],
    ran: dict[tuple[tuple[str, ...], str], Observation],
) -> None:
    """One batch of the wrong-typed calls that ran goal lines no well-typed call reached,
    with their wrong arguments replaced by well-typed ones (Planner.repaired), within
    REPAIR_SECONDS: what the search found by accident often holds with sensible values."""
    candidates: list[Candidate] = []
    for search in searches:
        reached = search.reached()
        missing = {line for line in search.target.goal_lines if line not in reached}
        wrong = [
            o for o in search.observations if o.candidate.mismatch >= STRONG and o.lines & missing
        ]
        wrong.sort(key=lambda o: -len(o.lines & missing))
        for observation in wrong[:MAX_REPAIRED]:
            candidates.extend(
                search.planner_of(observation.candidate).repaired(observation.candidate)
            )
    fresh, _ = _shared(candidates, ran)
    if not fresh:
        return
    batch = await run_batch(
        setup, scratch, fresh[:MAX_SHRINK], timeout=REPAIR_SECONDS, repeat=True, focus=focus
    )
    if batch.import_error or batch.worker_error:
        return  # The search's results stand; only the repair failed.
    for observation in batch.observations:
        ran[_key(observation.candidate)] = observation
    await asyncio.to_thread(_absorb, batch, {s.target.qualname: s for s in searches})


async def _shrink(
    searches: list[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    focus: set[int],
    ran: dict[tuple[tuple[str, ...], str], Observation],
) -> str | None:
    """Shorter texts for the mutants the tests would be made of (Planner.shrunk), a pass or
    two within SHRINK_SECONDS: the selection then takes the shortest call reaching the same
    goals. A fuzzer's input minimisation, for the reader's sake."""
    deadline = time.monotonic() + SHRINK_SECONDS
    tried: set[tuple[tuple[str, ...], str]] = set()
    by_target = {s.target.qualname: s for s in searches}
    for _ in range(SHRINK_PASSES):
        candidates: list[Candidate] = []
        for search in searches:
            usable = [o for o in search.observations if o.candidate.call and o.usable]
            chosen, _ = cover(usable, search.target.goal_lines, search.target.goal_arcs)
            for observation in chosen:
                key = _key(observation.candidate)
                if key not in tried:
                    tried.add(key)
                    planner = search.planner_of(observation.candidate)
                    candidates.extend(planner.shrunk(observation.candidate))
        fresh, _ = _shared(candidates, ran)
        remaining = deadline - time.monotonic()
        if not fresh or remaining <= 0.3:
            break
        batch = await run_batch(
            setup,
            scratch,
            fresh[:MAX_SHRINK],
            timeout=remaining,
            repeat=True,
            focus=focus,
        )
        if batch.import_error or batch.worker_error:
            return None  # The search's results stand; only the shortening failed.
        for observation in batch.observations:
            ran[_key(observation.candidate)] = observation
        await asyncio.to_thread(_absorb, batch, by_target)
    return None


def _key(candidate: Candidate) -> tuple[tuple[str, ...], str]:
    return candidate.setup, candidate.call


def _shared(
    candidates: list[Candidate], ran: dict[tuple[tuple[str, ...], str], Observation]
) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates to run (one per distinct call not run before), and the others: calls
    already run or about to run for another callable, which get a copy of that observation."""
    unique: list[Candidate] = []
    twins: list[Candidate] = []
    keys: set[tuple[tuple[str, ...], str]] = set()
    for candidate in candidates:
        key = _key(candidate)
        if key in ran or key in keys:
            twins.append(candidate)
        else:
            keys.add(key)
            unique.append(candidate)
    return unique, twins


def _copies(
    twins: list[Candidate], ran: dict[tuple[tuple[str, ...], str], Observation]
) -> list[Observation]:
    """Observations for the twins whose call ran (as each twin's own: its target, its via)."""
    copies = []
    for twin in twins:
        done = ran.get(_key(twin))
        if done is not None and done.candidate != twin:
            copies.append(dataclasses.replace(done, candidate=twin, novel=frozenset()))
    return copies


def _seed(
    observations: list[Observation], by_target: dict[str, Search], known: dict[str, set[Arc]]
) -> set[str]:
    """Add the arcs the batch executed first to `known`, and queue the calls that executed
    them as seeds of their planners (a call that ran to an end or raised, in the sandbox's
    bounds); the callables that got a seed with new arcs in their own code (the callable's or
    its entry's: new arcs elsewhere seed the next rounds but do not keep a search going)."""
    seeded: set[str] = set()
    for observation in observations:
        if not observation.novel:
            continue
        known.setdefault(observation.candidate.target, set()).update(observation.novel)
        search = by_target.get(observation.candidate.target)
        if search is None or not seedable(observation):
            continue
        planner = search.planner_of(observation.candidate)
        if planner.add_seed(observation.candidate, len(observation.novel)) and _inside(
            observation.novel, (search.target.node, planner.target.node)
        ):
            seeded.add(search.target.qualname)
    return seeded


def _inside(arcs: frozenset[Arc], nodes: tuple[ast.AST, ...]) -> bool:
    """Some arc runs within one of the definitions (an exit arc's negative end names the
    first line of the code it leaves)."""
    spans = [(int(getattr(n, "lineno", 0)), int(getattr(n, "end_lineno", 0) or 0)) for n in nodes]
    return any(start <= abs(line) <= end for arc in arcs for line in arc for start, end in spans)


def seedable(observation: Observation) -> bool:
    """A call worth mutating further: it ran (returned or raised) without a setup error and
    without reaching outside the sandbox. A raise counts: a parser that fails one token further
    on has still read further."""
    outcome = observation.outcome or {}
    return (
        outcome.get("kind") in ("return", "raise")
        and observation.setup_error is None
        and not (OUTSIDE_WORLD & set(observation.flags))
    )


def _absorb(batch: BatchResult, by_target: dict[str, Search]) -> None:
    for observation in batch.observations:
        search = by_target.get(observation.candidate.target)
        if search is not None:
            search.observations.append(observation)
    for search in by_target.values():
        ran = [
            (o.candidate, o.setup_error)
            for o in batch.observations
            if o.candidate.target == search.target.qualname
        ]
        misused = [
            (o.candidate, (o.outcome or {}).get("type"), (o.outcome or {}).get("message"))
            for o in batch.observations
            if o.candidate.target == search.target.qualname and (o.misuse or _instructive(o))
        ]
        for planner in search.planners():
            planner.learn([(c, e) for c, e in ran if search.planner_of(c) is planner])
            planner.retype([m for m in misused if search.planner_of(m[0]) is planner])
    for candidate in batch.hung:
        search = by_target.get(candidate.target)
        if search is not None:
            search.observations.append(Observation(candidate, outcome={"kind": "timeout"}))


def _instructive(observation: Observation) -> bool:
    """A KeyError Python raised at a lookup, or a standard parser's ValueError (not one the
    code raised itself): a mapping argument may lack the key it names, a text may not have
    the form the parser reads (planner.retype)."""
    outcome = observation.outcome or {}
    kind = outcome.get("type")
    if kind in PARSER_ERRORS:
        return True  # Raised in the standard library's own Python code (`_strptime`) too.
    return kind == "KeyError" and not outcome.get("explicit", True)


def _next_round(searches: list[Search], number: int) -> list[Candidate]:
    """The planners' candidates taken in turn, one from each, so that when a batch runs out of
    time (a big module, slow calls) every callable has had its likeliest inputs run, not just
    the first callables of the file."""
    planners = [planner for search in searches for planner in search.planners()]
    share = max(MIN_SHARE, MAX_BATCH // max(1, len(planners)))
    rounds = [planner.round(number, share) for planner in planners]
    return [
        candidate
        for layer in itertools.zip_longest(*rounds)
        for candidate in layer
        if candidate is not None
    ]
