"""Turns the mined hints into concrete candidate calls, round after round.

Round 0 replays the existing tests' calls and mutates them one argument at a time over the
parameter pools (or, with no existing call, starts from a base call of typical values). Later
rounds combine several mutations at random and, for methods, prepare the instance further by
calling another method of the class first (a state machine needs `pay` before `ship`).
"""

from __future__ import annotations

import ast
import dataclasses
import random
from collections.abc import Iterator, Mapping, Sequence

from covopt_ls import syntax
from covopt_ls.engines.builtin.aliases import resolve
from covopt_ls.engines.builtin.applied import applied, returns_callable, takes_function
from covopt_ls.engines.builtin.callables import local_functions
from covopt_ls.engines.builtin.calls import (
    dunder_call,
    literal_type,
    literal_value,
    owned_by,
    perturb_numbers,
    render_call,
)
from covopt_ls.engines.builtin.candidate import Candidate, private_call
from covopt_ls.engines.builtin.candidates import TYPICAL, mine
from covopt_ls.engines.builtin.defined_values import DefinedValues
from covopt_ls.engines.builtin.environment import Environment, Environments
from covopt_ls.engines.builtin.evidence import (
    STRONG,
    evident_type,
    guard_lines,
    mismatch,
    unsupported_lines,
)
from covopt_ls.engines.builtin.existing import Recipe, TestKnowledge
from covopt_ls.engines.builtin.fixtures import fixture_parameters
from covopt_ls.engines.builtin.recipes import SHARE_CHANCE, InstanceRecipes
from covopt_ls.engines.builtin.regex_calls import ModuleRegexes
from covopt_ls.engines.builtin.retyping import (
    KEY_VALUES,
    at_fault,
    converted,
    correction,
    missing_key,
    text_fix,
    texts_at_fault,
    with_key,
)
from covopt_ls.engines.builtin.seeding import SeedMutation
from covopt_ls.engines.builtin.seeds import SeedQueue
from covopt_ls.engines.builtin.splice import Splicer
from covopt_ls.engines.builtin.splicing import MAX_SEEDS, SPLICE_CHANCE, SPLICED
from covopt_ls.engines.builtin.syntax_trees import SyntaxNames
from covopt_ls.engines.builtin.targets import ClassInfo, Param, Target

MAX_ROUND = 400
APPLIED = 3
NUDGES = 4
"""Nudged variants of each value the base call gives, in the first round."""
"""How many of the plainest decorator-factory calls are applied to a local function."""
SEEDED_SHARE = 0.5
"""Part of a later round that mutates the seeds (calls that reached new arcs, seeds.py)."""
MAX_ORIGINS = 20000
RETYPINGS = 3
"""Failed calls a parameter learns one expected type from (each with its own values)."""
CTOR_CHANCE = 0.25
"""Part of a later round's instances built with one constructor argument changed."""
"""Failed calls a parameter learns one expected type from (each with its own values)."""

__all__ = ["Candidate", "Planner"]


class Planner(InstanceRecipes, SeedMutation):
    """Candidate calls for one target: the rounds, over the parameter pools (pools.py), the
    instance recipes (recipes.py), the text splicers (splicing.py) and the seeds (seeding.py)."""

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
        regexes: ModuleRegexes | None = None,
        stdlib: Mapping[str, str] | None = None,
        module_globals: dict[str, str | None] | None = None,
        module_path: str = "",
        syntax: SyntaxNames | None = None,
        imported: Mapping[str, str] | None = None,
        fixtures: Mapping[str, str] | None = None,
        definitions: DefinedValues | None = None,
    ) -> None:
        """`goal_of`: the private callable whose goals this planner reaches through `target`,
        a public caller of it (its candidates are recorded under the private one's name);
        `functions`: the module's functions, whose use of a parameter handed on to them tells
        its type; `sibling_tokens`: grammar tokens of the package modules it imports from
        (splice.sibling_tokens), tried after its own; `regexes`: the module's patterns
        (regex_calls.module_regexes), whose examples go to the values they are applied to;
        `stdlib`: how the module names the standard value types (stdlib_objects.spellings);
        `module_globals`: the module's top-level variables and their literal initial values
        (module_state.module_globals); `module_path`: the module's import path;
        `syntax`: how it names `ast` where it imports it (syntax_trees.syntax_names);
        `imported`: instances of the project's classes it imports, by the name it binds
        (imported_classes.imported_classes); `fixtures`: what the tests' fixtures build, by
        the fixture's name (fixture_values.py); `definitions`: the test file's classes,
        functions and constants a value may use (defined_values.py)."""
        self.module_globals = module_globals or {}
        self.module_path = module_path
        self.stdlib = stdlib or {}
        self.syntax = syntax
        self.imported = imported or {}
        self.fixtures = fixtures or {}
        self.definitions = definitions or DefinedValues()
        self.sibling_tokens = list(sibling_tokens)
        self.regexes = regexes
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
        self._state_cache: list[Recipe] | None = None
        """The module-state preparations (recipes._state_preparations), made once."""
        """Names the module defines: a variable must not shadow them."""
        self.classes = classes
        self.knowledge = knowledge
        self.random = random.Random(seed)
        attr_params = target.cls.attr_params if target.cls else {}
        mined, loose = mine(
            target.node,
            target.params,
            attr_params,
            knowledge.constants,
            tables or {},
            regexes,
            target.cls.name if target.cls else None,
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
        self._fit_pools(goals)
        borrowed = [] if self.base_calls else self._borrowed_calls()
        for param in target.params:
            hints = [c[param.name] for c in borrowed if param.name in c]
            if hints:
                self.pools[param.name] = list(dict.fromkeys([*hints, *self.pools[param.name]]))
        self.base_calls = self.base_calls or borrowed
        if not self.base_calls:
            self.base_calls = [self._base_args(target.params, self.pools)]
        self.recipes = self._recipes()
        self._same_class_operands()
        self._tokens: list[str] | None = None
        self.splicers = self._splicers()
        self.seeds = SeedQueue()
        """Calls that executed arcs no earlier call had: later rounds mutate them further."""
        self._seed_random = random.Random(f"seeds:{seed}:{target.qualname}")
        self._splice_random = random.Random(f"{seed}:{target.qualname}")
        """Its own stream: the other values drawn each round stay as they were."""
        self._env_random = random.Random(f"env:{seed}:{target.qualname}")
        self._ctor_random = random.Random(f"ctor:{seed}:{target.qualname}")
        self._ctor_splicer: Splicer | None = None
        # `owned_by` walks the whole body: asked of the yields only, not of every node.
        self.is_generator = any(
            isinstance(node, ast.Yield | ast.YieldFrom) and owned_by(node, target.node)
            for node in ast.walk(target.node)
        )
        self.returns_callable = (
            not self.is_generator
            and not target.is_async
            and returns_callable(target.node, self.functions)
        )
        """A decorator or decorator factory: its result is applied to a local function."""
        self.frontier: list[Recipe] = []
        """Prepared instances that were built without error: the next rounds go deeper."""
        self.environments = Environments(
            target.node, [p.name for p in target.params], self.loose, self.functions
        )
        """Command lines, standard input and files the call may need set up first."""
        self._retyped: list[Candidate] = []
        """Calls with an argument of the type an error named (retype), for the next round."""
        self._retypings: dict[tuple[str, str], int] = {}

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
        self,
        recipe: Recipe | None,
        args: dict[str, str],
        depth: int | None = None,
        env: Environment | None = None,
    ) -> Candidate:
        """The call of the target with `args` after `recipe`, remembered with its mutation
        `depth` (by default its distance from the plain call) for `add_seed` and `shrunk`;
        `env` is set up first (its arguments replace those of `args`)."""
        target = self.target
        if env is not None:
            args = {**args, **dict(env.args)}
        var = recipe.var if recipe and recipe.var else None
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
        if env is not None:
            setup = (*setup, *env.setup)
            note = note or env.note
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
            private=self.goal_of is None and private_call(target, call),
            guarded=self.guards if worst >= STRONG else None,
            via=target.qualname if self.goal_of else "",
            unsupported=unsupported,
            fixtures=_fixtures_of(setup, env.fixtures if env is not None else ()),
        )
        made = local_functions(made, self._fresh_var)
        if self.definitions:
            made = self._with_definitions(made)
        self._origins[(made.setup, made.call)] = (
            recipe,
            args,
            distance if depth is None else depth,
        )
        return made

    def _with_definitions(self, candidate: Candidate) -> Candidate:
        """The candidate with the test file's definitions its call and setup name (those its
        setup does not define itself, as a recipe copying the test's helpers does)."""
        used = self.definitions.used_in([candidate.call, *candidate.setup])
        own = {
            name
            for name in used
            for statement in candidate.setup
            if statement.startswith((f"class {name}", f"def {name}(", f"{name} ="))
        }
        if not used - own:
            return candidate
        return dataclasses.replace(candidate, definitions=self.definitions.statements(used - own))

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

    def _nudged(self, base: dict[str, str]) -> Iterator[dict[str, str]]:
        """Each given value's numbers nudged (`"366"` → `"365"`), one parameter at a time: a
        range check's edge sits next to the value a test already gives. Last in the first
        round, after the pools' values, the texts' mutants and the environments."""
        nudging = random.Random(len(base))
        for param in self.target.params:
            given = base.get(param.name)
            if given is None:
                continue
            for nudged in dict.fromkeys(perturb_numbers(given, nudging) for _ in range(NUDGES)):
                if nudged != given:
                    yield {**base, param.name: nudged}

    def round(self, number: int, share: int | None = None) -> list[Candidate]:
        """Candidates for round `number` (0 = systematic, later = randomised and deeper); a
        later round makes at most `share` (what a batch has room for, split among the
        planners: the rest would never run)."""
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
        if number > 0 and share is not None:
            limit = min(limit, share)
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
            for env in self.environments.systematic:
                add(self._candidate(recipes[0], self.base_calls[0], env=env))
            for base in self.base_calls:
                for args in self._nudged(base):
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
        for candidate in self._retyped:
            add(candidate)
        self._retyped.clear()
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
            recipe = self._varied(recipe)
            add(
                self._candidate(
                    recipe, self._havoc(dict(chosen.args)), chosen.depth + 1, self._drawn()
                )
            )
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
            recipe = self._varied(self.random.choice(recipes))
            if recipe is not None and not recipe.var and self.random.random() < SHARE_CHANCE:
                args = self._sharing(recipe, args)
            add(self._candidate(recipe, args, env=self._drawn()))
        return result

    def retype(self, failures: Sequence[tuple[Candidate, str | None, str | None]]) -> None:
        """Learn from calls of this planner's that Python stopped at a wrong-typed argument
        ((candidate, error type, message)): the parameter at fault takes values of the type
        the message names (retyping.py) in the next round and in the pool after, and that
        type stops counting as a contradiction of the evident one."""
        for candidate, error, message in failures:
            origin = self._origins.get((candidate.setup, candidate.call))
            if origin is None:
                continue
            recipe, args, depth = origin
            key = missing_key(error, message)
            if key is not None:
                self._add_key(recipe, args, depth, key)
            had, texts = text_fix(error, message)
            for name in texts_at_fault(args, had) if texts else ():
                # A parser could not read the text: texts of the form it reads.
                self._relearned(recipe, args, depth, name, texts[0], texts)
            fix = correction(error, message)
            if fix is None:
                continue
            for name in at_fault(args, fix):
                for kind in fix.expected:
                    values = [*converted(args[name], kind), *TYPICAL.get(kind, ())[:3]]
                    evident = self.evident.get(name)
                    learnt = self._relearned(recipe, args, depth, name, kind, values)
                    if learnt and evident is not None and evident.kinds:
                        self.evident[name] = dataclasses.replace(
                            evident, kinds=evident.kinds | {kind}
                        )

    def _relearned(
        self,
        recipe: Recipe | None,
        args: dict[str, str],
        depth: int,
        name: str,
        lesson: str,
        values: Sequence[str],
        pooled: int | None = None,
    ) -> bool:
        """The call again with parameter `name` given each of `values` (what an error taught,
        `lesson`: a type, a key, a text form) in the next round, and the values (the first
        `pooled` of them) in its pool; a lesson is taken RETYPINGS times at most. False when
        it is not taken."""
        tried = self._retypings.get((name, lesson), 0)
        if tried >= RETYPINGS or not values:
            return False
        self._retypings[name, lesson] = tried + 1
        pool = self.pools.setdefault(name, [])
        pool.extend(v for v in dict.fromkeys(values[:pooled]) if v not in pool)
        self._retyped.extend(self._candidate(recipe, {**args, name: v}, depth + 1) for v in values)
        return True

    def _add_key(self, recipe: Recipe | None, args: dict[str, str], depth: int, key: str) -> None:
        """A KeyError named a key no mapping argument had: each mapping given gets it, with
        a text, a number, a list, or one of the constants the body compares the parameter's
        values with (`record["price"] > 100`)."""
        for name, source in args.items():
            hints = self.mined.get(name)
            near = [*(hints.items if hints else []), *self.loose]
            compared = [c for c in near if literal_type(c) in ("int", "float", "str")][:4]
            added = with_key(source, key, [*KEY_VALUES, *compared])
            self._relearned(recipe, args, depth, name, key, added, pooled=1)

    def _varied(self, recipe: Recipe | None) -> Recipe | None:
        """Now and then (CTOR_CHANCE) the recipe with one literal argument of its constructor
        call changed: a text spliced with the other recipes' texts and the class's tokens, a
        number nudged. An object built from text (`CronSim("0 0 1 * 1")`, `Template(s)`) takes
        other ways through its methods than the tests' few instances do, and a variant that
        gets somewhere new is a seed like any other call."""
        target = self.target
        if recipe is None or not recipe.var or target.cls is None:
            return recipe
        if self._ctor_random.random() >= CTOR_CHANCE:
            return recipe
        prefix = f"{recipe.var} = {target.cls.name}("
        index = next((i for i, s in enumerate(recipe.statements) if s.startswith(prefix)), None)
        if index is None:
            return recipe
        try:
            statement = syntax.parse(recipe.statements[index]).body[0]
        except (SyntaxError, ValueError, RecursionError, IndexError):
            return recipe
        if not isinstance(statement, ast.Assign) or not isinstance(statement.value, ast.Call):
            return recipe
        call = statement.value
        params = target.cls.init_params
        places = [
            (params[i].name if i < len(params) else "", node) for i, node in enumerate(call.args)
        ] + [(k.arg or "", k.value) for k in call.keywords]
        literal = [
            (name, node)
            for name, node in places
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str | int | float)
            and not isinstance(node.value, bool)
        ]
        if not literal:
            return recipe
        name, node = self._ctor_random.choice(literal)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = self._recipe_splicer().mutate(node.value, self._ctor_random)
        elif isinstance(node, ast.Constant):
            nudged = literal_value(perturb_numbers(repr(node.value), self._ctor_random))
            node.value = nudged if isinstance(nudged, int | float) else node.value
        statements = list(recipe.statements)
        statements[index] = f"{recipe.var} = {ast.unparse(call)}"
        changed = (*recipe.note, (name, ast.unparse(node)))
        return Recipe(recipe.var, tuple(statements), changed)

    def _recipe_splicer(self) -> Splicer:
        """Texts the recipes' constructors are given, spliced with the class's tokens."""
        if self._ctor_splicer is None:
            texts: list[str] = []
            for recipe in self.recipes:
                for statement in recipe.statements:
                    try:
                        tree = syntax.parse(statement)
                    except (SyntaxError, ValueError, RecursionError):
                        continue
                    texts.extend(
                        node.value
                        for node in ast.walk(tree)
                        if isinstance(node, ast.Constant) and isinstance(node.value, str)
                        if node.value
                    )
            self._ctor_splicer = Splicer(texts[:MAX_SEEDS] or ["a"], self._grammar_tokens())
        return self._ctor_splicer

    def _drawn(self) -> Environment | None:
        """An environment for a later round's call (most of them) when the target needs one;
        the other streams of random draws stay as they were for targets that need none."""
        if not self.environments or self._env_random.random() < 0.2:
            return None
        return self.environments.draw(self._env_random)

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


def _fixtures_of(setup: tuple[str, ...], given: tuple[str, ...]) -> tuple[str, ...]:
    """The fixtures a call's preparation uses: its environment's, and `tmp_path` where an
    instance is built on a path under it (recipes.py)."""
    return (*given, *(f for f in fixture_parameters(setup) if f not in given))
