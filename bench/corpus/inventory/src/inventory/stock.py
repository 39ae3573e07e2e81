"""Warehouse stock records: items, reservations and reorder decisions."""

from __future__ import annotations

from dataclasses import dataclass, field


class OutOfStock(Exception):
    """Raised when a reservation asks for more than is available."""


@dataclass
class Item:
    sku: str
    name: str
    unit_price: float
    quantity: int = 0
    reorder_level: int = 5
    tags: list[str] = field(default_factory=list)

    def value(self) -> float:
        return round(self.unit_price * self.quantity, 2)

    def needs_reorder(self) -> bool:
        return self.quantity <= self.reorder_level

    def label(self) -> str:
        if self.tags:
            return f"{self.name} [{', '.join(sorted(self.tags))}]"
        return self.name


@dataclass
class Warehouse:
    name: str
    items: dict[str, Item] = field(default_factory=dict)

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            raise KeyError(f"duplicate sku {item.sku}")
        if item.unit_price < 0:
            raise ValueError("unit price must not be negative")
        self.items[item.sku] = item

    def receive(self, sku: str, quantity: int) -> int:
        if quantity <= 0:
            raise ValueError("received quantity must be positive")
        item = self.items[sku]
        item.quantity += quantity
        return item.quantity

    def reserve(self, sku: str, quantity: int) -> int:
        item = self.items.get(sku)
        if item is None:
            raise KeyError(f"unknown sku {sku}")
        if quantity > item.quantity:
            raise OutOfStock(f"only {item.quantity} of {sku} left")
        item.quantity -= quantity
        return item.quantity

    def total_value(self) -> float:
        return round(sum(item.value() for item in self.items.values()), 2)

    def reorder_list(self) -> list[str]:
        return sorted(sku for sku, item in self.items.items() if item.needs_reorder())


def restock_amount(quantity: int, reorder_level: int, batch: int = 10) -> int:
    """How many units to order: whole batches up to twice the reorder level."""
    if batch <= 0:
        raise ValueError("batch must be positive")
    target = reorder_level * 2
    if quantity >= target:
        return 0
    shortfall = target - quantity
    batches = -(-shortfall // batch)
    return batches * batch
