from versioning import Version, compare, parse


def test_parse_simple():
    assert parse("1.2.3") == Version(1, 2, 3)


def test_str_roundtrip():
    assert str(parse("1.2.3")) == "1.2.3"


def test_compare_core():
    assert compare("1.2.3", "1.10.0") == -1
    assert compare("2.0.0", "2.0.0") == 0
