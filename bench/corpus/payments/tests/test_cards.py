from payments.cards import authorize, card_brand, luhn_valid


def test_luhn_valid_number():
    assert luhn_valid("4539 1488 0343 6467")


def test_visa_brand():
    assert card_brand("4111 1111 1111 1111") == "visa"


def test_authorize_within_limit():
    assert authorize(50.0, 100.0, 500.0) == 350.0
