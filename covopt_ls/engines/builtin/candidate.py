"""The candidate call: one planned call of a target, with what naming and selection need.

Its own module because the planner's helpers (seeding.py) and its many readers (naming,
rendering, the runner) need the type without the planner's machinery.
"""

from __future__ import annotations

from dataclasses import dataclass

from covopt_ls.engines.builtin.targets import Target


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
    fixtures: tuple[str, ...] = ()
    """pytest fixtures the setup uses (`tmp_path`, `monkeypatch`, `capsys`): the worker gives
    the call stand-ins for them, the test function asks for them (environment.py)."""
    replay: str = ""
    """What an existing test's call replayed by replay.py calls (`loads`), for naming its test;
    empty for the planner's own calls."""
    definitions: tuple[str, ...] = ()
    """The test file's classes, functions and constants its values use (defined_values.py):
    run before the setup, written at module level before the test function."""


def private_call(target: Target, call: str) -> bool:
    """A call a user of the module would not write: a `_helper`, a method of a `_Private`
    class, or a special method called by its name (`obj.__ror__(x)`)."""
    if target.cls is not None and target.cls.name.startswith("_"):
        return True
    name = target.name
    if name.startswith("__") and name.endswith("__"):
        return target.kind == "method" and f".{name}(" in call
    return name.startswith("_")
