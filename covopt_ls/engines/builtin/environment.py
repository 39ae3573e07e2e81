"""The environment a call needs set up first: a command line, standard input, files on disk,
environment variables.

Each `Environment` is the statements a test runs before its call (with pytest's `tmp_path`,
`monkeypatch` and `capsys` fixtures, which the test function asks for), and the arguments it
gives the call in place of the plain ones (a path under `tmp_path`). The planner combines
them with its calls: every environment once in the first round (`systematic`), random ones
(`draw`) in later rounds.
"""

from __future__ import annotations

import ast
import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.cli import (
    CommandLine,
    Option,
    command_line,
    reads_buffer,
    reads_stdin,
)
from covopt_ls.engines.builtin.envvars import Variable, read_variables
from covopt_ls.engines.builtin.files import PathParam, contents, path_params

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
PROG = "prog"
"""The program name a test puts first in `sys.argv`."""
MAX_SYSTEMATIC = 60
FIXTURES = ("tmp_path", "monkeypatch", "capsys")
"""pytest fixtures an environment may use, in the order a test function lists them."""


@dataclass(frozen=True, slots=True)
class Environment:
    setup: tuple[str, ...]
    args: tuple[tuple[str, str], ...] = ()
    """(parameter, source) given to the call in place of the plain call's."""
    fixtures: tuple[str, ...] = ()
    note: tuple[tuple[str, str], ...] = ()
    """What distinguishes it, for naming the test (`("argv", '["--help"]')`)."""


@dataclass(frozen=True, slots=True)
class _Piece:
    """Tokens for the command line (source expressions) and the statements they need."""

    tokens: tuple[str, ...]
    setup: tuple[str, ...] = ()


def quoted(text: str) -> str:
    """A string literal in double quotes, as ruff and black write it (`repr` picks single
    quotes, which the renderer's own requoting leaves alone once the text has a backslash)."""
    if '"' in text:
        return repr(text)  # `'{"name": 1}'`: fewer escapes, as ruff also prefers
    literal = json.dumps(text)
    try:
        same = ast.literal_eval(literal) == text
    except (ValueError, SyntaxError):
        same = False
    return literal if same else repr(text)


def _spoken(tokens: Sequence[str]) -> str:
    """A command line as words for a test's name: `--mode lower`, a file, or none."""
    words = []
    for token in tokens:
        value = literal_value(token)
        words.append(value.lstrip("-") if isinstance(value, str) else "file")
    return " ".join(w for w in words if w) or "no arguments"


def _fixtures(statements: Sequence[str], capture: bool) -> tuple[str, ...]:
    text = "\n".join(statements)
    used = {f for f in FIXTURES if f in text}
    if capture:
        used.add("capsys")
    return tuple(f for f in FIXTURES if f in used)


class Environments:
    """The environments worth trying for one callable (none for most)."""

    def __init__(
        self,
        node: FunctionNode,
        params: Sequence[str],
        strings: Sequence[str],
        functions: Mapping[str, FunctionNode] | None = None,
    ) -> None:
        self.cli: CommandLine | None = command_line(node, params, functions)
        self.stdin = reads_stdin(node, functions)
        self.buffer = reads_buffer(node, functions)
        self.paths: list[PathParam] = [
            p for p in path_params(node, params) if self.cli is None or p.name != self.cli.param
        ]
        self.variables: list[Variable] = read_variables(node, functions)
        texts = [s for s in (literal_value(v) for v in strings) if isinstance(s, str)]
        self.words = [t for t in texts if t.strip() and "\n" not in t and len(t) < 40][:6]
        self.texts = contents(node, self.words)
        self.systematic = self._systematic()[:MAX_SYSTEMATIC]

    def __bool__(self) -> bool:
        return bool(self.systematic)

    # Standard input and the command line.

    def _stdin(self, text: str) -> str:
        if self.buffer:
            value = f"io.TextIOWrapper(io.BytesIO({text.encode()!r}))"
        else:
            value = f"io.StringIO({quoted(text)})"
        return f'monkeypatch.setattr(sys, "stdin", {value})'

    def _command(self, piece: _Piece, stdin: str | None) -> Environment:
        cli = self.cli
        assert cli is not None
        setup = list(piece.setup)
        args: tuple[tuple[str, str], ...] = ()
        vector = "[" + ", ".join(piece.tokens) + "]"
        if cli.via == "param" and cli.param:
            args = ((cli.param, vector),)
        else:
            vector = "[" + ", ".join((repr(PROG), *piece.tokens)) + "]"
            setup.append(f'monkeypatch.setattr(sys, "argv", {vector})')
        if stdin is not None:
            setup.append(self._stdin(stdin))
        return Environment(
            tuple(setup),
            args,
            _fixtures([*setup, *(a for _, a in args)], capture=True),
            (("argv", repr(_spoken(piece.tokens))),),
        )

    def _file(self, var: str, text: str) -> tuple[str, ...]:
        name = "input" + var.removeprefix("path")
        return (f'{var} = tmp_path / "{name}.txt"', f"{var}.write_text({quoted(text)})")

    def _values(self, option: Option, var: str) -> list[_Piece]:
        """Values for an option taking one, the likeliest first."""
        cli = self.cli
        compared = cli.compared.get(option.dest, []) if cli else []
        pieces = [_Piece((repr(c),)) for c in option.choices]
        if option.kind == "input":
            pieces.extend(
                _Piece((f"str({var})",), self._file(var, text)) for text in self.texts[:3]
            )
            pieces.append(_Piece(('str(tmp_path / "missing.txt")',)))
        elif option.kind == "output":
            pieces.append(_Piece(('str(tmp_path / "out.txt")',)))
        elif option.kind in ("int", "float"):
            numbers = ("1", "0") if option.kind == "int" else ("1.5",)
            pieces.extend(_Piece((repr(v),)) for v in numbers)
        pieces.extend(_Piece((repr(c),)) for c in compared)
        if option.kind == "str" and not option.choices:
            pieces.extend(_Piece((repr(w),)) for w in [*self.words[:3], "hello world", "1"])
        return pieces or [_Piece(('"a"',))]

    def _use(self, option: Option, value: _Piece | None) -> _Piece:
        head = tuple(repr(flag) for flag in option.flags[:1])
        if not option.takes_value:
            return _Piece(head)
        assert value is not None
        count = option.nargs if isinstance(option.nargs, int) else 1
        return _Piece((*head, *value.tokens * count), value.setup)

    def _required(self, command: str | None, given: Mapping[str, _Piece] | None = None) -> _Piece:
        """The subcommand and the positional (or required) arguments every vector needs,
        each with its first value unless `given` names another."""
        tokens: list[str] = [repr(command)] if command else []
        setup: list[str] = []
        for index, option in enumerate(self._options(command)):
            if option.required and option.takes_value:
                value = (given or {}).get(option.dest) or self._values(option, f"path{index}")[0]
                piece = self._use(option, value)
                tokens.extend(piece.tokens)
                setup.extend(piece.setup)
        return _Piece(tuple(tokens), tuple(setup))

    def _options(self, command: str | None) -> list[Option]:
        cli = self.cli
        if cli is None:
            return []
        return [o for o in cli.options if o.command is None or o.command == command]

    def _pieces(self) -> list[_Piece]:
        """Command lines to try: none, `--help`, each option with each of its values."""
        cli = self.cli
        assert cli is not None
        if not cli.parsed:
            words = [*(repr(w) for w in self.words[:4]), '"a"', '"-"']
            found = [_Piece(()), *(_Piece((w,)) for w in words)]
            found.extend(_Piece(("str(path)",), self._file("path", t)) for t in self.texts[:2])
            found.append(_Piece((words[0], words[-2])))
            return found
        found = [self._required(None)]
        if cli.add_help:
            found.append(_Piece(('"--help"',)))
        for command in [None, *cli.commands]:
            base = self._required(command)
            if command is not None:
                found.append(base)
            for option in self._options(command):
                if option.action in ("help", "version"):
                    continue
                values = self._values(option, "path") if option.takes_value else [None]
                for value in values[:4]:
                    if option.required and value is not None:
                        if value is not values[0]:
                            found.append(self._required(command, {option.dest: value}))
                        continue
                    piece = self._use(option, value)
                    found.append(_Piece((*base.tokens, *piece.tokens), (*base.setup, *piece.setup)))
        return found

    def _systematic(self) -> list[Environment]:
        stdin = self.texts[0] if self.stdin and self.texts else None
        found: list[Environment] = []
        if self.cli is not None:
            pieces = self._pieces()
            found.extend(self._command(piece, stdin) for piece in pieces)
            if self.stdin:
                found.extend(self._command(pieces[0], text) for text in self.texts[1:])
        elif self.stdin:
            for text in self.texts:
                setup = (self._stdin(text),)
                found.append(Environment(setup, (), _fixtures(setup, True), (("stdin", text),)))
        for param in self.paths:
            found.extend(self._path_environments(param))
        for variable in self.variables:
            found.extend(self._variable_environments(variable))
        return found

    def _variable_environments(self, variable: Variable) -> list[Environment]:
        """The variable set to each of its values, then unset (monkeypatch puts it back); the
        other variables the code reads are unset, so the test does not depend on the
        environment it runs in (CI=true on a build server)."""
        word = variable.name.lower()
        others = tuple(
            f"monkeypatch.delenv({quoted(other.name)}, raising=False)"
            for other in self.variables
            if other is not variable
        )
        made = [
            (f"monkeypatch.setenv({quoted(variable.name)}, {quoted(value)})", word, repr(value))
            for value in variable.values
        ]
        unset = f"monkeypatch.delenv({quoted(variable.name)}, raising=False)"
        made.append((unset, f"{word}_unset", "True"))
        return [
            Environment((*others, setup), (), ("monkeypatch",), ((param, note),))
            for setup, param, note in made
        ]

    def _path_environments(self, param: PathParam) -> list[Environment]:
        def value(expr: str) -> str:
            return expr if param.style == "path" else f"str({expr})"

        made: list[tuple[tuple[str, ...], str, str]] = []
        if param.writes:
            made.append(((), value('tmp_path / "out.txt"'), "output file"))
        made.extend((self._file("path", t), value("path"), "file") for t in self.texts[:6])
        made.append(((), value('tmp_path / "missing.txt"'), "missing file"))
        made.append(((), value("tmp_path"), "directory"))
        return [
            Environment(
                setup,
                ((param.name, source),),
                _fixtures([*setup, source], capture=False),
                ((param.name, repr(words)),),
            )
            for setup, source, words in made
        ]

    def draw(self, rng: random.Random) -> Environment | None:
        """A random environment: several options at once, any standard input."""
        if not self.systematic:
            return None
        cli = self.cli
        if cli is None or not cli.parsed or rng.random() < 0.3:
            return rng.choice(self.systematic)
        command = rng.choice([None, *cli.commands])
        base = self._required(command)
        tokens, setup = list(base.tokens), list(base.setup)
        optional = [o for o in self._options(command) if not o.required and o.flags]
        optional = [o for o in optional if o.action not in ("help", "version")]
        groups: set[int] = set()
        for index, option in enumerate(rng.sample(optional, k=min(len(optional), 3))):
            if option.group is not None and option.group in groups and rng.random() < 0.8:
                continue
            if option.group is not None:
                groups.add(option.group)
            # `path_1`: not the `path0` of a positional argument in the same vector.
            values = self._values(option, f"path_{index}") if option.takes_value else [None]
            piece = self._use(option, rng.choice(values))
            tokens.extend(piece.tokens)
            setup.extend(piece.setup)
        # Texts with words: what the program does with them is worth asserting (the empty and
        # the blank input are tried in the first round).
        worded = [t for t in self.texts if t.strip()] or self.texts
        stdin = rng.choice(worded) if self.stdin and worded else None
        return self._command(_Piece(tuple(tokens), tuple(setup)), stdin)
