"""Example strings for a regular expression: a few that match it and a few that just miss.

Parsing code decides on `re.match(r"\\d{1,2}-\\d{1,2}$", expr)`; random or mined text almost
never matches such a pattern, so the branch behind it stays unreached. The pattern itself says
what matches: it is parsed with Python's own regex parser and walked, each node giving a few
alternatives (every branch of an alternation, a repeat at its minimum count and a little more,
a character class by a member or two), a sequence combining them one change at a time. Every
example is checked against the compiled pattern with the semantics the code uses (`match`,
`search`, `fullmatch`), so only real matches are kept; the near misses (one character changed,
one appended after a `$`-anchored match, the last one dropped) are kept only if they fail it,
so the other branch is taken too.

Bounded and total: a pattern too long, too deep, too big to spell out, or one that does not
compile gives nothing; texts stay short so checking them cannot backtrack for long.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MAX_PATTERN = 2000
"""Longer patterns are grammars of their own: not spelled out."""
MAX_DEPTH = 64
MAX_ALTERNATIVES = 12
"""Alternatives a node keeps (after combining its parts)."""
MAX_TEXT = 48
MAX_RISKY_TEXT = 16
"""Texts checked against a pattern with nested repeats stay this short (no long backtracking)."""
MAX_SAFE_REPEATS = 3
"""Patterns with this many repeats are checked on the short texts only."""
MAX_STEPS = 20000
SECONDS = 0.25
"""A safety net only: the step bound ends any real pattern first, so output is deterministic."""
MAX_COUNT = 3
"""A repeat is spelled at its minimum count and up to this many more."""
MODES = ("match", "search", "fullmatch")
_MEANINGFUL_FLAGS = int(re.I | re.M | re.S | re.X | re.A | re.U | re.L)
"""The flags that change what a pattern matches (not re.DEBUG, which prints)."""

_SAMPLES: dict[str, tuple[str, ...]] = {
    "CATEGORY_DIGIT": ("1", "0", "9"),
    "CATEGORY_NOT_DIGIT": ("a", "-"),
    "CATEGORY_SPACE": (" ", "\t"),
    "CATEGORY_NOT_SPACE": ("a", "1"),
    "CATEGORY_WORD": ("a", "Z", "1", "_"),
    "CATEGORY_NOT_WORD": ("-", " "),
    "CATEGORY_LINEBREAK": ("\n",),
    "CATEGORY_NOT_LINEBREAK": ("a",),
}
"""Characters of each class escape (`\\d`, `\\W`...), the likeliest in real text first."""
_UNIVERSE = "a1 -_Z.x0/,:;!#@+*=?\t\né"
"""Characters tried, in order, for a negated class or `.`: the first outside the class wins."""
_ANY = ("a", "1")

Token = str | tuple[str, int]
"""Text, or a group's boundary (`("open", n)`, `("close", n)`) or back reference (`("ref", n)`)."""
Alternative = tuple[Token, ...]
Option = tuple[int, Alternative]
"""An alternative and its cost (`_Walker`)."""


@dataclass(frozen=True, slots=True)
class Examples:
    """Texts that match a pattern (the plainest first) and texts that just miss it."""

    matching: tuple[str | bytes, ...] = ()
    missing: tuple[str | bytes, ...] = ()


class _Exhausted(Exception):
    """The pattern is too big or too slow to spell out within the bounds."""


def mode_of(function: str) -> str:
    """How a regex function or method applies its pattern: `match` and `fullmatch` anchor it,
    everything else (`search`, `findall`, `sub`, `split`...) finds it anywhere."""
    return function if function in MODES else "search"


@functools.lru_cache(maxsize=1024)
def examples(
    pattern: str | bytes, flags: int = 0, mode: str = "search", limit: int = 6
) -> Examples:
    """Up to `limit` texts `pattern` matches in `mode` (plainest first) and up to `limit // 2`
    near misses; nothing for a pattern that does not compile or is too big to spell out.
    Cached: every planner of a module asks about the same few patterns."""
    try:
        return _examples(pattern, flags, mode, limit)
    except Exception:
        # Beyond the bounds (_Exhausted), re.error, RecursionError, OverflowError, or whatever
        # the private parser raises on a shape it changed: no examples, never a failure.
        return Examples()


def _examples(pattern: str | bytes, flags: int, mode: str, limit: int) -> Examples:
    if len(pattern) > MAX_PATTERN or mode not in MODES:
        return Examples()
    # `re.DEBUG` would print the parsed pattern to stdout: in the server, the protocol channel.
    flags &= _MEANINGFUL_FLAGS
    compiled = re.compile(pattern, flags)
    parser: Any = importlib.import_module("re._parser")
    parsed = parser.parse(pattern, flags)
    walker = _Walker()
    risky = _risky(parsed.data) or _repeats(parsed.data) >= MAX_SAFE_REPEATS
    longest = MAX_RISKY_TEXT if risky else MAX_TEXT
    check = getattr(compiled, mode)
    matching: list[str | bytes] = []
    for _cost, alternative in walker.sequence(parsed.data, 0):
        text = _spelled(alternative)
        if len(text) > longest:
            continue
        value = _typed(text, pattern)
        if value is not None and value not in matching and check(value) is not None:
            matching.append(value)
            if len(matching) >= limit:
                break
    missing: list[str | bytes] = []
    for value in _near(matching[:3], mode):
        if len(value) <= longest + 1 and value not in missing and check(value) is None:
            missing.append(value)
    return Examples(tuple(matching), tuple(missing[: max(1, limit // 2)]))


def _typed(text: str, pattern: str | bytes) -> str | bytes | None:
    if isinstance(pattern, str):
        return text
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _spelled(alternative: Alternative) -> str:
    """The text of an alternative, each back reference spelled as its group's text."""
    text = ""
    starts: dict[int, int] = {}
    groups: dict[int, str] = {}
    for token in alternative:
        if isinstance(token, str):
            text += token
            continue
        kind, group = token
        if kind == "open":
            starts[group] = len(text)
        elif kind == "close" and group in starts:
            groups[group] = text[starts[group] :]
        elif kind == "ref":
            text += groups.get(group, "")
    return text


def _near(matching: Sequence[str | bytes], mode: str) -> Iterable[str | bytes]:
    """Texts one edit from a match: its last (then first) character swapped for one of another
    kind, a character appended (past a `$`), the last one dropped; then the empty text."""
    for value in matching:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        variants = []
        if text:
            variants.append(text[:-1] + _other(text[-1]))
            variants.append(_other(text[0]) + text[1:])
        variants.extend(text + extra for extra in ("!", "x", "0"))
        if text:
            variants.append(text[:-1])
        for variant in variants:
            yield variant.encode("latin-1") if isinstance(value, bytes) else variant
    if mode != "search" or not matching:
        yield b"" if matching and isinstance(matching[0], bytes) else ""


def _other(char: str) -> str:
    """A character of another kind: a letter for a digit, a digit for a letter, else a letter."""
    if char.isdigit():
        return "a"
    if char.isalpha():
        return "1"
    return "a"


def _risky(data: Iterable[tuple[Any, Any]], inside: bool = False) -> bool:
    """Whether a repeat holds another repeat or an alternation: the shapes that can backtrack
    exponentially on a text that almost matches."""
    for op, av in data:
        name = str(op)
        repeat = name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[1] != 1
        if inside and (repeat or name == "BRANCH"):
            return True
        if any(_risky(sub.data, inside or repeat) for sub in _children(name, av)):
            return True
    return False


def _repeats(data: Iterable[tuple[Any, Any]]) -> int:
    """How many repeats of a widely varying count a pattern holds (`*`, `+`, `{1,9}`; not
    `{2}` or `{1,2}`): several in a row over the same characters (`\\d*\\d*\\d*x`)
    backtrack polynomially, to a power of their number."""
    count = 0
    for op, av in data:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[1] - av[0] > 2:
            count += 1
        count += sum(_repeats(sub.data) for sub in _children(name, av))
    return count


def _children(name: str, av: Any) -> list[Any]:
    """The sub-patterns a node holds."""
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return [av[2]]
    if name == "BRANCH":
        return list(av[1])
    if name == "SUBPATTERN":
        return [av[3]]
    if name == "ATOMIC_GROUP":
        return [av]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if name == "GROUPREF_EXISTS":
        return [b for b in av[1:] if b is not None]
    return []


class _Walker:
    """Options for each node of a parsed pattern, within a step and time budget.

    An option is an alternative with a cost: how many characters it spells with a class's
    less likely member (`0` or `9` for `\\d`, where `1` is the plainest). Structure (each
    branch, each repeat count) is varied before characters, so the few examples kept reach
    the most branches of the code that reads them."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + SECONDS

    def _tick(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS or time.monotonic() > self.deadline:
            raise _Exhausted

    def sequence(self, data: Sequence[tuple[Any, Any]], depth: int) -> list[Option]:
        """A sequence's options: every part's first, then one part at a time changed to its
        next options (each branch and count gets its turn), then all changed at once."""
        if depth > MAX_DEPTH:
            raise _Exhausted
        parts: list[list[Option]] = []
        for op, av in data:
            options = self._node(str(op), av, depth + 1)
            if not options:
                return []
            parts.append(options[:MAX_ALTERNATIVES])
        base = [p[0] for p in parts]
        found: dict[Alternative, int] = {}
        _add(found, base)
        widest = max((len(p) for p in parts), default=0)
        for index in range(1, widest):
            for at, options in enumerate(parts):
                if index < len(options):
                    _add(found, [*base[:at], options[index], *base[at + 1 :]])
                    self._tick()
        _add(found, [p[min(1, len(p) - 1)] for p in parts])
        return _cheapest(found)

    def _node(self, name: str, av: Any, depth: int) -> list[Option]:
        """One node's options; an unknown node (or an anchor) spells as nothing."""
        if name == "LITERAL":
            return [(0, (chr(av),))]
        if name == "NOT_LITERAL":
            return [(0, (next(c for c in _UNIVERSE if ord(c) != av),))]
        if name == "ANY":
            return [(min(n, 1), (c,)) for n, c in enumerate(_ANY)]
        if name == "IN":
            return self._members(av)
        if name == "BRANCH":
            return _interleaved([self.sequence(b.data, depth) for b in av[1]])
        if name == "SUBPATTERN":
            return self._group(av, depth)
        if name == "ATOMIC_GROUP":
            return self.sequence(av.data, depth)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            return self._repeat(av, depth)
        if name == "GROUPREF":
            return [(0, (("ref", av),))]
        if name == "GROUPREF_EXISTS":
            return self._exists(av, depth)
        if name == "ASSERT":
            # A lookaround's text spelled in place, or not at all: the check keeps what works.
            return [(0, ()), *self.sequence(av[1].data, depth)[:2]]
        return [(0, ())]

    def _members(self, items: Sequence[tuple[Any, Any]]) -> list[Option]:
        """A character class's members: the first of each item (`[-*,/]` → each), then at a
        cost the others (a range's top, another digit)."""
        if items and str(items[0][0]) == "NEGATE":
            outside = [c for c in _UNIVERSE if not _in_class(c, items[1:])][:2]
            return [(min(n, 1), (c,)) for n, c in enumerate(outside)]
        found: dict[Alternative, int] = {}
        for op, av in items:
            samples = _item_samples(str(op), av)
            for text in samples[:1]:
                found.setdefault((text,), 0)
        for op, av in items:
            for text in _item_samples(str(op), av)[1:]:
                found.setdefault((text,), 1)
        return list((cost, alt) for alt, cost in found.items())[:4]

    def _group(self, av: Any, depth: int) -> list[Option]:
        group, _add_flags, _del_flags, sub = av
        inner = self.sequence(sub.data, depth)
        if group is None:
            return inner
        return [(cost, (("open", group), *alt, ("close", group))) for cost, alt in inner]

    def _exists(self, av: Any, depth: int) -> list[Option]:
        _group, yes, no = av
        absent: list[Option] = [(0, ())]
        return [*self.sequence(yes.data, depth), *(self.sequence(no.data, depth) if no else absent)]

    def _repeat(self, av: Any, depth: int) -> list[Option]:
        """A repeat at its minimum count, one and two more; its item's other options once
        each; then a run mixing them (`(,\\d|,\\d-\\d)+` → `,1`, `,1,1`, `,1-1`, `,1,1-1`)."""
        low, high, sub = av
        if low > MAX_TEXT:
            raise _Exhausted
        items = self.sequence(sub.data, depth)
        if not items:
            return [(0, ())] if low == 0 else []
        counts = [n for n in range(low, low + MAX_COUNT) if n <= high]
        self._tick(len(counts) + len(items))
        found: dict[Alternative, int] = {}
        for count in counts[:2]:
            _add(found, [items[0]] * count)
        once = max(low, 1)
        if once <= high:
            for item in items[1:]:
                _add(found, [item, *[items[0]] * (once - 1)])
        mixed = max(low, min(2, high))
        if len(items) > 1 and mixed > 0:
            _add(found, [items[n % len(items)] for n in range(max(mixed, 2))])
        for count in counts[2:]:
            _add(found, [items[0]] * count)
        return _cheapest(found)


def _add(found: dict[Alternative, int], parts: Sequence[Option]) -> None:
    """Record the concatenation of `parts` (at the sum of their costs) unless already there."""
    alternative = tuple(itertools.chain.from_iterable(alt for _, alt in parts))
    found.setdefault(alternative, sum(cost for cost, _ in parts))


def _cheapest(found: dict[Alternative, int]) -> list[Option]:
    """The cheapest options first (in the order they were found), at most MAX_ALTERNATIVES."""
    ranked = sorted(found.items(), key=lambda item: item[1])
    return [(cost, alt) for alt, cost in ranked[:MAX_ALTERNATIVES]]


def _interleaved(options: Sequence[list[Option]]) -> list[Option]:
    """Each branch's first option, then each branch's second, and so on; the cheapest first."""
    found: dict[Alternative, int] = {}
    for batch in itertools.zip_longest(*options):
        for option in batch:
            if option is not None:
                found.setdefault(option[1], option[0])
    return _cheapest(found)


def _item_samples(name: str, av: Any) -> list[str]:
    if name == "LITERAL":
        return [chr(av)]
    if name == "RANGE":
        low, high = av
        return list(dict.fromkeys([chr(low), chr(min(low + 1, high)), chr(high)]))
    if name == "RANGE_UNI_IGNORE":
        low, high = av
        return [chr(low)]
    if name == "CATEGORY":
        return list(_SAMPLES.get(_category(av), ()))
    return []


def _category(code: Any) -> str:
    """`CATEGORY_UNI_DIGIT` and `CATEGORY_LOC_WORD` read as `CATEGORY_DIGIT`, `CATEGORY_WORD`."""
    return str(code).replace("_UNI_", "_").replace("_LOC_", "_")


_CATEGORY_TESTS: dict[str, Callable[[str], bool]] = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
    "CATEGORY_LINEBREAK": lambda c: c == "\n",
    "CATEGORY_NOT_LINEBREAK": lambda c: c != "\n",
}


def _in_class(char: str, items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a class's items (without NEGATE) take `char` (case as written; the final check
    against the compiled pattern settles the rest)."""
    code = ord(char)
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and av == code:
            return True
        if name in ("RANGE", "RANGE_UNI_IGNORE") and av[0] <= code <= av[1]:
            return True
        if name == "CATEGORY":
            test = _CATEGORY_TESTS.get(_category(av))
            if test is not None and test(char):
                return True
    return False
