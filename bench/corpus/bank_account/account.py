"""A savings account with overdraft, interest and a transaction log."""

from __future__ import annotations


class InsufficientFunds(Exception):
    pass


class AccountFrozen(Exception):
    pass


class Account:
    def __init__(self, owner: str, balance: float = 0.0, overdraft: float = 0.0) -> None:
        if not owner:
            raise ValueError("an account needs an owner")
        if balance < 0:
            raise ValueError("opening balance must not be negative")
        self.owner = owner
        self.balance = balance
        self.overdraft = overdraft
        self.frozen = False
        self.log: list[tuple[str, float]] = []

    def deposit(self, amount: float) -> float:
        if self.frozen:
            raise AccountFrozen(self.owner)
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount: float) -> float:
        if self.frozen:
            raise AccountFrozen(self.owner)
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(f"{self.owner} cannot withdraw {amount}")
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self.balance

    def freeze(self) -> None:
        self.frozen = True

    def apply_interest(self, annual_rate: float, months: int = 1) -> float:
        if annual_rate < 0:
            raise ValueError("rate must not be negative")
        if self.balance <= 0:
            return 0.0
        interest = self.balance * annual_rate / 12 * months
        if self.balance > 10000:
            interest *= 1.1
        interest = round(interest, 2)
        self.balance += interest
        return interest

    def statement(self) -> str:
        if not self.log:
            return f"{self.owner}: no transactions"
        lines = [f"{kind} {amount:.2f}" for kind, amount in self.log]
        return f"{self.owner}: " + ", ".join(lines)
