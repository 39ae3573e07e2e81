"""Test names from what distinguishes a test: `test_calculate_discount_silver_member_type`.

The distinguishing input is the argument that differs from the reference call (the existing
test's call, or the plainest one); the outcome adds `raises_value_error` when the call raises.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping

from covopt_ls.engines.builtin.calls import snake
from covopt_ls.engines.builtin.planner import Candidate

MAX_NAME = 72


_SYMBOLS = {
    ">=": "at_least",
    "<=": "at_most",
    "==": "equal",
    "!=": "not_equal",
    ">": "above",
    "<": "below",
    "^": "caret",
    "~": "tilde",
    "@": "at",
    "+": "plus",
    "-": "minus",
    "*": "star",
    "/": "slash",
    "#": "hash",
    "%": "percent",
    "$": "dollar",
    ".": "dot",
    ",": "comma",
    ":": "colon",
}


def slug(text: str, words: int = 3) -> str:
    """Words of a value; a leading operator or symbol is named (`>=1.2` → `at_least_1_2`)."""
    lead = re.match(r"[^\w\s]+", text)
    named: list[str] = []
    if lead:
        symbols = lead.group(0)
        while symbols:
            key = next((k for k in _SYMBOLS if symbols.startswith(k)), symbols[0])
            named.append(_SYMBOLS.get(key, ""))
            symbols = symbols[len(key) :]
    parts = [w for w in named if w] + re.findall(r"[a-z0-9]+", text.lower())
    return "_".join(parts[:words])


def describe_value(param: str, source: str) -> str:
    """A few words for `param=source`, e.g. `zero_b`, `silver_member_type`, `not_express`."""
    try:
        value = ast.literal_eval(source)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value = ...
    if value is True:
        return param
    if value is False:
        return f"not_{param}"
    if value is None:
        return f"no_{param}"
    if isinstance(value, int | float):
        if value == 0:
            return f"zero_{param}"
        if value < 0:
            return f"negative_{param}"
        return f"{param}_{slug(str(value).replace('.', '_'))}"
    if isinstance(value, str):
        if not value:
            return f"empty_{param}"
        words = slug(value)
        if not words:
            return f"blank_{param}"
        return words if words in param else f"{words}_{param}"
    if isinstance(value, dict) and value:
        keys = [slug(str(key), 1) for key in list(value)[:2]]
        keys = [key for key in keys if key]
        return f"{param}_with_{'_'.join(keys)}" if keys else f"{param}_of_{len(value)}"
    if isinstance(value, list | tuple | dict | set | frozenset):
        return f"empty_{param}" if not value else f"{param}_of_{len(value)}"
    if re.fullmatch(r"[A-Za-z_][\w.]*\.[A-Za-z_]\w*", source):
        return f"{slug(source.rsplit('.', 1)[-1])}_{param}"
    built = _constructed_words(source)
    return f"{param}_{built}" if built else param


def _constructed_words(source: str) -> str:
    """`date(2024, 2, 29)` → `2024_2_29`: the literal arguments an object was built from."""
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return ""
    if not isinstance(node, ast.Call):
        return ""
    values = [
        str(arg.value)
        for arg in [*node.args, *(k.value for k in node.keywords)]
        if isinstance(arg, ast.Constant) and not isinstance(arg.value, bool)
    ]
    return slug(" ".join(values), 3)


def name_for_test(
    candidate: Candidate,
    callable_name: str,
    reference: Mapping[str, str],
    reference_setup: int,
    outcome: Mapping[str, object] | None,
    taken: Iterable[str],
) -> str:
    parts = [
        describe_value(param, source)
        for param, source in candidate.args
        if reference.get(param) != source
    ][:2]
    parts.extend(describe_value(param, source) for param, source in candidate.setup_args[:1])
    if len(candidate.setup) > reference_setup and candidate.receiver:
        last = candidate.setup[-1]
        match = re.match(rf"{re.escape(candidate.receiver)}\.(\w+)\((.*)\)$", last)
        if match:
            parts.append(f"after_{match.group(1)}{_first_argument_words(match.group(2))}")
    changes = outcome.get("changes") if outcome else None
    if outcome and outcome.get("repr") == "None" and isinstance(changes, Mapping) and changes:
        parts.append(f"sets_{next(iter(changes))}")
    elif outcome and outcome.get("kind") == "raise":
        parts.append(f"raises_{snake(str(outcome.get('type', 'error')))}")
    elif not parts and outcome:
        text = str(outcome.get("repr") or "")
        if candidate.args and len(text) > 24 and not outcome.get("enum"):
            # A long result names nothing: say what the call was given instead.
            parts.append(describe_value(*candidate.args[0]))
        else:
            parts.append(_returns(outcome))
    base = "_".join(["test", snake(callable_name).replace(".", "_"), *parts])
    base = re.sub(r"_+", "_", base)[:MAX_NAME].rstrip("_")
    taken_set = set(taken)
    name, counter = base, 2
    while name in taken_set:
        name, counter = f"{base}_{counter}", counter + 1
    return name


def _returns(outcome: Mapping[str, object]) -> str:
    """`returns_zero`, `returns_true`, `returns_gold_member`, or the returned type's name."""
    text = str(outcome.get("repr") or "")
    enum = outcome.get("enum")
    if isinstance(enum, str):
        return f"returns_{slug(enum.rsplit('.', 1)[-1])}"
    try:
        value = ast.literal_eval(text) if text else ...
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value = ...
    if isinstance(value, bool) or value is None:
        return f"returns_{str(value).lower()}"
    if isinstance(value, int | float):
        if value == 0:
            return "returns_zero"
        return "returns_negative" if value < 0 else "returns_positive"
    if isinstance(value, str):
        words = slug(value, 2)
        return f"returns_{words}" if words else "returns_empty_string"
    if isinstance(value, list | tuple | dict | set) and not value:
        return f"returns_empty_{type(value).__name__}"
    return f"returns_{snake(str(outcome.get('type', 'value')))}"


def _first_argument_words(arguments: str) -> str:
    """`"deliver"` → `_deliver`: the value a preparing call was given, when it is plain text."""
    try:
        call = ast.parse(f"f({arguments})", mode="eval").body
    except SyntaxError:
        return ""
    if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant):
        value = call.args[0].value
        if isinstance(value, str) and (words := slug(value, 2)):
            return f"_{words}"
    return ""
