"""Standard-library objects for parameters the body duck-types (`other.year`, `f.read()`).

Untyped code often takes a date, a decimal or a file-like object without saying so; the body
only reads what such a value has (`other.month`, `other.replace(day=1)`, `stream.seek(0)`).
Literals never reach those lines, and the module's own classes rarely have those members. So
a parameter whose read attributes a well-known value type has gets a few values of that type.

A value is spelled as the module or its tests already name the type (`date(2024, 1, 15)`,
`datetime.date(2024, 1, 15)` after `import datetime`); a type neither names gets an import of
its own, run before the candidates and written into the test (`stdlib_imports`).
"""

from __future__ import annotations

import ast
import datetime
import decimal
import fractions
import io
import pathlib
import types
from collections.abc import Mapping

from covopt_ls.engines.builtin.candidates import STDLIB_ARGUMENTS

_TYPES: dict[str, type] = {
    "date": datetime.date,
    "datetime": datetime.datetime,
    "time": datetime.time,
    "timedelta": datetime.timedelta,
    "Decimal": decimal.Decimal,
    "Fraction": fractions.Fraction,
    "Path": pathlib.Path,
    "StringIO": io.StringIO,
    "BytesIO": io.BytesIO,
    "SimpleNamespace": types.SimpleNamespace,
}
"""The value types offered, by the name their module exports them under."""
_ARGUMENTS: dict[str, tuple[str, ...]] = {
    **STDLIB_ARGUMENTS,
    "Path": ('"data.txt"', '"a/b"'),
    "StringIO": ('"a\\nb\\n"', ""),
    "BytesIO": ('b"abc"', ""),
    "SimpleNamespace": ("a=1",),
}
_COMMON = frozenset(
    name for kind in (str, bytes, int, float, list, dict, set, tuple) for name in dir(kind)
)
"""Members the builtin values have too: reading one says nothing of a standard type."""
MAX_VALUES = 4
MAX_CHECKED = 6


def fitting_types(attrs: set[str]) -> list[str]:
    """Standard types that have what the body reads: two or more attributes no builtin value
    has (a body testing types reads a date's and its own class's attributes in separate
    branches), or every attribute read, one of them such a method. The closest fits first,
    then the plainer types."""
    wanted = {a for a in attrs if not a.startswith("__")}
    if not wanted:
        return []
    found: list[tuple[int, int, str]] = []
    for order, (name, kind) in enumerate(_TYPES.items()):
        members = set(dir(kind))
        distinct = (wanted & members) - _COMMON
        # One attribute alone must be a method: `.name` or `.year` alone is as likely a
        # field of the module's own objects, `.seek()` or `.isoformat()` much less so.
        alone = len(distinct) == 1 and callable(getattr(kind, next(iter(distinct))))
        if (wanted <= members and (alone or len(distinct) >= 2)) or len(distinct) >= 2:
            found.append((-len(wanted & members), order, name))
    return [name for _, _, name in sorted(found)]


def spellings(
    module_imports: Mapping[str, str],
    defined: set[str],
    test_imports: Mapping[str, str],
    star: bool,
) -> dict[str, str]:
    """How each offered type is named in the module's namespace (with the tests' imports and
    `stdlib_imports` run in it): by its own name when that is free or bound to it, else
    through its module (`datetime.date` after `import datetime`); else it is left out."""
    bound = {**test_imports, **module_imports}
    found: dict[str, str] = {}
    for name, kind in _TYPES.items():
        home = kind.__module__.lstrip("_")
        direct = (f"from {home} import {name}", f"from _{home} import {name}")
        statement = None if name in defined else bound.get(name)
        if statement in direct:
            found[name] = name
        elif bound.get(home) == f"import {home}" and home not in defined:
            found[name] = f"{home}.{name}"
        elif statement is None and name not in defined and not star:
            found[name] = name  # free: stdlib_imports binds it
    return found


def stdlib_imports(
    module_imports: Mapping[str, str],
    defined: set[str],
    test_imports: Mapping[str, str],
    star: bool,
) -> dict[str, str]:
    """Imports of the offered types no name in the module or its tests binds: run before the
    candidates and written into a test that uses one. None where a star import may bind
    any name."""
    if star:
        return {}
    taken = set(module_imports) | set(test_imports) | defined
    return {
        name: f"from {kind.__module__.lstrip('_')} import {name}"
        for name, kind in _TYPES.items()
        if name not in taken
    }


def has_star_import(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names)
        for node in tree.body
    )


def duck_values(attrs: set[str], spelled: Mapping[str, str]) -> list[str]:
    """Values of the standard types that have the attributes read, as the module spells them."""
    values: list[str] = []
    for name in fitting_types(attrs):
        callee = spelled.get(name)
        if callee is not None:
            values.extend(f"{callee}({args})" for args in _ARGUMENTS[name][:2])
    return values[:MAX_VALUES]


_CHECKED: dict[str, tuple[str, ...]] = {
    "OrderedDict": ("{T}([('a', 1), ('b', 2)])", "{T}()"),
    "defaultdict": ("{T}(list)", "{T}(int, {{'a': 1}})"),
    "deque": ("{T}([1, 2, 3])", "{T}()"),
    "Counter": ("{T}('abca')",),
    "ChainMap": ("{T}({{'a': 1}}, {{'b': 2}})",),
    "struct_time": ("{T}((2024, 1, 15, 12, 30, 0, 0, 15, 0))",),
    "ModuleType": ("{T}('example')",),
    "SimpleNamespace": ("{T}(a=1, b='x')",),
    "UUID": ("{T}(int=1)",),
    "array": ("{T}('i', [1, 2, 3])",),
    "StringIO": ("{T}('a\\nb\\n')",),
    "BytesIO": ("{T}(b'abc')",),
    "IOBase": ("{M}.StringIO('a\\nb\\n')",),
    "TextIOBase": ("{M}.StringIO('a\\nb\\n')",),
    "BufferedIOBase": ("{M}.BytesIO(b'abc')",),
    "Pattern": ("{M}.compile('a+')",),
    "FunctionType": ("lambda x: x",),
    "LambdaType": ("lambda x: x",),
    "BuiltinFunctionType": ("len",),
    "BuiltinMethodType": ("[].append",),
    "GeneratorType": ("(n for n in [1, 2])",),
    "frozenset": ("frozenset({1, 2})", "frozenset()"),
    "complex": ("1j", "(1+2j)"),
    "range": ("range(3)", "range(0)"),
    "slice": ("slice(1, 3)",),
    "Decimal": ("{T}('1.5')",),
    "Fraction": ("{T}(1, 3)",),
    "IPv4Address": ("{T}('127.0.0.1')",),
    "IPv6Address": ("{T}('::1')",),
}
"""Values of standard types a body checks a parameter against (`type(obj) is time.struct_time`,
`isinstance(obj, collections.deque)`), by the type's own name: `{T}` is the type as the body
spells it (so it resolves where the check does), `{M}` the module it is read from (for types
built by a function of their module: `re.compile`, `io.StringIO` for `io.IOBase`)."""


def checked_values(kinds: list[ast.expr], defined: set[str]) -> list[str]:
    """Values of the standard types among `kinds` (the body's type checks of a parameter),
    spelled as the checks spell them; a name the module defines itself is its own class."""
    values: list[str] = []
    for kind in kinds:
        spelled = ast.unparse(kind)
        module, _, name = spelled.rpartition(".")
        if name not in _CHECKED or (not module and name in defined):
            continue
        for template in _CHECKED[name]:
            if "{M}" in template and not module:
                continue
            values.append(template.format(T=spelled, M=module))
    return list(dict.fromkeys(values))[:MAX_CHECKED]
