"""Parameters used as file paths, and texts to put in the files a test creates for them.

A function that does `open(path)`, `os.path.isfile(path)` or `Path(path).read_text()` takes
different ways for a file that exists with some content, a path where nothing is, and a
directory: a test makes each under pytest's `tmp_path`. Its body says whether it wants a `str`
or a `Path` (`path.read_text()` is a Path's method), whether it writes the file (`open(p, "w")`)
and what it reads (`json.load` wants JSON, `configparser` an INI text).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Sequence
from dataclasses import dataclass

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_PATH_CALLS = frozenset(
    (
        "open",
        "io.open",
        "codecs.open",
        "os.path.isfile",
        "os.path.exists",
        "os.path.isdir",
        "os.path.getsize",
        "os.path.getmtime",
        "os.stat",
        "os.listdir",
        "os.scandir",
        "Path",
        "pathlib.Path",
    )
)
_PATH_METHODS = frozenset(
    (
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "open",
        "exists",
        "is_file",
        "is_dir",
        "iterdir",
        "stat",
        "glob",
    )
)
_PATH_ANNOTATIONS = ("Path", "PathLike")
TEXTS = ("hello world\n", "first line\nsecond line\n", "", "\n")


@dataclass(frozen=True, slots=True)
class PathParam:
    name: str
    style: str
    """"str" (the body hands it to `open` and `os.path`) or "path" (it calls Path methods)."""
    writes: bool = False
    """The body opens it for writing: the test passes a path for a new file."""


def _derived(node: FunctionNode, params: set[str]) -> dict[str, str]:
    """Locals computed from a parameter (`name = str(path)`) → that parameter."""
    found = {p: p for p in params}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assign) and len(sub.targets) == 1:
            target = sub.targets[0]
            if not isinstance(target, ast.Name) or target.id in found:
                continue
            names = [n.id for n in ast.walk(sub.value) if isinstance(n, ast.Name)]
            owners = {found[n] for n in names if n in found}
            if len(owners) == 1 and isinstance(sub.value, ast.Call | ast.Name | ast.BinOp):
                found[target.id] = owners.pop()
    return found


def _mode_writes(call: ast.Call) -> bool:
    mode = call.args[1] if len(call.args) > 1 else None
    mode = next((k.value for k in call.keywords if k.arg == "mode"), mode)
    return (
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and any(c in mode.value for c in "wax")
    )


def path_params(
    node: FunctionNode, params: Sequence[str], *, direct: bool = False
) -> list[PathParam]:
    """The parameters the body uses as file paths, in the order of `params`; with `direct`,
    only those handed to a path call themselves (not a name a path is built from, as
    `open(os.path.join(folder, f"{language}.txt"))` uses `language`)."""
    owner = {p: p for p in params} if direct else _derived(node, set(params))
    used: dict[str, set[str]] = {}
    writes: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and sub.args:
            first = sub.args[0]
            func = ast.unparse(sub.func)
            if func in _PATH_CALLS and isinstance(first, ast.Name) and first.id in owner:
                param = owner[first.id]
                used.setdefault(param, set()).add("path" if func.endswith("Path") else "str")
                if func.endswith("open") and _mode_writes(sub):
                    writes.add(param)
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr in _PATH_METHODS
            and isinstance(sub.func.value, ast.Name)
            and sub.func.value.id in params
        ):
            used.setdefault(sub.func.value.id, set()).add("method")
            if sub.func.attr.startswith("write"):
                writes.add(sub.func.value.id)
    annotations = {
        a.arg: ast.unparse(a.annotation)
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        if a.annotation is not None
    }
    found: list[PathParam] = []
    for name in params:
        ways = used.get(name)
        if not ways:
            continue
        annotated = annotations.get(name, "")
        style = (
            "path" if "method" in ways or any(a in annotated for a in _PATH_ANNOTATIONS) else "str"
        )
        found.append(PathParam(name, style, name in writes))
    return found


def _string_keys(node: FunctionNode) -> list[str]:
    """Keys the body looks up (`data["name"]`, `config.get("port")`): what a JSON file holds."""
    keys: list[str] = []
    for sub in ast.walk(node):
        key: ast.expr | None = None
        if isinstance(sub, ast.Subscript):
            key = sub.slice
        elif (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == "get"
            and sub.args
        ):
            key = sub.args[0]
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value not in keys:
            keys.append(key.value)
    return keys[:6]


def contents(node: FunctionNode, strings: Sequence[str]) -> list[str]:
    """Texts for a file or standard input, the most telling first: JSON where the body parses
    JSON (with the keys it looks up), an INI text for configparser, lines of the strings the
    code compares with, and plain lines."""
    text = ast.unparse(node)
    found: list[str] = []
    if "json." in text:
        keys = _string_keys(node)
        if keys:
            found.append(json.dumps(dict.fromkeys(keys, "value")))
        found.extend(['{"name": "value", "count": 1}', "{}", "[1, 2, 3]", "not json"])
    if "configparser" in text or "ConfigParser" in text:
        found.append("[section]\nkey = value\n")
    plain = [s for s in strings if s.strip() and "\n" not in s][:5]
    if plain:
        found.append("\n".join(plain) + "\n")
    found.extend(TEXTS)
    found.extend(s + "\n" for s in plain[:2])
    found.append("# comment\nkey = value\n\nlast line\n")
    unique: list[str] = []
    for item in found:
        if item not in unique:
            unique.append(item)
    return unique
