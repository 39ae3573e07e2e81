"""Replays the existing tests' calls wherever their callee lives, and mutates their literals.

Real projects test a module through the package's public API, defined elsewhere: `hjson.loads`
reaches the decoder, `parse(sql)` in `__init__` reaches the lexer, a CLI's `main([...])` reaches
the formatter. The planner only seeds a callable with the tests' calls of that very name, so a
module tested that way gets direct calls of its private scanners with made-up fragments. Here
every call the tests make (with the statements that build what it uses, tested_calls.py) is run; the
worker traces only the target file, so what a seed reaches there is measured whatever it calls.
The seeds that get near a goal are mutated like a fuzzer's corpus (texts spliced with the
module's own tokens, numbers nudged, values swapped for the module's constants, keyword
arguments dropped) and a mutant that reaches something new joins the corpus. A replayed call
that reaches a callable's goals is recorded as that callable's observation, so the cover
chooses it like any other call, before a private helper's direct call (selection.py tiers).
"""

from __future__ import annotations

import ast
import dataclasses
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from covopt_ls import syntax
from covopt_ls.engines.builtin.calls import literal_value, perturb_numbers
from covopt_ls.engines.builtin.existing import TestKnowledge
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import Observation, Scratch, WorkerSetup, run_batch
from covopt_ls.engines.builtin.selection import Goal, cover, reached, tier
from covopt_ls.engines.builtin.splice import Splicer, pieces
from covopt_ls.engines.builtin.tested_calls import Seed, Signature, args_of, kind_word, read_seeds

if TYPE_CHECKING:
    from covopt_ls.engines.builtin.search import Search

REPLAY = "<replay>"
"""The target of a replayed call until it is seen to reach some callable's goals."""
FIRST_MUTANTS = 2
"""Mutants of every seed in the first round, before it is known which seeds reach the module."""
MAX_MUTANTS = 160
MIN_MUTANTS = 20
"""Mutants a later round draws from the corpus."""
MAX_POOL = 64
MUTANT_RANK = 20
"""A random change ranks after any value the planner's pools hold (selection.py `_cost`): of two
calls reaching the same goals, the one with a value mined from the code reads better."""


@dataclass(slots=True)
class _Parent:
    seed: Seed
    setup: tuple[str, ...]
    call: str
    distance: int
    near: frozenset[int] = frozenset()
    """The focus lines it was seen to run (once it joined the corpus)."""


@dataclass(slots=True)
class Replay:
    """The replayed calls' search state: its corpus, and what it has seen so far."""

    seeds: list[Seed]
    splicer: Splicer
    values: dict[str, list[object]]
    """Literal values to swap in, by type name (the target's pools, the module's constants)."""
    focus: set[int] = field(default_factory=set)
    """Lines to report besides the goals: the first line of each callable with goals, so a
    seed that enters one is known to get near."""
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    corpus: list[_Parent] = field(default_factory=list)
    seen: set[int | tuple[int, int]] = field(default_factory=set)
    tried: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    origin: dict[str, Seed] = field(default_factory=dict)
    """The seed each replayed call comes from, by its call source (for naming its test)."""
    _parents: dict[tuple[tuple[str, ...], str], _Parent] = field(default_factory=dict)
    quota: int = MAX_MUTANTS
    """Mutants the next round draws (fewer after rounds that found nothing new)."""

    def __bool__(self) -> bool:
        return bool(self.seeds)

    def round(
        self, number: int, near: Iterable[int] = (), limit: int = MAX_MUTANTS
    ) -> list[Candidate]:
        """Round 0: every seed, and a few mutants of each; later: mutants of the corpus (of
        those that ran one of the `near` lines, when some did)."""
        found: list[Candidate] = []
        if number == 0:
            parents = [_Parent(s, s.setup, s.call, 0) for s in self.seeds]
            for parent in parents:
                found.extend(self._candidates([parent]))
            for parent in parents:
                found.extend(self._candidates(self._mutants(parent, FIRST_MUTANTS)))
            return found
        if not self.corpus:
            return []
        wanted = set(near)
        parents = [p for p in self.corpus if p.near & wanted] or self.corpus
        quota = min(limit, self.quota)
        for _ in range(quota * 3):
            if len(found) >= quota:
                break
            parent = self.rng.choice(parents)
            found.extend(self._candidates(self._mutants(parent, 1)))
        return found

    def _candidates(self, parents: Iterable[_Parent]) -> list[Candidate]:
        made = []
        for parent in parents:
            key = (parent.setup, parent.call)
            if key in self.tried:
                continue
            self.tried.add(key)
            self._parents[key] = parent
            self.origin.setdefault(parent.call, parent.seed)
            node = syntax.parse(parent.call, mode="eval").body
            seed = parent.seed
            args = args_of(node, seed.positional) if isinstance(node, ast.Call) else seed.args
            made.append(
                Candidate(
                    REPLAY,
                    parent.setup,
                    parent.call,
                    parent.seed.receiver,
                    args,
                    _setup_changes(seed.setup, parent.setup),
                    distance=parent.distance,
                    rank=MUTANT_RANK * parent.distance,
                    private=parent.seed.private,
                    replay=parent.seed.callee,
                )
            )
        return made

    def _mutants(self, parent: _Parent, count: int) -> list[_Parent]:
        result: list[_Parent] = []
        for _ in range(count * 3):
            if len(result) >= count:
                break
            mutant = self._mutate(parent)
            if mutant is not None:
                result.append(mutant)
        return result

    def _mutate(self, parent: _Parent) -> _Parent | None:
        try:
            call = syntax.parse(parent.call, mode="eval").body
            setup = [syntax.parse(s) for s in parent.setup]
        except SyntaxError:
            return None
        if not isinstance(call, ast.Call):
            return None
        changes = self.rng.choice((1, 1, 1, 2))
        done = 0
        for _ in range(changes):
            if call.keywords and self.rng.random() < 0.1:
                call.keywords.pop(self.rng.randrange(len(call.keywords)))
                done += 1
                continue
            given = {k.arg for k in call.keywords}
            options = [o for o in parent.seed.options if o[0] not in given]
            flags = [o for o in options if o[1] != "None"]
            if flags and self.rng.random() < 0.75:
                options = flags  # a flag or a number switches a way through; None is a slot
            if options and self.rng.random() < 0.1:
                name, default = self.rng.choice(options)
                value = self._option_value(default)
                if value is not None:
                    call.keywords.append(ast.keyword(name, value))
                    done += 1
                continue
            in_call = _constants([*call.args, *(k.value for k in call.keywords)])
            in_setup = _constants(setup) if setup else []
            places = in_call if in_call and (not in_setup or self.rng.random() < 0.8) else in_setup
            if not places:
                break
            done += self._change(self.rng.choice(places))
        if not done:
            return None
        text = ast.unparse(call)
        statements = tuple(ast.unparse(s) for s in setup)
        if (statements, text) == (parent.setup, parent.call):
            return None
        return _Parent(parent.seed, statements, text, parent.distance + done)

    def _option_value(self, default: str) -> ast.expr | None:
        """Another value for a keyword parameter than its default: the other truth value,
        a nearby number, a mutated text; for a `None` default, a value of the pools."""
        node = syntax.parse(default, mode="eval").body
        if isinstance(node, ast.Constant) and node.value is None:
            choices: list[object] = [True, *self.values.get("str", [])[:8]]
            choices.extend(self.values.get("int", [])[:8])
            value = self.rng.choice(choices)
            return ast.Constant(value) if isinstance(value, str | int | float) else None
        if isinstance(node, ast.Constant) and self._change(node):
            return node
        return None

    def _change(self, node: ast.Constant) -> int:
        value = node.value
        swap = self.rng.random() < 0.25
        if isinstance(value, bool):
            node.value = not value
        elif isinstance(value, str):
            pool = self.values.get("str", [])
            if swap and pool:
                node.value = str(self.rng.choice(pool))
            else:
                node.value = self.splicer.mutate(value, self.rng)
        elif isinstance(value, bytes):
            text = self.splicer.mutate(value.decode("latin-1"), self.rng)
            node.value = text.encode("utf-8", "replace")
        elif isinstance(value, int | float):
            pool = self.values.get(type(value).__name__, [])
            choice = self.rng.choice(pool) if swap and pool else None
            if isinstance(choice, int | float):
                node.value = choice
            else:
                changed = literal_value(perturb_numbers(repr(value), self.rng))
                if not isinstance(changed, int | float):
                    return 0
                node.value = changed
        else:
            return 0
        return 1

    def absorb(self, observations: Sequence[Observation], searches: Sequence[Search]) -> None:
        """Record each replayed call under the callables whose goals it reaches, and keep the
        calls that reach something new as parents of the next rounds' mutants."""
        publicly = {s.target.qualname: _public_goals(s) for s in searches}
        gained = False
        for observation in observations:
            candidate = observation.candidate
            if candidate.target != REPLAY:
                continue
            near: set[int | tuple[int, int]] = {*observation.lines, *observation.arcs}
            if near - self.seen and observation.setup_error is None:
                self.seen |= near
                parent = self._parents.get((candidate.setup, candidate.call))
                if parent is not None:
                    parent.near = frozenset(observation.lines)
                    self.corpus.append(parent)
                    gained = True
            if not observation.usable:
                continue
            for search in searches:
                target = search.target
                goals = reached(observation, target.goal_lines, target.goal_arcs)
                if goals and not goals <= publicly[target.qualname]:
                    # Only a call that adds to what public calls reach: every copy is run
                    # again to confirm it (polish.py), and the cover needs no twin.
                    publicly[target.qualname] |= goals
                    mine = dataclasses.replace(candidate, target=target.qualname)
                    search.observations.append(dataclasses.replace(observation, candidate=mine))
                    gained = True
        if any(o.candidate.target == REPLAY for o in observations):
            # A round that found nothing new halves the next one: the planners' own calls
            # keep the search going, and replaying in vain costs their time.
            self.quota = MAX_MUTANTS if gained else max(MIN_MUTANTS, self.quota // 2)


def _public_goals(search: Search) -> set[Goal]:
    """The goals the search's well-typed public calls reach (selection tier 0)."""
    target = search.target
    found: set[Goal] = set()
    for observation in search.observations:
        if observation.usable and not tier(observation):
            found |= reached(observation, target.goal_lines, target.goal_arcs)
    return found


REFINE_ROUNDS = 3
REFINE_SECONDS = 2.0
REFINE_MUTANTS = 60
SHRINK_SECONDS = 6.0
SHRINK_PASSES = 2
"""At most this long after the search, replaying for goals only a private call reached."""


def privately_reached(searches: Sequence[Search]) -> set[tuple[str, Goal]]:
    """Goals reached only by direct calls of private helpers (selection tier 1 and up)."""
    found: set[tuple[str, Goal]] = set()
    for search in searches:
        target = search.target
        public: set[Goal] = set()
        private: set[Goal] = set()
        for observation in search.observations:
            if observation.usable:
                goals = reached(observation, target.goal_lines, target.goal_arcs)
                (private if tier(observation) else public).update(goals)
        found |= {(target.qualname, goal) for goal in private - public}
    return found


async def refine(
    replay: Replay,
    searches: Sequence[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    seconds: float = REFINE_SECONDS,
) -> None:
    """After the search, more mutants of the replayed calls while some goals are reached
    only by calling a private helper directly: the search stops once every goal is reached,
    however it was, and a call of the public API reaching the same lines reads better."""
    if not replay.corpus:
        return
    deadline = time.monotonic() + seconds
    wanted = privately_reached(searches)
    focus = replay.focus | {
        line
        for s in searches
        for line in (*s.target.goal_lines, *(n for arc in s.target.goal_arcs for n in arc))
    }
    for number in range(1, REFINE_ROUNDS + 1):
        remaining = deadline - time.monotonic()
        if not wanted or remaining <= 0.5:
            return
        # Mutants of the calls that got into the callables holding those goals, or nearest.
        places = {qualname for qualname, _ in wanted}
        near = [
            line
            for s in searches
            if s.target.qualname in places
            for line in (*first_lines([s.target.node]), *s.target.goal_lines)
        ]
        near += [goal[0] for _, goal in wanted if isinstance(goal, tuple)]
        if not any(parent.near & set(near) for parent in replay.corpus):
            return  # no replayed call got into those callables: mutants would not either
        candidates = replay.round(number, near, REFINE_MUTANTS)
        if not candidates:
            return
        batch = await run_batch(
            setup, scratch, candidates, timeout=remaining, repeat=True, focus=focus
        )
        if batch.import_error or batch.worker_error:
            return
        replay.absorb(batch.observations, searches)
        left = privately_reached(searches)
        if left == wanted:
            return  # a round that replaced no private call: the next would not either
        wanted = left


MAX_SHRUNK = 16
"""Shorter variants tried per text of a chosen mutant."""


def _shorter_texts(text: str) -> list[str]:
    """`text` without one run of its pieces: halves, quarters, eighths, then single pieces
    (the first steps of delta debugging), longest cuts first."""
    cut = pieces(text)
    found: dict[str, None] = {}
    for parts in (2, 4, 8, len(cut)):
        size = max(1, len(cut) // parts)
        for start in range(0, len(cut), size):
            shorter = "".join([*cut[:start], *cut[start + size :]])
            if shorter != text:
                found.setdefault(shorter, None)
    return list(found)[:MAX_SHRUNK]


def _shrunk(candidate: Candidate) -> list[Candidate]:
    try:
        call = syntax.parse(candidate.call, mode="eval").body
    except SyntaxError:
        return []
    if not isinstance(call, ast.Call):
        return []
    found: list[Candidate] = []
    texts = [
        node
        for node in _constants([*call.args, *(k.value for k in call.keywords)])
        if isinstance(node.value, str) and len(node.value) > 2
    ]
    for node in texts:
        original = node.value
        if not isinstance(original, str):
            continue
        for shorter in _shorter_texts(original):
            node.value = shorter
            found.append(dataclasses.replace(candidate, call=ast.unparse(call), target=REPLAY))
        node.value = original
    return found


async def shrink(
    replay: Replay, searches: Sequence[Search], setup: WorkerSetup, scratch: Scratch
) -> None:
    """Two passes of `_shrink_once`: the second cuts what the first left."""
    deadline = time.monotonic() + SHRINK_SECONDS
    for _ in range(SHRINK_PASSES):
        remaining = deadline - time.monotonic()
        if remaining <= 0.5 or not await _shrink_once(replay, searches, setup, scratch, remaining):
            return


async def _shrink_once(
    replay: Replay,
    searches: Sequence[Search],
    setup: WorkerSetup,
    scratch: Scratch,
    seconds: float,
) -> bool:
    """The texts of the chosen mutants, cut shorter where the call still reaches the same
    goals and ends the same way: a mutant of `"foo.bar"` that reaches a parser's error branch
    as `"foo[: bar,baz}"` may do it as `"foo[:"`, which says what the test is about."""
    chosen: dict[tuple[tuple[str, ...], str], Observation] = {}
    for search in searches:
        target = search.target
        picked, _ = cover(search.observations, target.goal_lines, target.goal_arcs)
        for observation in picked:
            candidate = observation.candidate
            if candidate.replay and candidate.distance:
                chosen.setdefault((candidate.setup, candidate.call), observation)
    variants = [
        (observation, shorter)
        for observation in chosen.values()
        for shorter in _shrunk(observation.candidate)
        if (shorter.setup, shorter.call) not in replay.tried
    ]
    if not variants:
        return False
    replay.tried |= {(c.setup, c.call) for _, c in variants}
    focus = replay.focus | {
        line
        for s in searches
        for line in (*s.target.goal_lines, *(n for arc in s.target.goal_arcs for n in arc))
    }
    batch = await run_batch(
        setup, scratch, [c for _, c in variants], timeout=seconds, repeat=True, focus=focus
    )
    by_id = {id(o.candidate): o for o in batch.observations}
    for original, shorter in variants:
        seen = by_id.get(id(shorter))
        if seen is None or not seen.usable:
            continue
        before = original.outcome or {}
        after = seen.outcome or {}
        if (before.get("kind"), before.get("type")) != (after.get("kind"), after.get("type")):
            continue
        seed = replay.origin.get(original.candidate.call)
        if seed is not None:
            replay.origin.setdefault(shorter.call, seed)
        for search in searches:
            target = search.target
            wanted = reached(original, target.goal_lines, target.goal_arcs)
            if wanted and wanted <= reached(seen, target.goal_lines, target.goal_arcs):
                mine = dataclasses.replace(shorter, target=target.qualname)
                search.observations.append(dataclasses.replace(seen, candidate=mine))
    return True


def _labelled_constants(statements: Sequence[str]) -> list[tuple[str, str]] | None:
    """The literals of some statements, in order, each with the name it is given to (a
    keyword argument's, an assigned variable's) or the kind of its value."""
    found: list[tuple[str, str]] = []
    for text in statements:
        try:
            tree = syntax.parse(text)
        except SyntaxError:
            return None
        labels: dict[int, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg:
                labels[id(node.value)] = node.arg
            elif (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                labels[id(node.value)] = node.targets[0].id
        found.extend(
            (labels.get(id(node)) or kind_word(node), ast.unparse(node))
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
        )
    return found


def _setup_changes(original: Sequence[str], changed: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The first literal a mutant's preparation changed, (its name, its new source): the
    test is named after it (`secret_key="-key"`) when the call itself is the seed's."""
    if tuple(original) == tuple(changed):
        return ()
    before, after = _labelled_constants(original), _labelled_constants(changed)
    if before is None or after is None or len(before) != len(after):
        return ()
    return tuple(
        (label, new) for (label, old), (_, new) in zip(before, after, strict=True) if old != new
    )[:1]


def _constants(nodes: Sequence[ast.AST]) -> list[ast.Constant]:
    return [
        sub
        for node in nodes
        for sub in ast.walk(node)
        if isinstance(sub, ast.Constant)
        and isinstance(sub.value, str | bytes | int | float)
        and not (isinstance(sub.value, str) and len(sub.value) > 400)
    ]


def values_by_type(sources: Iterable[str]) -> dict[str, list[object]]:
    """Plain literal values (texts, numbers) of the given sources, grouped by type name."""
    found: dict[str, list[object]] = {}
    for source in sources:
        value = literal_value(source)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            continue
        bucket = found.setdefault(type(value).__name__, [])
        if value not in bucket and len(bucket) < MAX_POOL:
            bucket.append(value)
    return found


def first_lines(nodes: Iterable[ast.FunctionDef | ast.AsyncFunctionDef]) -> set[int]:
    """The first executed line of each function (its docstring runs no line)."""
    lines: set[int] = set()
    for node in nodes:
        body = node.body
        if (
            len(body) > 1
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            body = body[1:]
        lines.add(body[0].lineno)
    return lines


def build_replay(
    test_code: str,
    knowledge: TestKnowledge,
    known: set[str],
    tokens: list[str],
    values: Iterable[str],
    functions: Iterable[ast.FunctionDef | ast.AsyncFunctionDef],
    seed: int = 0,
    signature: Signature | None = None,
) -> Replay:
    """The replay of `test_code`'s calls: `known` names the worker binds from the module,
    `tokens` the module's grammar tokens, `values` literal sources to swap in, `functions`
    the callables with goals."""
    seeds = read_seeds(test_code, known | set(knowledge.import_of), signature=signature)
    texts = [
        v
        for s in seeds
        for _, source in s.args
        if isinstance(v := literal_value(source), str) and v
    ]
    return Replay(
        seeds,
        Splicer(texts or [""], tokens),
        values_by_type(values),
        focus=first_lines(functions),
        rng=random.Random(f"replay:{seed}"),
    )
