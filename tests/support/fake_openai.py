"""A real OpenAI-compatible chat-completions server for tests, with replies each test scripts.

It is an aiohttp server on 127.0.0.1 (a free port), speaking `POST /v1/chat/completions` as
OpenAI, Ollama, vLLM and llama.cpp do, so the LLM engine is tested over real HTTP, retries and
timeouts included. Nothing is mocked: a reply can be slow, an error with `Retry-After`, or a
connection dropped in the middle of the body, and the server records every request and every
client that hung up before its answer (which is how cancellation is seen to really stop work).

In a test:

    replies = [Reply.text(json_block(entry("def test_x(): ..."))), Reply.error(500)]
    async with FakeOpenAI(replies) as llm:
        settings.llm.base_url = llm.base_url        # http://127.0.0.1:PORT/v1
        ...
        assert llm.requests[0].user_prompt.startswith("You are an expert")

Replies are served in order; when the script runs out, `default` answers (a callable gets the
recorded request, for servers that answer whatever is asked, as in the editor tests and the
benchmark); without a default the server answers 500 "no scripted reply".

As a fixture: `from tests.support.fake_openai import fake_openai` in a conftest.py, then
`async def test_x(fake_openai: FakeOpenAI)` and `fake_openai.script(...)`.

From a shell (other processes, editor tests): `python -m tests.support.fake_openai --reply-file F`
prints its base URL on the first line of stdout and answers every request with F's content.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import sys
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest_asyncio
from aiohttp import web


@dataclass(frozen=True)
class Reply:
    """One scripted answer."""

    content: str | None = None
    """The assistant message's content (a chat completion is built around it)."""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (a slow model); a client hanging up meanwhile is seen."""
    drop_mid_body: bool = False
    """Send the headers and half of the body, then close the connection."""
    body: str | None = None
    """A raw body instead of a chat completion (error replies)."""

    @classmethod
    def text(cls, content: str, *, delay: float = 0.0) -> Reply:
        return cls(content=content, delay=delay)

    @classmethod
    def error(cls, status: int, message: str = "scripted error", **headers: str) -> Reply:
        """An OpenAI-style error; headers as keywords, e.g. `Retry_After="1"` → `Retry-After`."""
        body = json.dumps({"error": {"message": message, "type": "fake", "code": status}})
        named = {name.replace("_", "-"): value for name, value in headers.items()}
        return cls(status=status, body=body, headers=named)

    @classmethod
    def dropped(cls, content: str = "") -> Reply:
        content = content or json_block(entry("def test_never_arrives(): pass"))
        return cls(content=content, drop_mid_body=True)


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    json: Any
    received_at: float
    """time.monotonic() when the request arrived."""

    @property
    def messages(self) -> list[dict[str, Any]]:
        messages = self.json.get("messages", []) if isinstance(self.json, dict) else []
        return list(messages)

    @property
    def user_prompt(self) -> str:
        """The first user message."""
        users = [str(m.get("content", "")) for m in self.messages if m.get("role") == "user"]
        return users[0] if users else ""

    @property
    def last_user_message(self) -> str:
        users = [str(m.get("content", "")) for m in self.messages if m.get("role") == "user"]
        return users[-1] if users else ""


Responder = Callable[[RecordedRequest], Reply]


def entry(
    test_code: str,
    target_line: int | None = 10,
    scenario: str = "scripted scenario",
    impact: str = "scripted impact",
) -> dict[str, Any]:
    """One element of "recommended_tests" as the reference's output format has it."""
    data: dict[str, Any] = {
        "test_code": test_code,
        "scenario_description": scenario,
        "expected_coverage_impact": impact,
    }
    if target_line is not None:
        data["target_line"] = target_line
    return data


def json_object(*entries: dict[str, Any]) -> str:
    return json.dumps({"recommended_tests": list(entries)}, indent=2)


def json_block(*entries: dict[str, Any], prose: str = "Here are the recommended tests:") -> str:
    """The ideal reply: prose, then a ```json block, as in the reference document."""
    return f"{prose}\n\n```json\n{json_object(*entries)}\n```\n"


def completion(content: str, model: str = "fake-model") -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


class FakeOpenAI:
    def __init__(
        self,
        replies: Iterable[Reply | str] = (),
        *,
        default: Reply | str | Responder | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self._script: deque[Reply] = deque()
        self.script(*replies)
        self.default = default
        self.host = host
        self.port = port
        self.requests: list[RecordedRequest] = []
        self.disconnects = 0
        """Requests whose client hung up before the answer was sent."""
        self._disconnected = asyncio.Event()
        self._arrived = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._ids = itertools.count(1)

    def script(self, *replies: Reply | str) -> None:
        """Queue more replies (a str is a 200 reply with that content)."""
        self._script.extend(Reply.text(r) if isinstance(r, str) else r for r in replies)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    async def start(self) -> FakeOpenAI:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/chat/completions", self._chat)
        app.router.add_get("/v1/models", self._models)
        # handler_cancellation: a client that hangs up cancels the handler, so it can be counted.
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeOpenAI:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def wait_for_disconnect(self, timeout: float = 10.0) -> None:
        await asyncio.wait_for(self._disconnected.wait(), timeout)

    async def wait_for_requests(self, count: int, timeout: float = 10.0) -> None:
        async with self._arrived:
            await asyncio.wait_for(
                self._arrived.wait_for(lambda: len(self.requests) >= count), timeout
            )

    def _next_reply(self, recorded: RecordedRequest) -> Reply:
        if self._script:
            return self._script.popleft()
        default = self.default
        if default is None:
            return Reply.error(500, "no scripted reply left")
        if isinstance(default, str):
            return Reply.text(default)
        if isinstance(default, Reply):
            return default
        return default(recorded)

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        try:
            payload: Any = json.loads(raw)
        except ValueError:
            payload = None
        recorded = RecordedRequest(request.path, dict(request.headers), payload, time.monotonic())
        self.requests.append(recorded)
        async with self._arrived:
            self._arrived.notify_all()
        reply = self._next_reply(recorded)
        try:
            if reply.delay:
                await asyncio.sleep(reply.delay)
        except asyncio.CancelledError:
            self.disconnects += 1
            self._disconnected.set()
            raise
        model = payload.get("model", "fake-model") if isinstance(payload, dict) else "fake-model"
        body = reply.body
        if body is None:
            body = json.dumps(completion(reply.content or "", model))
        headers = {"Content-Type": "application/json", **reply.headers}
        if not reply.drop_mid_body:
            return web.Response(status=reply.status, text=body, headers=headers)
        encoded = body.encode()
        response = web.StreamResponse(status=reply.status, headers=headers)
        response.content_length = len(encoded)
        await response.prepare(request)
        await response.write(encoded[: len(encoded) // 2])
        if request.transport is not None:
            request.transport.close()
        return response

    async def _models(self, request: web.Request) -> web.Response:
        del request
        return web.json_response({"object": "list", "data": [{"id": "fake-model"}]})


async def _serve_forever(reply_text: str, port: int) -> None:
    server = FakeOpenAI(default=reply_text, port=port)
    await server.start()
    print(server.base_url, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="a fake OpenAI-compatible server on 127.0.0.1")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--reply-file", type=Path, help="answer every request with this content")
    group.add_argument("--reply", help="answer every request with this content")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    text = args.reply if args.reply is not None else args.reply_file.read_text(encoding="utf-8")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_forever(text, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())


@pytest_asyncio.fixture
async def fake_openai() -> AsyncIterator[FakeOpenAI]:
    """A started FakeOpenAI with an empty script; import this fixture into a conftest.py."""
    async with FakeOpenAI() as server:
        yield server
