"""Hostile, truncated and foreign input: one CoverageReadError with a clear message each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.readers import read_report
from covopt_ls.coverage.report import CoverageReport
from tests.support.coverage_projects import make_project, run_coverage

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<coverage><sources><source>&lol9;</source></sources><packages/></coverage>
"""


def _error(path: Path) -> str:
    with pytest.raises(CoverageReadError) as info:
        report = read_report(path)
        _touch_every_file(report)
    message = str(info.value)
    assert str(path) in message or path.name in message
    assert "Traceback" not in message
    return message


def _touch_every_file(report: CoverageReport) -> None:
    for key in report.files:
        report.files[key]


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text(BILLION_LAUGHS)
    assert "entities" in _error(path)


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    path = tmp_path / "coverage.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE c [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<coverage><sources><source>&xxe;</source></sources><packages/></coverage>\n"
    )
    message = _error(path)
    assert "TOP-SECRET" not in message
    assert "entities" in message


def test_dtd_with_parameter_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE c [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>\n'
        "<coverage><packages/></coverage>\n"
    )
    assert "refused" in _error(path)


def test_external_dtd_is_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY xxe SYSTEM "file://{secret}">')
    path = tmp_path / "coverage.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE coverage SYSTEM "file://{dtd}">\n'
        "<coverage><sources><source>&xxe;</source></sources><packages/></coverage>\n"
    )
    message = _error(path)
    assert "TOP-SECRET" not in message
    assert "not well-formed" in message


def test_doctype_without_declarations_is_read(tmp_path: Path) -> None:
    """Other tools (Cobertura itself, istanbul) name their DTD; that alone is harmless."""
    path = tmp_path / "coverage.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n'
        '<coverage><sources><source>/src</source></sources><packages><package name="p">'
        '<classes><class name="m" filename="m.py"><methods/><lines>'
        '<line number="1" hits="1"/><line number="2" hits="0"/>'
        "</lines></class></classes></package></packages></coverage>\n"
    )
    report = read_report(path)
    assert report.source_roots == ["/src"]
    assert report.files["m.py"].missing == {2}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = make_project(tmp_path_factory.mktemp("bad"), "shop")
    return {"root": project, **run_coverage(project)}


@pytest.mark.parametrize("fmt", ["xml", "json", "lcov"])
def test_truncated_reports(reports: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    data = reports[fmt].read_bytes()
    path = tmp_path / reports[fmt].name
    path.write_bytes(data[: len(data) * 2 // 3])
    message = _error(path)
    assert "cut short" in message


@pytest.mark.parametrize("fmt", ["xml", "json", "lcov", "data"])
def test_empty_files(reports: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    path = tmp_path / reports[fmt].name
    path.write_bytes(b"")
    assert "empty" in _error(path)


def test_corrupt_coverage_database(tmp_path: Path) -> None:
    path = tmp_path / ".coverage"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 2000)
    assert "not a readable coverage.py data file" in _error(path)


def test_not_a_coverage_database(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / ".coverage"
    with sqlite3.connect(path) as db:
        db.execute("create table people (name text)")
    db.close()
    before = path.read_bytes()
    assert "not a readable coverage.py data file" in _error(path)
    assert path.read_bytes() == before, "someone else's database must not be modified"


def test_xml_that_is_not_cobertura(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xml"
    path.write_text('<?xml version="1.0"?><project><name>x</name></project>')
    assert "not a Cobertura report" in _error(path)


def test_json_that_is_not_coverage_py(tmp_path: Path) -> None:
    path = tmp_path / "coverage.json"
    path.write_text('{"name": "package.json, not coverage"}')
    assert "not a coverage.py JSON report" in _error(path)


def test_report_of_another_project_resolves_nothing(
    reports: dict[str, Path], tmp_path: Path
) -> None:
    """Readable, but none of its files exist here: no data for any local file, no crash."""
    from covopt_ls.coverage.paths import PathMapper

    report = read_report(reports["xml"])
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    mapper = PathMapper(elsewhere, {})
    shutil.copy(reports["xml"], elsewhere / "coverage.xml")
    moved = read_report(elsewhere / "coverage.xml")
    assert set(moved.files) == set(report.files)
    assert all(
        not any(c.is_file() and elsewhere in c.parents for c in mapper.candidates(moved, key))
        for key in moved.files
    )


def test_deleted_source_of_coverage_data(reports: dict[str, Path], tmp_path: Path) -> None:
    """.coverage needs the source to know the statements: a deleted one is a clear error."""
    copy = tmp_path / "pricing.py"
    shutil.copy(reports["root"] / "src/shop/pricing.py", copy)
    report = read_report(reports["data"])
    key = next(k for k in report.files if k.endswith("pricing.py"))
    assert report.file_coverage(key, copy).statements
    copy.unlink()
    with pytest.raises(CoverageReadError, match="does not exist"):
        report.file_coverage(key, copy)


def test_source_that_is_not_utf8_or_not_python(reports: dict[str, Path], tmp_path: Path) -> None:
    report = read_report(reports["data"])
    key = next(k for k in report.files if k.endswith("pricing.py"))
    declared = tmp_path / "declared.py"
    declared.write_bytes(b"# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'\nif x:\n    y = 1\n")
    assert report.file_coverage(key, declared).statements == {2, 3, 4}
    undeclared = tmp_path / "undeclared.py"
    undeclared.write_bytes(b"x = '\xe9t\xe9'\n")
    with pytest.raises(CoverageReadError, match=r"undeclared\.py: not Python source"):
        report.file_coverage(key, undeclared)
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n    pass\n")
    with pytest.raises(CoverageReadError, match=r"broken\.py"):
        report.file_coverage(key, broken)


def test_a_report_with_100000_files(tmp_path: Path) -> None:
    path = tmp_path / "lcov.info"
    with path.open("w") as out:
        for n in range(100_000):
            out.write(f"SF:pkg/m{n}.py\nDA:1,1\nDA:2,{n % 2}\nLF:2\nLH:1\nend_of_record\n")
    report = read_report(path, want_ranges=True)
    assert len(report.files) == 100_000
    assert report.ranges is not None
    assert [r.to_json() for r in report.ranges["pkg/m2.py"]] == [
        {"start_line": 2, "end_line": 2, "type": "line"}
    ]
    assert report.ranges["pkg/m1.py"] == []
    assert report.files["pkg/m99998.py"].missing == {2}
