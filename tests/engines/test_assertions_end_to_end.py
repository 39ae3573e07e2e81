"""The rules a kept test follows, through the real engine and verifier on a small project whose
gaps invite the faults a reader sends back: a lazy result (zip), a dict subclass without a
faithful repr, a hash, a symbol-only input, exceptions with long names."""

from __future__ import annotations

import ast
import re
import textwrap

import pytest

from covopt_ls.engines.builtin.naming import HARD_MAX_NAME
from covopt_ls.generation import GenerationRequest, RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    """\
    class MediaTypeParseException(ValueError):
        pass


    class Catalog(dict):
        def copy(self):
            return Catalog(self)

        def fingerprint(self):
            return hash(tuple(sorted(self)))


    def pairs(text):
        return zip(text, text[1:])


    def media_type(header: str) -> str:
        if not header.strip(";"):
            raise MediaTypeParseException("no media type in the header")
        return header.split(";")[0].strip()
    """
)
TESTS = textwrap.dedent(
    """\
    from catalog import Catalog, media_type


    def test_media_type():
        assert media_type("text/html; q=1") == "text/html"


    def test_catalog_holds_prices():
        assert Catalog(tea=2)["tea"] == 2
    """
)


Generated = tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]]
"""The request, the tests offered, and the same tests as the verifier judged them."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    root = tmp_path_factory.mktemp("kept") / "catalog"
    request = measured_request(root, "catalog", SOURCE, TESTS)
    offered, verified = offered_and_verified(request, budget_seconds=5.0)
    return request, offered, verified


def _test_for(tests: list[RecommendedTest], call: str) -> str:
    codes = [t.test_code for t in tests if call in t.test_code]
    assert codes, f"no test calls {call}: {[t.test_name for t in tests]}"
    return codes[0]


def test_every_offered_test_passes_and_the_gaps_are_closed(generated: Generated) -> None:
    request, offered, verified = generated
    assert offered and all(t.verified for t in verified)
    covered = {line for t in verified for line in t.covered_lines}
    lines = request.source_code.splitlines()
    gaps = ("return Catalog(self)", "return hash(", "return zip(", "raise MediaTypeParseException")
    wanted = {n for n, text in enumerate(lines, 1) if text.strip().startswith(gaps)}
    assert len(wanted) == 4
    assert wanted <= covered


def test_a_lazy_result_is_asserted_by_its_items(generated: Generated) -> None:
    code = _test_for(generated[1], "pairs(")
    assert "isinstance(result, zip)" not in code
    assert re.search(r"assert list\(pairs\(.*\)\) == \[", code), code


def test_a_dict_subclass_copy_is_compared_with_a_plain_dict(generated: Generated) -> None:
    code = _test_for(generated[1], ".copy()")
    assert "assert isinstance(result, Catalog)" in code
    assert re.search(r"assert result == \{.*\}", code), code


def test_a_hash_is_checked_by_type_not_pinned(generated: Generated) -> None:
    code = _test_for(generated[1], "fingerprint()")
    assert "assert isinstance(result, int)" in code
    assert not re.search(r"== -?\d{6,}", code), code
    name = next(t.test_name for t in generated[1] if t.test_code == code)
    assert name is not None and name.endswith("_returns_hash")


def test_names_are_whole_words_unique_and_truthful(generated: Generated) -> None:
    offered: list[RecommendedTest] = generated[1]
    names = [t.test_name for t in offered]
    assert len(set(names)) == len(names)
    for test in offered:
        name = test.test_name
        assert name is not None and re.fullmatch(r"test_[a-z0-9]+(_[a-z0-9]+)*", name)
        assert len(name) <= HARD_MAX_NAME
        assert not re.search(r"_\d$", name), name
        defined = [n for n in ast.walk(ast.parse(test.test_code)) if isinstance(n, ast.FunctionDef)]
        assert [n.name for n in defined] == [name]
    raising = _test_for(offered, "media_type(")
    assert "pytest.raises(MediaTypeParseException" in raising
    name = next(t.test_name for t in offered if t.test_code == raising)
    assert name is not None and name.endswith("_raises_media_type_parse_exception")
    if '";"' in raising or '";;"' in raising:
        assert "semicolon" in name and "blank" not in name


def test_each_test_imports_what_it_uses_and_pytest_only_when_used(generated: Generated) -> None:
    for test in generated[1]:
        tree = ast.parse(test.test_code)
        imported = {
            alias.asname or alias.name
            for node in tree.body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        uses_pytest = "pytest." in test.test_code
        assert ("pytest" in imported) == uses_pytest, test.test_code
