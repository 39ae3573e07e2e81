"""After the search: shorter preparations and a second run that proves each result stable.

A chosen test should carry no statement it does not need, and must assert nothing that changes
from one run to the next (set ordering under another hash seed, addresses in reprs, state left
by earlier candidates).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import Observation, Scratch, WorkerSetup, run_batch
from covopt_ls.engines.builtin.search import BATCH_TIMEOUT, Search
from covopt_ls.engines.builtin.selection import cover, reached

CONFIRM_HASH_SEED = 1729
"""The search runs the worker with PYTHONHASHSEED=0; the confirming run with this one, so a
result that depends on string hashes (set and dict orders, hash()) shows up as a change."""
_ASSERTED = (
    "enum",
    "attrs",
    "changes",
    "faithful",
    "lazy",
    "process_value",
)
"""Outcome fields a rendered test asserts (besides the repr): two runs must agree on each."""
EXTRA_CHECKS = ("equal_repr", "text", "length", "out", "files")
"""Checks added to a type check where no faithful repr exists: one two runs disagree on
(a str() holding a timestamp) is left out, and the test keeps the others."""


async def trim_setups(searches: list[Search], setup: WorkerSetup, scratch: Scratch) -> None:
    """Try each chosen test without each of its preparing statements: a statement the
    test reaches the same lines and ends the same way without is noise to a reader."""
    variants: list[tuple[Search, Observation, Candidate]] = []
    for search in searches:
        for observation in _untrimmed_choice(search):
            observation.trim_tried = True
            candidate = observation.candidate
            for index in _removable(candidate):
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
            trimmed.trim_tried = True
            search.observations.append(trimmed)


def _removable(candidate: Candidate) -> list[int]:
    """Indexes of the preparing statements a test might do without (not the receiver's)."""
    return [
        index
        for index, statement in enumerate(candidate.setup)
        if not (candidate.receiver and statement.startswith(f"{candidate.receiver} = "))
    ]


def _untrimmed_choice(search: Search) -> list[Observation]:
    chosen, _ = cover(search.observations, search.target.goal_lines, search.target.goal_arcs)
    return [o for o in chosen if not o.trim_tried and _removable(o.candidate)]


async def confirm(
    searches: list[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    *,
    checked: frozenset[int] = frozenset(),
) -> None:
    """Run every useful call again in a fresh process with another hash seed: a result
    that depends on the ordering of a set of strings (or on state left by earlier
    candidates) would make a flaky test, so such calls are dropped before the cover.

    Dropping a call can bring another into the cover that trim_setups never saw (it tried only
    the chosen ones): those are trimmed now, and their shorter variants confirmed in turn."""
    useful = [
        (search, observation)
        for search in searches
        for observation in search.observations
        if id(observation) not in checked
        and observation.usable
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
        kept = agreed(observation.outcome or {}, (second.outcome or {}) if second else {})
        if kept is not None:
            observation.outcome = kept
            continue
        search.observations = [o for o in search.observations if o is not observation]
        search.unstable |= reached(observation, search.target.goal_lines, search.target.goal_arcs)
    if checked:
        return
    untrimmed = [search for search in searches if _untrimmed_choice(search)]
    if untrimmed:
        seen = frozenset(id(o) for search in untrimmed for o in search.observations)
        await trim_setups(untrimmed, setup, scratch)
        await confirm(untrimmed, setup, scratch, checked=seen)


def agreed(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any] | None:
    """What two runs of one call agree on, as the outcome to assert; None when they disagree
    on something a test would assert. Unfaithful reprs (`<Order object at 0x...>`) never are;
    an exception message that changes is simply not matched; a list whose order changes is
    compared sorted."""
    if first.get("kind") != second.get("kind") or first.get("type") != second.get("type"):
        return None
    if first.get("kind") == "raise":
        if first.get("code") != second.get("code"):
            return None
        first = {k: v for k, v in first.items() if k not in EXTRA_CHECKS or second.get(k) == v}
        if first.get("message") != second.get("message"):
            return {**first, "message": None}
        return first
    for key in _ASSERTED:
        if first.get(key) != second.get(key):
            return None
    first = {k: v for k, v in first.items() if k not in EXTRA_CHECKS or second.get(k) == v}
    if first.get("process_value"):
        return first  # a hash or an address: only its type is asserted
    if not first.get("faithful") or first.get("repr") == second.get("repr"):
        return first
    if first.get("canonical") and first.get("canonical") == second.get("canonical"):
        return first  # a set or dict printed in another order: `==` still holds
    if first.get("sorted_repr") and first.get("sorted_repr") == second.get("sorted_repr"):
        return {**first, "order_free": True}
    return None
