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
from covopt_ls.engines.builtin.calls import (
    DUNDER_FORMS,
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
from covopt_ls.engines.builtin.existing import Recipe, TestKnowledge
from covopt_ls.engines.builtin.targets import ClassInfo, Param, Target, function_params
from covopt_ls.engines.builtin.usage import (
    ALLOWED_LITERALS,
    FIELDS,
    Usage,
    infer_usage,
    usage_values,
    vararg_values,
    wants_fields,
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
    ) -> None:
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
        self.usage = self._usages(target.node, target.params)
        self.loose = [*loose.items, *module_constants]
        self.base_calls = self._existing_calls()
        self.pools = {
            p.name: self._pool(p, [c.get(p.name) for c in self.base_calls]) for p in target.params
        }
        if not self.base_calls:
            self.base_calls = [self._base_args(target.params, self.pools)]
        self.recipes = self._recipes()
        self.is_generator = any(
            isinstance(node, ast.Yield | ast.YieldFrom)
            for node in ast.walk(target.node)
            if owned_by(node, target.node)
        )
        self.frontier: list[Recipe] = []
        """Prepared instances that were built without error: the next rounds go deeper."""

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

    def _existing_calls(self) -> list[dict[str, str]]:
        target = self.target
        key = target.cls.name if target.kind == "init" and target.cls else target.name
        found: list[dict[str, str]] = []
        for call in self.knowledge.calls.get(key, []):
            is_attr = isinstance(call.func, ast.Attribute)
            if target.kind in ("method",) and not is_attr:
                continue
            args = map_call(call, target.params)
            if args is not None and args not in found:
                found.append(args)
        return found[:8]

    @staticmethod
    def _usages(
        node: ast.FunctionDef | ast.AsyncFunctionDef, params: Sequence[Param]
    ) -> dict[str, Usage]:
        """Usage of the unannotated parameters; a format string is text with fields."""
        untyped = [p.name for p in params if p.annotation is None]
        usages = infer_usage(node, untyped)
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
        ctor_pools = {
            p.name: self._pool(p, [], self.mined.get("self." + p.name), ctor_usage.get(p.name))
            for p in cls.init_params
        }
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

    def _candidate(self, recipe: Recipe | None, args: dict[str, str]) -> Candidate:
        target = self.target
        var = recipe.var if recipe else None
        values = [args[p.name] for p in target.params if p.name in args]
        if target.kind == "property":
            call = f"{var}.{target.name}"
        elif var and target.name in DUNDER_FORMS and len(values) == len(target.params):
            call = DUNDER_FORMS[target.name].format(var, *values, args=", ".join(values))
        else:
            call = render_call(self._callee(var), target.params, args)
            if self.is_generator:
                call = f"list({call})"
            elif target.is_async:
                call = f"asyncio.run({call})"
        setup = recipe.statements if recipe else ()
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
        return Candidate(target.qualname, setup, call, var, ordered, note, distance, rank)

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

        def add(candidate: Candidate) -> None:
            key = (candidate.setup, candidate.call)
            if key not in seen:
                seen.add(key)
                result.append(candidate)

        recipes = self._recipes_for_round(number)
        if number == 0:
            for base in self.base_calls:
                for args in self._mutations(base):
                    add(self._candidate(recipes[0], args))
            for recipe in recipes[1:]:
                for base in self.base_calls:
                    add(self._candidate(recipe, base))
                    for args in list(self._mutations(base))[:20]:
                        add(self._candidate(recipe, args))
            return result[:MAX_ROUND]
        for _ in range(MAX_ROUND * 2):
            if len(result) >= MAX_ROUND:
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
            add(self._candidate(self.random.choice(recipes), args))
        return result


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
