"""Greedy set cover: the fewest observed candidates that reach all the goals reached at all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from covopt_ls.coverage.model import Arc
from covopt_ls.engines.builtin.runner import Observation

Goal = int | Arc


def reached(observation: Observation, lines: set[int], arcs: set[Arc]) -> set[Goal]:
    found: set[Goal] = set(lines & observation.lines)
    found |= arcs & observation.arcs
    return found


def _cost(observation: Observation) -> tuple[int, int, int, int]:
    """Prefer plain candidates: closest to the existing tests' call, fewer setup statements,
    values the code itself suggests (a compared constant before a typical value), then
    shorter code."""
    candidate = observation.candidate
    length = len(candidate.call) + sum(len(s) for s in candidate.setup)
    return candidate.distance, len(candidate.setup), candidate.rank, length


def cover(
    observations: Iterable[Observation], lines: set[int], arcs: set[Arc]
) -> tuple[list[Observation], set[Goal]]:
    """The chosen observations, in choice order, and the goals no usable candidate reached."""
    usable = [o for o in observations if o.usable]
    remaining: set[Goal] = {*lines, *arcs}
    chosen: list[Observation] = []
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
    return chosen, remaining


def covered_goals(
    observations: Sequence[Observation], lines: set[int], arcs: set[Arc]
) -> set[Goal]:
    found: set[Goal] = set()
    for observation in observations:
        if observation.usable:
            found |= reached(observation, lines, arcs)
    return found
