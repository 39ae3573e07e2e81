from weather import celsius_to_fahrenheit, describe_wind


def test_freezing_point():
    assert celsius_to_fahrenheit(0) == 32.0


def test_light_breeze():
    assert describe_wind(10) == "light breeze"
