import time
from configparser import ParsingError

import pytest

from configupdater import ConfigUpdater
from configupdater.parser import Parser


def test_syntax_options():
    parser = Parser(allow_no_value=True)
    assert parser.syntax_options["allow_no_value"] is True




def test_option_regex_does_not_backtrack():
    # A long line with many spaces but no delimiter took quadratic time to fail to
    # match, ~10s for this one (CPython gh-146333). Now it fails within milliseconds.
    content = "[section]\n" + "x" + " " * 50_000 + "y\n"
    start = time.perf_counter()
    with pytest.raises(ParsingError):
        ConfigUpdater().read_string(content)
    assert time.perf_counter() - start < 2




def test_option_regex_multi_word_key_without_value():
    updater = ConfigUpdater(allow_no_value=True)
    updater.read_string("[section]\nmulti word key\n")
    assert updater["section"]["multi word key"].value is None
