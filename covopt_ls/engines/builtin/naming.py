"""Test names from what distinguishes a test: `test_calculate_discount_silver_member_type`.

The distinguishing input is the argument that differs from the reference call (the existing
test's call, or the plainest one); the outcome adds `raises_value_error` when the call raises.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping

from covopt_ls.engines.builtin.planner import Candidate, snake

MAX_NAME = 72


def slug(text: str, words: int = 3) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
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
    if isinstance(value, list | tuple | dict | set | frozenset):
        return f"empty_{param}" if not value else f"{param}_of_{len(value)}"
    if re.fullmatch(r"[A-Za-z_][\w.]*\.[A-Za-z_]\w*", source):
        return f"{slug(source.rsplit('.', 1)[-1])}_{param}"
    return param


def test_name(
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
    if len(candidate.setup) > reference_setup and candidate.receiver:
        last = candidate.setup[-1]
        match = re.match(rf"{re.escape(candidate.receiver)}\.(\w+)\(", last)
        if match:
            parts.append(f"after_{match.group(1)}")
    if outcome and outcome.get("kind") == "raise":
        parts.append(f"raises_{snake(str(outcome.get('type', 'error')))}")
    elif not parts and outcome:
        text = str(outcome.get("repr") or "")
        words = slug(text.strip("'\""), 2) if len(text) < 30 else ""
        parts.append(f"returns_{words}" if words else "case")
    base = "_".join(["test", snake(callable_name).replace(".", "_"), *parts])
    base = re.sub(r"_+", "_", base)[:MAX_NAME].rstrip("_")
    taken_set = set(taken)
    name, counter = base, 2
    while name in taken_set:
        name, counter = f"{base}_{counter}", counter + 1
    return name
