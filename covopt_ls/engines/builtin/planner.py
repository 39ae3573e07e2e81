"""Turns the mined hints into concrete candidate calls, round after round.

Round 0 replays the existing tests' calls and mutates them one argument at a time over the
parameter pools (or, with no existing call, starts from a base call of typical values). Later
rounds combine several mutations at random and, for methods, prepare the instance further by
calling another method of the class first (a state machine needs `pay` before `ship`).
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import itertools
import keyword
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from covopt_ls.engines.builtin.aliases import only_literals, resolve
from covopt_ls.engines.builtin.applied import applied, returns_callable, takes_function
from covopt_ls.engines.builtin.callables import local_functions, own_functions
from covopt_ls.engines.builtin.calls import (
    dunder_call,
    literal_type,
    literal_value,
    map_call,
    mutates_self,
    owned_by,
    parse_call,
    perturb_numbers,
    render_call,
    snake,
)
from covopt_ls.engines.builtin.candidates import (
    GENERIC,
    TYPICAL,
    Pool,
    annotation_type_name,
    annotation_values,
    mine,
)
from covopt_ls.engines.builtin.evidence import (
    STRONG,
    evident_type,
    guard_lines,
    mismatch,
    unsupported_lines,
)
from covopt_ls.engines.builtin.existing import Recipe, TestKnowledge
from covopt_ls.engines.builtin.seeds import SeedQueue, mutate_container, shorter_texts
from covopt_ls.engines.builtin.splice import Splicer, grammar_tokens, pieces
from covopt_ls.engines.builtin.targets import (
    ClassInfo,
    Param,
    Target,
    function_params,
    members,
)
from covopt_ls.engines.builtin.usage import (
    ALLOWED_LITERALS,
    FIELDS,
    Usage,
    infer_usage,
    passed_on,
    usage_values,
    vararg_values,
    wants_fields,
    with_stored,
)

MAX_POOL = 20
MAX_EXTENDED = 80
"""Prepared instances tried per round, shared evenly between the state-changing methods."""
_COMPATIBLE: dict[str, set[str | None]] = {
    "str": {"str", "NoneType", None},
    "int": {"int", "bool", "NoneType", None},
    "float": {"float", "int", "NoneType", None},
    "bool": {"bool", "NoneType", None},
}
"""Literal types a value may have for an annotated simple type (None: not a literal)."""
MAX_ROUND = 400
SPLICED = 24
"""Dictionary mutants of the text arguments in round 0 (splice.py), after every other value."""
SPLICE_CHANCE = 0.2
APPLIED = 3
"""How many of the plainest decorator-factory calls are applied to a local function."""
MAX_SEEDS = 32
"""Example texts a parameter's mutants start from: the tests' values, more than are replayed."""
SEEDED_SHARE = 0.5
"""Part of a later round that mutates the seeds (calls that reached new arcs, seeds.py)."""
MAX_ORIGINS = 20000
_BUILTIN_TYPES = (str, bytes, int, float, list, dict, set, tuple)


@dataclass(frozen=True, slots=True)
class Candidate:
    target: str
    """The target's qualname."""
    setup: tuple[str, ...]
    call: str
    receiver: str | None
    args: tuple[tuple[str, str], ...]
    """(parameter, source) pairs given to the target call, for naming the test."""
    setup_args: tuple[tuple[str, str], ...] = ()
    """Constructor arguments that differ from the tests' usual instance."""
    distance: int = 0
    """How many changes from the plainest call (the existing test's): fewer reads better."""
    rank: int = 0
    """How far down the parameter pools the changed values sit: mined hints rank first."""
    mismatch: int = 0
    """How badly an argument contradicts its parameter's evident type (evidence.py)."""
    private: bool = False
    """Calls a private helper or a special method by name, where the public API reads better."""
    guarded: frozenset[int] | None = None
    """The only lines this call may be offered for (a wrong-typed value: the type guards)."""
    via: str = ""
    """The public callable the call goes through, when the goal lies in a private one."""
    unsupported: frozenset[int] = frozenset()
    """The target's `return NotImplemented` lines when the call is its operator (`bits | x`):
    once one of them runs, the TypeError Python raises is the class's behaviour, not misuse."""
    replay: str = ""
    """What an existing test's call replayed by replay.py calls (`loads`), for naming its test;
    empty for the planner's own calls."""


class Planner:
    """Candidate calls for one target."""

    def __init__(
        self,
        target: Target,
        classes: dict[str, ClassInfo],
        knowledge: TestKnowledge,
        module_constants: list[str],
        seed: int = 0,
        module_names: set[str] | None = None,
        tables: dict[str, list[str]] | None = None,
        aliases: dict[str, ast.expr] | None = None,
        goal_of: Target | None = None,
        functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] | None = None,
        sibling_tokens: Sequence[str] = (),
    ) -> None:
        """`goal_of`: the private callable whose goals this planner reaches through `target`,
        a public caller of it (its candidates are recorded under the private one's name);
        `functions`: the module's functions, whose use of a parameter handed on to them tells
        its type; `sibling_tokens`: grammar tokens of the package modules it imports from
        (splice.sibling_tokens), tried after its own."""
        self.sibling_tokens = list(sibling_tokens)
        self._origins: dict[tuple[tuple[str, ...], str], tuple[Recipe | None, dict[str, str], int]]
        self._origins = {}
        """(setup, call) of each candidate made → its recipe, arguments and mutation depth."""
        self.functions = functions or {}
        if aliases:
            target.params = [
                dataclasses.replace(p, annotation=resolve(p.annotation, aliases))
                for p in target.params
            ]
        self.target = target
        self.module_names = module_names or set()
        self.tables = tables or {}
        self._member_cache: dict[str, tuple[list[Param], dict[str, list[str]]]] = {}
        """Names the module defines: a variable must not shadow them."""
        self.classes = classes
        self.knowledge = knowledge
        self.random = random.Random(seed)
        attr_params = target.cls.attr_params if target.cls else {}
        mined, loose = mine(
            target.node, target.params, attr_params, knowledge.constants, tables or {}
        )
        self.mined = mined
        methods = {
            m.name: m
            for m in (target.cls.node.body if target.cls else [])
            if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        self.usage = self._usages(target.node, target.params, self.functions, methods)
        self.loose = [*loose.items, *module_constants]
        self.base_calls = self._existing_calls()
        self.goal_of = goal_of
        self.evident = {
            p.name: evident_type(
                p, target.node, [c.get(p.name) for c in self.base_calls], self.usage.get(p.name),
                classes,
            )
            for p in target.params
        }  # fmt: skip
        goal_target = goal_of or target
        self.guards = guard_lines(goal_target.node)
        self.unsupported = unsupported_lines(target.name, target.node)
        self.pools = {
            p.name: self._pool(p, [c.get(p.name) for c in self.base_calls]) for p in target.params
        }
        goals = goal_target.goal_lines | {n for arc in goal_target.goal_arcs for n in arc}
        for name, pool in self.pools.items():
            evident = self.evident[name]
            owned = self._own_classes(name) | set(evident.classes if evident else ())
            owned |= self._shaped_classes(self.usage.get(name))
            built = [v for cls in sorted(owned) for v in self._built_values(cls, name)[:2]]
            usage = self.usage.get(name)
            element = usage.element if usage is not None else None
            for cls in sorted(self._shaped_classes(element)):
                # A container of the module's objects: `for item in items: item.price`.
                built.extend(f"[{v}]" for v in self._built_values(cls, name)[:1])
            if built:
                # An instance of the module's own class the body checks for comes right after
                # the base value: `vector + Vector(1, 1)` reaches what `vector + 0` cannot.
                pool = list(dict.fromkeys([*pool[:1], *built, *pool[1:]]))[:MAX_POOL]
                self.pools[name] = pool
            if self.guards & goals:
                # A goal handles wrong types: values of other types must be tried for it.
                wrong = [v for v in GENERIC if mismatch(evident, v) >= STRONG and v not in pool]
                self.pools[name] = [*pool, *wrong[:3]]
            else:
                # No goal handles a wrong type: a contradicting value can reach nothing offered.
                given = {c.get(name) for c in self.base_calls}
                kept = [v for v in pool if v in given or mismatch(evident, v) < STRONG]
                self.pools[name] = kept or pool[:1]
        if not self.base_calls:
            self.base_calls = [self._base_args(target.params, self.pools)]
        self.recipes = self._recipes()
        self._tokens: list[str] | None = None
        self.splicers = self._splicers()
        self.seeds = SeedQueue()
        """Calls that executed arcs no earlier call had: later rounds mutate them further."""
        self._seed_random = random.Random(f"seeds:{seed}:{target.qualname}")
        self._splice_random = random.Random(f"{seed}:{target.qualname}")
        """Its own stream: the other values drawn each round stay as they were."""
        self.is_generator = any(
            isinstance(node, ast.Yield | ast.YieldFrom)
            for node in ast.walk(target.node)
            if owned_by(node, target.node)
        )
        self.returns_callable = (
            not self.is_generator
            and not target.is_async
            and returns_callable(target.node, self.functions)
        )
        """A decorator or decorator factory: its result is applied to a local function."""
        self.frontier: list[Recipe] = []
        """Prepared instances that were built without error: the next rounds go deeper."""

    def adopt(self, name: str, values: Sequence[str]) -> None:
        """Add another planner's values for a parameter (one this callable hands on to it),
        those that do not contradict this parameter's evident type."""
        if name not in self.pools:
            return
        evident = self.evident.get(name)
        fitting = [v for v in values if mismatch(evident, v) < STRONG]
        pool = self.pools[name]
        # Right after the base value: mined where the goals are, they are the likelier ones.
        self.pools[name] = list(dict.fromkeys([*pool[:1], *fitting[:8], *pool[1:]]))[:MAX_POOL]

    def learn(self, ran: Sequence[tuple[Candidate, str | None]]) -> None:
        """Record which candidates' setups ran without error (candidate, setup error)."""
        known = set(self.recipes) | set(self.frontier)
        var = self.recipes[0].var if self.recipes else None
        for candidate, error in ran:
            if error is None and var is not None and candidate.setup:
                recipe = Recipe(var, candidate.setup, candidate.setup_args)
                if recipe not in known:
                    known.add(recipe)
                    self.frontier.append(recipe)

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
            tokens = grammar_tokens(own, module, tables)
            self._tokens = list(dict.fromkeys([*tokens, *self.sibling_tokens]))
        return self._tokens

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

    def _spliced(self, base: dict[str, str], count: int) -> Iterator[dict[str, str]]:
        """Round 0's dictionary mutants of the base call's text arguments."""
        share = max(1, count // max(1, len(self.splicers)))
        for name, splicer in self.splicers.items():
            for text in splicer.mutants(self._splice_random, share):
                yield {**base, name: repr(text)}

    def _existing_calls(self, limit: int = 8) -> list[dict[str, str]]:
        target = self.target
        key = target.cls.name if target.kind == "init" and target.cls else target.name
        key = target.calls_of or key
        found: list[dict[str, str]] = []
        for call in self.knowledge.calls.get(key, []):
            is_attr = isinstance(call.func, ast.Attribute)
            if target.kind in ("method",) and not is_attr:
                continue
            args = map_call(call, target.params)
            if args is not None and args not in found:
                found.append(args)
                if len(found) >= limit:
                    break
        return found

    @staticmethod
    def _usages(
        node: ast.FunctionDef | ast.AsyncFunctionDef,
        params: Sequence[Param],
        functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] | None = None,
        methods: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] | None = None,
    ) -> dict[str, Usage]:
        """Usage of the unannotated parameters; a format string is text with fields. A
        parameter the body only hands on (`toposort(data)`) is used as the callee uses it."""
        untyped = [p.name for p in params if p.annotation is None]
        usages = infer_usage(node, untyped)
        for name, usage in list(usages.items()):
            if usage.kind is None and not usage.attrs and (functions or methods):
                usages[name] = passed_on(node, name, functions or {}, methods) or usage
        for name, usage in usages.items():
            if usage.kind in (None, "str") and wants_fields(node, name):
                usage.note("str")
                usage.fields = True
        return usages

    def _type_of(
        self, param: Param, existing: Sequence[str | None], usage: Usage | None = None
    ) -> str | None:
        name = annotation_type_name(param.annotation)
        if name:
            return name
        for source in existing:
            if source is not None and (kind := literal_type(source)):
                return kind
        if usage is not None and usage.kind is not None:
            return usage.kind
        if param.default is not None:
            return literal_type(ast.unparse(param.default))
        return None

    def _pool(
        self,
        param: Param,
        existing: Sequence[str | None],
        hints: Pool | None = None,
        usage: Usage | None = None,
    ) -> list[str]:
        """Values to try for a parameter, the likeliest valid first (the first is the base).

        Order: the existing tests' values; with none, the tests' constants of the parameter's
        type (domain values: `"1.2.3"` for a version); the mined hints; the annotation's
        typical values; the default. Values of another simple type than the annotated one
        are dropped (`result >= 0` routed to a `str` parameter says nothing about it).
        """
        if usage is None and hints is None and param.annotation is None:
            usage = self.usage.get(param.name)
        if param.variadic:
            mined_hints = (hints or self.mined.get(param.name) or Pool()).items
            scalars = [h for h in mined_hints if literal_type(h) not in (None, "NoneType")]
            return vararg_values(usage, scalars[:4])
        inferred = usage.kind if usage is not None and param.annotation is None else None
        kind = self._type_of(param, existing, usage if inferred else None)
        given = [s for s in existing if s is not None]
        pool = Pool()
        pool.extend(given)
        same = [c for c in [*self.knowledge.constants, *self.loose] if literal_type(c) == kind]
        if not given and kind is not None:
            pool.extend(c for c in self.knowledge.constants[:40] if literal_type(c) == kind)
        pool.items = pool.items[:3]
        typed = usage_values(usage) if usage is not None and inferred else []
        if typed and usage is not None and usage.introspected:
            typed = [*typed, *own_functions(usage.arities, self.functions, self.target.node)]
        if usage is not None and usage.fields:
            typed = [*FIELDS, *typed]
        if inferred in ("Callable", "dict", "list") or (usage is not None and usage.fields):
            # Element-level hints say little about the container: well-typed values first.
            pool.extend(typed)
        mined_items = (hints or self.mined.get(param.name) or Pool()).items
        if inferred in ("list",):
            mined_items = [_wrapped(s) for s in mined_items]
        pool.extend(mined_items)
        pool.extend(typed)
        pool.extend(annotation_values(param.annotation, self.classes))
        if param.default is not None:
            pool.add(ast.unparse(param.default))
        if kind is not None:
            pool.extend(self._built_values(kind, param.name))
            pool.extend(same[:6])
        if (
            kind is None
            or len(pool.items) < 3
            or (inferred and usage is not None and usage.checked)
        ):
            pool.extend(self.loose[:6])
            pool.extend(GENERIC)
        if only_literals(param.annotation):
            # `Color | None`: any other value contradicts the declared type.
            declared = set(annotation_values(param.annotation, self.classes))
            kept = [s for s in pool.items if s in given or s in declared]
            pool.items = kept or pool.items
        elif kind in _COMPATIBLE and annotation_type_name(param.annotation) == kind:
            allowed = _COMPATIBLE[kind]
            pool.items = [s for s in pool.items if literal_type(s) in allowed]
        elif inferred in ALLOWED_LITERALS and usage is not None and not usage.checked:
            # Values that contradict how the body uses the parameter make type-blind tests.
            permitted = ALLOWED_LITERALS[inferred]
            kept = [s for s in pool.items if s in given or _fits(s, inferred, permitted)]
            pool.items = kept or pool.items
        return pool.items[:MAX_POOL]

    def _built_values(self, type_name: str, param: str) -> list[str]:
        """Values of a class type: how the tests build one, or its constructor with typical
        args; then the same with one constructor argument changed where the callable
        compares that attribute (`item.unit_price < 0` → `Item(..., -1, ...)`)."""
        if type_name in _COMPATIBLE or type_name in TYPICAL:
            return []
        calls = list(self.knowledge.calls.get(type_name, [])[:4])
        built = [ast.unparse(c) for c in calls]
        info = self.classes.get(type_name)
        if info is None or info.is_enum:
            return built
        if not built:
            args = self._base_args(info.init_params, {})
            built.append(render_call(info.name, info.init_params, args))
            calls = [c for c in [parse_call(built[0])] if c is not None]
        base = map_call(calls[0], info.init_params) if calls else None
        if base is None:
            return built
        for attr, ctor_param in info.attr_params.items():
            hints = self.mined.get(f"{param}.{attr}")
            for value in (hints.items if hints else [])[:4]:
                if base.get(ctor_param) != value:
                    built.append(
                        render_call(info.name, info.init_params, {**base, ctor_param: value})
                    )
        return built

    def _base_args(self, params: Sequence[Param], pools: dict[str, list[str]]) -> dict[str, str]:
        args: dict[str, str] = {}
        for param in params:
            if param.has_default:
                continue
            pool = pools.get(param.name) or annotation_values(param.annotation, self.classes)
            args[param.name] = pool[0] if pool else "1"
        return args

    def _recipes(self) -> list[Recipe]:
        target = self.target
        if target.cls is None or target.kind not in ("method", "property"):
            return []
        cls = target.cls
        recipes = list(self.knowledge.recipes.get(cls.name, []))[:8]
        init = next(
            (m for m in cls.node.body if isinstance(m, ast.FunctionDef) and m.name == "__init__"),
            None,
        )
        ctor_usage = self._usages(init, cls.init_params) if init is not None else {}
        ctor_usage = with_stored(cls.node, cls.attr_params, ctor_usage)
        ctor_pools = {
            p.name: self._pool(p, [], self.mined.get("self." + p.name), ctor_usage.get(p.name))
            for p in cls.init_params
        }
        if init is not None:
            # The instance is built the way its constructor means: `EndOfList([])`, not `("")`.
            calls = self.knowledge.calls.get(cls.name, [])
            for param in cls.init_params:
                usage = ctor_usage.get(param.name)
                element = usage.element if usage is not None else None
                if any(u is not None and u.checked for u in (usage, element)):
                    continue  # The constructor tells types apart: each builds another object.
                existing = [
                    args.get(param.name)
                    for call in calls
                    if (args := map_call(call, cls.init_params)) is not None
                ]
                evident = evident_type(
                    param, init, existing, ctor_usage.get(param.name), self.classes
                )
                pool = ctor_pools[param.name]
                kept = [v for v in pool if mismatch(evident, v) < STRONG]
                ctor_pools[param.name] = kept or pool[:1]
        var = recipes[0].var if recipes else self._fresh_var(snake(cls.name))
        if not recipes:
            args = self._base_args(cls.init_params, ctor_pools)
            recipes.append(
                Recipe(var, (f"{var} = {render_call(cls.name, cls.init_params, args)}",))
            )
        # Constructor mutations: attributes compared in the method come from these arguments.
        first = recipes[0]
        ctor_index = len(first.statements) - 1
        for index, statement in enumerate(first.statements):
            if statement.startswith(f"{first.var} = {cls.name}("):
                ctor_index = index
                break
        try:
            ctor_call = ast.parse(first.statements[ctor_index]).body[0].value  # type: ignore[attr-defined]
        except (SyntaxError, IndexError, AttributeError):
            return recipes
        base = map_call(ctor_call, cls.init_params) if isinstance(ctor_call, ast.Call) else None
        if base is None:
            return recipes
        for param in cls.init_params:
            hinted = self.mined.get("self." + param.name)
            values = (hinted.items if hinted else []) + ctor_pools[param.name][:4]
            for value in values[:6]:
                if base.get(param.name) == value:
                    continue
                args = {**base, param.name: value}
                statement = f"{first.var} = {render_call(cls.name, cls.init_params, args)}"
                statements = list(first.statements)
                statements[ctor_index] = statement
                recipe = Recipe(first.var, tuple(statements), ((param.name, value),))
                if recipe not in recipes:
                    recipes.append(recipe)
        return recipes

    def _fresh_var(self, name: str) -> str:
        """A variable name that shadows nothing the test uses (class `shlex` → `shlex_obj`)."""
        taken = set(self.classes) | set(self.knowledge.import_of) | set(dir(builtins))
        taken |= {n.id for n in ast.walk(self.target.node) if isinstance(n, ast.Name)}
        taken |= self.module_names
        return name if name not in taken and keyword.iskeyword(name) is False else f"{name}_obj"

    def _callee(self, var: str | None) -> str:
        target = self.target
        if target.kind == "init" and target.cls:
            return target.cls.name
        if target.kind in ("static", "classmethod") and target.cls:
            return f"{target.cls.name}.{target.name}"
        if var is not None:
            return f"{var}.{target.name}"
        return target.name

    def _candidate(
        self, recipe: Recipe | None, args: dict[str, str], depth: int | None = None
    ) -> Candidate:
        """The call of the target with `args` after `recipe`, remembered with its mutation
        `depth` (by default its distance from the plain call) for `add_seed` and `shrunk`."""
        target = self.target
        var = recipe.var if recipe else None
        values = [args[p.name] for p in target.params if p.name in args]
        unsupported: frozenset[int] = frozenset()
        if target.kind == "property":
            call = f"{var}.{target.name}"
        elif var and (operator := dunder_call(target.name, var, values)) is not None:
            call = operator
            unsupported = self.unsupported
        else:
            call = render_call(self._callee(var), target.params, args)
            if self.is_generator:
                call = f"list({call})"
            elif target.is_async:
                call = f"asyncio.run({call})"
        setup = recipe.statements if recipe else ()
        if var and target.name == "__setitem__" and len(values) == 2:
            # `obj[key] = value` is a statement: it prepares, and the test reads the item back.
            setup = (*setup, f"{var}[{values[0]}] = {values[1]}")
            call = f"{var}[{values[0]}]"
        ordered = tuple((p.name, args[p.name]) for p in target.params if p.name in args)
        note = recipe.note if recipe else ()
        base = self.base_calls[0] if self.base_calls else {}
        distance = sum(1 for p in target.params if args.get(p.name) != base.get(p.name))
        distance += len(note)
        if recipe and self.recipes:
            distance += max(0, len(recipe.statements) - len(self.recipes[0].statements))
        rank = 0
        for param in target.params:
            value = args.get(param.name)
            if value is not None and value != base.get(param.name):
                pool = self.pools.get(param.name, [])
                rank += pool.index(value) if value in pool else len(pool)
        worst = max((mismatch(self.evident.get(n), v) for n, v in ordered), default=0)
        made = Candidate(
            self.goal_of.qualname if self.goal_of else target.qualname,
            setup,
            call,
            var,
            ordered,
            note,
            distance,
            rank,
            mismatch=worst,
            private=self.goal_of is None and _private(target, call),
            guarded=self.guards if worst >= STRONG else None,
            via=target.qualname if self.goal_of else "",
            unsupported=unsupported,
        )
        made = local_functions(made, self._fresh_var)
        self._origins[(made.setup, made.call)] = (
            recipe,
            args,
            distance if depth is None else depth,
        )
        return made

    def _shaped_classes(self, usage: Usage | None) -> set[str]:
        """Module classes that have every attribute the body reads on a value (two or more,
        or one that is not a common method name of the builtin types)."""
        if usage is None or not usage.attrs or usage.kind in ("dict", "str", "list"):
            return set()
        attrs = usage.attrs
        if len(attrs) == 1 and any(hasattr(t, next(iter(attrs))) for t in _BUILTIN_TYPES):
            return set()
        return {
            name
            for name, info in self.classes.items()
            if not info.is_enum and attrs <= members(info.node)
        }

    def _own_classes(self, name: str) -> set[str]:
        """Module classes the body checks the parameter against (`isinstance(p, Node)`,
        `isinstance(p, type(self))`)."""
        found: set[str] = set()
        own = self.target.cls.name if self.target.cls else None
        for sub in ast.walk(self.target.node):
            if not (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Name)
                and sub.func.id == "isinstance"
                and len(sub.args) == 2
                and isinstance(sub.args[0], ast.Name)
                and sub.args[0].id == name
            ):
                continue
            kinds = sub.args[1]
            for kind in kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]:
                text = ast.unparse(kind)
                if text in ("type(self)", "self.__class__", "cls") and own:
                    text = own
                if text in self.classes and not self.classes[text].is_enum:
                    found.add(text)
        return found

    def _direct(self, candidate: Candidate) -> Candidate:
        """A special method called by name, as a fallback for its operator form: `None | obj`
        raises once `obj.__ror__(None)` returns NotImplemented, and only the direct call shows
        that return (kept private: offered only where the operator form reaches nothing)."""
        target = self.target
        if (
            candidate.receiver is None
            or not target.name.startswith("__")
            or target.name == "__call__"
            or self.goal_of
        ):
            return candidate
        callee = f"{candidate.receiver}.{target.name}"
        if candidate.call.startswith(callee + "("):
            return candidate
        call = render_call(callee, target.params, dict(candidate.args))
        setup = candidate.setup
        if target.name == "__setitem__" and setup:
            setup = setup[:-1]
        return dataclasses.replace(
            candidate, setup=setup, call=call, private=True, unsupported=frozenset()
        )

    def _mutations(self, base: dict[str, str]) -> Iterator[dict[str, str]]:
        yield base
        for param in self.target.params:
            for value in self.pools.get(param.name, []):
                if base.get(param.name) != value:
                    yield {**base, param.name: value}

    def _joined(self, pool: Sequence[str], current: str | None) -> str:
        """Text built from several hints (`[` + `!` + `]`): parsers need sequences of them."""
        texts = [v for s in pool if isinstance(v := literal_value(s), str) and v]
        if len(texts) < 2:
            return current if current is not None else pool[0]
        picked = [self.random.choice(texts) for _ in range(self.random.choice((2, 3)))]
        return repr("".join(picked))

    def _splice(self, splicer: Splicer, current: str | None) -> str:
        """A mutant of the drawn text (stacking on a pool value or a joined one), or of a seed."""
        value = literal_value(current) if current is not None else None
        text = value if isinstance(value, str) else self._splice_random.choice(splicer.seeds)
        return repr(splicer.mutate(text, self._splice_random))

    def _recipes_for_round(self, number: int) -> list[Recipe | None]:
        if not self.recipes:
            return [None]
        if number == 0:
            return list(self.recipes)
        grown = self.frontier[-30:]
        return [*self.recipes, *self._extended([*self.recipes[: 1 + number], *grown], number)]

    def _member_pools(self, member: ast.FunctionDef) -> tuple[list[Param], dict[str, list[str]]]:
        """Another method's parameters and values, mined from that method's own body."""
        cached = self._member_cache.get(member.name)
        if cached is None:
            params = function_params(member, skip_first=True)
            attr_params = self.target.cls.attr_params if self.target.cls else {}
            mined, _ = mine(member, params, attr_params, self.knowledge.constants, self.tables)
            usages = self._usages(member, params)
            pools = {
                p.name: self._pool(p, [], mined.get(p.name), usages.get(p.name)) for p in params
            }
            cached = self._member_cache[member.name] = (params, pools)
        return cached

    def _extended(self, recipes: Sequence[Recipe], depth: int) -> list[Recipe]:
        """Recipes with one more call of another public method, to move the instance's state."""
        cls = self.target.cls
        if cls is None:
            return []
        per_method: list[list[Recipe]] = []
        for member in cls.node.body:
            if not isinstance(member, ast.FunctionDef) or member.name.startswith("_"):
                continue
            if member.name == self.target.name and depth < 2:
                continue
            if not mutates_self(member):
                continue
            params, pools = self._member_pools(member)
            variants = [self._base_args(params, pools)]
            for param in params:
                if not param.has_default:
                    variants.extend({**variants[0], param.name: v} for v in pools[param.name][1:12])
            grown = [
                Recipe(
                    recipe.var,
                    (*recipe.statements, render_call(f"{recipe.var}.{member.name}", params, args)),
                    recipe.note,
                )
                for recipe in recipes
                for args in variants
            ]
            self.random.shuffle(grown)
            per_method.append(grown)
        # Every method gets its share, however many argument variants another one has.
        extended = [r for batch in itertools.zip_longest(*per_method) for r in batch if r]
        return extended[:MAX_EXTENDED]

    def round(self, number: int) -> list[Candidate]:
        """Candidates for round `number` (0 = systematic, later = randomised and deeper)."""
        seen: set[tuple[tuple[str, ...], str]] = set()
        result: list[Candidate] = []

        if len(self._origins) > MAX_ORIGINS:
            self._origins.clear()

        def add(candidate: Candidate) -> None:
            for variant in (candidate, self._direct(candidate)):
                key = (variant.setup, variant.call)
                if key not in seen:
                    seen.add(key)
                    result.append(variant)

        recipes = self._recipes_for_round(number)
        # A public entry shares its callable's search time: a smaller share of each round.
        limit = MAX_ROUND // 4 if self.goal_of else MAX_ROUND
        if number == 0:
            for base in self.base_calls:
                for args in self._mutations(base):
                    add(self._candidate(recipes[0], args))
            for recipe in recipes[1:]:
                for base in self.base_calls:
                    add(self._candidate(recipe, base))
                    for args in list(self._mutations(base))[:20]:
                        add(self._candidate(recipe, args))
            for args in self._spliced(self.base_calls[0], SPLICED):
                add(self._candidate(recipes[0], args))
            if self.target.name == "__setitem__":
                # Assigning a key that is already there takes another way (a replace).
                repeated = [
                    dataclasses.replace(c, setup=(*c.setup, c.setup[-1]))
                    for c in result[:APPLIED]
                    if c.receiver and c.setup and c.setup[-1].startswith(f"{c.receiver}[")
                ]
                result[APPLIED:APPLIED] = repeated
            if self.returns_callable:
                return self._applications(recipes[0], result)[:limit]
            return result[:limit]
        seeded = int(limit * SEEDED_SHARE) if self.seeds else 0
        for _ in range(seeded * 2):
            if len(result) >= seeded:
                break
            chosen = self.seeds.choose(self._seed_random)
            if chosen is None:
                break
            recipe = chosen.recipe
            if recipe is None or self._seed_random.random() < 0.2:
                recipe = self._seed_random.choice(recipes)
            add(self._candidate(recipe, self._havoc(dict(chosen.args)), chosen.depth + 1))
        for _ in range(limit * 2):
            if len(result) >= limit:
                break
            args = dict(self.random.choice(self.base_calls))
            for param in self.target.params:
                pool = self.pools.get(param.name)
                if pool and self.random.random() < 0.5:
                    args[param.name] = self.random.choice(pool)
                if param.name in args and self.random.random() < 0.3:
                    args[param.name] = perturb_numbers(args[param.name], self.random)
                if pool and self.random.random() < 0.2:
                    args[param.name] = self._joined(pool, args.get(param.name))
                splicer = self.splicers.get(param.name)
                if splicer and self._splice_random.random() < SPLICE_CHANCE:
                    args[param.name] = self._splice(splicer, args.get(param.name))
            add(self._candidate(self.random.choice(recipes), args))
        return result

    def _applications(self, recipe: Recipe | None, plain: Sequence[Candidate]) -> list[Candidate]:
        """The plain calls, each after the returned callable applied to a local function and
        called: the target itself as the decorator when its first parameter takes the function
        (`@cached`), else each call as a decorator factory (`@fifo_cache(maxsize=2)`). The
        first few are also called a second time (a cache hit); the plain call stays for what
        the decoration itself raises."""
        target = self.target
        local = self._fresh_var("square")
        required = [p for p in target.params if not p.has_default]
        found: list[Candidate] = []
        if (
            len(required) == 1
            and target.params[0] is required[0]
            and takes_function(target.node, required[0].name)
        ):
            own = dataclasses.replace(self._candidate(recipe, {}), args=())
            for setup, call in applied(self._callee(own.receiver), own.setup, local):
                found.append(dataclasses.replace(own, setup=setup, call=call))
            return [*found, *plain]
        for index, candidate in enumerate(plain):
            pairs = applied(candidate.call, candidate.setup, local)
            for setup, call in pairs[: 2 if index < APPLIED else 1]:
                found.append(dataclasses.replace(candidate, setup=setup, call=call))
            found.append(candidate)
        return found


def _private(target: Target, call: str) -> bool:
    """A call a user of the module would not write: a `_helper`, a method of a `_Private`
    class, or a special method called by its name (`obj.__ror__(x)`)."""
    if target.cls is not None and target.cls.name.startswith("_"):
        return True
    name = target.name
    if name.startswith("__") and name.endswith("__"):
        return target.kind == "method" and f".{name}(" in call
    return name.startswith("_")


def _wrapped(source: str) -> str:
    """An element hint for a list parameter, as a list holding it."""
    kind = literal_type(source)
    if kind in (None, "list", "tuple", "set", "NoneType"):
        return source
    return f"[{source}]"


def _fits(source: str, kind: str, permitted: frozenset[str | None]) -> bool:
    literal = literal_type(source)
    if literal not in permitted:
        return False
    if kind == "Callable" and literal is None:
        # A non-literal expression may still be a list display of names or a string concat.
        return not source.lstrip().startswith(("[", "{", "(", '"', "'", "-"))
    return True
