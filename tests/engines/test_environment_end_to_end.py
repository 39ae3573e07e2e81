"""Command-line entry points and file readers, end to end: the engine sets up `sys.argv`,
standard input and files under `tmp_path` with pytest's fixtures, and the tests it offers pass
under the verifier and in the project's own test file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from covopt_ls.generation import GenerationRequest, RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SHOUT = textwrap.dedent(
    """\
    import argparse
    import sys


    def shout(text, times=1):
        return " ".join([text.upper()] * times)


    def main():
        parser = argparse.ArgumentParser(description="Shout a text.")
        parser.add_argument("words", nargs="*")
        parser.add_argument("-f", "--file", help="read the text from this file")
        parser.add_argument("-n", "--times", type=int, default=1)
        parser.add_argument("--quiet", action="store_true")
        args = parser.parse_args()
        if args.file:
            with open(args.file) as handle:
                text = handle.read().strip()
        elif args.words:
            text = " ".join(args.words)
        else:
            text = sys.stdin.read().strip()
        if not text:
            print("nothing to shout", file=sys.stderr)
            return 1
        if args.quiet:
            print(text.lower())
        else:
            print(shout(text, args.times))
        return 0
    """
)
SHOUT_TESTS = "from shout import shout\n\n\ndef test_shout():\n    assert shout('hi') == 'HI'\n"
CONFIG = textwrap.dedent(
    """\
    import json
    import os

    DEFAULTS = {"port": 8000}


    def load_config(path):
        if not os.path.isfile(path):
            return dict(DEFAULTS)
        with open(path) as handle:
            data = json.load(handle)
        if not isinstance(data, dict):
            raise ValueError("the configuration must be an object")
        if "name" not in data:
            raise KeyError("name")
        merged = dict(DEFAULTS)
        merged.update(data)
        return merged
    """
)
CONFIG_TESTS = "from config import DEFAULTS\n\n\ndef test_defaults():\n    assert DEFAULTS\n"


def _line(request: GenerationRequest, text: str) -> int:
    return next(i for i, line in enumerate(request.source_code.splitlines(), 1) if text in line)


def _covered(tests: list[RecommendedTest]) -> set[int]:
    return {line for t in tests for line in t.covered_lines}


def _passes_in_the_suite(request: GenerationRequest, tests: list[RecommendedTest]) -> str:
    """The tests appended to the project's own test file, run by pytest: its output."""
    assert request.test_path is not None and request.project_root is not None
    bodies = [request.existing_test_code, *(t.test_code for t in tests)]
    request.test_path.write_text("\n\n".join(bodies))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(request.test_path)],
        cwd=request.project_root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def shout_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[GenerationRequest, list[RecommendedTest]]:
    request = measured_request(tmp_path_factory.mktemp("shout"), "shout", SHOUT, SHOUT_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=3.0)
    return request, verified


def test_a_main_reading_argv_stdin_and_a_file_is_tested_through_its_command_line(
    shout_results: tuple[GenerationRequest, list[RecommendedTest]],
) -> None:
    request, verified = shout_results
    assert verified and all(t.passed and t.verified for t in verified)
    covered = _covered(verified)
    for text in ("text = handle.read()", 'text = " ".join(args.words)', "sys.stdin.read()"):
        assert _line(request, text) in covered, text
    assert {_line(request, 'print("nothing'), _line(request, "print(text.lower())")} <= covered
    codes = "\n".join(t.test_code for t in verified)
    assert 'monkeypatch.setattr(sys, "argv", ["prog"' in codes
    assert 'monkeypatch.setattr(sys, "stdin", io.StringIO(' in codes
    assert "capsys.readouterr().out ==" in codes
    assert 'path = tmp_path / "input.txt"' in codes


def test_command_line_tests_pass_pasted_into_the_projects_test_file(
    shout_results: tuple[GenerationRequest, list[RecommendedTest]],
) -> None:
    request, verified = shout_results
    output = _passes_in_the_suite(request, verified)
    assert f"{len(verified) + 1} passed" in output


def test_a_config_loader_is_given_files_a_missing_path_and_bad_contents(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "config", CONFIG, CONFIG_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=3.0)
    assert verified and all(t.passed and t.verified for t in verified)
    covered = _covered(verified)
    wanted = (
        "return dict(DEFAULTS)",
        "raise ValueError",
        'raise KeyError("name")',
        "return merged",
    )
    assert {_line(request, text) for text in wanted} <= covered
    codes = "\n".join(t.test_code for t in verified)
    assert "(tmp_path):" in codes and "path.write_text(" in codes
    output = _passes_in_the_suite(request, verified)
    assert f"{len(verified) + 1} passed" in output


COUNT = textwrap.dedent(
    """\
    import argparse


    def ask_name():
        name = input("Your name: ").strip()
        if not name:
            return "anonymous"
        return name.title()


    def main(argv=None):
        parser = argparse.ArgumentParser(prog="count")
        sub = parser.add_subparsers(dest="command", required=True)
        words = sub.add_parser("words")
        words.add_argument("path")
        lines = sub.add_parser("lines")
        lines.add_argument("path")
        lines.add_argument("--blank", action="store_true")
        args = parser.parse_args(argv)
        try:
            with open(args.path) as handle:
                text = handle.read()
        except FileNotFoundError:
            return 2
        if args.command == "words":
            print(len(text.split()))
        elif args.blank:
            print(sum(1 for line in text.splitlines() if not line.strip()))
        else:
            print(len(text.splitlines()))
        return 0
    """
)


def test_input_and_a_main_taking_its_argv_with_subcommands(tmp_path: Path) -> None:
    existing = "import count\n\n\ndef test_import():\n    assert count\n"
    request = measured_request(tmp_path, "count", COUNT, existing)
    _, verified = offered_and_verified(request, budget_seconds=3.0)
    assert verified and all(t.passed and t.verified for t in verified)
    wanted = ('return "anonymous"', "return name.title()", "return 2", "print(len(text.split()))")
    wanted += ("print(sum(", "print(len(text.splitlines()))")
    assert {_line(request, text) for text in wanted} <= _covered(verified)
    codes = "\n".join(t.test_code for t in verified)
    assert 'monkeypatch.setattr(sys, "stdin", io.StringIO("\\n"))' in codes
    assert 'assert capsys.readouterr().out == "Your name: "' in codes
    # The vector is main's argument: sys.argv stays as it is.
    assert "main(argv=[" in codes and 'monkeypatch.setattr(sys, "argv"' not in codes
    output = _passes_in_the_suite(request, verified)
    assert f"{len(verified) + 1} passed" in output
