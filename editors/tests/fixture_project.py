"""A scratch copy of the example project with real coverage data, for the editor clients' tests.

`python editors/tests/fixture_project.py OUTDIR` copies examples/shop into OUTDIR, runs its tests
under `coverage run --branch`, and prints JSON: the project root, the source and test files, and
what coverage.py itself reports for the source (missing lines, missing branch arcs), which the
tests compare the editor's diagnostics against. The Node tests call it as a script; the Neovim
tests import `prepare`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support.coverage_projects import (  # noqa: E402
    load_coverage_json,
    make_project,
    run_coverage,
)

SOURCE = "src/shop/pricing.py"
TEST_FILE = "tests/test_pricing.py"


def prepare(out_dir: Path) -> dict[str, Any]:
    project = make_project(out_dir, "shop")
    reports = run_coverage(project, formats=("data", "json"))
    report = load_coverage_json(reports["json"])
    measured = report["files"][SOURCE]
    # The JSON report is the reference, not data for the server: only `.coverage` stays behind.
    reports["json"].unlink()
    return {
        "root": str(project),
        "source": str(project / SOURCE),
        "test_file": str(project / TEST_FILE),
        "data_file": str(reports["data"]),
        "missing_lines": measured["missing_lines"],
        "executed_lines": measured["executed_lines"],
        "missing_branches": measured["missing_branches"],
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: fixture_project.py OUTDIR", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(prepare(Path(sys.argv[1]))))
