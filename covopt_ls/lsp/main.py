"""`covopt-ls` (also `python -m covopt_ls`): start the language server.

stdio by default, as editors launch it; `--tcp HOST:PORT` for attaching a client by hand while
debugging. Logs go to stderr (or `--log-file`), never to stdout, which carries the protocol.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from covopt_ls import __version__

SWITCH_INTERVAL_SECONDS = 0.001


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="covopt-ls",
        description="Language server that shows test-coverage gaps as diagnostics and hover.",
    )
    parser.add_argument("--version", action="version", version=f"covopt-ls {__version__}")
    parser.add_argument("--stdio", action="store_true", help="talk over stdio (the default)")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead (debugging)")
    parser.add_argument("--log-file", metavar="PATH", help="write logs here instead of stderr")
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="more logging (-v: info, -vv: debug including every protocol message)",
    )
    return parser


def parse_tcp(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        raise argparse.ArgumentTypeError(f"--tcp wants HOST:PORT, got {value!r}")
    return host or "127.0.0.1", int(port)


def configure_logging(verbosity: int, log_file: str | None) -> None:
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbosity, 2)]
    handler: logging.Handler = (
        logging.FileHandler(log_file, encoding="utf-8")
        if log_file
        else logging.StreamHandler(sys.stderr)
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # pygls logs every message body at INFO: only worth it when asked for debug output.
    logging.getLogger("pygls").setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        address = parse_tcp(args.tcp) if args.tcp else None
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    try:
        configure_logging(args.verbose, args.log_file)
    except OSError as exc:
        parser.error(f"cannot write the log file: {exc}")

    from .server import create_server

    # Reports are parsed in worker threads; with the default 5 ms switch interval a request
    # can wait several intervals for the GIL (stdin reader thread, then the loop). 1 ms keeps
    # hover fast during a re-read at a small cost in parsing throughput.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    server = create_server()
    if address is not None:
        logging.getLogger(__name__).warning("covopt-ls listening on %s:%d", *address)
        server.start_tcp(*address)
    else:
        server.start_io()
    return 0
