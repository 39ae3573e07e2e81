"""The LLM engine: an OpenAI-compatible chat-completions client, the prompt, the reply parser."""

from covopt_ls.engines.llm.client import ChatClient, LlmError, RetryPolicy
from covopt_ls.engines.llm.engine import LlmEngine, LlmNotConfiguredError

__all__ = ["ChatClient", "LlmEngine", "LlmError", "LlmNotConfiguredError", "RetryPolicy"]
