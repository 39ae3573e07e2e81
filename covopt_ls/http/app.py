"""The aiohttp application of the reference backend's API, and the loop that serves it.

Endpoints: POST /optimization/coverage, GET and DELETE /tasks/{task_id}, GET /health,
GET /openapi.json. Handlers only translate: the body is validated by the pydantic models of
schemas.py, the job goes to the GenerationService (jobs.py), the task's JSON comes from the
registry. Every error is JSON, `{"detail": ...}` as the reference (a FastAPI app) answers;
validation errors list each field. When an API token is set, every endpoint but /health wants
`Authorization: Bearer <token>`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from covopt_ls import __version__
from covopt_ls.engines.llm.engine import LlmNotConfiguredError
from covopt_ls.http.openapi import build_openapi
from covopt_ls.http.schemas import CoverageOptimizationRequest
from covopt_ls.jobs import GenerationService
from covopt_ls.settings import Settings
from covopt_ls.tasks.model import Task
from covopt_ls.tasks.registry import RegistryFullError

logger = logging.getLogger(__name__)

SERVICE = web.AppKey("service", GenerationService)
API_TOKEN = web.AppKey("api_token", str)
OPENAPI = web.AppKey("openapi", bytes)
PROJECT_ROOT: web.AppKey[Path | None] = web.AppKey("project_root")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
OPEN_PATHS = frozenset({"/health"})


def _detail(status: int, detail: Any, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"detail": detail}, status=status, headers=headers)


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(
        body=json.dumps(data, separators=(",", ":")).encode(),
        status=status,
        content_type="application/json",
    )


@web.middleware
async def _errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:
        return _detail(413, f"request body larger than {request.client_max_size} bytes")
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        kept = {k: v for k, v in exc.headers.items() if k.lower() in ("allow", "www-authenticate")}
        return _detail(exc.status, exc.reason, headers=kept)
    except asyncio.CancelledError:
        raise
    except Exception:
        logger.exception("%s %s failed", request.method, request.path)
        return _detail(500, "internal server error")


@web.middleware
async def _auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    token = request.app.get(API_TOKEN)
    if token and request.path not in OPEN_PATHS:
        given = request.headers.get("Authorization", "")
        scheme, _, credentials = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            credentials.strip().encode(), token.encode()
        ):
            return _detail(
                401, "missing or invalid bearer token", headers={"WWW-Authenticate": "Bearer"}
            )
    return await handler(request)


async def submit(request: web.Request) -> web.Response:
    service = request.app[SERVICE]
    limit = service.settings.http.max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        return _detail(413, f"request body larger than {limit} bytes")
    raw = await request.read()
    try:
        body = CoverageOptimizationRequest.model_validate_json(raw)
    except ValidationError as exc:
        errors = [
            {"loc": ["body", *error["loc"]], "msg": error["msg"], "type": error["type"]}
            for error in exc.errors(include_url=False)
        ]
        return _detail(422, errors)
    if not body.uncovered_ranges:
        return _detail(400, "uncovered_ranges cannot be empty")
    generation = body.to_generation_request(request.app[PROJECT_ROOT] or None)
    try:
        task = service.submit(generation)
    except LlmNotConfiguredError as exc:
        return _detail(400, str(exc))
    except RegistryFullError as exc:
        return _detail(503, str(exc), headers={"Retry-After": "5"})
    return _json(
        {
            "task_id": task.task_id,
            "status": task.status.value,
            "estimated_time_seconds": service.estimate_seconds(generation, task),
        },
        status=202,
    )


MAX_WAIT_SECONDS = 30.0


async def get_task(request: web.Request) -> web.Response:
    """`?wait=N` holds the answer until the task finishes or N seconds pass (long polling:
    one request instead of a polling loop)."""
    wait = 0.0
    if "wait" in request.query:
        try:
            wait = float(request.query["wait"])
        except ValueError:
            wait = -1.0
        if not 0 <= wait <= MAX_WAIT_SECONDS:
            message = f"must be a number of seconds from 0 to {MAX_WAIT_SECONDS:g}"
            return _detail(422, [{"loc": ["query", "wait"], "msg": message, "type": "value_error"}])
    registry = request.app[SERVICE].registry
    task = registry.get(request.match_info["task_id"])
    if task is None:
        return _detail(404, "task not found")
    if wait > 0 and not task.status.finished:
        task = await registry.wait(task.task_id, timeout=wait) or task
    return _json(task.to_json())


async def cancel_task(request: web.Request) -> web.Response:
    registry = request.app[SERVICE].registry
    task = registry.get(request.match_info["task_id"])
    if task is None:
        return _detail(404, "task not found")
    if task.status.finished or not await registry.cancel(task.task_id):
        return _detail(409, f"task already {task.status.value}")
    return _json(task.to_json())


async def health(request: web.Request) -> web.Response:
    service = request.app[SERVICE]
    return _json(
        {
            "status": "ok",
            "version": __version__,
            "engine": service.settings.resolved_engine(),
            "tasks": len(service.registry),
        }
    )


async def openapi(request: web.Request) -> web.Response:
    return web.Response(body=request.app[OPENAPI], content_type="application/json")


def _log_task(task: Task) -> None:
    """State changes for `covopt serve --verbose` (progress messages are left to clients)."""
    if task.progress is not None and not task.status.finished:
        return
    took = ""
    if task.status.finished:
        took = f" in {task.updated_at - task.created_at:.1f} s"
        if task.result is not None:
            took += f", {len(task.result.get('recommended_tests', []))} tests"
        if task.cached:
            took += " (cached)"
        if task.error:
            took += f": {task.error}"
    logger.info("task %s %s%s", task.task_id, task.status.value, took)


def create_app(
    settings: Settings,
    *,
    service: GenerationService | None = None,
    api_token: str | None = None,
    project_root: Path | None = None,
) -> web.Application:
    """The application; it owns `service` (made from settings when not given) and closes it.

    With `project_root`, candidate tests run in that project (its interpreter, its import
    paths), so they can use its other modules; without it, only the posted source is there.
    """
    app = web.Application(
        client_max_size=settings.http.max_body_bytes, middlewares=[_errors, _auth]
    )
    app[SERVICE] = service or GenerationService(settings, project_root=project_root)
    if logger.isEnabledFor(logging.INFO):
        app[SERVICE].registry.subscribe(_log_task)
    app[API_TOKEN] = api_token or ""
    app[PROJECT_ROOT] = project_root
    app[OPENAPI] = json.dumps(build_openapi()).encode()
    app.router.add_post("/optimization/coverage", submit)
    app.router.add_get("/tasks/{task_id}", get_task)
    app.router.add_delete("/tasks/{task_id}", cancel_task)
    app.router.add_get("/health", health)
    app.router.add_get("/openapi.json", openapi)

    async def close_service(app: web.Application) -> None:
        await app[SERVICE].aclose()

    app.on_shutdown.append(close_service)
    return app


async def serve(
    app: web.Application,
    host: str,
    port: int,
    *,
    ready: Callable[[str], None] = print,
    access_log: bool = False,
) -> None:
    """Serve until SIGINT or SIGTERM; `ready` gets the URL once the socket listens (port 0
    picks a free port, and the URL tells which)."""
    runner = web.AppRunner(
        app, access_log=logging.getLogger("aiohttp.access") if access_log else None
    )
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound_host, bound_port = runner.addresses[0][:2]
        shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
        ready(f"http://{shown}:{bound_port}")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()
