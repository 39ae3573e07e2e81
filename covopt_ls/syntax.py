"""`ast.parse` that several threads may call at once.

CPython 3.11 keeps the AST constructor's recursion depth in interpreter-wide state, so two threads
building syntax trees at the same time can fail with `SystemError: AST constructor recursion
depth mismatch` (python/cpython#106905 and the reports around it). The server parses off the event
loop, in threads, for several jobs at once (a job's planning, another's prompt): every parse in
the package goes through one lock. Parses are short next to what the threads do around them.
"""

from __future__ import annotations

import ast
import threading
from typing import Literal, overload

LOCK = threading.Lock()


@overload
def parse(source: str | bytes, filename: str = ..., mode: Literal["exec"] = ...) -> ast.Module: ...


@overload
def parse(source: str | bytes, filename: str = ..., *, mode: Literal["eval"]) -> ast.Expression: ...


def parse(source: str | bytes, filename: str = "<unknown>", mode: str = "exec") -> ast.AST:
    with LOCK:
        return ast.parse(source, filename, mode)
