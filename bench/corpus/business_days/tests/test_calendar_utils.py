from datetime import date

from calendar_utils import add_business_days, due_date, is_business_day, quarter_of


def test_weekday_is_business_day():
    assert is_business_day(date(2024, 3, 6))


def test_add_business_days_skips_weekend():
    assert add_business_days(date(2024, 3, 8), 1) == date(2024, 3, 11)


def test_quarter():
    assert quarter_of(date(2024, 5, 17)) == 2


def test_due_date_net30():
    assert due_date(date(2024, 3, 1), "NET30") == date(2024, 4, 1)
