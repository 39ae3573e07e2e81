import pytest
from gaps.flow import (
    build_message,
    clamp,
    classify,
    countdown,
    describe,
    first_even,
    guarded,
    maybe_log,
    read_config,
    record,
    search,
)


def test_classify_positive():
    assert classify(5) == "positive"


def test_maybe_log_quiet():
    maybe_log("hi", verbose=False)


def test_first_even():
    assert first_even([1, 2, 3]) == 2


def test_countdown_zero():
    assert countdown(0) == [0]


def test_search_found():
    assert search([1, 2, 3], 2) == 1


def test_read_config_missing(tmp_path):
    assert read_config(str(tmp_path / "nope.cfg")) == ""


def test_build_message():
    assert build_message("ada") == "hello, ada"


def test_clamp_low():
    assert clamp(-5, 0, 10) == 0


def test_describe():
    assert describe([1, -2, 3]) == "1,3=4"


def test_record():
    log = []
    record(log, "x")
    assert log == ["x"]


def test_guarded_rejects_words():
    with pytest.raises(ValueError):
        guarded("x")
