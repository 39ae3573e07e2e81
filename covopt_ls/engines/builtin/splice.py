"""Dictionary mutation of text inputs: strings written in the module's own little language.

A parser, a lexer, a URI template or a colour string takes text in a grammar the module
defines. Random text almost never gets past its first check, and the existing tests' examples
only reach the branches they were written for. The module's source names the grammar's tokens
(the literals it compares characters with, the keys of its token tables, the separators it
splits on, the characters of its regex classes), so, like a fuzzer's dictionary, those tokens are
inserted into, swapped into and spliced between valid examples: `"a[?b==1]"` becomes
`"a[?b!=1]"` when the module compares with `"!="`. Mutants stay close to a valid example, so
most of them still parse far enough to reach the branch the new token selects.
"""

from __future__ import annotations

import ast
import functools
import itertools
import random
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from covopt_ls import syntax
from covopt_ls.engines.builtin.modpath import module_file

MAX_TOKEN = 8
"""Longer literals are messages and names, not grammar."""
MAX_TOKENS = 48
MAX_TEXT = 200
MAX_SEEDS = 32
"""Texts the search found that a splicer keeps beside the examples."""
_SEPARATING = frozenset(
    {
        "startswith",
        "endswith",
        "split",
        "rsplit",
        "partition",
        "rpartition",
        "strip",
        "lstrip",
        "rstrip",
        "find",
        "rfind",
        "index",
        "rindex",
        "count",
        "removeprefix",
        "removesuffix",
    }
)
"""Methods whose string arguments are pieces of the text they look at."""
_REGEX_FUNCTIONS = frozenset(
    {"compile", "match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split"}
)
_CLASS = re.compile(r"(?<!\\)\[\^?(.*?)(?<!\\)\]")
GENERIC = (
    *string.punctuation,
    *("==", "!=", "<=", ">=", "&&", "||", "**", "//", "->", "::", "..", "[]", "()", "{}", "''"),
)
"""Punctuation any little language may use, tried after the module's own tokens (its lexer
may live in another module): one character, and the usual two-character operators."""
GENERIC_CHANCE = 0.25
LINE_CHANCE = 0.2
"""How often a text of several lines is changed a whole line at a time."""
_PIECES = re.compile(r"\w+|\s+|[^\w\s]")
"""A seed's pieces: a word, a run of spaces, or one punctuation character."""


def grammar_tokens(
    own: Sequence[ast.AST],
    module: Sequence[ast.AST] = (),
    tables: Iterable[str] = (),
    limit: int = MAX_TOKENS,
    patterns: Iterable[str] = (),
) -> list[str]:
    """The short string literals that look like the grammar's tokens: those of `own` (the
    target and its class) first, then `patterns` (short matches of the regexes `own` applies,
    regex_calls.pattern_tokens), then the members of the module's tables (`OPERATORS = {"+":
    ...}`), then the literals of the rest of the `module`. The pattern matches come on top of
    `limit`: they add to the dictionary without pushing the module's literals out."""
    tokens: dict[str, None] = {}
    for token in _tokens(own):
        tokens.setdefault(token, None)
    patterns = [t for t in patterns if t not in tokens]
    limit += len(patterns)
    for token in patterns:
        tokens.setdefault(token, None)
    for token in tables:
        if 0 < len(token) <= MAX_TOKEN and token.isprintable():
            tokens.setdefault(token, None)
    for token in _tokens(module):
        tokens.setdefault(token, None)
    return list(tokens)[:limit]


def _tokens(nodes: Sequence[ast.AST]) -> Iterable[str]:
    for node in nodes:
        yield from _node_tokens(node)


@functools.lru_cache(maxsize=4096)
def _node_tokens(root: ast.AST) -> tuple[str, ...]:
    """`_tokens_in`, read once a definition (every planner of a module asks for its tokens)."""
    return tuple(_tokens_in(root))


def _tokens_in(root: ast.AST) -> Iterable[str]:
    for node in ast.walk(root):
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                yield from _short(side)
                if (
                    isinstance(side, ast.Constant)
                    and type(side.value) is int
                    and abs(side.value) <= 1000
                ):
                    yield str(side.value)  # `right == 0`: the number the text may spell
        elif isinstance(node, ast.Dict):
            for key in node.keys:
                if key is not None:
                    yield from _short(key)
        elif isinstance(node, ast.MatchValue):
            yield from _short(node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in _SEPARATING:
                for arg in node.args[:1]:
                    yield from _short(arg)
            elif name in _REGEX_FUNCTIONS and node.args:
                pattern = node.args[0]
                if isinstance(pattern, ast.Constant) and isinstance(pattern.value, str):
                    yield from _class_characters(pattern.value)


def _short(node: ast.expr) -> Iterable[str]:
    """The short string constants of an expression: itself, or the members of a display."""
    elements = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
    for element in elements:
        if (
            isinstance(element, ast.Constant)
            and isinstance(element.value, str)
            and 0 < len(element.value) <= MAX_TOKEN
            and element.value.isprintable()
        ):
            yield element.value


def _class_characters(pattern: str) -> Iterable[str]:
    """The punctuation a regex's character classes accept (`[+\\-*/]` → `+`, `-`, `*`, `/`)."""
    for body in _CLASS.findall(pattern):
        for char in body.replace("\\", ""):
            if char in string.punctuation and char not in "^[]":
                yield char


def pieces(text: str, tokens: Sequence[str] = ()) -> list[str]:
    """`text` cut at token boundaries: the longest of `tokens` that starts at a position (so
    `==` stays one piece), else a word, a run of spaces or one punctuation character."""
    result: list[str] = []
    at = 0
    while at < len(text):
        token = next((t for t in tokens if text.startswith(t, at)), None)
        if token is None:
            match = _PIECES.match(text, at)
            token = match.group() if match else text[at]
        result.append(token)
        at += len(token)
    return result


@dataclass(slots=True)
class Splicer:
    """Mutants of valid example texts, built from the grammar's tokens.

    `seeds`: valid texts (the existing tests' values first); `tokens`: the grammar's tokens.
    """

    seeds: list[str]
    tokens: list[str]
    _long: list[str] = field(default_factory=list)
    _cuts: dict[str, list[str]] = field(default_factory=dict)
    _given: int | None = None
    """How many seeds came from the examples (set once texts are added)."""
    _line_pool: list[str] | None = None

    def __post_init__(self) -> None:
        self.seeds = list(dict.fromkeys(s for s in self.seeds if len(s) <= MAX_TEXT))
        self.tokens = list(dict.fromkeys(self.tokens))
        self._long = sorted(
            {t for t in (*self.tokens, *GENERIC) if len(t) > 1}, key=len, reverse=True
        )

    def __bool__(self) -> bool:
        return bool(self.seeds)

    def add_seed(self, text: str) -> bool:
        """Take a text that got further than the others (seeds.py) as one more seed; past
        MAX_SEEDS the oldest added one makes room (the tests' examples stay)."""
        if not text or len(text) > MAX_TEXT or text in self.seeds:
            return False
        if self._given is None:
            self._given = len(self.seeds)
        self.seeds.append(text)
        if len(self.seeds) > self._given + MAX_SEEDS:
            del self.seeds[self._given]
        return True

    def mutants(self, rng: random.Random, count: int) -> list[str]:
        """`count` distinct texts (fewer if the space is small), none of them a seed: first
        each seed with one piece replaced by a token of its kind (punctuation for punctuation,
        a word for a word), every position getting its turn, then random stacked changes."""
        found: dict[str, None] = {}
        overwrites = [self._overwrites(seed) for seed in self.seeds]
        for batch in itertools.zip_longest(*overwrites):
            for text in batch:
                if len(found) >= count // 2:
                    break
                if text is not None and text not in self.seeds:
                    found.setdefault(text, None)
        for _ in range(count * 4):
            if len(found) >= count or not self:
                break
            text = self.mutate(rng.choice(self.seeds), rng)
            if text not in self.seeds:
                found.setdefault(text, None)
        return list(found)

    def _overwrites(self, seed: str) -> list[str]:
        """The seed with one piece replaced by each token of its kind, position by position."""
        cut = self._cut(seed)
        every = [*self.tokens, *(g for g in GENERIC if g not in self.tokens)]
        per_position = [
            [
                "".join([*cut[:at], token, *cut[at + 1 :]])
                for token in every
                if token != piece and _kind(token) == _kind(piece)
            ]
            for at, piece in enumerate(cut)
            if not piece.isspace()
        ]
        return [t for batch in itertools.zip_longest(*per_position) for t in batch if t]

    def extend(self, text: str, rng: random.Random) -> str:
        """`text` with a token appended: a parser reads from the left, so the end of a text that
        got further than the others is where the next token is wanted."""
        tokens: Sequence[str] = self.tokens
        if not tokens or rng.random() < GENERIC_CHANCE:
            tokens = GENERIC
        token: str = rng.choice(tokens)
        return (text + token)[:MAX_TEXT]

    def mutate(self, text: str, rng: random.Random) -> str:
        """One mutant of `text`: one or two stacked changes."""
        cut = self._cut(text)
        for _ in range(rng.choice((1, 1, 2))):
            cut = self._change(cut, rng)
        return "".join(cut)[:MAX_TEXT]

    def cut(self, text: str) -> list[str]:
        """`text` in pieces, the grammar's longer tokens kept whole."""
        return list(self._cut(text))

    def _cut(self, text: str) -> list[str]:
        cut = self._cuts.get(text)
        if cut is None:
            if len(self._cuts) > 256:
                self._cuts.clear()
            cut = self._cuts[text] = pieces(text[:MAX_TEXT], self._long)
        return cut

    def lines(self) -> list[str]:
        """Whole lines for texts read line by line (a config file, a diff, subtitles): the
        seeds' own lines, each indented (a continuation), a blank one, and lines built round
        each token (`; note`, `key = value`), since such a parser's branches are chosen by the
        line's first characters or the separator inside it."""
        if self._line_pool is None:
            own = [line for seed in self.seeds if "\n" in seed for line in seed.split("\n")]
            built = [
                line
                for token in self.tokens
                if "\n" not in token and not token.isspace()
                for line in (f"{token} note", f"key {token} value", token)
            ]
            indented = ["    " + line for line in own if line.strip()]
            pool = [*own, "", *built, *indented[:MAX_TOKENS]]
            self._line_pool = list(dict.fromkeys(pool))[: MAX_TOKENS * 4]
        return self._line_pool

    def _change_line(self, cut: list[str], rng: random.Random) -> list[str]:
        """Insert, replace, drop or repeat one whole line."""
        lines = "".join(cut).split("\n")
        at = rng.randrange(len(lines))
        operation = rng.randrange(4)
        if operation == 0:
            lines.insert(at, rng.choice(self.lines()))
        elif operation == 1:
            lines[at] = rng.choice(self.lines())
        elif operation == 2 and len(lines) > 1:
            del lines[at]
        else:
            lines.insert(at, lines[at])
        return self._cut("\n".join(lines)[:MAX_TEXT])

    def _change(self, cut: list[str], rng: random.Random) -> list[str]:
        if any("\n" in piece for piece in cut) and rng.random() < LINE_CHANCE:
            return self._change_line(cut, rng)
        at = rng.randrange(len(cut) + 1)
        tokens = self.tokens if self.tokens and rng.random() >= GENERIC_CHANCE else GENERIC
        token = rng.choice(tokens)
        operation = rng.randrange(7)
        if operation == 0:  # insert a token at a boundary
            return [*cut[:at], token, *cut[at:]]
        if operation == 1 and cut:  # replace a piece by a token, of its kind if there is one
            at = min(at, len(cut) - 1)
            alike = [t for t in tokens if _kind(t) == _kind(cut[at])]
            token = rng.choice(alike) if alike else token
            return [*cut[:at], token, *cut[at + 1 :]]
        if operation == 2 and len(self.seeds) > 1:  # splice: this prefix, another's suffix
            other = self._cut(rng.choice(self.seeds))
            return [*cut[:at], *other[rng.randrange(len(other) + 1) :]]
        if operation == 3:
            return [*cut, token]
        if operation == 4:
            return [token, *cut]
        if operation == 5 and len(cut) > 1:  # drop a piece
            at = min(at, len(cut) - 1)
            return [*cut[:at], *cut[at + 1 :]]
        if cut:  # duplicate a piece
            at = min(at, len(cut) - 1)
            return [*cut[: at + 1], *cut[at:]]
        return [token]


def _kind(piece: str) -> str:
    """Word, space or punctuation: a token replaces a piece of its kind."""
    if piece[:1].isspace():
        return "space"
    return "word" if piece[:1].isalnum() or piece[:1] == "_" else "punctuation"


MAX_SIBLINGS = 6
MAX_SIBLING_BYTES = 512 * 1024
SIBLING_TOKENS = 16
"""Tokens taken from the sibling modules, after the module's own."""


def sibling_tokens(tree: ast.Module, source: Path, module: str) -> list[str]:
    """The grammar tokens of the modules of its own package that `tree` imports from
    (`from .lexer import tokenize`, `from pkg.lexer import tokenize`): a parser's tokens often
    live in its lexer, another file. `source` is the module's file, `module` its dotted name."""
    tokens: dict[str, None] = {}
    for path in _siblings(tree, source, module)[:MAX_SIBLINGS]:
        sibling = read_sibling(path)
        if sibling is None:
            continue
        for token in _tokens([sibling]):
            tokens.setdefault(token, None)
    return list(tokens)[:SIBLING_TOKENS]


def read_sibling(path: Path) -> ast.Module | None:
    """A sibling module's tree; None for one too big, unreadable or that does not parse."""
    try:
        if path.stat().st_size > MAX_SIBLING_BYTES:
            return None
        return syntax.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError, RecursionError):
        return None


def _siblings(tree: ast.Module, source: Path, module: str) -> list[Path]:
    return list(dict.fromkeys(path for _, path, _ in imported_siblings(tree, source, module)))


def imported_siblings(
    tree: ast.Module, source: Path, module: str
) -> list[tuple[str, Path, str | None]]:
    """The modules of its own package that `tree` imports from, as (the name the import binds,
    the module's file, the member it takes or None for a whole module): `from . import lexer`
    gives ("lexer", .../lexer.py, None), `from .lexer import scan as s` ("s", .../lexer.py,
    "scan"). `source` is the module's file, `module` its dotted name."""
    parts = module.split(".")
    is_package = source.name == "__init__.py"
    ups = len(parts) if is_package else len(parts) - 1
    found: list[tuple[str, Path, str | None]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            if node.level > len(source.parents):
                continue
            base = source.parents[node.level - 1]
            dotted = node.module.split(".") if node.module else []
        elif node.module and len(parts) > 1 and node.module.split(".")[0] == parts[0]:
            if ups >= len(source.parents):
                continue
            base = source.parents[ups]
            dotted = node.module.split(".")
        else:
            continue
        for alias in node.names:
            # `from pkg import lexer` names a module; `from .lexer import scan` a member of one.
            bound = alias.asname or alias.name
            path = module_file(".".join([*dotted, alias.name]), [base])
            member: str | None = None
            if path is None and dotted:
                path, member = module_file(".".join(dotted), [base]), alias.name
            if path is not None and path.resolve() != source.resolve():
                found.append((bound, path, member))
    return found
