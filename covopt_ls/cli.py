"""`covopt`: the command line front door (`ranges`, `suggest`, `serve`).

Each subcommand lives in `covopt_ls.commands.<name>` with `add_arguments(parser)` and
`run(args) -> int`; a command module keeps its heavy imports inside `run` so that building the
parser stays quick.
Exit codes: 0 when the command ran, 2 on bad input (with a message on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from covopt_ls import __version__

SUBCOMMANDS = {
    "ranges": "print the uncovered ranges of a coverage report",
    "suggest": "generate and verify tests for a source file's coverage gaps",
    "serve": "serve the HTTP API (POST /optimization/coverage, GET /tasks/{id})",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="covopt", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"covopt {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in SUBCOMMANDS.items():
        subparser = subparsers.add_parser(name, help=help_text, description=help_text)
        module = importlib.import_module(f"covopt_ls.commands.{name}")
        module.add_arguments(subparser)
        subparser.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
