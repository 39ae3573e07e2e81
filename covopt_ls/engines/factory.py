"""Which engine answers a request: `builtin`, `llm`, or `auto` (the LLM when one is configured).

Engine modules are imported only when chosen, so a server that never uses the LLM never loads
its client, and the builtin engine's search machinery stays out of an LLM-only server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from covopt_ls.generation import Engine, EngineName
from covopt_ls.settings import Settings


def resolve_engine_name(
    settings: Settings, name: EngineName | None = None
) -> Literal["builtin", "llm"]:
    wanted = name or settings.engine
    if wanted == "auto":
        return "llm" if settings.llm.configured else "builtin"
    return wanted


def make_engine(
    settings: Settings, name: EngineName | None = None, *, project_root: Path | None = None
) -> Engine:
    """A new engine (the caller owns it and must `aclose` it).

    Raises LlmNotConfiguredError when `llm` is asked for without llm.baseUrl and llm.model.
    """
    if resolve_engine_name(settings, name) == "llm":
        from covopt_ls.engines.llm import LlmEngine
        from covopt_ls.verify.sandbox import declare_secret_name

        declare_secret_name(settings.llm.api_key_env)
        return LlmEngine(settings.llm)
    from covopt_ls.engines.builtin import BuiltinEngine
    from covopt_ls.verify.interpreter import find_project_python

    return BuiltinEngine(
        budget_seconds=settings.budget_seconds,
        python=find_project_python(project_root, settings.verify.python),
    )
