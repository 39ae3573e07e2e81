"""Run the benchmarks: `python -m bench [NAME ...]` (names as in bench/bench_NAME.py).

Each module exposes `run(results_dir: Path) -> str`, prints its figures as it goes, writes its
own results file under bench/results/, and returns a short summary that is printed at the end.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = Path(os.environ.get("COVOPT_BENCH_RESULTS") or BENCH_DIR / "results")
"""`COVOPT_BENCH_RESULTS` moves the results elsewhere: two runs at once must not overwrite each
other's files."""


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removeprefix("bench_") for p in BENCH_DIR.glob("bench_*.py"))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    summaries: list[str] = []
    failed = False
    for name in names:
        print(f"\n=== bench {name}", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.bench_{name}")
            summary = module.run(RESULTS_DIR)
        except Exception as exc:  # a failing benchmark must not hide the others
            failed = True
            summary = f"FAILED: {type(exc).__name__}: {exc}"
        summaries.append(f"{name:<20} {summary}  ({time.perf_counter() - started:.1f} s)")
    print("\n=== summary (details in bench/results/)")
    print("\n".join(summaries))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
