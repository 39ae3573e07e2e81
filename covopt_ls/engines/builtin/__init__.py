"""The builtin engine: offline search for inputs that reach the gaps, rendered as pytest tests."""

from covopt_ls.engines.builtin.engine import BuiltinEngine, Unreachable

__all__ = ["BuiltinEngine", "Unreachable"]
