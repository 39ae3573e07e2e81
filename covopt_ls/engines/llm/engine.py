"""The LLM engine: any OpenAI-compatible endpoint as a source of candidate tests.

Stateless between calls (the Engine protocol passes the verifier's feedback back in), so one
engine serves every job of a server; it owns one HTTP session, closed by `aclose`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from covopt_ls.engines.llm.client import ChatClient, RetryPolicy
from covopt_ls.engines.llm.parser import parse_reply
from covopt_ls.engines.llm.prompt import build_messages
from covopt_ls.generation import GenerationRequest, RecommendedTest, RepairFeedback
from covopt_ls.settings import LlmSettings
from covopt_ls.tasks.offload import cpu_bound


class LlmNotConfiguredError(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "the llm engine needs llm.baseUrl and llm.model "
            "(COVOPT_LLM_BASE_URL and COVOPT_LLM_MODEL)"
        )


class LlmEngine:
    name = "llm"

    def __init__(
        self,
        settings: LlmSettings,
        *,
        environ: Mapping[str, str] | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if not settings.base_url or not settings.model:
            raise LlmNotConfiguredError()
        environ = os.environ if environ is None else environ
        self.settings = settings
        self.client = ChatClient(
            settings.base_url,
            settings.model,
            api_key=environ.get(settings.api_key_env),
            timeout_seconds=settings.timeout_seconds,
            connect_timeout_seconds=settings.connect_timeout_seconds,
            retry=retry or RetryPolicy(max_retries=settings.max_retries),
        )

    async def generate(
        self, request: GenerationRequest, feedback: Sequence[RepairFeedback] = ()
    ) -> list[RecommendedTest]:
        size = len(request.source_code) + len(request.existing_test_code)
        messages = await cpu_bound(size, build_messages, request, feedback)
        reply = await self.client.complete(
            messages, temperature=self.settings.temperature, max_tokens=self.settings.max_tokens
        )
        existing_lines = len(request.existing_test_code.splitlines())
        first_line = existing_lines + 2 if existing_lines else 1
        return await cpu_bound(len(reply), parse_reply, reply, first_target_line=first_line)

    async def aclose(self) -> None:
        await self.client.aclose()
