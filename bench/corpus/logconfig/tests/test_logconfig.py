from logconfig import Level, load, parse_level


def test_parse_level_name():
    assert parse_level("debug") is Level.DEBUG


def test_load_defaults():
    config = load({})
    assert config.level is Level.INFO
    assert config.color is True
