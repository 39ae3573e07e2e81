"""`covopt serve` as a real subprocess on a free port, and a fake LLM that it calls back.

The fake LLM runs in the test's event loop, so everything that waits on the server must await
(never block the loop): the server's jobs call the fake LLM while the test polls.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
from collections.abc import AsyncIterator, Mapping

import pytest_asyncio

from tests.support.fake_openai import FakeOpenAI, RecordedRequest, Reply, entry, json_block

SLOW_MARKER = "def slow_function"
"""A source containing this gets a reply that takes a minute (for cancellation tests)."""

DISCOUNT_TESTS = (
    'def test_silver_discount():\n    assert calculate_discount(100, "silver") == 85',
    'def test_no_discount():\n    assert calculate_discount(100, "regular") == 100',
)
DIVIDE_TEST = (
    "import pytest\n\n\ndef test_divide_by_zero():\n"
    "    with pytest.raises(ValueError):\n        divide(1, 0)"
)


def answer(request: RecordedRequest) -> Reply:
    """What a capable model would answer to the reference's two examples."""
    prompt = request.user_prompt
    if SLOW_MARKER in prompt:
        return Reply.text(json_block(entry("def test_slow(): pass")), delay=60)
    if "calculate_discount" in prompt:
        return Reply.text(
            json_block(
                entry(DISCOUNT_TESTS[0], 42, "Test silver member discount", "Covers lines 4-5"),
                entry(DISCOUNT_TESTS[1], 47, "Test default case with no discount"),
            )
        )
    if "`from app.utils import ...`" in prompt:
        code = "from app.utils import halve\n\n\ndef test_halve_odd():\n    assert halve(3) == 1"
        return Reply.text(json_block(entry(code)))
    if "def quadruple" in prompt:
        code = (
            "import pytest\nfrom core import quadruple\n\n\ndef test_negative():\n"
            "    with pytest.raises(ValueError):\n        quadruple(-1)\n\n\n"
            "def test_positive():\n    assert quadruple(1) == 4\n"
        )
        return Reply.text(json_block(entry(code)))
    if "def sign(x)" in prompt:
        sign = "def test_sign_negative():\n    assert sign(-5) == -1"
        halve = "def test_halve():\n    assert halve(4) == 2.0"
        return Reply.text(json_block(entry(sign, 12, "negative sign"), entry(halve, 16, "halving")))
    if "def divide" in prompt:
        return Reply.text(json_block(entry(DIVIDE_TEST, 3, "Division by zero raises")))
    return Reply.text("I have no idea.")


class CovoptServe:
    """`python -m covopt_ls.cli serve --port 0`, its URL read from its first line."""

    def __init__(self, env: Mapping[str, str], *args: str) -> None:
        self.env = env
        self.args = args
        self.url = ""
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> CovoptServe:
        env = {k: v for k, v in os.environ.items() if not k.startswith("COVOPT_")}
        env.update(self.env)
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "covopt_ls.cli", "serve", "--port", "0", *self.args,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), 30)
        found = re.search(rb"listening on (http://\S+)", line)
        if found is None:
            stderr = await self.process.stderr.read() if self.process.stderr else b""
            raise RuntimeError(f"covopt serve did not start: {line!r} {stderr!r}")
        self.url = found.group(1).decode()
        return self

    async def stop(self) -> int | None:
        if self.process is None or self.process.returncode is not None:
            return None if self.process is None else self.process.returncode
        self.process.terminate()
        try:
            return await asyncio.wait_for(self.process.wait(), 15)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            return await self.process.wait()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def llm() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI(default=answer) as server:
        yield server


def llm_env(llm: FakeOpenAI) -> dict[str, str]:
    return {
        "COVOPT_LLM_BASE_URL": llm.base_url,
        "COVOPT_LLM_MODEL": "fake-model",
        "COVOPT_VERIFY_REPEAT": "1",
        "COVOPT_BUDGET_SECONDS": "3",
    }


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server(llm: FakeOpenAI) -> AsyncIterator[CovoptServe]:
    serve = CovoptServe(llm_env(llm))
    await serve.start()
    yield serve
    assert await serve.stop() == 0, "SIGTERM ends the server cleanly"
