"""Card validation and charge rules, with one exception type per way a payment is refused."""

from __future__ import annotations


class PaymentError(Exception):
    """Base of every refusal, so callers can catch them all."""


class InvalidCardNumber(PaymentError):
    pass


class CardExpired(PaymentError):
    pass


class LimitExceeded(PaymentError):
    def __init__(self, amount: float, limit: float) -> None:
        super().__init__(f"amount {amount:.2f} exceeds limit {limit:.2f}")
        self.amount = amount
        self.limit = limit


def luhn_valid(number: str) -> bool:
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def card_brand(number: str) -> str:
    digits = number.replace(" ", "").replace("-", "")
    if not digits.isdigit():
        raise InvalidCardNumber("card number must contain only digits")
    if digits.startswith("4"):
        return "visa"
    if digits[:2] in ("51", "52", "53", "54", "55"):
        return "mastercard"
    if digits[:2] in ("34", "37"):
        return "amex"
    return "unknown"


def check_expiry(month: int, year: int, today_month: int, today_year: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"invalid month {month}")
    if year < 100:
        year += 2000
    if (year, month) < (today_year, today_month):
        raise CardExpired(f"card expired {month:02d}/{year}")


def charge_fee(amount: float, brand: str, international: bool = False) -> float:
    if amount <= 0:
        raise ValueError("amount must be positive")
    rates = {"visa": 0.019, "mastercard": 0.021, "amex": 0.029}
    rate = rates.get(brand, 0.035)
    fee = amount * rate + 0.30
    if international:
        fee += amount * 0.01
    return round(fee, 2)


def authorize(amount: float, balance: float, limit: float) -> float:
    """Remaining credit after the charge, or a refusal."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    if balance + amount > limit:
        raise LimitExceeded(amount, limit - balance)
    return round(limit - balance - amount, 2)
