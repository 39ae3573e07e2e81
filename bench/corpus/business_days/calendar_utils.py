"""Business-day arithmetic for invoicing: due dates, working days between dates, quarters."""

from __future__ import annotations

from datetime import date, timedelta

FIXED_HOLIDAYS = {(1, 1), (5, 1), (12, 25), (12, 26)}


def is_holiday(day: date) -> bool:
    return (day.month, day.day) in FIXED_HOLIDAYS


def is_business_day(day: date) -> bool:
    if day.weekday() >= 5:
        return False
    return not is_holiday(day)


def add_business_days(start: date, days: int) -> date:
    """Move `days` business days from start (backwards when negative)."""
    if days == 0:
        return start
    step = 1 if days > 0 else -1
    remaining = abs(days)
    current = start
    while remaining:
        current += timedelta(days=step)
        if is_business_day(current):
            remaining -= 1
    return current


def business_days_between(start: date, end: date) -> int:
    if end < start:
        return -business_days_between(end, start)
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_business_day(current):
            count += 1
    return count


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def parse_due_terms(terms: str) -> int:
    """Days of credit from invoice terms: "NET30", "net 14", "COD" (0), "EOM" (end of month: -1)."""
    cleaned = terms.strip().upper().replace(" ", "")
    if cleaned in ("COD", "CIA"):
        return 0
    if cleaned == "EOM":
        return -1
    if cleaned.startswith("NET"):
        digits = cleaned[3:]
        if not digits.isdigit():
            raise ValueError(f"bad NET terms: {terms!r}")
        days = int(digits)
        if days > 120:
            raise ValueError("terms longer than 120 days are not accepted")
        return days
    raise ValueError(f"unknown payment terms: {terms!r}")


def due_date(invoice_date: date, terms: str) -> date:
    days = parse_due_terms(terms)
    if days == -1:
        next_month = invoice_date.replace(day=28) + timedelta(days=4)
        return next_month - timedelta(days=next_month.day)
    if days == 0:
        return invoice_date
    due = invoice_date + timedelta(days=days)
    while not is_business_day(due):
        due += timedelta(days=1)
    return due


def age_bucket(days_overdue: int) -> str:
    if days_overdue <= 0:
        return "current"
    if days_overdue <= 30:
        return "1-30"
    if days_overdue <= 60:
        return "31-60"
    if days_overdue <= 90:
        return "61-90"
    return "90+"
