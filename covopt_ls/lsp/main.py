"""`covopt-ls`: start the language server (being built)."""

from __future__ import annotations

import sys


def main() -> int:
    print("covopt-ls: not available yet", file=sys.stderr)
    return 2
