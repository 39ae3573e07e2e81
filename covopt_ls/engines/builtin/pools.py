"""The values tried for each parameter of a target (its pool), the likeliest valid first.

Kept apart from the rounds (planner.py): a pool is built once per parameter from the tests'
calls, the mined hints, the annotation and the body's use of the parameter, then filtered by
its evident type; the rounds only draw from it.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Mapping, Sequence

from covopt_ls import syntax
from covopt_ls.engines.builtin.aliases import only_literals
from covopt_ls.engines.builtin.bags import attribute_roles, bag_values
from covopt_ls.engines.builtin.callables import own_functions
from covopt_ls.engines.builtin.calls import (
    literal_type,
    literal_value,
    map_call,
    parse_call,
    render_call,
)
from covopt_ls.engines.builtin.candidates import (
    GENERIC,
    TYPICAL,
    Pool,
    annotation_type_name,
    annotation_values,
)
from covopt_ls.engines.builtin.defined_values import (
    MAX_VALUES,
    DefinedValues,
    attribute_name,
    introspects,
)
from covopt_ls.engines.builtin.evidence import STRONG, Evident, mismatch
from covopt_ls.engines.builtin.existing import TestKnowledge
from covopt_ls.engines.builtin.imported_classes import annotation_names
from covopt_ls.engines.builtin.keyed import add_keys, param_owner, read_keys
from covopt_ls.engines.builtin.producers import FunctionNode, producer_values, returning_values
from covopt_ls.engines.builtin.stdlib_objects import checked_values, duck_values
from covopt_ls.engines.builtin.syntax_trees import (
    SyntaxNames,
    checked_types,
    node_values,
    wanted_kinds,
)
from covopt_ls.engines.builtin.targets import ClassInfo, Param, Target, function_params, members
from covopt_ls.engines.builtin.usage import (
    ALLOWED_LITERALS,
    FIELDS,
    Usage,
    infer_usage,
    passed_on,
    usage_values,
    vararg_values,
    wants_fields,
)

MAX_POOL = 20
_COMPATIBLE: dict[str, set[str | None]] = {
    "str": {"str", "NoneType", None},
    "int": {"int", "bool", "NoneType", None},
    "float": {"float", "int", "NoneType", None},
    "bool": {"bool", "NoneType", None},
}
"""Literal types a value may have for an annotated simple type (None: not a literal)."""
_BUILTIN_TYPES = (str, bytes, int, float, list, dict, set, tuple)
_PLAIN = frozenset({*TYPICAL, "bool", "Any", "object"}) - {"Callable"}
"""Annotations of plain values: a fixture of the parameter's name is something else."""
_SCALARS = frozenset({"str", "int", "float", "bool", "NoneType", "Callable", "Any", "object"})
_PLAIN_TYPES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "tuple", "set", "frozenset"}
)
_CONTAINERS = frozenset(
    {"list", "List", "Sequence", "Iterable", "Collection", "Iterator", "set", "Set"}
    | {"FrozenSet", "frozenset", "MutableSequence", "AbstractSet"}
)
"""Annotations of a container whose items have the type in brackets."""


class ParameterPools:
    """The parameter pools of a planner (a base of Planner, which sets the state below)."""

    target: Target
    classes: dict[str, ClassInfo]
    knowledge: TestKnowledge
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]
    tables: dict[str, list[str]]
    mined: dict[str, Pool]
    loose: list[str]
    usage: dict[str, Usage]
    evident: dict[str, Evident | None]
    guards: frozenset[int]
    base_calls: list[dict[str, str]]
    pools: dict[str, list[str]]
    random: random.Random
    stdlib: Mapping[str, str]
    syntax: SyntaxNames | None
    imported: Mapping[str, str]
    fixtures: Mapping[str, str]
    module_names: set[str]
    definitions: DefinedValues

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

    def _existing_calls(self, limit: int = 8) -> list[dict[str, str]]:
        target = self.target
        key = target.cls.name if target.kind == "init" and target.cls else target.name
        key = target.calls_of or key
        found: list[dict[str, str]] = []
        self._mapped_calls(key, target.kind == "method", found, limit)
        return found

    def _mapped_calls(
        self, name: str, attribute_only: bool, found: list[dict[str, str]], limit: int
    ) -> None:
        """The tests' calls of `name` (only `x.name(...)` ones for a method) as the target's
        arguments, added to `found` once each, up to `limit`."""
        for call in self.knowledge.calls.get(name, []):
            if len(found) >= limit:
                return
            if attribute_only and not isinstance(call.func, ast.Attribute):
                continue
            args = map_call(call, self.target.params)
            if args is not None and args not in found:
                found.append(args)

    def _borrowed_calls(self, limit: int = 8) -> list[dict[str, str]]:
        """Calls to start from where no test calls the target: a sibling's, or the protocol's
        (`_siblings_calls`, `_protocol_calls`). Hints, not evidence: they go first in the
        pools without narrowing them to their types (`is_type(1)` says nothing of what
        `is_collections(obj)` takes)."""
        return self._siblings_calls(limit) or self._protocol_calls()

    def _protocol_calls(self) -> list[dict[str, str]]:
        """The calls Python itself makes of a protocol method with no test calling it: a
        context manager's `__exit__` after its block ran through, and after it raised."""
        target = self.target
        names = [p.name for p in target.params if not p.has_default]
        if target.name not in ("__exit__", "__aexit__") or len(names) != 3:
            return []
        raised = ("ValueError", 'ValueError("boom")', "None")
        return [
            dict(zip(names, ("None", "None", "None"), strict=True)),
            dict(zip(names, raised, strict=True)),
        ]

    def _siblings_calls(self, limit: int) -> list[dict[str, str]]:
        """With no test calling the target: the tests' calls of a sibling, a module function
        (or a method of the same class) with the very same parameters (`log_exits(call,
        print_func, errors)` beside a tested `log_calls(call, print_func, errors)`,
        `b85encode(data)` beside `b64encode(data)`): its callers hand the same kind of values."""
        target = self.target
        names = [p.name for p in target.params]
        if not names or target.kind not in ("function", "method", "static", "classmethod"):
            return []
        if target.cls is not None:
            siblings = {
                m.name: m
                for m in target.cls.node.body
                if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)
            }
        else:
            siblings = dict(self.functions)
        found: list[dict[str, str]] = []
        for name, node in siblings.items():
            if name == target.name or name.startswith("__"):
                continue
            params = function_params(node, skip_first=target.kind in ("method", "classmethod"))
            if [p.name for p in params] == names:
                self._mapped_calls(name, target.cls is not None, found, limit)
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
        if any(u.keys for u in usages.values()):
            add_keys(usages, read_keys(node, param_owner(set(untyped))))
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
        instance = self._imported_instances(param)
        if instance:
            # What the tests' fixture of that name builds, an instance of the project's class
            # the parameter is annotated with (imported from another module): the base value
            # where no test passes one, since a literal contradicts the annotation.
            pool.items = [*pool.items[: len(given)], *instance, *pool.items[len(given) :]]
            pool.items = list(dict.fromkeys(pool.items))
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
        if not built or any(self._imported_instances(p) for p in info.init_params):
            # Also where the tests build one: a constructor taking the project's objects is
            # often called by the tests only to see it reject a None or a literal.
            args = self._base_args(info.init_params, {})
            built.append(render_call(info.name, info.init_params, args))
            calls = calls or [c for c in [parse_call(built[0])] if c is not None]
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

    def _imported_instances(self, param: Param) -> list[str]:
        """The object a fixture of the parameter's name builds (fixture_values.py), then
        instances of the project's classes the parameter is annotated with, imported from
        other modules (imported_classes.py)."""
        found: list[str] = []
        fixture = self.fixtures.get(param.name)
        if fixture is not None and annotation_type_name(param.annotation) not in _PLAIN:
            found.append(fixture)
        named = dict.fromkeys(annotation_names(param.annotation))
        return [*found, *(self.imported[n] for n in named if n in self.imported)]

    def _base_args(self, params: Sequence[Param], pools: dict[str, list[str]]) -> dict[str, str]:
        args: dict[str, str] = {}
        for param in params:
            if param.has_default:
                continue
            pool = (
                pools.get(param.name)
                or self._imported_instances(param)
                or annotation_values(param.annotation, self.classes)
            )
            args[param.name] = pool[0] if pool else "1"
        return args

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

    def _named_classes(self, name: str, usage: Usage | None) -> set[str]:
        """Module classes the parameter is named after (`token`, `base_token` → `Token`), where
        the body does not use it as a builtin value."""
        if usage is not None and usage.kind in ("dict", "str", "list", "bytes", "Callable"):
            return set()
        word = name.strip("_").lower()
        return {
            cls
            for cls, info in self.classes.items()
            if not info.is_enum
            and len(cls) > 2
            and (word == cls.lower() or word.endswith(f"_{cls.lower()}"))
        }

    def _annotated_items(self, name: str) -> list[str]:
        """Module classes a parameter's annotation holds items of (`list[Event]`,
        `Iterable["Event"]`, `Sequence[Event] | None`)."""
        param = next((p for p in self.target.params if p.name == name), None)
        annotation = param.annotation if param is not None else None
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = syntax.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return []
        found: list[str] = []
        for node in ast.walk(annotation) if annotation is not None else ():
            if not isinstance(node, ast.Subscript):
                continue
            head = ast.unparse(node.value).rsplit(".", 1)[-1]
            if head not in _CONTAINERS:
                continue
            for item in annotation_names(node.slice):
                info = self.classes.get(item)
                if info is not None and not info.is_enum and item not in found:
                    found.append(item)
        return found

    def _own_classes(self, name: str) -> set[str]:
        """Module classes the body checks the parameter against (`isinstance(p, Node)`,
        `isinstance(p, type(self))`)."""
        found: set[str] = set()
        own = self.target.cls.name if self.target.cls else None
        for kind in checked_types(self.target.node, name):
            text = ast.unparse(kind)
            if text in ("type(self)", "self.__class__", "cls") and own:
                text = own
            if text in self.classes and not self.classes[text].is_enum:
                found.add(text)
        return found

    def _nodes(self, name: str, usage: Usage | None) -> list[str]:
        """Syntax-tree nodes for a parameter the body reads as one (syntax_trees.py)."""
        param = next((p for p in self.target.params if p.name == name), None)
        if self.syntax is None or param is None:
            return []
        attrs = usage.attrs if usage is not None else set()
        syntax = self.syntax
        kinds = wanted_kinds(self.target.node, param, attrs, set(syntax.kinds), syntax.handled)
        return node_values(kinds, syntax.spelled)

    def _bags(self, name: str) -> list[str]:
        spelled = self.stdlib.get("SimpleNamespace")
        if spelled is None:
            return []
        roles = attribute_roles(self.target.node, name)

        def hints(attr: str) -> list[str]:
            found = self.mined.get(f"{name}.{attr}")
            return found.items if found else []

        return bag_values(roles, hints, spelled)

    def _typical_call(self, function: FunctionNode) -> str:
        """A call of a module function with typical arguments, its texts one of the tests'
        longer strings (the domain's input: an emoji sequence, a SQL statement), not `""`."""
        params = function_params(function, skip_first=False)
        args = self._base_args(params, {})
        texts = [c for c in self.knowledge.constants if literal_type(c) == "str"]
        longest = max(texts, key=lambda c: len(str(literal_value(c))), default=None)
        for param in params:
            if param.name in args and annotation_type_name(param.annotation) == "str" and longest:
                args[param.name] = longest
        return render_call(function.name, params, args)

    def _fit_pools(self, goals: set[int] | frozenset[int]) -> None:
        """Put the module's own objects the body checks for near the front of each pool, and
        keep a value that contradicts the evident type only where a goal guards the type."""
        for name, pool in self.pools.items():
            evident = self.evident[name]
            owned = self._own_classes(name) | set(evident.classes if evident else ())
            usage = self.usage.get(name)
            owned |= self._shaped_classes(usage) | self._named_classes(name, usage)
            built = [v for cls in sorted(owned) for v in self._built_values(cls, name)[:2]]
            # Then the same objects as the module's own functions make them from the tests'
            # inputs: `tokenize("a = 1")[0]` is a token a real caller has, `Token(1, 1)` not.
            built.extend(
                producer_values(
                    sorted(owned), self.functions, self.classes, self.knowledge, self.target.name
                )
            )
            param = next(p for p in self.target.params if p.name == name)
            built.extend(
                returning_values(
                    param.annotation,
                    self.functions,
                    self.classes,
                    self.knowledge,
                    self._typical_call,
                    self.target.name,
                )
            )
            element = usage.element if usage is not None else None
            for cls in self._annotated_items(name):
                # `events: Iterable[Event]`: a list of the module's objects.
                built.extend(f"[{v}]" for v in self._built_values(cls, name)[:2])
            for cls in sorted(self._shaped_classes(element)):
                # A container of the module's objects: `for item in items: item.price`.
                built.extend(f"[{v}]" for v in self._built_values(cls, name)[:1])
            if usage is not None and usage.attrs:
                # `other.year`, `stream.seek(0)`: a date or a file-like object, not a literal.
                built.extend(duck_values(usage.attrs, self.stdlib))
            if usage is not None and usage.attrs and usage.kind is None and not built:
                # Nothing the module or the standard library has fits what the body reads
                # (`user.age`, `row.save()`): an object with just those attributes.
                built.extend(self._bags(name))
            built.extend(checked_values(checked_types(self.target.node, name), self.module_names))
            built.extend(self._nodes(name, usage))
            if built:
                # An instance of the module's own class the body checks for comes right after
                # the base value: `vector + Vector(1, 1)` reaches what `vector + 0` cannot.
                pool = list(dict.fromkeys([*pool[:1], *built, *pool[1:]]))[:MAX_POOL]
                self.pools[name] = pool
            given = {c.get(name) for c in self.base_calls}
            if self.guards & goals:
                # A goal handles wrong types: values of other types must be tried for it, but
                # after the well-typed ones, so that the base call (the pool's first value) is
                # one a caller would write: a truth test mines `None` for a `bool` parameter.
                wrong = [v for v in GENERIC if mismatch(evident, v) >= STRONG and v not in pool]
                fits = [v for v in pool if v in given or mismatch(evident, v) < STRONG]
                self.pools[name] = [*fits, *(v for v in pool if v not in fits), *wrong[:3]]
            else:
                # No goal handles a wrong type: a contradicting value can reach nothing offered.
                kept = [v for v in pool if v in given or mismatch(evident, v) < STRONG]
                self.pools[name] = kept or pool[:1]
        self._add_defined()

    def _add_defined(self) -> None:
        """The test file's own objects (defined_values.py) at the end of the pools of the
        parameters the body uses as a function, looks into, or reads attributes of; its
        constants for the parameters of their type. After the values that already work (the
        base call stays), keeping room for them in a full pool."""
        if not self.definitions:
            return
        node = self.target.node
        annotated = [p.name for p in self.target.params if p.annotation is not None]
        usages = {**self.usage, **infer_usage(node, annotated)} if annotated else self.usage
        for param in self.target.params:
            if param.variadic or param.name not in self.pools:
                continue
            usage = usages.get(param.name)
            values = self._defined_values(param, usage)
            pool = self.pools[param.name]
            evident = self.evident.get(param.name)
            values = [v for v in values if v not in pool and mismatch(evident, v) < STRONG]
            if values:
                values = values[:MAX_VALUES]
                kept = pool[: max(1, MAX_POOL - len(values))]
                self.pools[param.name] = [*kept, *values]

    def _defined_values(self, param: Param, usage: Usage | None) -> list[str]:
        definitions = self.definitions
        kind = usage.kind if usage is not None else None
        typed = annotation_type_name(param.annotation) or kind
        values: list[str] = []
        if typed == "Signature":
            values.extend(definitions.signatures())
        elif typed in _PLAIN_TYPES:
            # An `int` or a `str` (declared, or used as one): an object says nothing of it,
            # though `isinstance(value, str)` looks into it.
            pass
        elif kind == "Callable" or (usage is not None and usage.introspected):
            values.extend(definitions.callables())
        elif introspects(self.target.node, param.name):
            # `hasattr(obj, name)`, `type(obj)`: the sample objects first, then classes.
            values.extend(definitions.instances())
            values.extend(definitions.callables())
        elif usage is not None and usage.attrs and kind not in ("dict", "str", "list", "bytes"):
            attrs = {a for a in usage.attrs if not a.startswith("__")}
            if len(attrs) > 1 or not any(hasattr(t, a) for t in _BUILTIN_TYPES for a in attrs):
                values.extend(definitions.instances(attrs))
        if typed in (None, "str") and attribute_name(self.target.node, param.name):
            # `getattr(obj, name)`: the names the sample classes define.
            values.extend(definitions.member_names())
        if typed is not None and typed not in _SCALARS:
            # Containers: the tests' scalars are among the pools' values already.
            values.extend(definitions.constants(typed))
        return list(dict.fromkeys(values))


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
