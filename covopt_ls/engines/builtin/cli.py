"""The command line a function reads: the argparse parser it builds, or `sys.argv` directly.

A `main()` that calls `parser.parse_args()` reads `sys.argv`, which a test sets with
`monkeypatch.setattr(sys, "argv", [...])`; a `main(argv=None)` handing its parameter to
`parse_args(argv)` takes the vector as an argument. Either way the parser the function builds
(its `add_argument` calls, in its own body or in a module function it gets the parser from)
says which vectors make sense: each option with values of its `choices`, `type` or name, the
positional arguments filled, `--help`, a subcommand at a time.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_FLAG_ACTIONS = frozenset(
    ("store_true", "store_false", "store_const", "count", "append_const", "help", "version")
)
_INPUT_WORDS = ("file", "path", "input", "infile", "config", "wordlist", "source", "src")
_OUTPUT_WORDS = ("output", "outfile", "out", "dest", "destination")


@dataclass(frozen=True, slots=True)
class Option:
    """One `add_argument` call, as far as building a vector needs it."""

    flags: tuple[str, ...]
    """Option strings (`-f`, `--input-file`); empty for a positional argument."""
    dest: str
    action: str = "store"
    nargs: str | int | None = None
    choices: tuple[str, ...] = ()
    kind: str = "str"
    """"int", "float", "str", "input" (a file read) or "output" (a file written)."""
    required: bool = False
    group: int | None = None
    """The mutually exclusive group it belongs to."""
    command: str | None = None
    """The subcommand whose parser it belongs to."""

    @property
    def takes_value(self) -> bool:
        return self.action not in _FLAG_ACTIONS and self.nargs != 0

    @property
    def positional(self) -> bool:
        return not self.flags


@dataclass(slots=True)
class CommandLine:
    """How a function reads its command line and what its parser accepts."""

    via: str
    """"argv" (sys.argv, set by the test) or "param" (a parameter handed to parse_args)."""
    param: str | None = None
    options: list[Option] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    add_help: bool = True
    parsed: bool = False
    """An argparse parser reads the vector (else the function reads `sys.argv` itself)."""
    compared: dict[str, list[str]] = field(default_factory=dict)
    """dest → literals the body compares `args.<dest>` with (`args.input == "-"`)."""


def _is_sys_attr(node: ast.AST, attr: str) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == attr
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def reads_stdin(node: FunctionNode, functions: Mapping[str, FunctionNode] | None = None) -> bool:
    """The function (or a module function it calls directly) reads standard input."""
    bodies = [node, *called_functions(node, functions)]
    for body in bodies:
        for sub in ast.walk(body):
            if _is_sys_attr(sub, "stdin"):
                return True
            if isinstance(sub, ast.Call) and ast.unparse(sub.func) in ("input", "fileinput.input"):
                return True
    return False


def reads_buffer(node: FunctionNode, functions: Mapping[str, FunctionNode] | None = None) -> bool:
    """`sys.stdin.buffer` is read: the test's stdin must have bytes under its text."""
    return any(
        isinstance(sub, ast.Attribute) and sub.attr == "buffer" and _is_sys_attr(sub.value, "stdin")
        for body in (node, *called_functions(node, functions))
        for sub in ast.walk(body)
    )


def called_functions(
    node: FunctionNode, functions: Mapping[str, FunctionNode] | None
) -> list[FunctionNode]:
    """The module functions `node` calls by name (one level down)."""
    if not functions:
        return []
    names = {
        sub.func.id
        for sub in ast.walk(node)
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
    }
    return [functions[n] for n in sorted(names) if n in functions and functions[n] is not node]


def command_line(
    node: FunctionNode,
    params: Sequence[str],
    functions: Mapping[str, FunctionNode] | None = None,
    depth: int = 0,
) -> CommandLine | None:
    """How `node` reads a command line, or None when it reads none; `depth`: how many calls
    down from the function asked about (one helper is followed)."""
    parse = _parse_call(node)
    if parse is not None:
        args = parse.args[0] if parse.args else None
        keyword = next((k.value for k in parse.keywords if k.arg == "args"), None)
        given = args or keyword
        if given is None:
            found = CommandLine("argv", parsed=True)
        elif isinstance(given, ast.Name) and given.id in params:
            found = CommandLine("param", given.id, parsed=True)
        else:
            return None
        _ParserReader(found).read(node, functions or {}, 0)
        found.compared = _compared(node)
        return found
    if any(_is_sys_attr(sub, "argv") for sub in ast.walk(node)):
        return CommandLine("argv")
    for helper in called_functions(node, functions) if depth == 0 else ():
        # `args = parse_args()`: a module function that parses sys.argv for it.
        inner = command_line(helper, [], functions, depth + 1)
        if inner is not None and inner.via == "argv":
            inner.compared = {**inner.compared, **_compared(node)}
            return inner
    return None


def _parse_call(node: FunctionNode) -> ast.Call | None:
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr in ("parse_args", "parse_known_args")
        ):
            return sub
    return None


class _ParserReader:
    """Follows the parser, its groups and subparsers through the names they are bound to."""

    def __init__(self, found: CommandLine) -> None:
        self.found = found
        self.parsers: dict[str, str | None] = {}
        """name → the subcommand its parser belongs to (None: the main parser)."""
        self.groups: dict[str, int] = {}
        self.subparsers: set[str] = set()

    def read(self, body: FunctionNode, functions: Mapping[str, FunctionNode], depth: int) -> None:
        for sub in ast.walk(body):
            if isinstance(sub, ast.Assign) and len(sub.targets) == 1:
                self._assign(sub.targets[0], sub.value, functions, depth)
            elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
                owner = ast.unparse(sub.func.value)
                if sub.func.attr == "add_argument" and owner in self.parsers:
                    self._option(sub, owner)

    def _assign(
        self,
        target: ast.expr,
        value: ast.expr,
        functions: Mapping[str, FunctionNode],
        depth: int,
    ) -> None:
        name = ast.unparse(target)
        if not isinstance(value, ast.Call):
            return
        func = ast.unparse(value.func)
        if func.rsplit(".", 1)[-1] == "ArgumentParser":
            self.parsers[name] = None
            for keyword in value.keywords:
                if keyword.arg == "add_help" and isinstance(keyword.value, ast.Constant):
                    self.found.add_help = bool(keyword.value.value)
            return
        if isinstance(value.func, ast.Name) and value.func.id in functions and depth < 2:
            # `parser = build_parser()`: the module function that builds it says what it takes.
            before = set(self.parsers)
            self.read(functions[value.func.id], functions, depth + 1)
            if set(self.parsers) - before or self.parsers:
                self.parsers.setdefault(name, None)
            return
        if not isinstance(value.func, ast.Attribute):
            return
        owner = ast.unparse(value.func.value)
        method = value.func.attr
        if method == "add_mutually_exclusive_group" and owner in self.parsers:
            self.parsers[name] = self.parsers[owner]
            self.groups[name] = len(self.groups) + 1
        elif method == "add_argument_group" and owner in self.parsers:
            self.parsers[name] = self.parsers[owner]
        elif method == "add_subparsers" and owner in self.parsers:
            self.subparsers.add(name)
        elif method == "add_parser" and owner in self.subparsers and value.args:
            first = value.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                self.parsers[name] = first.value
                self.found.commands.append(first.value)

    def _option(self, call: ast.Call, owner: str) -> None:
        strings = [
            a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if not strings:
            return
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        flags = tuple(s for s in strings if s.startswith("-"))
        dest = _constant(keywords.get("dest"))
        if not isinstance(dest, str):
            longest = max(flags, key=len) if flags else strings[0]
            dest = longest.lstrip("-").replace("-", "_")
        action = _constant(keywords.get("action"))
        if "BooleanOptionalAction" in ast.unparse(keywords.get("action") or ast.Constant(None)):
            action = "store_true"  # `--flag` or `--no-flag`, no value
        nargs = _constant(keywords.get("nargs"))
        choices: tuple[str, ...] = ()
        listed = keywords.get("choices")
        if isinstance(listed, ast.List | ast.Tuple | ast.Set):
            choices = tuple(str(e.value) for e in listed.elts if isinstance(e, ast.Constant))[:6]
        required = _constant(keywords.get("required")) is True or (
            not flags and nargs not in ("?", "*")
        )
        self.found.options.append(
            Option(
                flags=flags,
                dest=dest,
                action=action if isinstance(action, str) else "store",
                nargs=nargs if isinstance(nargs, str | int) else None,
                choices=choices,
                kind=_kind(keywords.get("type"), dest, flags),
                required=required,
                group=self.groups.get(owner),
                command=self.parsers.get(owner),
            )
        )


def _constant(node: ast.expr | None) -> object:
    return node.value if isinstance(node, ast.Constant) else None


def _kind(type_node: ast.expr | None, dest: str, flags: Sequence[str]) -> str:
    if type_node is not None:
        text = ast.unparse(type_node)
        if text in ("int", "float"):
            return text
        if "FileType" in text:
            mode = _constant(type_node.args[0]) if isinstance(type_node, ast.Call) else None
            return "output" if isinstance(mode, str) and any(c in mode for c in "wa") else "input"
    words = dest.lower().split("_")
    if any(w in _OUTPUT_WORDS for w in words) or "-o" in flags:
        return "output"
    if any(w in _INPUT_WORDS for w in words):
        return "input"
    return "str"


def _compared(node: FunctionNode) -> dict[str, list[str]]:
    """`args.mode == "fast"`: literals the body compares a parsed option with."""
    found: dict[str, list[str]] = {}
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Compare):
            continue
        operands = [sub.left, *sub.comparators]
        for one in operands:
            if not (isinstance(one, ast.Attribute) and isinstance(one.value, ast.Name)):
                continue
            for other in operands:
                if isinstance(other, ast.Constant) and isinstance(other.value, str | int):
                    values = found.setdefault(one.attr, [])
                    if str(other.value) not in values:
                        values.append(str(other.value))
    return found
