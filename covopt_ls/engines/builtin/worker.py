"""The builtin engine's worker: runs candidate calls in the project's interpreter and traces them.

This file is copied into a scratch directory and run as a script by the sandbox
(`covopt_ls.verify.sandbox.run_sandboxed`), never imported by the server. It therefore uses the
standard library only and keeps to syntax older interpreters accept. Protocol: one JSON request
on stdin; one JSON line per event on stdout ({"event": "import", ...}, then {"event": "result",
...} per candidate), flushed as it goes, so a candidate that hangs until the sandbox's timeout
costs only itself. Candidates that reach for the network, start processes or write files
outside the scratch directory are stopped by an audit hook and flagged: such a call cannot
become a test.
"""

from __future__ import annotations

import builtins
import copy
import enum
import io
import json
import math
import os
import re
import signal
import sys
import traceback
import types
from typing import Any

_GUARD = {
    "active": False,
    "scratch": "",
    "roots": [],
    "flags": set(),
    "process_values": set(),
}  # type: dict[str, Any]
_PATH_EVENTS = {"os.remove", "os.rmdir", "os.rename", "shutil.rmtree", "os.mkdir"}
"""File-system changes allowed inside the scratch or temporary directory, blocked elsewhere."""
_BLOCKED_EVENTS = {
    "socket.connect": "network",
    "socket.getaddrinfo": "network",
    "socket.gethostbyname": "network",
    "urllib.Request": "network",
    "subprocess.Popen": "process",
    "os.system": "process",
    "os.exec": "process",
    "os.posix_spawn": "process",
    "os.fork": "process",
    "os.remove": "filesystem",
    "os.rmdir": "filesystem",
    "os.rename": "filesystem",
    "shutil.rmtree": "filesystem",
    "os.mkdir": "filesystem",
}


class _NoStdin(io.TextIOBase):
    """Standard input as tests see it under pytest: reading it is an error (and flagged)."""

    def _refuse(self) -> OSError:
        _GUARD["flags"].add("stdin")
        return OSError("reading from stdin is not available to generated tests")

    def read(self, size: int | None = -1) -> str:
        raise self._refuse()

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        raise self._refuse()

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        raise self._refuse()


class _Argv(list):  # type: ignore[type-arg]
    """`sys.argv` as a test that sets none sees it (pytest's own): reading past the program
    name is flagged, so only calls whose setup gives them a command line become tests."""

    def _read(self) -> None:
        if _GUARD["active"]:
            _GUARD["flags"].add("argv")

    def __getitem__(self, index: Any) -> Any:
        if not (isinstance(index, int) and index in (0, -list.__len__(self))):
            self._read()
        return list.__getitem__(self, index)

    def __iter__(self) -> Any:
        self._read()
        return list.__iter__(self)

    def __len__(self) -> int:
        self._read()
        return list.__len__(self)

    def __contains__(self, item: object) -> bool:
        self._read()
        return list.__contains__(self, item)


class _MonkeyPatch:
    """pytest's `monkeypatch` as far as generated tests use it: every change undone after
    the candidate, so the next one starts from the same state."""

    def __init__(self) -> None:
        self._undo = []  # type: list[tuple[Any, str, Any]]

    def setattr(self, target: Any, name: Any, value: Any = None, raising: bool = True) -> None:
        if isinstance(target, str):
            # `setattr("package.module.name", value)`, as pytest resolves a dotted path.
            value, (target, name) = name, _dotted(target)
        old = getattr(target, name, _MISSING)
        if old is _MISSING and raising:
            raise AttributeError(f"{target!r} has no attribute {name!r}")
        self._undo.append((target, name, old))
        setattr(target, name, value)

    def setenv(self, name: str, value: str) -> None:
        self.setitem(os.environ, name, str(value))

    def delenv(self, name: str, raising: bool = True) -> None:
        if name not in os.environ:
            if raising:
                raise KeyError(name)
            return
        self._undo.append((os.environ, name, os.environ[name]))
        del os.environ[name]

    def setitem(self, mapping: Any, name: Any, value: Any) -> None:
        self._undo.append((mapping, name, mapping.get(name, _MISSING)))
        mapping[name] = value

    def chdir(self, path: Any) -> None:
        self._undo.append((os, "chdir", os.getcwd()))
        os.chdir(path)

    def undo(self) -> None:
        while self._undo:
            target, name, old = self._undo.pop()
            if target is os and name == "chdir":
                os.chdir(old)
            elif isinstance(target, dict) or target is os.environ:
                if old is _MISSING:
                    target.pop(name, None)
                else:
                    target[name] = old
            elif old is _MISSING:
                delattr(target, name)
            else:
                setattr(target, name, old)


_MISSING = object()


def _dotted(path: str) -> Any:
    """The object holding the last name of a dotted path, and that name."""
    import importlib

    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:-1]:
            owner = getattr(owner, part)
        return owner, parts[-1]
    raise ImportError(f"cannot import a module from {path!r}")


class _Captured:
    """pytest's `readouterr()` result: the text written to stdout and stderr so far."""

    def __init__(self, out: str, err: str) -> None:
        self.out = out
        self.err = err


class _CapSys:
    """pytest's `capsys`: stdout and stderr are text streams over bytes, as pytest's are
    (so `sys.stdout.buffer` exists), read back by `readouterr()`."""

    def __init__(self) -> None:
        self.out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        self.err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        self._read = {"out": 0, "err": 0}

    def _text(self, name: str) -> str | None:
        stream = getattr(self, name)
        if stream.closed:
            return None
        return str(stream.buffer.getvalue().decode("utf-8", "replace"))

    def readouterr(self) -> _Captured:
        out, err = self._text("out") or "", self._text("err") or ""
        seen_out, seen_err = self._read["out"], self._read["err"]
        self._read = {"out": len(out), "err": len(err)}
        return _Captured(out[seen_out:], err[seen_err:])


class _CandidateTimeout(BaseException):
    """BaseException so that a candidate's own `except Exception` cannot swallow it."""


def _private(path: Any) -> bool:
    """Inside the scratch directory or the (sandbox's private) temporary directory."""
    if isinstance(path, int):
        return False
    try:
        target = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return any(target.startswith(root) for root in _GUARD["roots"])


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _GUARD["active"]:
        return
    kind = _BLOCKED_EVENTS.get(event)
    if event in _PATH_EVENTS and args:
        # With a dir_fd the path is relative to a directory shutil.rmtree opened, and
        # rmtree itself was checked when it started.
        relative_to_fd = isinstance(args[-1], int) and event in ("os.remove", "os.rmdir")
        if relative_to_fd or _private(args[0]):
            kind = None
    if kind is None and event == "open" and args and isinstance(args[0], int):
        # An int where a path goes opens a descriptor the process already has: the test
        # would read pytest's input or close its output.
        if args[0] in _GUARD.get("descriptors", (0, 1, 2)):
            kind = "stdin" if args[0] == 0 else "closed_stdout"
    elif kind is None and event == "open" and args:
        path, mode = args[0], args[1] if len(args) > 1 else "r"
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
        if (isinstance(mode, str) and any(ch in mode for ch in "wax+")) or (
            mode is None and flags & writes
        ):
            if not _private(path):
                kind = "filesystem"
        elif isinstance(path, (str, bytes)) and not os.path.exists(path) and not _private(path):
            _GUARD["flags"].add("missing_file")
    if kind is not None:
        _GUARD["flags"].add(kind)
        raise PermissionError(f"blocked by the covopt builtin engine: {kind} ({event})")


class _Tracer:
    """Records lines and arcs executed in the target file (arcs as coverage.py writes them)."""

    def __init__(self, target_file: str) -> None:
        self.target = os.path.realpath(target_file)
        self.lines = set()  # type: set[int]
        self.arcs = set()  # type: set[tuple[int, int]]
        self._known = {}  # type: dict[str, bool]

    def _is_target(self, filename: str) -> bool:
        known = self._known.get(filename)
        if known is None:
            known = os.path.realpath(filename) == self.target
            self._known[filename] = known
        return known

    def global_trace(self, frame: Any, event: str, arg: Any) -> Any:
        if event != "call" or not self._is_target(frame.f_code.co_filename):
            return None
        first = frame.f_code.co_firstlineno
        state = {"last": -first}

        def local(frame: Any, event: str, arg: Any) -> Any:
            if event == "line":
                line = frame.f_lineno
                self.lines.add(line)
                self.arcs.add((state["last"], line))
                state["last"] = line
            elif event == "return":
                self.arcs.add((state["last"], -first))
            return local

        return local


_REAL_BUILTINS = {"hash": builtins.hash, "id": builtins.id}
"""Builtins whose results differ between processes or Python builds: an int computed from
them must not be pinned as a literal."""
SMALL_HASH = 2**20
MAX_GROUP_TIMEOUTS = 3
"""Calls for one callable that may run out of time in a run before the rest are skipped."""
MAX_ITEMS = 50
"""Items a lazy result may have to be asserted as a list: more reads as noise, and an endless
generator stops here."""


def _watch_process_values() -> None:
    """Replace hash() and id() in builtins by wrappers noting that the running candidate used
    them (the code under test looks builtins up at call time, so its calls are seen too).
    A hash() call marks the call; an id() only its own results, since copy.deepcopy and
    friends call id() for bookkeeping that never reaches the result."""

    def watched(name: str) -> Any:
        real = _REAL_BUILTINS[name]

        def call(*args: Any) -> Any:
            result = real(*args)
            if _GUARD["active"]:
                _GUARD["process_values"].add(name if name == "hash" else result)
            return result

        call.__name__ = name
        return call

    for name in _REAL_BUILTINS:
        setattr(builtins, name, watched(name))


_HASH_CALL = re.compile(r"(^|[^\w.])(hash|id)\(|\.__hash__\(")
"""A call whose result is a hash or an address however it was computed (`().__hash__()`
calls no builtin the watchers see)."""
_DICT_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))  # type: tuple[type, ...]


def _is_lazy(value: Any) -> bool:
    """An iterator (generator, zip, map, filter, ...) or a dict view: its type says nothing of
    what it yields, so the test asserts the items instead. Files and streams stay as they are."""
    if isinstance(value, io.IOBase):
        return False
    if isinstance(value, _DICT_VIEWS):
        return True
    kind = type(value)
    return hasattr(kind, "__next__") and hasattr(kind, "__iter__")


def _materialise(value: Any) -> tuple[list[Any] | None, BaseException | None]:
    """The items of a lazy result, read as `list(...)` in the test would read them (traced, so
    the lines the iteration runs count); (None, None) when there are too many."""
    items = []  # type: list[Any]
    try:
        for item in value:
            items.append(item)
            if len(items) > MAX_ITEMS:
                return None, None
    except _CandidateTimeout:
        raise
    except Exception as exc:
        return None, exc
    return items, None


def _short_repr(value: Any, limit: int = 300) -> str | None:
    try:
        text = repr(value)
    except Exception:
        return None
    return text if len(text) <= limit else None


def _faithful(value: Any, text: str | None, namespace: dict[str, Any]) -> bool:
    """True when the repr evaluates back to an equal value of the same type."""
    return _faithful_with(value, text, namespace) is not None


def _faithful_with(value: Any, text: str | None, namespace: dict[str, Any]) -> str | None:
    """ "" when the repr evaluates back to an equal value as it is; an import statement when it
    does once its type's module is imported (`datetime.date(2024, 3, 8)`); None otherwise."""
    if text is None:
        return None
    kind = type(value)
    module = kind.__module__
    attempts = [("", {})]  # type: list[tuple[str, dict[str, Any]]]
    if module not in ("builtins", "__main__") and not module.startswith("_"):
        top = module.split(".")[0]
        try:
            imported = {top: __import__(top), kind.__name__: kind}
        except Exception:
            imported = {}
        if imported and text.startswith(top + "."):
            attempts.append(("import " + top, imported))
        elif imported and text.startswith(kind.__name__ + "("):
            attempts.append((f"from {module} import {kind.__name__}", imported))
    for statement, extra in attempts:
        try:
            scope = dict(namespace)
            scope.update(extra)
            again = eval(text, scope)
            if type(again) is kind and bool(again == value):
                return statement
        except Exception:
            continue
    return None


_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType)


def _source(value: Any, namespace: dict[str, Any], depth: int = 0) -> str:
    """Source text for a value whose repr shows classes or enum members
    (`[('x', <class 'str'>)]`, `[<Color.RED: 1>]`) or infinities (`inf` is no name a test
    has): classes and members by the name the test can import, infinities as
    `float("inf")`, containers item by item; ValueError where no such text exists."""
    if depth > 8:
        raise ValueError("too deep")
    if type(value) is float and math.isinf(value):
        return 'float("inf")' if value > 0 else 'float("-inf")'
    if isinstance(value, _FUNCTIONS):
        # A function handed back (a registry's `register(func)`, a dispatch table's entry)
        # is the one the test names: the module's, a builtin, or one the test defines.
        name = str(getattr(value, "__name__", ""))
        if getattr(builtins, name, None) is value or namespace.get(name) is value:
            return name
        raise ValueError(name)
    if isinstance(value, type):
        name = str(value.__name__)
        if getattr(builtins, name, None) is value or namespace.get(name) is value:
            return name
        raise ValueError(name)
    kind = type(value)
    if isinstance(value, enum.Enum):
        if namespace.get(kind.__name__) is kind:
            return f"{kind.__name__}.{value.name}"
        raise ValueError(kind.__name__)
    if kind is list:
        return "[" + ", ".join(_source(item, namespace, depth + 1) for item in value) + "]"
    if kind is tuple:
        inner = ", ".join(_source(item, namespace, depth + 1) for item in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    if kind is dict:
        pairs = (
            _source(k, namespace, depth + 1) + ": " + _source(v, namespace, depth + 1)
            for k, v in value.items()
        )
        return "{" + ", ".join(pairs) + "}"
    return repr(value)


def _canonical(value: Any, depth: int = 0) -> Any:
    """The value with set and dict orders made irrelevant: two runs under other hash seeds may
    print `{'a', 'b'}` either way, and `==` does not care."""
    if depth > 8:
        return repr(value)
    if isinstance(value, (set, frozenset)):
        return ["set", sorted(repr(_canonical(v, depth + 1)) for v in value)]
    if isinstance(value, dict):
        pairs = [
            repr((_canonical(k, depth + 1), _canonical(v, depth + 1))) for k, v in value.items()
        ]
        return ["dict", sorted(pairs)]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [_canonical(v, depth + 1) for v in value]]
    return repr(value)


def _equal_under_base(value: Any, text: str | None, namespace: dict[str, Any]) -> bool:
    """True when the repr evaluates to an equal value of a builtin base type (an addict `Dict`
    prints `{}`): the test can assert the type and `== {}` together."""
    if text is None:
        return False
    try:
        again = eval(text, dict(namespace))
    except Exception:
        return False
    base = type(again)
    try:
        return base.__module__ == "builtins" and isinstance(value, base) and bool(again == value)
    except Exception:
        return False


def _plain_text(value: Any) -> str | None:
    """str() of a value whose class says how it prints (its own __str__ or __repr__), when the
    text holds no address and is short: something a reader can check."""
    kind = type(value)  # type: Any
    if kind.__str__ is object.__str__ and kind.__repr__ is object.__repr__:
        return None
    try:
        text = str(value)
    except Exception:
        return None
    if len(text) > 120 or "0x" in text or " at 0x" in text:
        return None
    return text


def _describe_value(value: Any, namespace: dict[str, Any]) -> dict[str, Any]:
    kind = type(value)
    text = _short_repr(value)
    needs = _faithful_with(value, text, namespace)
    if (
        needs is None
        and text is not None
        and ("<" in text or "inf" in text)
        and not isinstance(value, enum.Enum)
    ):
        try:
            built = _source(value, namespace)
        except ValueError:
            built = None
        if built is not None and len(built) <= 300:
            needs = _faithful_with(value, built, namespace)
            if needs is not None:
                text = built
    info = {
        "type": kind.__qualname__,
        "type_module": kind.__module__,
        "repr": text,
        "faithful": needs is not None,
        "imports": [needs] if needs else [],
        "is_float": isinstance(value, float) and not isinstance(value, bool),
        "finite": not (isinstance(value, float) and not math.isfinite(value)),
        "nan": isinstance(value, float) and math.isnan(value),
        "same_object": isinstance(value, _FUNCTIONS),
        "enum": None,
        "attrs": {},
    }  # type: dict[str, Any]
    if isinstance(value, (list, tuple)) and info["faithful"]:
        try:
            info["sorted_repr"] = _short_repr(sorted(value))
        except Exception:
            info["sorted_repr"] = None
    if info["nan"]:
        info["imports"] = ["import math"]
    if info["faithful"] and info["same_object"]:
        info["canonical"] = json.dumps(text)  # its name: a function defined anew each run
    elif info["faithful"]:
        info["canonical"] = json.dumps(_canonical(value))
    elif _equal_under_base(value, text, namespace):
        info["equal_repr"] = text
    if isinstance(value, enum.Enum):
        info["enum"] = f"{kind.__qualname__}.{value.name}"
    elif not info["faithful"] and hasattr(value, "__dict__"):
        attrs = {}  # type: dict[str, dict[str, Any]]
        try:
            items = sorted(vars(value).items())
        except TypeError:
            items = []
        for name, attr in items:
            if name.startswith("_") or len(attrs) >= 4:
                continue
            attr_text = _short_repr(attr, 120)
            if isinstance(attr, enum.Enum):
                attrs[name] = {"enum": f"{type(attr).__qualname__}.{attr.name}"}
            elif _faithful(attr, attr_text, namespace):
                attrs[name] = {"repr": attr_text, "is_float": isinstance(attr, float)}
        info["attrs"] = attrs
    if not info["faithful"] and not info["enum"] and not info["attrs"]:
        if "equal_repr" not in info:
            info["text"] = _plain_text(value)
        try:
            info["length"] = len(value) if hasattr(kind, "__len__") else None
        except Exception:
            info["length"] = None
    return info


def _snapshot(obj: Any) -> dict[str, Any]:
    """Public attributes; none when the object's `__dict__` is not a plain mapping of names
    (classes that reroute attribute access, dict subclasses exposing their items)."""
    try:
        return {k: v for k, v in vars(obj).items() if isinstance(k, str) and not k.startswith("_")}
    except _CandidateTimeout:
        raise
    except BaseException:
        return {}


def _opaque(value: Any) -> dict[str, Any]:
    """What is known of a value whose own methods failed while it was described: its type."""
    kind = type(value)
    return {
        "type": kind.__qualname__,
        "type_module": kind.__module__,
        "repr": None,
        "faithful": False,
        "imports": [],
        "is_float": False,
        "finite": True,
        "nan": False,
        "same_object": False,
        "enum": None,
        "attrs": {},
    }


def _described(value: Any, namespace: dict[str, Any]) -> dict[str, Any]:
    """`_describe_value`, which calls the value's own `__repr__`, `__eq__`, `__len__` and
    attribute lookups: when one of them raises, the call's result is still an observation."""
    try:
        return _describe_value(value, namespace)
    except _CandidateTimeout:
        raise
    except BaseException:
        return _opaque(value)


def _state_changes(before: dict[str, str | None], obj: Any, ns: dict[str, Any]) -> dict[str, Any]:
    changes = {}  # type: dict[str, dict[str, Any]]
    for name, value in _snapshot(obj).items():
        text = _short_repr(value, 120)
        if before.get(name, "<absent>") == text:
            continue
        if isinstance(value, enum.Enum):
            changes[name] = {"enum": f"{type(value).__qualname__}.{value.name}"}
        elif _faithful(value, text, ns):
            changes[name] = {"repr": text, "is_float": isinstance(value, float)}
    return changes


def _raised_by_statement(exc: BaseException) -> bool:
    """True when a `raise` statement threw it, not an operation on a wrong-typed value."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return False
    try:
        import linecache

        line = linecache.getline(tb.tb_frame.f_code.co_filename, tb.tb_lineno).strip()
    except Exception:
        return False
    return line.startswith("raise")


def _raised_at_call(exc: BaseException) -> bool:
    """True when the candidate's own expression raised it (an operator no operand handles),
    not code it called."""
    here = exc.__traceback__  # the frame that caught it (_run_one), then the call's
    call = here.tb_next if here is not None else None
    return (
        call is not None and call.tb_next is None and call.tb_frame.f_code.co_filename == "<string>"
    )


def _comparable(outcome: Any) -> str:
    """An outcome as far as a test would assert it: not the repr of a value whose repr is not
    asserted (it holds an address), not an exception's message (matched only when stable)."""
    if not isinstance(outcome, dict):
        return json.dumps(outcome)
    view = dict(outcome)
    view.pop("message", None)
    if not view.get("faithful"):
        view.pop("repr", None)
        view.pop("sorted_repr", None)
    return json.dumps(view, sort_keys=True)


_EXTRA_CHECKS = ("equal_repr", "text", "length", "out", "files")
"""As polish.EXTRA_CHECKS (this script imports nothing of the package): checks beside a type
check that a second run must repeat to be kept; the call stays usable without them."""


def _drop_unsteady_checks(first: Any, second: Any) -> None:
    if not isinstance(first, dict) or not isinstance(second, dict):
        return
    for key in _EXTRA_CHECKS:
        if first.get(key) != second.get(key):
            first.pop(key, None)
            second.pop(key, None)


def _on_alarm(signum: int, frame: Any) -> None:
    raise _CandidateTimeout()


def _run_one(
    candidate: dict[str, Any], base_ns: dict[str, Any], tracer: _Tracer, timeout: float
) -> dict[str, Any]:
    namespace = dict(base_ns)
    result = {"id": candidate["id"], "setup_error": None, "outcome": None}  # type: dict[str, Any]
    _GUARD["flags"] = set()
    tracer.lines = set()
    tracer.arcs = set()
    captured = io.StringIO()
    real_stdout, real_stderr = sys.stdout, sys.stderr
    real_argv, real_stdin, real_cwd = sys.argv, sys.stdin, os.getcwd()
    sys.stdout = sys.stderr = captured
    fixtures = candidate.get("fixtures") or []
    patcher = _MonkeyPatch()
    capsys = _CapSys()
    tmp = ""
    _GUARD["inputs"] = set()
    if fixtures:
        tmp = _fresh_tmp()
        import pathlib

        namespace.update(tmp_path=pathlib.Path(tmp), monkeypatch=patcher, capsys=capsys)
        namespace.setdefault("sys", sys)
        namespace.setdefault("io", io)
        if "capsys" in fixtures:
            sys.stdout, sys.stderr = capsys.out, capsys.err
    signal.setitimer(signal.ITIMER_REAL, timeout)
    _GUARD["active"] = True
    sys.settrace(tracer.global_trace)
    try:
        try:
            for statement in candidate.get("setup", []):
                exec(statement, namespace)
            if tmp:
                _GUARD["inputs"] = set(os.listdir(tmp))
        except _CandidateTimeout:
            raise
        except BaseException as exc:
            result["setup_error"] = f"{type(exc).__name__}: {_message(exc)}"
            return result
        receiver = candidate.get("receiver")
        before = {}  # type: dict[str, str | None]
        if receiver:
            before = {k: _short_repr(v, 120) for k, v in _snapshot(namespace[receiver]).items()}
        _GUARD["process_values"] = set()
        lazy = None  # type: str | None
        try:
            value = eval(candidate["call"], namespace)
            if _is_lazy(value):
                lazy = type(value).__qualname__
                items, failure = _materialise(value)
                if failure is not None:
                    raise failure
                if items is None:
                    lazy = None
                else:
                    value = items
        except _CandidateTimeout:
            raise
        except BaseException as exc:
            kind = type(exc)
            result["outcome"] = {
                "kind": "raise",
                "type": kind.__qualname__,
                "type_module": kind.__module__,
                "message": _message(exc),
                "explicit": _raised_by_statement(exc),
                "at_call": _raised_at_call(exc),
            }
            if lazy:
                result["outcome"]["lazy"] = lazy
            if isinstance(exc, SystemExit) and (
                exc.code is None
                or isinstance(exc.code, int)
                or len(_message(exc.code) or "") <= 200
            ):
                result["outcome"]["code"] = exc.code
        else:
            sys.settrace(None)
            _GUARD["active"] = False
            outcome = _described(value, namespace)
            outcome["kind"] = "return"
            if lazy:
                outcome["lazy"] = lazy
            seen = _GUARD["process_values"]
            used = {name for name in seen if isinstance(name, str)}
            direct = _HASH_CALL.search(candidate["call"])
            if direct:
                used.add(direct.group(2) or "hash")
            if isinstance(value, int) and value in seen:
                used.add("id")
            # Small numbers hash to themselves in every process and build (hash(0) == 0);
            # addresses, and hashes of strings and tuples, are far bigger.
            if (
                used
                and isinstance(value, int)
                and not isinstance(value, bool)
                and abs(value) >= SMALL_HASH
            ):
                outcome["process_value"] = sorted(used)
            if receiver:
                try:
                    outcome["changes"] = _state_changes(before, namespace[receiver], namespace)
                except _CandidateTimeout:
                    raise
                except BaseException:
                    outcome["changes"] = {}
            result["outcome"] = outcome
    except _CandidateTimeout:
        result["outcome"] = {"kind": "timeout"}
    finally:
        sys.settrace(None)
        _GUARD["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            patcher.undo()
        except Exception:
            _GUARD["flags"].add("undo")
        if fixtures and result["outcome"] is not None:
            _environment_outcome(result, fixtures, capsys, tmp)
        sys.stdout, sys.stderr = real_stdout, real_stderr
        sys.argv, sys.stdin = real_argv, real_stdin
        if os.getcwd() != real_cwd:
            os.chdir(real_cwd)
        if tmp:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
        focus = _GUARD.get("focus")
        if focus:
            result["lines"] = sorted(tracer.lines & focus)
            result["arcs"] = sorted(a for a in tracer.arcs if a[0] in focus or a[1] in focus)
        else:
            result["lines"] = sorted(tracer.lines)
            result["arcs"] = sorted(tracer.arcs)
        result["flags"] = sorted(_GUARD["flags"])
    return result


_TMP_COUNT = [0]


def _fresh_tmp() -> str:
    """A new empty directory standing in for the test's `tmp_path` (one per run of a call,
    so a file one candidate wrote is never another's input)."""
    _TMP_COUNT[0] += 1
    count = _TMP_COUNT[0]
    # Names of other lengths run after run: a result computed from the path (its length, a
    # slice) changes between the two runs of a call and is never asserted.
    path = os.path.join(_GUARD["scratch"], "tmp_path", "t" * (count % 3 + 1) + str(count))
    os.makedirs(path)
    return path


MAX_FILE_TEXT = 2000


def _environment_outcome(
    result: dict[str, Any], fixtures: list[str], capsys: _CapSys, tmp: str
) -> None:
    """What a test with fixtures can assert besides the call's value: the text printed
    (None when the call closed stdout, which pytest's capture cannot read back) and the files
    it wrote under `tmp_path`. A text holding the temporary path differs in every run."""
    outcome = result["outcome"]
    if "capsys" in fixtures:
        out = capsys._text("out")
        if out is None:
            _GUARD["flags"].add("closed_stdout")
        elif tmp in out:
            outcome["out"] = None
        else:
            outcome["out"] = out
    written = {}  # type: dict[str, str | None]
    for name in sorted(os.listdir(tmp)) if tmp else []:
        path = os.path.join(tmp, name)
        if not os.path.isfile(path) or name in _GUARD.get("inputs", ()):
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read(MAX_FILE_TEXT + 1)  # type: str | None
        except (OSError, ValueError):
            text = None
        if text is not None and (len(text) > MAX_FILE_TEXT or tmp in text):
            text = None
        written[name] = text
    if written:
        outcome["files"] = written


_CONTAINERS = (dict, list, set)
_MAX_RESTORED = 1000
"""Larger containers are the module's data tables, which calls read rather than change:
comparing them after every call would cost more than it could find."""


def _module_state(module: Any) -> Any:
    """The bindings of the module under test and of its classes, and a copy of each plain
    dict, list and set they hold: the registries, caches and counters a call may change."""
    classes = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and getattr(value, "__module__", None) == module.__name__
    ]
    owners = [(module, dict(vars(module)))]
    for cls in classes:
        owners.append((cls, {k: v for k, v in vars(cls).items() if not k.startswith("__")}))
    contents = [
        (value, copy.copy(value))
        for _, bindings in owners
        for value in bindings.values()
        if type(value) in _CONTAINERS and len(value) <= _MAX_RESTORED
    ]
    return owners, contents


def _restore(state: Any) -> None:
    """Puts the module back as it was before the call, so each call is first observed from
    the state a test starts in (in its own process), not from what earlier calls left: a call
    that only worked because another registered something first would give a test that fails."""
    owners, contents = state
    for owner, bindings in owners:
        try:
            current = vars(owner)
            # Names a call added are left: most are caches made on first use.
            for name, value in bindings.items():
                # A global that was None is most often a cache built on first use (`_tree =
                # None` ... `_tree = build()`): building it again for every call would cost
                # the search its time, and no test's result depends on it being rebuilt.
                if value is not None and current.get(name) is not value:
                    setattr(owner, name, value)
        except Exception:
            continue
    for index in range(len(contents) - 1, -1, -1):
        container, saved = contents[index]
        try:
            if len(container) > _MAX_RESTORED:
                # Grown into a table on first use (a search tree, a lookup cache): emptying
                # it would have every later call build it again; it is left as built.
                del contents[index]
                continue
            if container == saved:
                continue
            if isinstance(container, list):
                container[:] = saved
            else:
                container.clear()
                container.update(saved)
        except Exception:
            continue


def _message(value: Any) -> Any:
    """`str(value)`, at most 200 characters, or None when its `__str__` itself fails (an
    exception built with arguments of the wrong type): the call's failure is then observed by
    its type, not lost with the worker."""
    try:
        return str(value)[:200]
    except Exception:
        return None


def _private_channel() -> Any:
    """The results go out on a copy of the standard output's descriptor, and descriptors 0
    and 1 then point at the null device: a candidate that opens or closes them (`open(1)`
    given an int where a path goes, `os.close(1)`) cannot cut the worker off mid-batch."""
    channel = os.dup(1)
    _GUARD["descriptors"] = {0, 1, 2, channel}
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    return os.fdopen(channel, "w", encoding="utf-8")


def main() -> int:
    request = json.loads(sys.stdin.read() if not sys.stdin.isatty() else "{}")
    out = _private_channel()
    sys.stdin = _NoStdin()
    sys.argv = _Argv(sys.argv[:1])
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
        sys.path.pop(0)
    for entry in reversed(request.get("sys_path", [])):
        sys.path.insert(0, entry)
    scratch = os.path.realpath(request.get("scratch", os.getcwd()))
    _GUARD["scratch"] = scratch
    import tempfile

    _GUARD["roots"] = [scratch + os.sep, os.path.realpath(tempfile.gettempdir()) + os.sep]

    def emit(payload: dict[str, Any]) -> None:
        out.write(json.dumps(payload) + "\n")
        out.flush()

    if not hasattr(sys, "addaudithook"):
        # Without audit hooks nothing could stop a candidate reaching the network.
        emit({"event": "import", "error": "the builtin engine needs Python 3.8 or newer"})
        return 0
    sys.addaudithook(_audit)
    signal.signal(signal.SIGALRM, _on_alarm)
    _watch_process_values()

    import importlib

    tracer = _Tracer(request["target_file"])
    namespace = {"__name__": "__covopt_candidate__"}  # type: dict[str, Any]
    # The import is not traced: no test can reach module-level code, and tracing a module
    # that builds a table at import (every Unicode character) can cost seconds a batch.
    try:
        module = importlib.import_module(request["module"])
    except BaseException as exc:
        emit(
            {
                "event": "import",
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc()[-2000:],
            }
        )
        return 0
    namespace.update({k: v for k, v in vars(module).items() if not k.startswith("__")})
    for statement in request.get("prelude", []):
        try:
            exec(statement, namespace)
        except BaseException:
            continue
    module_file = os.path.realpath(getattr(module, "__file__", "") or "")
    emit(
        {
            "event": "import",
            "error": None,
            "module_file": module_file,
        }
    )
    timeout = float(request.get("timeout_each", 1.0))
    _GUARD["focus"] = set(request.get("focus", [])) or None
    novelty = request.get("known_arcs") is not None
    seen = {}  # type: dict[str, set[tuple[int, int]]]
    for group, arcs in (request.get("known_arcs") or {}).items():
        seen[group] = {(int(a), int(b)) for a, b in arcs}
    state = _module_state(module)
    timeouts = {}  # type: dict[str, int]
    for candidate in request.get("candidates", []):
        emit({"event": "start", "id": candidate["id"]})
        group_name = str(candidate.get("group", ""))
        if timeouts.get(group_name, 0) >= MAX_GROUP_TIMEOUTS:
            # The callable's calls keep running out of time (an endless loop on the inputs
            # tried): the rest of them would each cost the whole time limit too.
            emit({"event": "result", "id": candidate["id"], "outcome": {"kind": "timeout"}})
            continue
        first = _run_one(candidate, namespace, tracer, timeout)
        if (first["outcome"] or {}).get("kind") == "timeout":
            timeouts[group_name] = timeouts.get(group_name, 0) + 1
        if novelty:
            # Arcs anywhere in the module that no earlier candidate for the same callable (of
            # this run or, through `known_arcs`, of an earlier one) executed: each is reported
            # once a callable, output stays small on big modules.
            group = seen.setdefault(str(candidate.get("group", "")), set())
            new = tracer.arcs - group
            group |= new
            first["novel"] = sorted(new)
        if (
            candidate.get("repeat")
            and first["outcome"] is not None
            and first["outcome"].get("kind") != "timeout"
        ):
            # Run again on what the first run left: a result that depends on it (a counter,
            # a registry) is what a suite would see differ too, so it is not asserted. (A call
            # that ran out of time is no test either way: it is not run twice.)
            second = _run_one(candidate, namespace, tracer, timeout)
            _drop_unsteady_checks(first["outcome"], second["outcome"])
            first["stable"] = _comparable(second["outcome"]) == _comparable(first["outcome"])
            if first["stable"] and first["outcome"].get("message") != (second["outcome"] or {}).get(
                "message"
            ):
                first["outcome"]["message"] = None
        _restore(state)
        emit(dict(first, event="result"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
