"""Where candidate tests come from: the builtin engine (no network) and the LLM engine."""
