"""Command lines, standard input and files a call needs set up: what the engine reads from a
function's body (cli.py, files.py) and the environments it builds from that (environment.py)."""

from __future__ import annotations

import ast
import random
import textwrap

from covopt_ls.engines.builtin.cli import command_line, reads_buffer, reads_stdin
from covopt_ls.engines.builtin.environment import Environments
from covopt_ls.engines.builtin.files import contents, path_params

SOURCE = textwrap.dedent(
    """\
    import argparse
    import json
    import sys
    from pathlib import Path


    def build_parser():
        parser = argparse.ArgumentParser(prog="tool")
        parser.add_argument("--verbose", action="store_true")
        return parser


    def main():
        parser = argparse.ArgumentParser()
        parser.add_argument("name")
        parser.add_argument("-n", "--count", type=int, default=1)
        parser.add_argument("--color", choices=["red", "blue"])
        parser.add_argument("--cache", action=argparse.BooleanOptionalAction)
        group = parser.add_mutually_exclusive_group()
        group.add_argument("-q", "--quiet", action="store_true")
        group.add_argument("-f", "--input-file")
        args = parser.parse_args()
        if args.name == "world":
            print("hello")
        return sys.stdin.read()


    def run(argv=None):
        parser = build_parser()
        sub = parser.add_subparsers(dest="command")
        show = sub.add_parser("show")
        show.add_argument("what")
        args = parser.parse_args(argv)
        return args


    def raw():
        if sys.argv[1:] == ["go"]:
            return sys.stdin.buffer.read()
        return None


    def ask():
        return input("name? ")


    def load(path):
        if not Path(path).exists():
            return None
        with open(path) as handle:
            data = json.load(handle)
        return data["name"], data.get("port")


    def save(target: Path, text):
        target.write_text(text)


    def plain(x):
        return x + 1
    """
)
TREE = ast.parse(SOURCE)
FUNCTIONS = {s.name: s for s in TREE.body if isinstance(s, ast.FunctionDef)}


def _params(name: str) -> list[str]:
    return [a.arg for a in FUNCTIONS[name].args.args]


def test_the_parser_a_function_builds_gives_its_options() -> None:
    cli = command_line(FUNCTIONS["main"], [], FUNCTIONS)
    assert cli is not None and cli.via == "argv" and cli.parsed
    options = {o.dest: o for o in cli.options}
    assert set(options) == {"name", "count", "color", "cache", "quiet", "input_file"}
    assert not options["cache"].takes_value
    assert options["name"].positional and options["name"].required
    assert options["count"].kind == "int" and options["count"].flags == ("-n", "--count")
    assert options["color"].choices == ("red", "blue")
    assert not options["quiet"].takes_value
    assert options["quiet"].group == options["input_file"].group is not None
    assert options["input_file"].kind == "input"
    assert cli.compared == {"name": ["world"]}


def test_a_parser_from_a_helper_and_its_subcommands_are_followed() -> None:
    cli = command_line(FUNCTIONS["run"], _params("run"), FUNCTIONS)
    assert cli is not None and cli.via == "param" and cli.param == "argv"
    assert cli.commands == ["show"]
    assert {(o.dest, o.command) for o in cli.options} == {("verbose", None), ("what", "show")}


def test_reading_sys_argv_or_stdin_directly_is_seen() -> None:
    raw = command_line(FUNCTIONS["raw"], [], FUNCTIONS)
    assert raw is not None and raw.via == "argv" and not raw.parsed
    assert reads_stdin(FUNCTIONS["raw"]) and reads_buffer(FUNCTIONS["raw"])
    assert reads_stdin(FUNCTIONS["ask"]) and not reads_buffer(FUNCTIONS["ask"])
    assert command_line(FUNCTIONS["plain"], ["x"], FUNCTIONS) is None
    assert not reads_stdin(FUNCTIONS["plain"])


def test_command_lines_try_help_each_choice_and_a_file_with_stdin_given() -> None:
    envs = Environments(FUNCTIONS["main"], [], ['"world"'], FUNCTIONS)
    argv = [s for e in envs.systematic for s in e.setup if '"argv"' in s]
    assert "monkeypatch.setattr(sys, \"argv\", ['prog', 'world'])" in argv
    assert 'monkeypatch.setattr(sys, "argv", [\'prog\', "--help"])' in argv
    assert any("'--color', 'blue'" in s for s in argv)
    assert any("'world', '-n', '1'" in s for s in argv)
    with_file = next(e for e in envs.systematic if any("str(path)" in s for s in e.setup))
    assert with_file.setup[0] == 'path = tmp_path / "input.txt"'
    assert with_file.fixtures == ("tmp_path", "monkeypatch", "capsys")
    # Every command line comes with standard input, since the function reads it.
    assert all(any('"stdin"' in s for s in e.setup) for e in envs.systematic)


def test_a_parameter_handed_to_parse_args_gets_the_vector_as_its_argument() -> None:
    envs = Environments(FUNCTIONS["run"], _params("run"), [], FUNCTIONS)
    vectors = [dict(e.args)["argv"] for e in envs.systematic]
    assert "[]" in vectors and '["--help"]' in vectors and "['show', 'hello world']" in vectors
    assert all(not e.setup and e.fixtures == ("capsys",) for e in envs.systematic)
    drawn = envs.draw(random.Random(3))
    assert drawn is not None and "argv" in dict(drawn.args)


def test_stdin_as_bytes_where_the_body_reads_its_buffer() -> None:
    envs = Environments(FUNCTIONS["raw"], [], ['"go"'], FUNCTIONS)
    stdin = [s for e in envs.systematic for s in e.setup if '"stdin"' in s]
    assert stdin[0] == "monkeypatch.setattr(sys, \"stdin\", io.TextIOWrapper(io.BytesIO(b'go\\n')))"
    assert any("['prog', 'go']" in s for e in envs.systematic for s in e.setup)


def test_input_alone_is_given_standard_input_texts() -> None:
    envs = Environments(FUNCTIONS["ask"], [], [], FUNCTIONS)
    assert envs.systematic[0].setup == (
        'monkeypatch.setattr(sys, "stdin", io.StringIO("hello world\\n"))',
    )
    assert envs.systematic[0].fixtures == ("monkeypatch", "capsys")


def test_paths_are_told_apart_by_how_the_body_uses_them() -> None:
    assert [(p.name, p.style, p.writes) for p in path_params(FUNCTIONS["load"], ["path"])] == [
        ("path", "str", False)
    ]
    assert [
        (p.name, p.style, p.writes) for p in path_params(FUNCTIONS["save"], _params("save"))
    ] == [("target", "path", True)]
    assert path_params(FUNCTIONS["plain"], ["x"]) == []


def test_a_path_parameter_gets_files_a_missing_path_and_a_directory() -> None:
    envs = Environments(FUNCTIONS["load"], ["path"], [], FUNCTIONS)
    values = [dict(e.args)["path"] for e in envs.systematic]
    assert values[0] == "str(path)"
    assert envs.systematic[0].setup == (
        'path = tmp_path / "input.txt"',
        'path.write_text(\'{"name": "value", "port": "value"}\')',
    )
    assert 'str(tmp_path / "missing.txt")' in values and "str(tmp_path)" in values
    assert all(e.fixtures == ("tmp_path",) for e in envs.systematic)
    saved = Environments(FUNCTIONS["save"], _params("save"), [], FUNCTIONS)
    assert dict(saved.systematic[0].args)["target"] == 'tmp_path / "out.txt"'


def test_file_texts_follow_what_the_body_parses() -> None:
    texts = contents(FUNCTIONS["load"], ["alpha", "beta"])
    assert texts[0] == '{"name": "value", "port": "value"}'
    assert "not json" in texts and "alpha\nbeta\n" in texts
    assert contents(FUNCTIONS["plain"], [])[0] == "hello world\n"


def test_a_function_needing_nothing_has_no_environment() -> None:
    assert not Environments(FUNCTIONS["plain"], ["x"], ['"a"'], FUNCTIONS)


def test_a_main_whose_helper_parses_sys_argv_reads_the_command_line_too() -> None:
    source = textwrap.dedent(
        """\
        import argparse


        def parse_args():
            parser = argparse.ArgumentParser()
            parser.add_argument("number")
            parser.add_argument("-r", "--reverse", action="store_true")
            return parser.parse_args()


        def main():
            args = parse_args()
            if args.number == "0":
                return None
            return args.number
        """
    )
    functions = {s.name: s for s in ast.parse(source).body if isinstance(s, ast.FunctionDef)}
    cli = command_line(functions["main"], [], functions)
    assert cli is not None and cli.via == "argv"
    assert [o.dest for o in cli.options] == ["number", "reverse"]
    assert cli.compared == {"number": ["0"]}
    vectors = [e.setup[0] for e in Environments(functions["main"], [], [], functions).systematic]
    assert "monkeypatch.setattr(sys, \"argv\", ['prog', '0'])" in vectors


def test_random_command_lines_give_each_file_its_own_name() -> None:
    source = textwrap.dedent(
        """\
        import argparse


        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("input_file")
            parser.add_argument("--config-file")
            parser.add_argument("--source")
            args = parser.parse_args()
            return open(args.input_file).read()
        """
    )
    node = ast.parse(source).body[1]
    assert isinstance(node, ast.FunctionDef)
    envs = Environments(node, [], [], {})
    rng = random.Random(0)
    for _ in range(40):
        drawn = envs.draw(rng)
        assert drawn is not None
        names = [s.split(" = ")[0] for s in drawn.setup if " = tmp_path / " in s]
        assert len(names) == len(set(names)), drawn.setup
