"""Greedy set cover: the fewest observed candidates that reach all the goals reached at all,
the calls a person would keep first.

Candidates are taken in tiers: well-typed calls of the public API, then well-typed direct calls
of private helpers and special methods, then numbers of a neighbouring type; a later tier only
covers what the earlier ones could not. A wrong-typed call counts only for the lines that guard
against wrong types (`Candidate.guarded`): elsewhere it tests incidental behaviour."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from covopt_ls.coverage.model import Arc
from covopt_ls.engines.builtin.runner import Observation

Goal = int | Arc


def reached(observation: Observation, lines: set[int], arcs: set[Arc]) -> set[Goal]:
    found: set[Goal] = set(lines & observation.lines)
    found |= arcs & observation.arcs
    allowed = observation.candidate.guarded
    if allowed is not None:
        found = {g for g in found if _within(g, allowed)}
    return found


def _within(goal: Goal, allowed: frozenset[int]) -> bool:
    if isinstance(goal, int):
        return goal in allowed
    return goal[0] in allowed or goal[1] in allowed


def tier(observation: Observation) -> int:
    candidate = observation.candidate
    if candidate.mismatch:
        return 1 + candidate.mismatch
    return 1 if candidate.private else 0


def _cost(observation: Observation) -> tuple[bool, int, int, int, int]:
    """Prefer plain candidates: a result the test can assert (not a hash or an address, of
    which only the type can be checked), closest to the existing tests' call, fewer setup
    statements, values the code itself suggests (a compared constant before a typical value),
    then shorter code. The test file's definitions a test carries count as its setup."""
    candidate = observation.candidate
    setup = (*candidate.definitions, *candidate.setup)
    length = len(candidate.call) + sum(len(s) for s in setup)
    return observation.brittle, candidate.distance, len(setup), candidate.rank, length


def cover(
    observations: Iterable[Observation], lines: set[int], arcs: set[Arc]
) -> tuple[list[Observation], set[Goal]]:
    """The chosen observations, in choice order, and the goals no usable candidate reached."""
    usable = [o for o in observations if o.usable]
    remaining: set[Goal] = {*lines, *arcs}
    chosen: list[Observation] = []
    for level in sorted({tier(o) for o in usable}):
        _greedy([o for o in usable if tier(o) == level], lines, arcs, remaining, chosen)
    return chosen, remaining


def _greedy(
    usable: list[Observation],
    lines: set[int],
    arcs: set[Arc],
    remaining: set[Goal],
    chosen: list[Observation],
) -> None:
    while remaining:
        best: Observation | None = None
        best_gain: set[Goal] = set()
        for observation in usable:
            gain = reached(observation, lines, arcs) & remaining
            if not gain:
                continue
            if (
                best is None
                or len(gain) > len(best_gain)
                or (len(gain) == len(best_gain) and _cost(observation) < _cost(best))
            ):
                best, best_gain = observation, gain
        if best is None:
            break
        chosen.append(best)
        remaining -= best_gain


def covered_goals(
    observations: Sequence[Observation], lines: set[int], arcs: set[Arc]
) -> set[Goal]:
    found: set[Goal] = set()
    for observation in observations:
        if observation.usable:
            found |= reached(observation, lines, arcs)
    return found
