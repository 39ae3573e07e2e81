"""The chat-completions client over real HTTP: retries, Retry-After, timeouts, errors, secrets."""

from __future__ import annotations

import logging
import random
import socket
from email.utils import formatdate

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.llm import ChatClient, LlmEngine, LlmError, RetryPolicy
from covopt_ls.engines.llm.client import parse_retry_after
from covopt_ls.generation import GenerationRequest
from covopt_ls.settings import LlmSettings
from tests.support.fake_openai import FakeOpenAI, Reply

SECRET = "sk-test-0123456789abcdef"
HELLO = [{"role": "user", "content": "hello"}]
FAST = RetryPolicy(max_retries=2, backoff_base=0.01)


def client(server: FakeOpenAI, **options: object) -> ChatClient:
    settings: dict[str, object] = {"api_key": SECRET, "retry": FAST, "timeout_seconds": 10.0}
    settings.update(options)
    return ChatClient(server.base_url, "fake-model", **settings)  # type: ignore[arg-type]


async def ask(chat: ChatClient) -> str:
    try:
        return await chat.complete(HELLO, temperature=0.2, max_tokens=100)
    finally:
        await chat.aclose()


async def test_429_with_retry_after_is_waited_for_then_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.error(429, "rate limited", Retry_After="1"), "the answer")
    assert await ask(client(fake_openai)) == "the answer"
    first, second = fake_openai.requests
    assert second.received_at - first.received_at >= 0.95, "Retry-After: 1 was honoured"


async def test_500_three_times_fails_naming_endpoint_status_and_reason(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(*[Reply.error(500, "model overloaded")] * 3, "never reached")
    with pytest.raises(LlmError) as caught:
        await ask(client(fake_openai))
    message = str(caught.value)
    assert fake_openai.base_url + "/chat/completions" in message
    assert "HTTP 500 Internal Server Error: model overloaded" in message
    assert "after 3 attempts" in message
    assert caught.value.status == 500
    assert len(fake_openai.requests) == 3, "max_retries=2: three tries in all"


async def test_other_4xx_are_not_retried_and_the_key_is_never_echoed(
    fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake_openai.script(Reply.error(401, f"Incorrect API key provided: {SECRET}"), "unused")
    with pytest.raises(LlmError) as caught:
        await ask(client(fake_openai))
    assert len(fake_openai.requests) == 1
    assert "HTTP 401 Unauthorized: Incorrect API key provided: ***" in str(caught.value)
    assert SECRET not in str(caught.value)
    assert SECRET not in caplog.text
    assert fake_openai.requests[0].headers["Authorization"] == f"Bearer {SECRET}"


async def test_a_model_that_wants_other_parameters_gets_them_once_and_for_all(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(
        Reply.error(400, "Unsupported parameter: 'max_tokens' is not supported with this "
                    "model. Use 'max_completion_tokens' instead."),
        Reply.error(400, "Unsupported value: 'temperature' does not support 0.2 with this "
                    "model. Only the default (1) value is supported."),
        "first answer",
        "second answer",
    )  # fmt: skip
    chat = client(fake_openai, retry=RetryPolicy(max_retries=0))
    try:
        assert await chat.complete(HELLO, temperature=0.2, max_tokens=100) == "first answer"
        assert await chat.complete(HELLO, temperature=0.2, max_tokens=100) == "second answer"
    finally:
        await chat.aclose()
    sent = [request.json for request in fake_openai.requests]
    assert [
        ("max_tokens" in s, "max_completion_tokens" in s, "temperature" in s) for s in sent
    ] == [
        (True, False, True),
        (False, True, True),
        (False, True, False),
        (False, True, False),
    ]
    assert sent[3]["max_completion_tokens"] == 100


async def test_a_connection_dropped_mid_body_is_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.dropped(), "complete answer")
    assert await ask(client(fake_openai)) == "complete answer"
    assert len(fake_openai.requests) == 2


async def test_408_and_503_are_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.error(408), Reply.error(503), "third time lucky")
    assert await ask(client(fake_openai)) == "third time lucky"


async def test_a_reply_slower_than_the_timeout_fails_and_the_server_sees_the_hang_up(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(Reply.text("too late", delay=30))
    chat = client(fake_openai, timeout_seconds=0.3, retry=RetryPolicy(max_retries=0))
    with pytest.raises(LlmError, match=r"no complete answer within 0\.3 s"):
        await ask(chat)
    await fake_openai.wait_for_disconnect()
    assert fake_openai.disconnects == 1


async def test_an_unreachable_endpoint_is_retried_then_reported() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    chat = ChatClient(f"http://127.0.0.1:{port}/v1", "m", retry=FAST)
    with pytest.raises(LlmError) as caught:
        await ask(chat)
    assert f"http://127.0.0.1:{port}/v1/chat/completions" in str(caught.value)
    assert "connection failed" in str(caught.value)
    assert caught.value.status is None


async def test_a_reply_that_is_not_a_chat_completion_is_an_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply(body='{"unexpected": true}'), Reply(body="<html>proxy</html>"))
    with pytest.raises(LlmError, match="not a chat completion"):
        await ask(client(fake_openai))
    with pytest.raises(LlmError, match="not a chat completion"):
        await ask(client(fake_openai))
    assert len(fake_openai.requests) == 2, "not retried"


def test_credentials_in_the_base_url_are_not_shown() -> None:
    chat = ChatClient("http://user:pw@127.0.0.1:9/v1/", "m")
    assert chat.endpoint == "http://127.0.0.1:9/v1/chat/completions"


def test_retry_after_as_seconds_or_http_date() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(formatdate(1000.0 + 30, usegmt=True), now=1000.0) == 30.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    policy = RetryPolicy(backoff_base=1.0, backoff_max=8.0, retry_after_max=60.0)
    rng = random.Random(1)
    delays = [policy.delay(n, None, rng) for n in range(6)]
    for n, delay in enumerate(delays):
        ceiling = min(8.0, 2.0**n)
        assert ceiling / 2 <= delay <= ceiling
    assert policy.delay(0, 120.0, rng) == 60.0, "a huge Retry-After is capped"


async def test_the_engine_sends_the_reference_parameters_and_the_key_from_its_variable(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script("```python\ndef test_x():\n    assert f() == 1\n```")
    settings = LlmSettings(base_url=fake_openai.base_url, model="m1", apiKeyEnv="MY_LLM_KEY")
    engine = LlmEngine(settings, environ={"MY_LLM_KEY": SECRET})
    request = GenerationRequest("def f():\n    return 1\n", (UncoveredRange(2, 2, "line"),))
    try:
        tests = await engine.generate(request)
    finally:
        await engine.aclose()
    assert [t.test_code for t in tests] == ["def test_x():\n    assert f() == 1"]
    sent = fake_openai.requests[0]
    assert sent.path == "/v1/chat/completions"
    assert sent.json["model"] == "m1"
    assert sent.json["temperature"] == 0.2
    assert sent.json["max_tokens"] == 3000
    assert [m["role"] for m in sent.messages] == ["system", "user"]
    assert sent.headers["Authorization"] == f"Bearer {SECRET}"
