"""Real callables for parameters that take a function: of the arity the body calls them with,
and, where the body reads a function's name, signature or code, a function defined in the test.

A parameter that is called (`func(x)`), handed to `wraps`/`inspect.signature`, or named like
one (`callback`, `key_func`) gets nothing useful from plain values: `decorate(0, caller)` pins a
TypeError the author never meant anyone to hit. A lambda of the right arity runs the body as
real code does; code that introspects (`func.__name__ == "<lambda>"`, `getfullargspec(func)`)
takes another way for a `def`-defined function, so such parameters also get small local
functions, which the planner moves into the test's setup (`local_functions`), and a builtin
(`len`), which has a signature but no `__code__` or `__defaults__`.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from covopt_ls.engines.builtin.planner import Candidate

CALLABLE_NAME = re.compile(
    r"^(func|fn|function|callback|cb|hook|factory|default_factory|predicate|pred|caller"
    r"|keyfunc|key_func|callable)$"
    r"|_(func|fn|function|callback|cb|hook|factory|predicate)$"
)
"""Names that across code bases hold a function. `key`, `f`, `handler` and `on_*` are left
out: as often a dictionary key, a file, a logging handler object, or a setting
(`on_color="on_red"`)."""

INTROSPECTED_ATTRS = frozenset(
    {
        "__name__", "__qualname__", "__code__", "__defaults__", "__kwdefaults__",
        "__wrapped__", "__closure__", "__globals__", "__func__", "__self__", "__signature__",
    }
)  # fmt: skip
"""Attributes only functions (and classes, for the names) have: reading one introspects."""
INTROSPECTING_CALLS = frozenset(
    {
        "signature", "getfullargspec", "getargspec", "getsource", "getsourcelines", "getdoc",
        "getmodule", "getfile", "getsourcefile", "getcomments", "wraps", "update_wrapper",
        "iscoroutinefunction", "isgeneratorfunction", "isasyncgenfunction", "isfunction",
        "ismethod", "isroutine", "isbuiltin", "unwrap", "getcallargs", "getclosurevars",
    }
)  # fmt: skip
"""Functions (of `inspect` and `functools`, however imported) that read a function itself."""

IDENTITY = "def identity(value):\n    return value"
PAIR = "def pair(first, second):\n    return first, second"
CONSTANT = "def constant():\n    return 1"
COLLECT = "def collect(*args):\n    return args"
RICH = (
    "def combine(first, second=2, *rest, flag=False, **options):\n"
    '    """Return the first argument."""\n'
    "    return first"
)
"""A signature with every kind of parameter: code reading one (`getfullargspec`) takes
each of its branches for positional defaults, `*args`, keyword-only and `**kwargs`."""
KEYWORD_ONLY = "def scaled(value, *, factor=2):\n    return value * factor"
"""Keyword-only parameters without `*args`: a signature written with a bare `*`."""
ASYNC = "async def fetch(value):\n    return value"
GENERATOR = "def repeat(value):\n    yield value"
_KINDS = {
    "iscoroutinefunction": ASYNC,
    "isasyncgenfunction": ASYNC,
    "isgeneratorfunction": GENERATOR,
}
"""What a body asks of a function, and a function of that kind: the other way's example."""
_SOURCE_READERS = frozenset(
    {"getsource", "getsourcelines", "getsourcefile", "getfile", "getcomments"}
)
"""Calls that read a function's source file: a function the test defines has one in the test
file but none where candidates run (exec'd text), so only the module's own functions and
builtins behave alike in both places."""
LOCAL_DEFS = (IDENTITY, PAIR, CONSTANT, COLLECT, RICH, KEYWORD_ONLY, ASYNC, GENERATOR)

_BY_ARITY = {0: CONSTANT, 1: IDENTITY, 2: PAIR}
_SHAPED = {0: ("dict", "lambda: 1", "list", "lambda: None"), 1: ("lambda x: x", "str")}
"""Besides the predicates, callables of a known arity: factories and deferred values for
none (what is called without arguments mostly builds or computes something), an identity
and a builtin for one, and for more the arguments handed back as a tuple."""
PREDICATES = ("lambda *a, **k: True", "lambda *a, **k: False")
DEFAULT = (*PREDICATES, "lambda x: x", "str")
"""Callables of the usual shapes when nothing says how they are called: predicates either
way, an identity, a builtin."""


def callable_values(
    arities: Iterable[int], introspected: bool, asked: Iterable[str] = ()
) -> list[str]:
    """Callables for a parameter called with the given numbers of positional arguments (-1:
    with a `*args` spread, any number), best first; with `introspected`, local functions and
    a builtin come first, and a coroutine or generator function where the body `asked`
    whether it is one (`iscoroutinefunction(func)`)."""
    known = sorted({n for n in arities if n >= 0})
    if _SOURCE_READERS & set(asked):
        return ["len", "str"]
    values: list[str] = []
    if introspected:
        values.extend(_BY_ARITY.get(n, COLLECT) for n in known[:1])
        values.extend([IDENTITY, RICH, "lambda x: x", "len"])
        values.extend(_KINDS[name] for name in sorted(set(asked)) if name in _KINDS)
        values.append(KEYWORD_ONLY)
    if known == [0]:
        values.extend([*_SHAPED[0], *PREDICATES])
    elif len(known) == 1:
        shaped = _SHAPED.get(known[0], ("lambda *args: args",))
        values.extend([*PREDICATES, *shaped])
    else:
        values.extend(DEFAULT)
    values.append("lambda *a, **k: None")
    return list(dict.fromkeys(values))


OWN = 2
"""How many of the module's own functions an introspected parameter is also given."""


def own_functions(
    arities: Iterable[int],
    functions: Mapping[str, ast.FunctionDef | ast.AsyncFunctionDef],
    target: ast.AST,
) -> list[str]:
    """The module's public functions (not `target`) that take the number of positional
    arguments the body passes: a function with a source file and a module, which code
    reading `inspect.getsource(func)` or `func.__module__` needs and a local one lacks."""
    wanted = {n for n in arities if n >= 0}
    found: list[str] = []
    for name, node in functions.items():
        if name.startswith("_") or node is target or isinstance(node, ast.AsyncFunctionDef):
            continue
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        required = len(positional) - len(args.defaults)
        takes = range(required, len(positional) + 1)
        if wanted and not (args.vararg or any(n in takes for n in wanted)):
            continue
        if not wanted and required > 1:
            continue
        found.append(name)
        if len(found) >= OWN:
            break
    return found


def local_functions(candidate: Candidate, fresh: Callable[[str], str]) -> Candidate:
    """The candidate with each local function its values hold defined first in its setup
    and named in its call; `fresh` gives a name that shadows nothing the test uses."""
    joined = "\n".join([candidate.call, *candidate.setup, *(v for _, v in candidate.args)])
    found = [d for d in LOCAL_DEFS if d in joined]
    if not found:
        return candidate
    defined: list[str] = []
    setup, call = candidate.setup, candidate.call
    args, noted = candidate.args, candidate.setup_args
    for text in found:
        name = text.split("(", 1)[0].removeprefix("async ").removeprefix("def ")
        new = fresh(name)
        defined.append(text.replace(f"def {name}(", f"def {new}(", 1))
        setup = tuple(s.replace(text, new) for s in setup)
        call = call.replace(text, new)
        args = tuple((p, v.replace(text, new)) for p, v in args)
        noted = tuple((p, v.replace(text, new)) for p, v in noted)
    return dataclasses.replace(
        candidate, setup=(*defined, *setup), call=call, args=args, setup_args=noted
    )
