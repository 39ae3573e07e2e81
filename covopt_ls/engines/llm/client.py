"""An OpenAI-compatible chat-completions client (OpenAI, Ollama, vLLM, llama.cpp's server).

One aiohttp session per client, so connections are reused across a job's repair rounds and
closed with the engine. Transient failures (connection errors, a body cut short, a timeout, 408,
429, 5xx) are retried with exponential backoff and jitter, honouring `Retry-After`; other 4xx are
final, except a 400 naming a parameter the model does not take (`max_tokens` where OpenAI's
reasoning models want `max_completion_tokens`, a temperature they do not allow), which is
followed once and remembered. The final error names the endpoint, the status and the
reason, and never carries the API key, even when the server echoes it back.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import aiohttp
from pydantic import BaseModel, ConfigDict, ValidationError

logger = logging.getLogger(__name__)

Message = Mapping[str, str]

RETRYABLE_STATUSES = frozenset({408, 429})
"""Besides every 5xx."""


class LlmError(Exception):
    """The LLM could not give an answer; the message is meant for the user."""

    def __init__(self, endpoint: str, reason: str, *, status: int | None = None, attempts: int = 1):
        self.endpoint = endpoint
        self.status = status
        self.reason = reason
        self.attempts = attempts
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        what = f"HTTP {status} {reason}" if status is not None else reason
        super().__init__(f"LLM request to {endpoint} failed{tries}: {what}")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    retry_after_max: float = 60.0
    """A server asking for a longer pause is waited this long, then tried again."""

    def delay(self, retry: int, retry_after: float | None, rng: random.Random) -> float:
        """Seconds before retry number `retry` (0-based): Retry-After if given, else backoff."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.retry_after_max)
        ceiling = min(self.backoff_max, self.backoff_base * 2.0**retry)
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


class _Transient(Exception):
    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class _Rejected(Exception):
    """A 4xx that retrying as is cannot fix."""

    def __init__(self, reason: str, status: int):
        super().__init__(reason)
        self.reason = reason
        self.status = status


class _ChatMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    content: str | None = None


class _Choice(BaseModel):
    model_config = ConfigDict(extra="ignore")
    message: _ChatMessage


class _Completion(BaseModel):
    model_config = ConfigDict(extra="ignore")
    choices: list[_Choice]


def display_url(url: str) -> str:
    """The URL without user:password, fit for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


class ChatClient:
    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_seconds: float = 120.0,
        connect_timeout_seconds: float = 10.0,
        retry: RetryPolicy | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.endpoint = display_url(self.url)
        self.model = model
        self._api_key = api_key or None
        self._timeout = aiohttp.ClientTimeout(
            total=timeout_seconds, sock_connect=connect_timeout_seconds
        )
        self.retry = retry or RetryPolicy()
        self._rng = rng or random.Random()
        self._session: aiohttp.ClientSession | None = None
        self._token_field = "max_tokens"
        self._send_temperature = True

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            headers = {"Content-Type": "application/json"}
            if self._api_key:
                headers["Authorization"] = f"Bearer {self._api_key}"
            self._session = aiohttp.ClientSession(timeout=self._timeout, headers=headers)
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def complete(
        self, messages: Sequence[Message], *, temperature: float, max_tokens: int
    ) -> str:
        """The assistant's reply text. Raises LlmError when no answer could be had."""
        attempts = self.retry.max_retries + 1
        attempt = 0
        while True:
            payload = self._payload(messages, temperature, max_tokens)
            try:
                return await self._post(payload)
            except _Rejected as rejected:
                if not self._adapt(rejected.reason):
                    raise LlmError(
                        self.endpoint, self._redact(rejected.reason), status=rejected.status
                    ) from None
                logger.info("LLM %s: %s; adapted the request", self.endpoint, rejected.status)
                continue  # the same attempt again, with the parameters the model accepts
            except _Transient as problem:
                attempt += 1
                if attempt >= attempts:
                    raise LlmError(
                        self.endpoint,
                        self._redact(problem.reason),
                        status=problem.status,
                        attempts=attempts,
                    ) from None
                pause = self.retry.delay(attempt - 1, problem.retry_after, self._rng)
                logger.info(
                    "LLM %s: %s; retry %d/%d in %.2f s",
                    self.endpoint,
                    f"HTTP {problem.status}" if problem.status else problem.reason,
                    attempt,
                    self.retry.max_retries,
                    pause,
                )
                await asyncio.sleep(pause)

    def _payload(
        self, messages: Sequence[Message], temperature: float, max_tokens: int
    ) -> dict[str, object]:
        payload: dict[str, object] = {
            "model": self.model,
            "messages": [dict(message) for message in messages],
            self._token_field: max_tokens,
        }
        if self._send_temperature:
            payload["temperature"] = temperature
        return payload

    def _adapt(self, reason: str) -> bool:
        """Follow a 400 that names a parameter the model does not take (OpenAI's reasoning
        models want `max_completion_tokens` and only their default temperature). Each change
        is made once, and kept for the client's later requests."""
        text = reason.lower()
        if "max_completion_tokens" in text and self._token_field == "max_tokens":
            self._token_field = "max_completion_tokens"
            return True
        unsupported = "unsupported" in text or "not support" in text
        if "temperature" in text and unsupported and self._send_temperature:
            self._send_temperature = False
            return True
        return False

    async def _post(self, payload: dict[str, object]) -> str:
        try:
            async with self._get_session().post(self.url, json=payload) as response:
                body = await response.read()
                if response.status >= 400:
                    reason = self._error_reason(response.reason, body)
                    if response.status in RETRYABLE_STATUSES or response.status >= 500:
                        retry_after = parse_retry_after(response.headers.get("Retry-After"))
                        raise _Transient(reason, response.status, retry_after)
                    raise _Rejected(reason, response.status)
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
            raise _Transient(f"connection failed ({type(exc).__name__}: {exc})") from None
        except TimeoutError:
            raise _Transient(f"no complete answer within {self._timeout.total} s") from None
        return self._content(body)

    def _content(self, body: bytes) -> str:
        try:
            completion = _Completion.model_validate_json(body)
        except ValidationError as exc:
            detail = exc.errors()[0]["msg"] if exc.errors() else "invalid"
            raise LlmError(
                self.endpoint, f"the reply is not a chat completion ({detail})", status=200
            ) from None
        if not completion.choices or not completion.choices[0].message.content:
            raise LlmError(self.endpoint, "the reply has no message content", status=200)
        return completion.choices[0].message.content

    @staticmethod
    def _error_reason(http_reason: str | None, body: bytes) -> str:
        """The server's own explanation where it gives one (OpenAI: {"error": {"message"}})."""
        text = body[:2000].decode("utf-8", "replace").strip()
        detail = ""
        try:
            data = json.loads(text)
            error = data.get("error") if isinstance(data, dict) else None
            if isinstance(error, dict) and isinstance(error.get("message"), str):
                detail = error["message"]
            elif isinstance(error, str):
                detail = error
        except ValueError:
            detail = text[:200]
        reason = http_reason or "error"
        return f"{reason}: {detail}" if detail else reason

    def _redact(self, text: str) -> str:
        if self._api_key and self._api_key in text:
            text = text.replace(self._api_key, "***")
        return text
