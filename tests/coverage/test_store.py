"""CoverageStore on real coverage runs: discovery, newest wins, mappings, staleness, failures."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from covopt_ls.coverage.discovery import discover, matches_coverage_globs
from covopt_ls.coverage.store import CoverageStore
from covopt_ls.settings import Settings
from tests.coverage.reference import expected_by_path
from tests.support.coverage_projects import copy_measured, run_coverage


@pytest.fixture
def shop(measured: dict[str, dict[str, Path]], tmp_path: Path) -> Path:
    """A private copy of the measured shop project (reports included) for tests that change it."""
    return copy_measured(measured["shop"]["root"], tmp_path / "shop")


def _only(project: Path, keep: str) -> None:
    for name in (".coverage", "coverage.xml", "coverage.json", "lcov.info"):
        if name != keep:
            (project / name).unlink()


def _set_mtime(path: Path, when: float) -> None:
    os.utime(path, (when, when))


async def test_every_format_through_the_store(measured: dict[str, dict[str, Path]]) -> None:
    run = measured["gaps"]
    for name in (".coverage", "coverage.xml", "coverage.json", "lcov.info"):
        store = CoverageStore(run["root"], Settings(coverage_files=[name]))
        assert await store.load_all() == []
        assert store.report_paths() == [run["root"] / name]
        for path, expected in expected_by_path(run["root"], run["json"]).items():
            ranges = store.ranges(Path(path))
            assert ranges is not None, (name, path)
            assert [r.to_json() for r in ranges] == expected, (name, path)


async def test_newest_report_wins_per_file(shop: Path) -> None:
    store = CoverageStore(shop, Settings())
    assert await store.load_all() == []
    assert len(store.report_paths()) == 4
    source = shop / "src/shop/pricing.py"
    now = time.time()
    for offset, name in enumerate(("coverage.json", "lcov.info", "coverage.xml", ".coverage")):
        for other in (".coverage", "coverage.xml", "coverage.json", "lcov.info"):
            _set_mtime(shop / other, now - 100)
        _set_mtime(shop / name, now - 10 + offset)
        _set_mtime(source, now - 1000)
        await store.load_all()
        fc = store.lookup(source)
        assert fc is not None and fc.origin is not None
        assert fc.origin.report_path == shop / name


async def test_report_made_elsewhere_explained_then_mapped(shop: Path) -> None:
    _only(shop, "coverage.json")
    data = json.loads((shop / "coverage.json").read_text())
    data["files"] = {f"/app/{key}": entry for key, entry in data["files"].items()}
    (shop / "coverage.json").write_text(json.dumps(data))
    store = CoverageStore(shop, Settings())
    await store.load_all()
    source = shop / "src/shop/pricing.py"
    assert store.lookup(source) is None
    explanation = store.explain_missing(source)
    assert "/app/src/shop/pricing.py" in explanation
    assert '{"pathMappings": {"/app": "${workspaceFolder}"}}' in explanation

    store.update_settings(Settings(path_mappings={"/app": "${workspaceFolder}"}))
    assert store.lookup(source) is not None
    assert store.explain_missing(shop / "src/shop/unknown.py").endswith(
        "no coverage report mentions it (coverage.json)"
    )


async def test_report_of_another_project(shop: Path, measured: dict[str, dict[str, Path]]) -> None:
    _only(shop, "coverage.json")
    shutil.copy(measured["flat"]["json"], shop / "coverage.json")
    store = CoverageStore(shop, Settings())
    assert await store.load_all() == []
    for name in ("src/shop/pricing.py", "src/shop/__init__.py"):
        assert store.lookup(shop / name) is None
        assert store.explain_missing(shop / name) == (
            f"{name} was not measured: no coverage report mentions it (coverage.json)"
        )


async def test_cobertura_source_roots_from_ci_mapped(shop: Path) -> None:
    _only(shop, "coverage.xml")
    xml = (shop / "coverage.xml").read_text()
    (shop / "coverage.xml").write_text(xml.replace(str(shop), "/builds/ci/shop"))
    store = CoverageStore(shop, Settings(path_mappings={"/builds/ci/shop": "${workspaceFolder}"}))
    await store.load_all()
    assert store.lookup(shop / "src/shop/pricing.py") is not None


async def test_stale_when_source_changes_after_measurement(shop: Path) -> None:
    store = CoverageStore(shop, Settings())
    await store.load_all()
    source = shop / "src/shop/pricing.py"
    for name in (".coverage", "coverage.xml", "coverage.json", "lcov.info"):
        _set_mtime(shop / name, time.time() - 60)
    _set_mtime(source, time.time() - 120)
    await store.load_all()
    assert not store.is_stale(source)
    source.write_text(source.read_text() + "\n# edited\n")
    assert store.is_stale(source)


@pytest.mark.parametrize("eager_below", [4_000_000, 0], ids=["small-report", "big-report"])
async def test_failed_reload_keeps_last_good_data(
    shop: Path, monkeypatch: pytest.MonkeyPatch, eager_below: int
) -> None:
    """Big reports are indexed, not held: their open files keep the data last looked up."""
    monkeypatch.setattr("covopt_ls.coverage.store.RETRY_DELAYS", (0.05,))
    monkeypatch.setattr("covopt_ls.coverage.readers.EAGER_BELOW", eager_below)
    _only(shop, "coverage.xml")
    store = CoverageStore(shop, Settings())
    await store.load_all()
    source = shop / "src/shop/pricing.py"
    good = store.ranges(source)
    assert good
    report = shop / "coverage.xml"
    text = report.read_text()
    report.write_text(text[: len(text) // 2])
    problems = await store.reload(report)
    assert len(problems) == 1
    assert "cut short" in problems[0] and "last good data is kept" in problems[0]
    assert store.ranges(source) == good

    report.write_text(text.replace('hits="0"', 'hits="1"'))
    assert await store.reload(report) == []
    assert [r.type for r in store.ranges(source) or []] == ["branch"] * 6

    report.unlink()
    assert await store.reload(report) == []
    assert store.lookup(source) is None
    assert store.report_paths() == []


async def test_report_caught_mid_write_is_retried(shop: Path) -> None:
    _only(shop, "lcov.info")
    report = shop / "lcov.info"
    text = report.read_text()
    store = CoverageStore(shop, Settings())
    report.write_text(text[: len(text) // 3].rsplit("end_of_record", 1)[0] + "DA:1")

    async def finish_writing() -> None:
        await asyncio.sleep(0.1)
        report.write_text(text)

    writer = asyncio.create_task(finish_writing())
    assert await store.reload(report) == []
    await writer
    assert store.lookup(shop / "src/shop/pricing.py") is not None


async def test_parallel_data_files_through_the_store(parallel_gaps: dict[str, Path]) -> None:
    root = parallel_gaps["root"]
    store = CoverageStore(root, Settings(coverage_files=["**/.coverage"]))
    assert await store.load_all() == []
    assert store.report_paths() == [root / ".coverage"]
    one_parallel_file = next(root.glob(".coverage.*"))
    assert await store.reload(one_parallel_file) == []
    assert store.lookup(root / "src/gaps/shapes.py") is not None


def test_discovery_skips_environments(tmp_path: Path) -> None:
    for folder in (".venv/lib", "node_modules/x", ".git/y", "sub/dir", "."):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "coverage.xml").write_text("<coverage/>")
    (tmp_path / ".coverage.host.1.abc").write_bytes(b"")
    (tmp_path / "notes.xml").write_text("<x/>")
    globs = Settings().coverage_files
    assert discover(tmp_path, globs) == [
        tmp_path / ".coverage",
        tmp_path / "coverage.xml",
        tmp_path / "sub/dir/coverage.xml",
    ]
    assert matches_coverage_globs(tmp_path / ".coverage.host.2.xyz", tmp_path, globs)
    assert not matches_coverage_globs(tmp_path / ".venv/coverage.xml", tmp_path, globs)
    assert matches_coverage_globs(tmp_path / "a/b/lcov.info", tmp_path, ["a/**/*.info"])
    assert not matches_coverage_globs(tmp_path / "b/lcov.info", tmp_path, ["a/**/*.info"])


async def test_rerun_with_one_more_test_changes_the_ranges(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big report is served for an open file from its new version before it is re-indexed."""
    monkeypatch.setattr("covopt_ls.coverage.readers.EAGER_BELOW", 0)
    project = shop
    store = CoverageStore(project, Settings(coverage_files=["coverage.xml"]))
    await store.load_all()
    source = project / "src/shop/pricing.py"
    before = store.ranges(source)
    assert before is not None and any(r.start_line == 8 for r in before)
    (project / "tests/test_more.py").write_text(
        "from shop.pricing import calculate_discount\n\n\n"
        "def test_silver():\n    assert calculate_discount(100, 'silver') == 85\n"
    )
    run_coverage(project, ("xml",))
    served_before_reindexing = store.ranges(source)
    assert await store.reload(project / "coverage.xml") == []
    after = store.ranges(source)
    assert after is not None and after != before
    assert not any(r.start_line == 8 and r.type == "line" for r in after)
    assert served_before_reindexing == after
