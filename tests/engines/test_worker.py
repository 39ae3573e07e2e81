"""The worker subprocess: traces what each candidate executes and how it ends, in the sandbox."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

import pytest

from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.runner import BatchResult, Scratch, WorkerSetup, run_batch
from tests.engines.projects import run_in_worker

MODULE = textwrap.dedent(
    """\
    import socket


    def divide(a, b):
        if b == 0:
            raise ValueError("cannot divide by zero")
        return a / b


    def spin(n):
        while n >= 0:
            n += 1


    def fetch(host):
        return socket.create_connection((host, 80), timeout=1)


    def shout(text):
        print("noise on stdout")
        return text.upper()


    def ask():
        return input("name? ")


    def save(path, text):
        with open(path, "w") as handle:
            handle.write(text)
        return len(text)


    def touch(path):
        import os

        os.close(os.open(path, os.O_WRONLY | os.O_CREAT))


    def scratch_roundtrip(text):
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            with open(folder + "/note.txt", "w") as handle:
                handle.write(text)
            with open(folder + "/note.txt") as handle:
                return handle.read()
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "calc.py").write_text(MODULE)
    return tmp_path


def _run(
    project: Path, calls: list[str], *, module: str = "calc", timeout_each: float = 1.0
) -> BatchResult:
    candidates = [Candidate("f", (), call, None, ()) for call in calls]
    return run_in_worker(project, module, candidates, timeout_each=timeout_each, repeat=True)


def test_lines_arcs_and_results_are_recorded_per_candidate(project: Path) -> None:
    batch = _run(project, ["divide(6, 3)", "divide(1, 0)"])
    assert batch.import_error is None
    ok, raised = batch.observations
    assert {5, 7} <= ok.lines and 6 not in ok.lines
    assert (5, 7) in ok.arcs and (7, -4) in ok.arcs
    assert ok.outcome is not None and ok.outcome["repr"] == "2.0" and ok.outcome["is_float"]
    assert raised.lines >= {5, 6}
    assert raised.outcome == {
        "kind": "raise",
        "type": "ValueError",
        "type_module": "builtins",
        "message": "cannot divide by zero",
        "explicit": True,
        "at_call": False,
    }
    assert ok.usable and raised.usable


def test_a_hanging_candidate_is_stopped_and_the_others_still_run(project: Path) -> None:
    batch = _run(project, ["spin(0)", "divide(1, 1)"], timeout_each=0.3)
    spin, after = batch.observations
    assert spin.outcome == {"kind": "timeout"}
    assert not spin.usable
    assert after.outcome is not None and after.outcome["repr"] == "1.0"


def test_network_access_is_blocked_and_flagged(project: Path) -> None:
    batch = _run(project, ["fetch('example.com')"])
    (observation,) = batch.observations
    assert "network" in observation.flags
    assert not observation.usable


def test_printing_candidates_do_not_corrupt_the_protocol(project: Path) -> None:
    batch = _run(project, ["shout('hi')"])
    (observation,) = batch.observations
    assert observation.outcome is not None and observation.outcome["repr"] == "'HI'"


def test_an_import_error_is_reported(project: Path) -> None:
    batch = _run(project, ["divide(1, 1)"], module="no_such_module")
    assert batch.import_error is not None
    assert "no_such_module" in batch.import_error
    assert batch.observations == []


def test_a_missing_interpreter_is_a_worker_error(project: Path) -> None:
    setup = WorkerSetup(
        "/nonexistent/python", "calc", project / "calc.py", (str(project),), (), project
    )
    scratch = Scratch()
    try:
        batch = asyncio.run(
            run_batch(setup, scratch, [Candidate("f", (), "divide(1, 1)", None, ())], timeout=5)
        )
    finally:
        scratch.close()
    assert batch.worker_error is not None


def test_a_type_error_from_a_wrong_typed_argument_is_not_usable(project: Path) -> None:
    (observation,) = _run(project, ["divide('a', 2)"]).observations
    assert observation.outcome is not None
    assert observation.outcome["type"] == "TypeError"
    assert observation.outcome["explicit"] is False
    assert observation.outcome["at_call"] is False
    assert observation.misuse
    assert not observation.usable


def test_an_error_the_call_expression_itself_raises_is_told_apart(project: Path) -> None:
    # The operator raises, not the code it called: divide() returned a float.
    (observation,) = _run(project, ["divide(1, 1) + 'a'"]).observations
    assert observation.outcome is not None
    assert observation.outcome["type"] == "TypeError"
    assert observation.outcome["at_call"] is True


def test_reading_standard_input_is_refused_and_flagged(project: Path) -> None:
    (observation,) = _run(project, ["ask()"]).observations
    assert "stdin" in observation.flags
    assert not observation.usable


def test_writing_files_outside_the_scratch_directory_is_blocked(project: Path) -> None:
    target = project / "written.txt"
    batch = _run(project, [f"save({str(target)!r}, 'x')", f"touch({str(target)!r})"])
    for observation in batch.observations:
        assert "filesystem" in observation.flags
        assert not observation.usable
    assert not target.exists()


def test_temporary_files_of_the_code_itself_are_allowed(project: Path) -> None:
    (observation,) = _run(project, ["scratch_roundtrip('hi')"]).observations
    assert observation.flags == ()
    assert observation.outcome is not None and observation.outcome["repr"] == "'hi'"
    assert observation.usable


STRANGE = textwrap.dedent(
    """\
    class AttrDict(dict):
        '''Items are attributes: `vars()` of one is the dict itself, with non-string keys.'''

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.__dict__ = self

        def put(self, key, value):
            self[key] = value
            return self


    class Hostile:
        def __repr__(self):
            raise RuntimeError("no repr")

        def __eq__(self, other):
            raise RuntimeError("no eq")

        __hash__ = object.__hash__


    def hostile(flag):
        if flag:
            return Hostile()
        return 1
    """
)


def test_objects_that_fail_to_describe_themselves_are_observed_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "strange.py").write_text(STRANGE)
    calls = [
        ("obj", "obj.put(1, 'one')", ("obj = AttrDict({2: 'two'})",)),
        (None, "hostile(True)", ()),
        (None, "hostile(False)", ()),
    ]
    candidates = [Candidate("f", setup, call, receiver, ()) for receiver, call, setup in calls]
    batch = run_in_worker(tmp_path, "strange", candidates, repeat=True)
    assert batch.worker_error is None and batch.hung == []
    put, raising_repr, plain = batch.observations
    assert put.outcome is not None and put.outcome["kind"] == "return"
    assert put.outcome["type"] == "AttrDict"
    assert raising_repr.outcome is not None and raising_repr.outcome["type"] == "Hostile"
    assert not raising_repr.outcome["faithful"]
    assert plain.outcome is not None and plain.outcome["repr"] == "1"


def test_a_candidate_that_kills_the_worker_is_that_candidates_failure(tmp_path: Path) -> None:
    (tmp_path / "strange.py").write_text(STRANGE)
    calls = ["__import__('os')._exit(3)", "hostile(False)", "__import__('os')._exit(4)", "1 + 1"]
    candidates = [Candidate("f", (), call, None, ()) for call in calls]
    batch = run_in_worker(tmp_path, "strange", candidates)
    assert batch.worker_error is None
    assert [c.call for c in batch.hung] == [calls[0], calls[2]]
    # A fresh worker ran the rest of the batch each time.
    assert [o.candidate.call for o in batch.observations] == [calls[1], calls[3]]
    assert batch.not_run == []


def test_without_restarts_the_rest_of_a_killed_batch_is_left_to_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from covopt_ls.engines.builtin import runner

    monkeypatch.setattr(runner, "MAX_RESTARTS", 0)
    (tmp_path / "strange.py").write_text(STRANGE)
    calls = ["__import__('os')._exit(3)", "hostile(False)"]
    batch = run_in_worker(tmp_path, "strange", [Candidate("f", (), c, None, ()) for c in calls])
    assert [c.call for c in batch.hung] == [calls[0]]
    assert [c.call for c in batch.not_run] == [calls[1]]


def test_a_descriptor_where_a_path_goes_cannot_cut_the_worker_off(project: Path) -> None:
    """`read(1)` on code doing `open(path)` would open, then close, the worker's output (and
    under pytest, pytest's): refused and flagged, and closing descriptor 1 outright is harmless."""
    opened, closed, after = _run(
        project,
        ["open(1).close()", "__import__('os').close(1)", "divide(6, 3)"],
    ).observations
    assert opened.outcome is not None and opened.outcome["type"] == "PermissionError"
    assert "closed_stdout" in opened.flags and not opened.usable
    assert closed.outcome is not None and closed.outcome["kind"] == "return"
    assert after.outcome is not None and after.outcome["repr"] == "2.0"


REGISTRY = textwrap.dedent(
    """\
    _handlers = {}
    calls = 0


    class Widget:
        made = 0
        names = []

        def __init__(self, name):
            Widget.made += 1
            Widget.names.append(name)
            self.number = Widget.made


    def register(name):
        global calls
        calls += 1
        _handlers[name] = calls
        return calls


    def handler(name):
        return _handlers[name]
    """
)


def test_each_call_starts_from_the_module_state_a_test_starts_from(tmp_path: Path) -> None:
    """Registries, counters and class attributes a call changes are put back after it: a
    call observed working only because an earlier one registered something would give a
    test that fails on its own."""
    (tmp_path / "registry.py").write_text(REGISTRY)
    calls = ["register('a')", "handler('a')", "Widget('w').number", "len(Widget.names)"]
    batch = run_in_worker(
        tmp_path, "registry", [Candidate("f", (), c, None, ()) for c in calls], repeat=True
    )
    registered, looked_up, numbered, names = batch.observations
    assert registered.outcome is not None and registered.outcome["repr"] == "1"
    assert looked_up.outcome is not None and looked_up.outcome["type"] == "KeyError"
    assert numbered.outcome is not None and numbered.outcome["repr"] == "1"
    assert names.outcome is not None and names.outcome["repr"] == "0"
    # The second run of a call starts from what its first left, as the next test of a suite
    # would: a result that depends on it is unsteady and not asserted.
    assert not registered.stable and not numbered.stable


def test_a_batch_whose_time_runs_out_during_the_import_leaves_its_calls_to_run_again(
    tmp_path: Path,
) -> None:
    """Not a broken module: a slow import given a batch's last second. The search keeps what
    earlier batches found instead of reporting the module unimportable."""
    (tmp_path / "slow.py").write_text("import time\ntime.sleep(3)\n\ndef f():\n    return 1\n")
    candidates = [Candidate("f", (), "f()", None, ())]
    batch = run_in_worker(tmp_path, "slow", candidates, timeout=1.0)
    assert batch.worker_error is None and batch.import_error is None
    assert batch.not_run == candidates and not batch.observations


def test_monkeypatch_takes_a_dotted_path_as_pytest_does(tmp_path: Path) -> None:
    (tmp_path / "registry.py").write_text(REGISTRY)
    setup = ('monkeypatch.setattr("registry._handlers", {"x": 7})',)
    patched = Candidate("f", setup, "handler('x')", None, (), fixtures=("monkeypatch",))
    after = Candidate("f", (), "handler('x')", None, ())
    first, second = run_in_worker(tmp_path, "registry", [patched, after]).observations
    assert first.setup_error is None
    assert first.outcome is not None and first.outcome["repr"] == "7"
    # Undone after the call: the module's own (empty) table again.
    assert second.outcome is not None and second.outcome["type"] == "KeyError"


def test_a_cache_built_on_first_use_is_kept_between_calls(tmp_path: Path) -> None:
    """A global that was None at import is a lazily built cache: rebuilding it for every call
    would cost the search its time, so it is not put back."""
    (tmp_path / "lazy.py").write_text(
        "import itertools\n\n_BUILDS = itertools.count()\n_TREE = None\n\n\n"
        "def tree():\n    global _TREE\n    if _TREE is None:\n        _TREE = next(_BUILDS)\n"
        "    return _TREE\n"
    )
    calls = [Candidate("f", (), "tree()", None, ()) for _ in range(2)]
    first, second = run_in_worker(tmp_path, "lazy", calls).observations
    assert first.outcome is not None and second.outcome is not None
    assert first.outcome["repr"] == second.outcome["repr"] == "0"


def test_a_table_grown_on_first_use_is_kept_and_names_a_call_adds_stay(tmp_path: Path) -> None:
    """A module dict that a first call fills into a table (a search tree) is left as built, and
    so is a global a call creates: emptying them would have every call build them again."""
    (tmp_path / "tables.py").write_text(
        "import itertools\n\n_BUILDS = itertools.count()\n_TABLE = {}\n\n\n"
        "def lookup(key):\n    global _MADE\n    if not _TABLE:\n"
        "        _TABLE.update((n, n * n) for n in range(5000))\n        _MADE = next(_BUILDS)\n"
        "    return _TABLE.get(key), _MADE\n"
    )
    calls = [Candidate("f", (), f"lookup({n})", None, ()) for n in (3, 4)]
    first, second = run_in_worker(tmp_path, "tables", calls).observations
    assert first.outcome is not None and first.outcome["repr"] == "(9, 0)"
    assert second.outcome is not None and second.outcome["repr"] == "(16, 0)"


def test_an_exception_whose_message_cannot_be_made_is_observed_by_its_type(
    tmp_path: Path,
) -> None:
    """`str(exc)` itself raising (an error built with arguments of the wrong type) must cost
    neither the call's observation nor the worker."""
    (tmp_path / "broken.py").write_text(
        "class ParseError(Exception):\n"
        "    def __init__(self, position):\n        self.position = position\n\n"
        "    def __str__(self):\n        return ' ' * (self.position + 1) + '^'\n\n\n"
        "def parse(position):\n    raise ParseError(position)\n"
    )
    calls = ["parse('a')", "parse(2)", "1 + 1"]
    batch = run_in_worker(tmp_path, "broken", [Candidate("f", (), c, None, ()) for c in calls])
    bad, good, after = batch.observations
    assert bad.outcome is not None and bad.outcome["type"] == "ParseError"
    assert bad.outcome["message"] is None
    assert good.outcome is not None and good.outcome["message"] == "   ^"
    assert after.outcome is not None and after.outcome["repr"] == "2"
    assert not batch.hung
