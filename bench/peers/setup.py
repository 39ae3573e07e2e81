"""Create the peers' own virtual environments under bench/.venv-<name> (gitignored) on first use.

Pynguin pins pytest<9 and CrossHair brings its own solver: neither may share the project's
environment, and neither is ever a runtime dependency of covopt-ls. `python -m bench.peers.setup`
creates both ahead of time; the engines bench calls `ensure_peer` itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Peer:
    name: str
    requirement: str
    executable: str


PEERS = {
    "pynguin": Peer("pynguin", "pynguin==0.48.0", "pynguin"),
    "crosshair": Peer("crosshair", "crosshair-tool==0.0.113", "crosshair"),
}


def venv_dir(peer: Peer) -> Path:
    return BENCH_DIR / f".venv-{peer.name}"


def _base_python() -> str:
    """A Python 3.11 to build the venv from (Pynguin 0.48 supports 3.10-3.11 only)."""
    if sys.version_info[:2] == (3, 11):
        return getattr(sys, "_base_executable", sys.executable)
    found = shutil.which("python3.11")
    if found is None:
        raise RuntimeError("the peers need Python 3.11 (python3.11 not found on PATH)")
    return found


def ensure_peer(name: str, *, quiet: bool = True) -> Path:
    """The peer's executable, installing it into its venv on first use."""
    peer = PEERS[name]
    directory = venv_dir(peer)
    executable = directory / "bin" / peer.executable
    stamp = directory / ".installed"
    if executable.exists() and stamp.exists() and stamp.read_text() == peer.requirement:
        return executable
    if not (directory / "bin" / "python").exists():
        subprocess.run([_base_python(), "-m", "venv", str(directory)], check=True)
    pip = [str(directory / "bin" / "python"), "-m", "pip", "install"]
    if quiet:
        pip.append("-q")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    print(f"installing {peer.requirement} into {directory} …", file=sys.stderr, flush=True)
    subprocess.run([*pip, "--upgrade", "pip"], check=True, env=env)
    subprocess.run([*pip, peer.requirement], check=True, env=env)
    stamp.write_text(peer.requirement)
    return executable


def main(argv: list[str]) -> int:
    for name in argv or list(PEERS):
        print(ensure_peer(name, quiet=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
