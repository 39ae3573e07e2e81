"""Objects the tests' own pytest fixtures build, for parameters named after them.

A project's tests name their collaborators: `conftest.py` holds `def env(): return
simpy.Environment()`, and the code under test takes an `env`. The fixture's expression is how
the project itself builds that object, which no literal and no plain constructor call of the
module's own classes gives. So a fixture that needs no other fixture and only returns (or
yields) one call of imported names is a value for a parameter of the same name, its imports
run before the candidates and written into the tests that use it.
"""

from __future__ import annotations

import ast
import builtins
import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from covopt_ls import syntax
from covopt_ls.engines.builtin.environment import FIXTURES
from covopt_ls.engines.builtin.existing import NameInliner, free_names, read_tests

MAX_CONFTEST_BYTES = 200_000
MAX_CHAIN = 4
"""Fixtures asking for fixtures, resolved this many levels deep."""
_BUILTINS = frozenset(dir(builtins))


@dataclass(frozen=True, slots=True)
class FixtureValue:
    value: str
    """The fixture's expression (`simpy.Environment()`)."""
    imports: dict[str, str]
    """The import statement of each name it reads."""


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return ast.unparse(target) in ("pytest.fixture", "fixture")


def _returned(function: ast.FunctionDef) -> ast.expr | None:
    """The one expression the fixture returns or yields, its body nothing else but a
    docstring; None for a fixture that does more."""
    arguments = function.args
    if arguments.posonlyargs or arguments.kwonlyargs or arguments.vararg or arguments.defaults:
        return None
    body = function.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    if len(body) != 1:
        return None
    statement = body[0]
    if isinstance(statement, ast.Return):
        return statement.value
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Yield):
        return statement.value.value
    return None


@dataclass(frozen=True, slots=True)
class _Declared:
    """A fixture as declared: its expression, the fixtures it asks for, its file's imports."""

    value: ast.expr
    asks: tuple[str, ...]
    imports: dict[str, str]


def _declared(source: str) -> dict[str, _Declared]:
    """The module-level fixtures of a test file or conftest that return one expression
    building something (a call), by the name a test asks for them (`@pytest.fixture(name=)`)."""
    try:
        tree = syntax.parse(source)
    except (SyntaxError, ValueError):
        return {}
    imports = read_tests(source, set()).import_of
    found: dict[str, _Declared] = {}
    for function in tree.body:
        if not isinstance(function, ast.FunctionDef):
            continue
        fixtures = [d for d in function.decorator_list if _is_fixture(d)]
        if len(fixtures) != 1 or len(function.decorator_list) != 1:
            continue
        decorator = fixtures[0]
        keywords = decorator.keywords if isinstance(decorator, ast.Call) else []
        if any(k.arg in ("params", "autouse") for k in keywords):
            continue
        value = _returned(function)
        if value is None or not any(isinstance(n, ast.Call) for n in ast.walk(value)):
            continue  # a literal (`return []`) the pools have anyway
        name = next(
            (
                k.value.value
                for k in keywords
                if k.arg == "name"
                and isinstance(k.value, ast.Constant)
                and isinstance(k.value.value, str)
            ),
            function.name,
        )
        asks = tuple(a.arg for a in function.args.args)
        found[name] = _Declared(value, asks, imports)
    return found


def _resolved(declared: Mapping[str, _Declared]) -> dict[str, FixtureValue]:
    """The fixtures whose values can be written out: built from imported names alone, or from
    other such fixtures, inlined (`store(env)` → `simpy.Store(simpy.Environment())`)."""
    found: dict[str, FixtureValue] = {}
    for _ in range(MAX_CHAIN):
        progressed = False
        for name, fixture in declared.items():
            if name in found or not all(a in found for a in fixture.asks):
                continue
            value = NameInliner(
                {a: syntax.parse(found[a].value, mode="eval").body for a in fixture.asks}
            ).visit(copy.deepcopy(fixture.value))
            names = free_names(value)
            imports = {**{k: v for a in fixture.asks for k, v in found[a].imports.items()}}
            imports.update({n: fixture.imports[n] for n in names if n in fixture.imports})
            if not names <= set(imports) | _BUILTINS or "request" in names:
                continue
            if any(statement.startswith("from .") for statement in imports.values()):
                continue  # relative to the tests' package: no import the module's namespace runs
            found[name] = FixtureValue(ast.unparse(value), dict(sorted(imports.items())))
            progressed = True
        if not progressed:
            break
    return found


def fixtures_in(source: str) -> dict[str, FixtureValue]:
    """The module-level fixtures of a test file or conftest that build their value from
    imported names alone or from its other such fixtures, by the name a test asks for them."""
    return _resolved(_declared(source))


def conftests(test_path: Path, project_root: Path | None) -> Iterator[Path]:
    """The conftest files a test file sees, nearest first, up to the project's root."""
    folder = test_path.parent
    while True:
        candidate = folder / "conftest.py"
        if candidate.is_file():
            yield candidate
        if project_root is None or folder == project_root or folder.parent == folder:
            return
        if project_root not in folder.parents:
            return
        folder = folder.parent


def usable_fixtures(
    found: Mapping[str, FixtureValue], bound: Mapping[str, str], defined: set[str]
) -> dict[str, FixtureValue]:
    """The fixtures whose names read nothing the module or the tests bind otherwise (`bound`:
    name → import statement), leaving out pytest's own (`tmp_path`)."""
    return {
        name: fixture
        for name, fixture in found.items()
        if name not in FIXTURES
        and not any(n in defined or bound.get(n, s) != s for n, s in fixture.imports.items())
    }


def fixture_values(
    test_code: str, test_path: Path | None, project_root: Path | None
) -> dict[str, FixtureValue]:
    """The fixtures the tests see (the test file's own first, then the nearest conftest's),
    one asking for another resolved across those files."""
    declared = _declared(test_code)
    for text in conftest_texts(test_path, project_root):
        for name, value in _declared(text).items():
            declared.setdefault(name, value)
    return _resolved(declared)


def conftest_texts(test_path: Path | None, project_root: Path | None) -> Iterator[str]:
    """The text of each conftest file the tests see (`conftests`), nearest first; one too big
    or unreadable is skipped."""
    if test_path is None:
        return
    for conftest in conftests(test_path, project_root):
        try:
            if conftest.stat().st_size > MAX_CONFTEST_BYTES:
                continue
            text = conftest.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        yield text
