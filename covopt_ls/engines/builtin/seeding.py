"""Seed mutation for a planner: calls that reached new arcs are queued (seeds.py), mutated
further by stacked changes (havoc), and a mutant that reached a goal is shrunk back toward the
plain call.

Apart from the rounds (planner.py): it needs each candidate's origin (recipe, arguments,
depth), which the planner records as it makes candidates.
"""

from __future__ import annotations

import random

from covopt_ls.engines.builtin.calls import literal_value, perturb_numbers
from covopt_ls.engines.builtin.candidate import Candidate
from covopt_ls.engines.builtin.evidence import STRONG, mismatch
from covopt_ls.engines.builtin.existing import Recipe
from covopt_ls.engines.builtin.seeds import SeedQueue, mutate_container, shorter_texts
from covopt_ls.engines.builtin.splice import Splicer, pieces
from covopt_ls.engines.builtin.splicing import TextSplicing

REPAIRS = 3
"""Well-typed values tried for a wrong-typed argument of a call that reached a goal."""


class SeedMutation(TextSplicing):
    """The seed queue of a planner (a base of Planner, which sets the state below)."""

    _origins: dict[tuple[tuple[str, ...], str], tuple[Recipe | None, dict[str, str], int]]
    """(setup, call) of each candidate made → its recipe, arguments and mutation depth."""
    seeds: SeedQueue
    _seed_random: random.Random

    def _candidate(
        self, recipe: Recipe | None, args: dict[str, str], depth: int | None = None
    ) -> Candidate:
        raise NotImplementedError  # Planner makes the candidates and records their origins.

    def add_seed(self, candidate: Candidate, novelty: int) -> bool:
        """Queue a call of this planner's that executed `novelty` arcs first (seeds.py); its
        texts become the splicers' seeds too (a text parameter the tests gave no example of
        gets a splicer now). False for a call this planner did not make or a plain call."""
        origin = self._origins.get((candidate.setup, candidate.call))
        if origin is None or origin[2] == 0:
            return False
        recipe, args, depth = origin
        if not self.seeds.add(recipe, args, depth, novelty):
            return False
        for param in self.target.params:
            source = args.get(param.name)
            value = literal_value(source) if source is not None else None
            if not isinstance(value, str) or not value or param.variadic:
                continue
            splicer = self.splicers.get(param.name)
            if splicer is None:
                if mismatch(self.evident.get(param.name), repr(value)) >= STRONG:
                    continue
                splicer = self.splicers[param.name] = Splicer([], self._grammar_tokens())
            splicer.add_seed(value)
        return True

    def shrunk(self, candidate: Candidate) -> list[Candidate]:
        """Calls like `candidate`, a mutant of this planner's, with one change fewer: one
        argument as in the plain call, or one of its texts shorter (seeds.shorter_texts). A
        mutant that reached a goal often carries changes the goal does not need, and the
        plainest call still reaching it makes the test (selection.py)."""
        origin = self._origins.get((candidate.setup, candidate.call))
        if origin is None or origin[2] == 0:
            return []
        recipe, args, depth = origin
        found: list[Candidate] = []
        base = self.base_calls[0] if self.base_calls else {}
        for name, source in args.items():
            if base.get(name) != source:
                # One argument back to the plain call's (or left out): the change it carried
                # may be one the goal does not need (`_join=str` next to the text that matters).
                reverted = {k: v for k, v in args.items() if k != name}
                if name in base:
                    reverted[name] = base[name]
                found.append(self._candidate(recipe, reverted, depth))
        for name, source in args.items():
            value = literal_value(source)
            if not isinstance(value, str) or source in self.pools.get(name, ()):
                continue
            splicer = self.splicers.get(name)
            cut = splicer.cut(value) if splicer else pieces(value)
            for text in shorter_texts(cut):
                found.append(self._candidate(recipe, {**args, name: repr(text)}, depth))
        return found

    def repaired(self, candidate: Candidate) -> list[Candidate]:
        """Calls like `candidate`, one of this planner's whose arguments contradict their
        parameters' evident types, with each such argument in turn (then all of them) given
        the pool's first well-typed values: a goal the search reached only with
        `strict=[]` is often reached with `strict=True` too, and only that call makes a test
        worth keeping (a wrong-typed one pins incidental behaviour)."""
        origin = self._origins.get((candidate.setup, candidate.call))
        if origin is None:
            return []
        recipe, args, depth = origin
        wrong = [n for n, v in args.items() if mismatch(self.evident.get(n), v) >= STRONG]
        fitting = {
            name: [
                v for v in self.pools.get(name, []) if mismatch(self.evident.get(name), v) < STRONG
            ][:REPAIRS]
            for name in wrong
        }
        found = [
            self._candidate(recipe, {**args, name: value}, depth)
            for name in wrong
            for value in fitting[name]
        ]
        if len(wrong) > 1 and all(fitting.values()):
            whole = {**args, **{name: values[0] for name, values in fitting.items()}}
            found.append(self._candidate(recipe, whole, depth))
        return found

    def _havoc(self, args: dict[str, str]) -> dict[str, str]:
        """A seed's arguments with one to three stacked changes: a text spliced, a container's
        element changed, a number nudged, or a value swapped for another of the pool."""
        rng = self._seed_random
        params = [p.name for p in self.target.params if p.name in args or self.pools.get(p.name)]
        for _ in range(rng.choice((1, 1, 2, 3)) if params else 0):
            name = rng.choice(params)
            current = args.get(name)
            pool = self.pools.get(name, [])
            splicer = self.splicers.get(name)
            operations: list[tuple[int, str]] = [(1, "swap")] if pool else []
            if current is not None:
                if splicer and isinstance(literal_value(current), str):
                    operations.extend([(4, "splice"), (2, "extend")])
                if current[:1] in "[({":
                    operations.append((2, "container"))
                if any(ch.isdigit() for ch in current):
                    operations.append((1, "perturb"))
            if not operations:
                continue
            weights = [w for w, _ in operations]
            operation = rng.choices([o for _, o in operations], weights)[0]
            if operation == "splice" and splicer is not None:
                args[name] = self._splice(splicer, current)
            elif operation == "extend" and splicer is not None and current is not None:
                text = literal_value(current)
                args[name] = repr(splicer.extend(str(text), rng))
            elif operation == "container" and current is not None:
                args[name] = mutate_container(current, rng, pool) or current
            elif operation == "perturb" and current is not None:
                args[name] = perturb_numbers(current, rng)
            else:
                args[name] = rng.choice(pool)
        return args
