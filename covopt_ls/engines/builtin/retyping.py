"""Types learned from the errors Python raised at wrong-typed arguments.

Untyped code often says what it takes only at run time: `base64.b64encode(data)` answers a
text with "a bytes-like object is required, not 'str'", `for k, v in obj.items()` answers a
list with "'list' object has no attribute 'items'". A call that failed so names the type its
argument should have had (and often the type it had: the argument at fault), so the next
rounds try values of that type for that parameter, as a person reading the traceback would.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from covopt_ls.engines.builtin.calls import literal_type, literal_value

_NAMES = {
    "str": "str",
    "string": "str",
    "a string": "str",
    "unicode": "str",
    "bytes": "bytes",
    "a bytes-like object": "bytes",
    "bytes-like object": "bytes",
    "int": "int",
    "integer": "int",
    "an integer": "int",
    "float": "float",
    "a real number": "float",
    "real number": "float",
    "a number": "float",
    "list": "list",
    "a list": "list",
    "tuple": "tuple",
    "a tuple": "tuple",
    "dict": "dict",
    "a dict": "dict",
    "a mapping": "dict",
    "mapping": "dict",
    "set": "set",
    "callable": "Callable",
    "a callable": "Callable",
    "bool": "bool",
}
"""How Python's messages name a type → the type's name among the typical values."""

_RULES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"a bytes-like object is required, not '(?P<had>\w+)'"), ("bytes",)),
    (re.compile(r"expected str, bytes or os\.PathLike object, not (?P<had>\w+)"), ("str",)),
    (re.compile(r"expected string or bytes-like object(?:, got '(?P<had>\w+)')?"), ("str",)),
    (re.compile(r"can only concatenate (?P<want>\w+) \(not \"(?P<had>\w+)\"\)"), ()),
    (re.compile(r"'(?P<had>\w+)' object is not iterable"), ("list", "str")),
    (re.compile(r"'(?P<had>\w+)' object is not subscriptable"), ("list", "dict")),
    (re.compile(r"'(?P<had>\w+)' object is not callable"), ("Callable",)),
    (re.compile(r"'(?P<had>\w+)' object is not a mapping"), ("dict",)),
    (re.compile(r"object of type '(?P<had>\w+)' has no len\(\)"), ("list", "str")),
    (re.compile(r"'(?P<had>\w+)' object cannot be interpreted as an integer"), ("int",)),
    (re.compile(r"unhashable type: '(?P<had>\w+)'"), ("str", "tuple")),
    (re.compile(r"(?:indices|index) must be integers(?: or slices)?, not (?P<had>\w+)"), ("int",)),
    (re.compile(r"sequence item \d+: expected (?P<want>\w+) instance, (?P<had>\w+) found"), ()),
    (re.compile(r"must be (?P<want>an? [\w-]+(?: [\w-]+)?|[\w-]+)\b.*? not '?(?P<had>\w+)"), ()),
)

_ATTRIBUTE = re.compile(r"'(?P<had>\w+)' object has no attribute '(?P<attr>\w+)'")
_WITH_ATTRIBUTE = {
    "str": str,
    "bytes": bytes,
    "int": int,
    "float": float,
    "list": list,
    "dict": dict,
    "set": set,
    "tuple": tuple,
}
"""Builtin types an attribute error can point to (`'list' object has no attribute 'items'`
→ dict)."""


@dataclass(frozen=True, slots=True)
class Correction:
    expected: tuple[str, ...]
    """Type names (candidates.TYPICAL keys) the argument should have had."""
    had: str | None
    """The type the argument at fault had (as `calls.literal_type` spells it: `NoneType`), when
    the message says."""


def correction(error_type: str | None, message: str | None) -> Correction | None:
    """What a TypeError's or AttributeError's message says the argument should have been."""
    if not message:
        return None
    if error_type == "AttributeError":
        found = _ATTRIBUTE.search(message)
        if found is None:
            return None
        attr = found["attr"]
        kinds = tuple(name for name, kind in _WITH_ATTRIBUTE.items() if hasattr(kind, attr))
        return Correction(kinds, found["had"]) if kinds else None
    if error_type != "TypeError":
        return None
    for pattern, kinds in _RULES:
        found = pattern.search(message)
        if found is None:
            continue
        groups = found.groupdict()
        if not kinds:
            want = _NAMES.get((groups.get("want") or "").strip())
            kinds = (want,) if want else ()
        if kinds:
            return Correction(kinds, groups.get("had") or None)
    return None


def at_fault(args: dict[str, str], fix: Correction) -> list[str]:
    """The parameters whose value has the type the message blames (all of the literal ones
    when it names none); a value already of an expected type is not at fault."""
    literal = {name: literal_type(source) for name, source in args.items()}
    return [
        name
        for name, kind in literal.items()
        if kind is not None and (fix.had is None or kind == fix.had) and kind not in fix.expected
    ]


def converted(source: str, kind: str) -> list[str]:
    """The value itself in the expected type where that reads naturally (`"abc"` →
    `b"abc"`, `b"abc"` → `"abc"`, `"3"` → `3`, `x` → `[x]`), before the typical values."""
    value = literal_value(source)
    found: list[str] = []
    if kind == "bytes" and isinstance(value, str):
        found.append(repr(value.encode("utf-8", "surrogatepass")))
    elif kind == "str" and isinstance(value, bytes):
        found.append(repr(value.decode("latin-1")))
    elif kind == "str" and isinstance(value, int | float) and not isinstance(value, bool):
        found.append(repr(str(value)))
    elif kind in ("int", "float") and isinstance(value, str):
        with contextlib.suppress(ValueError):
            found.append(repr(int(value) if kind == "int" else float(value)))
    elif kind in ("list", "tuple") and value is not None and not isinstance(value, list | tuple):
        found.append(f"[{source}]" if kind == "list" else f"({source},)")
    return found


KEY_VALUES = ('"a"', "1", "[]")
"""Values a key learned from a KeyError is given (a text, a number, a list: the shapes a
mapping's values most often take)."""


def missing_key(error_type: str | None, message: str | None) -> str | None:
    """The key a KeyError names, as source (`'name'`), when it is a literal text or number."""
    if error_type != "KeyError" or not message:
        return None
    key = literal_value(message)
    if isinstance(key, str | int) and not isinstance(key, bool):
        return repr(key)
    return None


def with_key(source: str, key: str, values: Sequence[str] = KEY_VALUES) -> list[str]:
    """A dict display `source` with `key` added, once per value of `values`; none for
    anything else or a display that has the key already."""
    value = literal_value(source)
    if not isinstance(value, dict) or literal_value(key) in value or not source.startswith("{"):
        return []
    inner = source[1:-1].strip()
    return [f"{{{inner}, {key}: {v}}}" if inner else f"{{{key}: {v}}}" for v in values]


PARSER_ERRORS = frozenset({"ValueError", "JSONDecodeError"})
"""The errors the standard parsers raise at a text they cannot read."""
_SAMPLE_TIME = datetime.datetime(2024, 1, 15, 12, 30, 45)
_TEXT_RULES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(r"invalid literal for int\(\) with base \d+: (?P<had>'.*')$"),
        ('"1"', '"42"', '"0"', '"-7"'),
    ),
    (
        re.compile(r"could not convert string to float: (?P<had>'.*')$"),
        ('"1.5"', '"0"', '"-2.25"', '"1e3"'),
    ),
    (
        re.compile(r"Invalid isoformat string: (?P<had>'.*')$"),
        ('"2024-01-15"', '"2024-01-15T12:30:45"'),
    ),
    (re.compile(r"^Expecting value: line 1 column 1 \(char 0\)$"), ("'{\"a\": 1}'", "'[1, 2]'")),
)
_TIME_FORMAT = re.compile(r"time data (?P<had>'.*') does not match format (?P<format>'.*')$")


def text_fix(error_type: str | None, message: str | None) -> tuple[str | None, list[str]]:
    """What a ValueError of a standard parser says a text argument should have looked like:
    (the text it got, when the message quotes it; texts it would take). `int("abc")` wants
    digits, `strptime(s, "%Y-%m-%d")` a date in that format, `json.loads` a document."""
    if error_type not in PARSER_ERRORS or not message:
        return None, []
    found = _TIME_FORMAT.search(message)
    if found is not None:
        layout = literal_value(found["format"])
        if not isinstance(layout, str):
            return None, []
        try:
            sample = _SAMPLE_TIME.strftime(layout)
        except ValueError:
            return None, []
        return _quoted(found["had"]), [repr(sample)]
    for pattern, texts in _TEXT_RULES:
        found = pattern.search(message)
        if found is not None:
            return _quoted(found.groupdict().get("had")), list(texts)
    return None, []


def _quoted(source: str | None) -> str | None:
    value = literal_value(source) if source else None
    return value if isinstance(value, str) else None


def texts_at_fault(args: dict[str, str], had: str | None) -> list[str]:
    """The text arguments a parser's error is about: the one equal to the text it quotes (or
    holding it, a part split off), else every text argument."""
    texts = {n: v for n, s in args.items() if isinstance(v := literal_value(s), str)}
    if had is not None:
        exact = [n for n, v in texts.items() if v == had]
        holding = [n for n, v in texts.items() if had and had in v]
        if exact or holding:
            return exact or holding
    return list(texts)
