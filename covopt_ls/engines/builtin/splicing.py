"""The planner's hooks into dictionary mutation of text arguments (splice.py): a splicer per
text parameter, the grammar tokens it splices in, and the spliced or joined values a round
draws.

Apart from splice.py, which knows texts only: this module knows the target, its tests' calls
and the module's literals.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator, Sequence

from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.pools import ParameterPools
from covopt_ls.engines.builtin.regex_calls import ModuleRegexes, pattern_tokens
from covopt_ls.engines.builtin.splice import Splicer, grammar_tokens

SPLICED = 24
"""Dictionary mutants of the text arguments in round 0 (splice.py), after every other value."""
SPLICE_CHANCE = 0.2
MAX_SEEDS = 32
"""Example texts a parameter's mutants start from: the tests' values, more than are replayed."""


class TextSplicing(ParameterPools):
    """The text splicers of a planner (a base of Planner, which sets the state below)."""

    sibling_tokens: list[str]
    regexes: ModuleRegexes | None
    _tokens: list[str] | None
    splicers: dict[str, Splicer]
    _splice_random: random.Random

    def _splicers(self) -> dict[str, Splicer]:
        """Dictionary mutation for each text parameter: its seeds are the texts the tests and
        documented examples pass, its tokens the short literals of the target's class (or
        function), then of the module."""
        result: dict[str, Splicer] = {}
        calls = [*self.base_calls, *self._existing_calls(MAX_SEEDS)]
        for param in self.target.params:
            values = [literal_value(c[param.name]) for c in calls if param.name in c]
            seeds = [v for v in values if isinstance(v, str) and v]
            if param.variadic or not seeds:
                continue
            splicer = Splicer(seeds, self._grammar_tokens())
            if splicer:
                result[param.name] = splicer
        return result

    def _grammar_tokens(self) -> list[str]:
        if self._tokens is None:
            target = self.target
            own = [target.cls.node if target.cls else target.node]
            module = [*(c.node for c in self.classes.values()), *self.functions.values()]
            tables = [
                v for m in self.tables.values() for s in m if isinstance(v := literal_value(s), str)
            ]
            patterns = pattern_tokens(own, self.regexes) if self.regexes else []
            tokens = grammar_tokens(own, module, tables, patterns=patterns)
            self._tokens = list(dict.fromkeys([*tokens, *self.sibling_tokens]))
        return self._tokens

    def _spliced(self, base: dict[str, str], count: int) -> Iterator[dict[str, str]]:
        """Round 0's dictionary mutants of the base call's text arguments."""
        share = max(1, count // max(1, len(self.splicers)))
        for name, splicer in self.splicers.items():
            for text in splicer.mutants(self._splice_random, share):
                yield {**base, name: repr(text)}

    def _joined(self, pool: Sequence[str], current: str | None) -> str:
        """Text built from several hints (`[` + `!` + `]`): parsers need sequences of them."""
        texts = _texts(tuple(pool))
        if len(texts) < 2:
            return current if current is not None else pool[0]
        picked = [self.random.choice(texts) for _ in range(self.random.choice((2, 3)))]
        return repr("".join(picked))

    def _splice(self, splicer: Splicer, current: str | None) -> str:
        """A mutant of the drawn text (stacking on a pool value or a joined one), or of a seed."""
        value = literal_value(current) if current is not None else None
        text = value if isinstance(value, str) else self._splice_random.choice(splicer.seeds)
        return repr(splicer.mutate(text, self._splice_random))


@functools.lru_cache(maxsize=1024)
def _texts(pool: tuple[str, ...]) -> list[str]:
    """The non-empty texts among a pool's values (asked for each later-round candidate)."""
    return [v for s in pool if isinstance(v := literal_value(s), str) and v]
