"""The worker's stand-ins for pytest's fixtures: each candidate with fixtures gets a fresh
`tmp_path`, a `monkeypatch` undone after it and a `capsys` reading what it printed; the next
candidate starts from the worker's own argv, stdin and streams."""

from __future__ import annotations

import textwrap
from pathlib import Path

from covopt_ls.engines.builtin.planner import Candidate
from tests.engines.projects import run_in_worker

MODULE = textwrap.dedent(
    """\
    import os
    import sys


    def main():
        if len(sys.argv) < 2:
            sys.exit("usage: tool NAME")
        text = sys.stdin.read()
        print(f"{sys.argv[1]}: {text.strip()}")
        return 0


    def arguments():
        return sys.argv[1:]


    def listing(folder):
        return sorted(os.listdir(folder))


    def write(folder, text):
        with open(os.path.join(folder, "out.txt"), "w") as handle:
            handle.write(text)


    def close_stdout():
        sys.stdout.close()
    """
)
CLI = ("monkeypatch", "capsys")


def _candidate(
    call: str, setup: tuple[str, ...] = (), fixtures: tuple[str, ...] = CLI
) -> Candidate:
    return Candidate(call.split("(")[0], setup, call, None, (), fixtures=fixtures)


def test_argv_and_stdin_are_the_candidates_own_and_restored_after_it(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text(MODULE)
    given = _candidate(
        "main()",
        (
            'monkeypatch.setattr(sys, "argv", ["prog", "alice"])',
            'monkeypatch.setattr(sys, "stdin", io.StringIO("hello\\n"))',
        ),
    )
    batch = run_in_worker(
        tmp_path,
        "tool",
        [given, _candidate("arguments()", fixtures=()), _candidate("main()", fixtures=())],
        repeat=True,
    )
    first, after, plain = batch.observations
    assert first.outcome is not None and first.usable
    assert first.outcome["repr"] == "0" and first.outcome["out"] == "alice: hello\n"
    # Without a command line of its own, reading sys.argv is flagged: pytest's argv is not
    # the program's.
    assert "argv" in after.flags and not after.usable
    assert "argv" in plain.flags


def test_stdin_given_to_one_candidate_is_refused_to_the_next(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text(MODULE)
    argv = 'monkeypatch.setattr(sys, "argv", ["prog", "bob"])'
    batch = run_in_worker(
        tmp_path,
        "tool",
        [
            _candidate("main()", (argv, 'monkeypatch.setattr(sys, "stdin", io.StringIO("x"))')),
            _candidate("main()", (argv,)),
        ],
    )
    given, refused = batch.observations
    assert given.usable and given.outcome is not None and given.outcome["out"] == "bob: x\n"
    assert "stdin" in refused.flags and not refused.usable


def test_a_system_exit_reports_its_code(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text(MODULE)
    batch = run_in_worker(
        tmp_path, "tool", [_candidate("main()", ('monkeypatch.setattr(sys, "argv", ["prog"])',))]
    )
    outcome = batch.observations[0].outcome
    assert outcome is not None and outcome["type"] == "SystemExit"
    assert outcome["code"] == "usage: tool NAME"


def test_each_candidate_gets_a_fresh_tmp_path_and_its_written_files_are_read_back(
    tmp_path: Path,
) -> None:
    (tmp_path / "tool.py").write_text(MODULE)
    files = ("tmp_path",)
    batch = run_in_worker(
        tmp_path,
        "tool",
        [
            _candidate("write(str(tmp_path), 'saved')", fixtures=files),
            _candidate("listing(tmp_path)", ('(tmp_path / "in.txt").write_text("x")',), files),
        ],
        repeat=True,
    )
    wrote, listed = batch.observations
    assert wrote.usable and wrote.outcome is not None
    assert wrote.outcome["files"] == {"out.txt": "saved"}
    # The file the first candidate wrote is gone; the one its own setup wrote is no output.
    assert listed.usable and listed.outcome is not None
    assert listed.outcome["repr"] == "['in.txt']" and "files" not in listed.outcome


def test_a_call_closing_stdout_cannot_be_read_back(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text(MODULE)
    batch = run_in_worker(
        tmp_path, "tool", [_candidate("close_stdout()"), _candidate("arguments()", fixtures=())]
    )
    closed, after = batch.observations
    assert "closed_stdout" in closed.flags and not closed.usable
    # The worker's own stdout still works: the next candidate's result arrived.
    assert after.outcome is not None


def test_a_result_computed_from_the_temporary_path_is_unstable(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text(MODULE + "\n\ndef size(path):\n    return len(path)\n")
    batch = run_in_worker(
        tmp_path, "tool", [_candidate("size(str(tmp_path))", fixtures=("tmp_path",))], repeat=True
    )
    assert not batch.observations[0].stable and not batch.observations[0].usable
