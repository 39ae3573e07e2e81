"""Module-level state: the globals a function reads, the module functions that change them,
and the calls that run a writer first so the reader's branches that need an entry are reached."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.engines.builtin.module_state import (
    module_globals,
    read_globals,
    state_writers,
    written_globals,
)
from tests.engines.projects import measured_request, offered_and_verified

REGISTRY = textwrap.dedent(
    """\
    import logging

    _handlers = {}
    _aliases: dict = {}
    calls = 0
    log = logging.getLogger(__name__)


    def register(name, handler=str):
        if not name:
            raise ValueError("a handler needs a name")
        _handlers.setdefault(name, []).append(handler)


    def alias(short, name):
        global calls
        calls += 1
        _aliases[short] = name


    def reset():
        _handlers.clear()


    def _resolve(name):
        return _aliases.get(name, name)


    def dispatch(name, value):
        handlers = _handlers.get(_resolve(name))
        if not handlers:
            raise LookupError(name)
        results = [handler(value) for handler in handlers]
        if len(results) > 1:
            return results
        return results[0]


    def describe():
        local = {}
        local["x"] = 1
        log.info("described")
        return local
    """
)
TESTS = textwrap.dedent(
    """\
    import pytest

    from registry import dispatch


    def test_unknown_name():
        with pytest.raises(LookupError):
            dispatch("missing", 1)
    """
)


def _functions() -> tuple[set[str], dict[str, ast.FunctionDef]]:
    tree = ast.parse(REGISTRY)
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    return set(module_globals(tree)), functions


def test_the_module_globals_with_the_literal_a_test_can_reset_them_to() -> None:
    assert module_globals(ast.parse(REGISTRY)) == {
        "_handlers": "{}",
        "_aliases": "{}",
        "calls": "0",
        "log": None,
    }
    # Bound inside a module-level `try` too, as the module's other top-level readers see it.
    guarded = "try:\n    _cache = {}\nexcept Exception:\n    pass\n"
    assert module_globals(ast.parse(guarded)) == {"_cache": "{}"}
    assert module_globals(ast.parse("a, b = [], set()\nc = dict()\n")) == {
        "a": None,
        "b": None,
        "c": "dict()",
    }


def test_the_globals_each_function_writes_and_reads() -> None:
    state, functions = _functions()
    assert state == {"_handlers", "_aliases", "calls", "log"}
    assert written_globals(functions["register"], state) == {"_handlers"}
    assert written_globals(functions["alias"], state) == {"_aliases", "calls"}
    assert written_globals(functions["reset"], state) == {"_handlers"}
    # A local dict and a logger's method are not the module's state changing.
    assert written_globals(functions["describe"], state) == set()
    # What dispatch reads, also through the helper it calls.
    assert read_globals(functions["dispatch"], state, functions) == {"_handlers", "_aliases"}


def test_the_public_writers_of_what_a_function_reads() -> None:
    state, functions = _functions()
    writers = [f.name for f in state_writers(functions["dispatch"], state, functions)]
    assert writers == ["register", "alias", "reset"]
    assert state_writers(functions["describe"], state, functions) == []


def test_a_registry_lookup_is_tested_after_registering(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "registry", REGISTRY, TESTS)
    offered, verified = offered_and_verified(request, budget_seconds=6)
    assert offered and all(t.verified for t in verified)
    lines = REGISTRY.splitlines()
    wanted = {n for n, line in enumerate(lines, 1) if "results = [handler" in line}
    covering = [t for t in verified if wanted & set(t.covered_lines)]
    assert covering, [t.test_code for t in verified]
    # Registered first, on a table the test empties for itself (other tests may fill it).
    test = next(t for t in covering if "register(" in t.test_code)
    assert 'monkeypatch.setattr("registry._handlers", {})' in test.test_code
