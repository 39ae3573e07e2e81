"""Instance recipes for a method target: how the tests build the instance, its constructor
mutated, and (in later rounds) the instance moved on by another state-changing method first.

Apart from the pools (pools.py) and the rounds (planner.py): the recipes are the setup a
method call runs after, learned from what ran without error.
"""

from __future__ import annotations

import ast
import builtins
import copy
import functools
import itertools
import keyword
from collections.abc import Sequence

from covopt_ls import syntax
from covopt_ls.engines.builtin.calls import literal_type, map_call, mutates_self, render_call, snake
from covopt_ls.engines.builtin.candidate import Candidate
from covopt_ls.engines.builtin.candidates import Pool, mine
from covopt_ls.engines.builtin.evidence import STRONG, evident_type, mismatch
from covopt_ls.engines.builtin.existing import Recipe, free_names, module_setup
from covopt_ls.engines.builtin.files import path_params
from covopt_ls.engines.builtin.keyed import stored_keys
from covopt_ls.engines.builtin.module_state import read_globals, state_writers, written_globals
from covopt_ls.engines.builtin.pools import ParameterPools
from covopt_ls.engines.builtin.targets import (
    Param,
    Target,
    abstract_members,
    enum_members,
    function_params,
)
from covopt_ls.engines.builtin.usage import Usage, with_stored

MAX_TESTS_CONSTRUCTIONS = 3
"""Constructor calls of the existing tests tried as recipes, when no test assigns one."""
MAX_EXTENDED = 80
SAME_CLASS_OPERATORS = frozenset(
    f"__{name}__"
    for name in (
        *("eq", "ne", "lt", "le", "gt", "ge"),
        *("add", "sub", "mul", "truediv", "floordiv", "mod", "and", "or", "xor", "matmul", "pow"),
    )
)
MAX_ENUM_MEMBERS = 8
"""Members of an enum a method of it is called on (each may take its own branch)."""
SHARE_CHANCE = 0.6
"""How often a call after a module-state preparation takes one of its values (`_sharing`)."""
"""Prepared instances tried per round, shared evenly between the state-changing methods."""

_EMPTY = {"dict": "{}", "list": "[]", "tuple": "()", "str": '""', "set": "set()"}


def _paths_under_tmp(
    init: ast.FunctionDef | ast.AsyncFunctionDef,
    params: Sequence[Param],
    pools: dict[str, list[str]],
) -> None:
    """A constructor argument the constructor uses as a path (a disk queue's directory, a
    database file) is a new path under pytest's `tmp_path`, first in its pool: anywhere else
    the worker stops the write, and a test must not touch the user's files."""
    for found in path_params(init, [p.name for p in params], direct=True):
        under = f'tmp_path / "{found.name}"'
        value = under if found.style == "path" else f"str({under})"
        pools[found.name] = [value, *(v for v in pools.get(found.name, []) if v != value)]


def _joined(first: Pool | None, second: Pool | None) -> Pool | None:
    if first is None or second is None:
        return first or second
    joined = Pool()
    joined.extend([*first.items, *second.items])
    return joined


class InstanceRecipes(ParameterPools):
    """The instance recipes of a planner (a base of Planner, which sets the state below)."""

    module_names: set[str]
    recipes: list[Recipe]
    frontier: list[Recipe]
    goal_of: Target | None
    _member_cache: dict[str, tuple[list[Param], dict[str, list[str]]]]
    module_globals: dict[str, str | None]
    module_path: str
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]
    _state_cache: list[Recipe] | None

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

    def _recipes(self) -> list[Recipe]:
        target = self.target
        if target.cls is None or target.kind not in ("method", "property"):
            return []
        cls = target.cls
        recipes = list(self.knowledge.recipes.get(cls.name, []))[:8]
        init = cls.init_node
        ctor_usage = copy.deepcopy(
            _constructor_usages(
                cls.node, init, tuple(cls.init_params), tuple(cls.attr_params.items())
            )
        )
        goal = self.goal_of or target
        stored_keys(cls.node, cls.attr_params, ctor_usage, goal.node)
        # Hints for the constructor's arguments: how the target's body uses the attributes
        # they are stored in, then what the constructor's own body checks them against
        # (`isinstance(m, Mapping)` → a dict).
        ctor_mined = (
            mine(init, cls.init_params, cls.attr_params, (), self.tables)[0]
            if init is not None
            else {}
        )
        ctor_pools = {
            p.name: self._pool(
                p,
                [],
                _joined(self.mined.get("self." + p.name), ctor_mined.get(p.name)),
                ctor_usage.get(p.name),
            )
            for p in cls.init_params
        }
        if init is not None:
            _paths_under_tmp(init, cls.init_params, ctor_pools)
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
        if cls.is_enum:
            # An enum's instances are its members (`Field.DOW.parse(s)`): no constructor call
            # builds one, and each member may take its own branch of the method.
            members = [f"{cls.name}.{name}" for name in enum_members(cls.node)]
            recipes.extend(
                recipe
                for member in members[:MAX_ENUM_MEMBERS]
                if (recipe := Recipe(var, (f"{var} = {member}",))) not in recipes
            )
            return recipes
        if not recipes:
            args = self._base_args(cls.init_params, ctor_pools)
            concrete = self._concrete_subclass()
            callee = concrete[0] if concrete else cls.name
            plain = render_call(callee, cls.init_params, args)
            built = self._tests_constructions(cls.name, var)
            # The constructor the source shows comes first (its plainest call is the one the
            # mutations vary); one it does not show (inherited) is known only from the tests.
            if not built or init is not None or cls.init_params:
                made = (*concrete[1:], f"{var} = {plain}")
                recipes.append(Recipe(var, made, self._keyed_note(args, ctor_usage)))
            recipes.extend(r for r in built if r not in recipes)
        # Constructor mutations: attributes compared in the method come from these arguments.
        first = recipes[0]
        ctor_index = len(first.statements) - 1
        for index, statement in enumerate(first.statements):
            if statement.startswith(f"{first.var} = {cls.name}("):
                ctor_index = index
                break
        try:
            ctor_call = syntax.parse(first.statements[ctor_index]).body[0].value  # type: ignore[attr-defined]
        except (SyntaxError, IndexError, AttributeError):
            return recipes
        base = map_call(ctor_call, cls.init_params) if isinstance(ctor_call, ast.Call) else None
        if base is None or not isinstance(ctor_call, ast.Call):
            return recipes
        callee = ast.unparse(ctor_call.func)
        for param in cls.init_params:
            hinted = self.mined.get("self." + param.name)
            hints = hinted.items if hinted else []
            usage = ctor_usage.get(param.name)
            if usage is not None and usage.kind == "dict" and usage.key_usages:
                # `self.conf["n"] > 3` compares a value under a key, not the mapping: its
                # mappings (keyed.py) already hold those values.
                hints = [h for h in hints if literal_type(h) in (None, "dict")]
            values = hints + ctor_pools[param.name][:4]
            # An empty container of the kind the instance is built with: the loops over it
            # run no time, the lookups in it fail (`Values({})`).
            empty = _EMPTY.get(literal_type(base.get(param.name) or "") or "")
            if empty is not None and empty not in values:
                values = [*values[:5], empty]
            for value in values[:6]:
                if base.get(param.name) == value:
                    continue
                args = {**base, param.name: value}
                statement = f"{first.var} = {render_call(callee, cls.init_params, args)}"
                varied = list(first.statements)
                varied[ctor_index] = statement
                recipe = Recipe(first.var, tuple(varied), ((param.name, value),))
                if recipe not in recipes:
                    recipes.append(recipe)
        return recipes

    def _concrete_subclass(self) -> tuple[str, ...]:
        """For a class with abstract methods (its own or its module bases'), which cannot be
        built itself: the name and the source of a minimal concrete subclass, each abstract
        method returning None (what a test of the base class's own code writes); empty for
        a concrete class."""
        cls = self.target.cls
        if cls is None:
            return ()
        missing = abstract_members(cls.node, {n: c.node for n, c in self.classes.items()})
        if not missing:
            return ()
        name = f"Concrete{cls.name}"
        while name in self.module_names:
            name = f"_{name}"
        lines = [f"class {name}({cls.name}):"]
        for member, kind in missing.items():
            if kind == "property":
                lines.extend(["    @property", f"    def {member}(self):"])
            elif kind == "classmethod":
                lines.extend(["    @classmethod", f"    def {member}(cls, *args, **kwargs):"])
            elif kind == "staticmethod":
                lines.extend(["    @staticmethod", f"    def {member}(*args, **kwargs):"])
            else:
                lines.append(f"    def {member}(self, *args, **kwargs):")
            lines.append("        return None")
        return name, "\n".join(lines)

    def _keyed_note(
        self, args: dict[str, str], usages: dict[str, Usage]
    ) -> tuple[tuple[str, str], ...]:
        """Through a public entry (a driver of the goal's dispatch table), the plain instance is
        already built for the goal: its mapping of the goal's keys is what the test is about."""
        if self.goal_of is None:
            return ()
        keyed = [(p, v) for p, v in args.items() if (u := usages.get(p)) and u.key_usages]
        return tuple(keyed[:1])

    def _tests_constructions(self, cls: str, var: str) -> list[Recipe]:
        """The first few calls of the class's constructor in the existing tests that need
        nothing of the test around them but plain values, imported names and the test file's
        helpers and constants: `assert Gregorian(1990, 3, 10)` or a fixture's
        `self.date = Gregorian(...)` builds the instance the way the tests do, where the
        class's own constructor is inherited. (A call the tests expect to fail fails here
        too: the planner learns which recipes build.)"""
        known = self.module_names | set(self.knowledge.import_of) | set(dir(builtins))
        found: list[Recipe] = []
        for call in self.knowledge.calls.get(cls, []):
            if len(found) >= MAX_TESTS_CONSTRUCTIONS:
                break
            if not (isinstance(call.func, ast.Name) and call.func.id == cls):
                continue
            statement = ast.Assign([ast.Name(var, ast.Store())], call, lineno=0)
            helpers = module_setup(free_names(call), self.knowledge.bindings, known)
            if helpers is None:
                continue  # reads the test's own locals, `self`, or a fixture
            recipe = Recipe(var, tuple(ast.unparse(s) for s in [*helpers, statement]))
            if recipe not in found:
                found.append(recipe)
        return found

    def _fresh_var(self, name: str) -> str:
        """A variable name that shadows nothing the test uses (class `shlex` → `shlex_obj`)."""
        taken = set(self.classes) | set(self.knowledge.import_of) | set(dir(builtins))
        taken |= {n.id for n in ast.walk(self.target.node) if isinstance(n, ast.Name)}
        taken |= self.module_names | set(self.definitions.found)
        return name if name not in taken and keyword.iskeyword(name) is False else f"{name}_obj"

    def _recipes_for_round(self, number: int) -> list[Recipe | None]:
        if not self.recipes:
            if number == 0 or self.target.cls is not None:
                return [None]
            return [None, *self._state_preparations()]
        if number == 0:
            return list(self.recipes)
        grown = self.frontier[-30:]
        return [*self.recipes, *self._extended([*self.recipes[: 1 + number], *grown], number)]

    def _member_pools(
        self, member: ast.FunctionDef | ast.AsyncFunctionDef, method: bool = True
    ) -> tuple[list[Param], dict[str, list[str]]]:
        """Another method's (or module function's) parameters and values, mined from its own
        body."""
        key = member.name if method else f"<function {member.name}>"
        cached = self._member_cache.get(key)
        if cached is None:
            params = function_params(member, skip_first=method)
            attr_params = self.target.cls.attr_params if self.target.cls and method else {}
            mined, _ = mine(member, params, attr_params, self.knowledge.constants, self.tables)
            usages = self._usages(member, params)
            pools = {
                p.name: self._pool(p, [], mined.get(p.name), usages.get(p.name)) for p in params
            }
            cached = self._member_cache[key] = (params, pools)
        return cached

    def _same_class_operands(self) -> None:
        """The other operand of a comparison or arithmetic special method is most often another
        instance of the class (`version < Version("2.0")`, `money + Money(5)`): the instances
        the recipes build (a single `x = Cls(...)`) join its pool, second."""
        target = self.target
        if target.cls is None or target.name not in SAME_CLASS_OPERATORS or not target.params:
            return
        built = []
        for recipe in self.recipes:
            if len(recipe.statements) != 1:
                continue
            try:
                statement = ast.parse(recipe.statements[0]).body[0]
            except (SyntaxError, IndexError):
                continue
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                built.append(ast.unparse(statement.value))
        if not built:
            return
        name = target.params[0].name
        pool = self.pools.get(name, [])
        self.pools[name] = list(dict.fromkeys([*pool[:1], *built[:3], *pool[1:]]))

    def _state_preparations(self) -> list[Recipe]:
        """For a module function: a call of each public module function that changes a
        global it reads (module_state.py), with that function's likeliest arguments and one
        argument varied, as the setup of later rounds' calls (var "": no instance)."""
        if self._state_cache is not None:
            return list(self._state_cache)
        state = set(self.module_globals)
        writers = state_writers(self.target.node, state, self.functions)
        read = read_globals(self.target.node, state, self.functions)
        per_writer: list[list[Recipe]] = []
        for writer in writers:
            params, pools = self._member_pools(writer, method=False)
            # The tests' own calls of it, where their arguments stand on their own.
            calls = [
                args
                for call in self.knowledge.calls.get(writer.name, [])[:6]
                if (args := map_call(call, params)) is not None
                and all(literal_type(value) is not None for value in args.values())
            ]
            base = self._base_args(params, pools)
            variants = [*calls[:3], base]
            # The reader's own likeliest values first: what it looks up is what to put there.
            theirs = [v for p in self.target.params for v in self.pools.get(p.name, [])[:3]]
            for param in params:
                if not param.has_default:
                    variants.extend({**base, param.name: v} for v in theirs)
                    variants.extend({**base, param.name: v} for v in pools[param.name][1:6])
            # The globals it fills start empty in the test, whatever other tests left there.
            isolation = tuple(
                f'monkeypatch.setattr("{self.module_path}.{name}", {initial})'
                for name in sorted(written_globals(writer, state) & read)
                if (initial := self.module_globals.get(name)) is not None and self.module_path
            )
            per_writer.append(
                [
                    Recipe("", (*isolation, render_call(writer.name, params, args)))
                    for args in variants
                ]
            )
        found = [r for batch in itertools.zip_longest(*per_writer) for r in batch if r]
        self._state_cache = list(dict.fromkeys(found))[:MAX_EXTENDED]
        return list(self._state_cache)

    def _sharing(self, recipe: Recipe, args: dict[str, str]) -> dict[str, str]:
        """`args` with one parameter given a value the preparing call passed: what
        `register("a", f)` put in the table is found by `dispatch("a", 1)`, not "b"."""
        try:
            call = ast.parse(recipe.statements[-1], mode="eval").body
        except SyntaxError:
            return args
        if not isinstance(call, ast.Call):
            return args
        values = [ast.unparse(a) for a in (*call.args, *(k.value for k in call.keywords))]
        params = [p for p in self.target.params if not p.variadic]
        if not values or not params:
            return args
        return {**args, self.random.choice(params).name: self.random.choice(values)}

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


@functools.lru_cache(maxsize=256)
def _constructor_usages(
    node: ast.ClassDef,
    init: ast.FunctionDef | ast.AsyncFunctionDef | None,
    params: tuple[Param, ...],
    attr_params: tuple[tuple[str, str], ...],
) -> dict[str, Usage]:
    """How a class's constructor parameters are used, by its constructor and through the
    attributes they are stored in: the same for every planner of the class's methods, read
    once (callers copy it: each adds its own goal's keys)."""
    usages = ParameterPools._usages(init, list(params)) if init is not None else {}
    return with_stored(node, dict(attr_params), usages)
