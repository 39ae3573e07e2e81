"""`covopt serve`: the HTTP API of the reference backend (POST /optimization/coverage, ...).

Loopback only unless --host says otherwise; with COVOPT_API_TOKEN set, requests need
`Authorization: Bearer <token>`. Settings come from COVOPT_* variables and the `[tool.covopt]`
table of the project's pyproject.toml.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8886


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port (default {DEFAULT_PORT}; 0 picks a free one, printed at start)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        help="the project the requests are about: its [tool.covopt] settings are read, and "
        "candidate tests run with its interpreter and import paths (default: settings from "
        "the current directory, tests run with the posted source alone)",
    )
    parser.add_argument("--verbose", action="store_true", help="log requests and job progress")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    import asyncio

    from covopt_ls.http.app import create_app, serve
    from covopt_ls.settings import build_settings, layer_from_env, layer_from_pyproject

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    project = args.project.resolve() if args.project is not None else None
    if project is not None and not project.is_dir():
        print(f"covopt serve: --project {args.project}: not a directory", file=sys.stderr)
        return 2
    pyproject = layer_from_pyproject(project or Path.cwd())
    settings, problems = build_settings(layer_from_env(), pyproject)
    for problem in problems:
        print(f"covopt serve: {problem}", file=sys.stderr)
    if settings.engine == "llm" and not settings.llm.configured:
        print(
            "covopt serve: engine is llm but llm.baseUrl / llm.model are not set "
            "(COVOPT_LLM_BASE_URL, COVOPT_LLM_MODEL): requests will be refused",
            file=sys.stderr,
        )
    token = os.environ.get("COVOPT_API_TOKEN") or None
    if not _is_loopback(args.host) and token is None:
        print(
            f"covopt serve: listening on {args.host} without COVOPT_API_TOKEN: anyone who can "
            "reach this address can run generation jobs",
            file=sys.stderr,
        )

    def ready(url: str) -> None:
        engine = settings.resolved_engine()
        print(f"covopt serve: listening on {url} (engine: {engine})", flush=True)

    app = create_app(settings, api_token=token, project_root=project)
    try:
        asyncio.run(serve(app, args.host, args.port, ready=ready, access_log=args.verbose))
    except OSError as exc:
        print(f"covopt serve: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0
