"""`@overload` signatures, whose bodies never run, and the slices a typed `__getitem__` takes."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

from covopt_ls.engines.builtin.engine import BuiltinEngine
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier
from tests.engines.projects import measured_request

SOURCE = textwrap.dedent(
    """\
    from typing import Any, overload


    class Playlist:
        def __init__(self):
            self.songs = ["a", "b", "c"]

        @overload
        def __getitem__(self, index: int) -> str:
            pass

        @overload
        def __getitem__(self, index: slice) -> list[str]:
            pass

        def __getitem__(self, index: Any) -> Any:
            if isinstance(index, slice):
                return "|".join(self.songs[index])
            return self.songs[index]
    """
)

TESTS = textwrap.dedent(
    """\
    from playlist import Playlist


    def test_first_song():
        assert Playlist()[0] == "a"
    """
)


def _line(text: str, nth: int = 0) -> int:
    return [n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line][nth]


def test_overload_stubs_are_explained_and_the_slice_branch_is_reached(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "playlist", SOURCE, TESTS)
    stubs = {_line("pass", 0), _line("pass", 1)}
    assert stubs <= {
        n for r in request.uncovered_ranges for n in range(r.start_line, r.end_line + 1)
    }

    async def run() -> tuple[list[int], dict[int, str]]:
        engine = BuiltinEngine(budget_seconds=3.0)
        try:
            offered = await engine.generate(request)
            reasons = {u.range.start_line: u.reason for u in engine.unreachable_for(request)}
        finally:
            await engine.aclose()
        judged = await SubprocessVerifier(VerifySettings()).verify(request, offered)
        assert judged and all(t.verified for t in judged)
        return sorted({n for t in judged for n in t.covered_lines}), reasons

    covered, reasons = asyncio.run(run())
    assert _line('return "|".join') in covered
    for stub in stubs:
        assert "@overload" in reasons[stub]
