"""The search's memory of interesting inputs, as a greybox fuzzer keeps it.

A candidate call that executed arcs of the module no earlier call had (worker.py reports them)
got somewhere new: a parser read one token further, a validator passed one more check. The
next rounds start from it again and mutate it further, so inputs several mutations away from
the tests' examples are reached one step at a time (`"a"` → `"a["` → `"a[0]"`). The queue is
small and favours the seeds found last and those fewest mutations away from a plain call: the
tests they end up in stay readable.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from covopt_ls import syntax
from covopt_ls.engines.builtin.calls import perturb_numbers
from covopt_ls.engines.builtin.existing import Recipe

MAX_QUEUE = 24
"""Seeds a planner keeps; a new one pushes out the deepest (then the oldest)."""
MAX_DEPTH = 8
"""Mutants further than this from a plain call are not kept: their tests would read as noise."""
RECENT = 8
"""How many of the seeds found last are drawn twice as often."""
MAX_ELEMENTS = 12
MAX_SHORTER = 16
_Display = TypeVar("_Display", bound=ast.expr)


@dataclass(frozen=True, slots=True)
class Seed:
    recipe: Recipe | None
    """How the instance was prepared (None for a function)."""
    args: tuple[tuple[str, str], ...]
    """(parameter, source) of the call."""
    depth: int
    """Mutations from the plain call it descends from."""
    novelty: int = 1
    """How many arcs it executed first."""
    order: int = 0
    """When it was found (higher: later)."""


class SeedQueue:
    """A bounded queue of seeds; `choose` draws one, recent and shallow ones more often."""

    def __init__(self, limit: int = MAX_QUEUE) -> None:
        self.limit = limit
        self.seeds: list[Seed] = []
        self._count = 0

    def __len__(self) -> int:
        return len(self.seeds)

    def add(
        self, recipe: Recipe | None, args: dict[str, str], depth: int, novelty: int = 1
    ) -> bool:
        """Keep a new seed (False: the same call is queued, or it is too deep)."""
        if depth > MAX_DEPTH:
            return False
        key = tuple(sorted(args.items()))
        if any(s.recipe == recipe and s.args == key for s in self.seeds):
            return False
        self._count += 1
        self.seeds.append(Seed(recipe, key, depth, novelty, self._count))
        if len(self.seeds) > self.limit:
            worst = max(self.seeds, key=lambda s: (s.depth, -s.order))
            self.seeds.remove(worst)
        return True

    def weight(self, seed: Seed) -> float:
        """The seeds found last are where the search is progressing: twice the weight; a seed
        fewer mutations from a plain call weighs more (its tests read better, and a broad
        search from the shallow ones reaches more than a chase after the deepest), one that
        found more arcs a little more."""
        recent = 2.0 if seed.order > self._count - RECENT else 1.0
        return recent * (1 + min(seed.novelty, 4)) / (1 + seed.depth)

    def choose(self, rng: random.Random) -> Seed | None:
        if not self.seeds:
            return None
        weights = [self.weight(s) for s in self.seeds]
        return rng.choices(self.seeds, weights)[0]


def mutate_container(source: str, rng: random.Random, donors: Sequence[str] = ()) -> str | None:
    """A list, tuple, set or dict display with one element changed: dropped, repeated, a
    number in it nudged, or replaced by an element of a `donors` display of the same kind
    (values of the same parameter); None when `source` is no such display."""
    try:
        tree = syntax.parse(source, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    if isinstance(tree, ast.Dict):
        return _mutate_dict(tree, rng, donors)
    if not isinstance(tree, ast.List | ast.Tuple | ast.Set):
        return None
    elements = list(tree.elts)
    others = [e for d in donors if (node := _display(d, type(tree))) for e in node.elts]
    operation = rng.randrange(4)
    if operation == 0 and elements:
        del elements[rng.randrange(len(elements))]
    elif operation == 1 and elements and len(elements) < MAX_ELEMENTS:
        at = rng.randrange(len(elements))
        elements.insert(at, elements[at])
    elif operation == 2 and others:
        element = rng.choice(others)
        if elements and rng.random() < 0.5:
            elements[rng.randrange(len(elements))] = element
        elif len(elements) < MAX_ELEMENTS:
            elements.insert(rng.randrange(len(elements) + 1), element)
    elif elements:
        at = rng.randrange(len(elements))
        nudged = perturb_numbers(ast.unparse(elements[at]), rng)
        elements[at] = syntax.parse(nudged, mode="eval").body
    else:
        return None
    if isinstance(tree, ast.Set) and not elements:
        return "set()"
    tree.elts = elements
    return ast.unparse(tree)


def _mutate_dict(tree: ast.Dict, rng: random.Random, donors: Sequence[str]) -> str | None:
    pairs = [(k, v) for k, v in zip(tree.keys, tree.values, strict=True) if k is not None]
    others = [
        (k, v)
        for d in donors
        if (node := _display(d, ast.Dict))
        for k, v in zip(node.keys, node.values, strict=True)
        if k is not None
    ]
    operation = rng.randrange(3)
    if operation == 0 and pairs:
        del pairs[rng.randrange(len(pairs))]
    elif operation == 1 and others:
        key, value = rng.choice(others)
        shown = [ast.unparse(k) for k, _ in pairs]
        if ast.unparse(key) in shown:
            pairs[shown.index(ast.unparse(key))] = (key, value)
        elif len(pairs) < MAX_ELEMENTS:
            pairs.append((key, value))
    elif pairs:
        at = rng.randrange(len(pairs))
        key, value = pairs[at]
        nudged = perturb_numbers(ast.unparse(value), rng)
        pairs[at] = (key, syntax.parse(nudged, mode="eval").body)
    else:
        return None
    return ast.unparse(ast.Dict(keys=[k for k, _ in pairs], values=[v for _, v in pairs]))


def _display(source: str, kind: type[_Display]) -> _Display | None:
    try:
        node = syntax.parse(source, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    return node if isinstance(node, kind) else None


def shorter_texts(cut: Sequence[str], limit: int = MAX_SHORTER) -> list[str]:
    """Texts one step shorter than the one cut into `cut` (splice.pieces): each piece dropped
    in turn, then the first or the last half dropped; the shortest first."""
    if len(cut) < 2:
        return []
    half = len(cut) // 2
    found = dict.fromkeys(
        ["".join(cut[half:]), "".join(cut[:half])]
        + ["".join([*cut[:at], *cut[at + 1 :]]) for at in range(len(cut))]
    )
    texts = [t for t in found if t.strip()]
    return texts[:limit]
