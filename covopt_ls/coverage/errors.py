"""The one error every reader raises: a message a person can act on, never a traceback."""

from __future__ import annotations

from pathlib import Path


class CoverageReadError(Exception):
    """A coverage report (or one of its files) could not be used.

    The message names the file and what is wrong with it, and is shown to the user as it is.
    """

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")
