"""Prices, discounts and taxes for a small shop: the example project's module with gaps."""


def calculate_discount(price, member_type):
    if member_type == "gold":
        return price * 0.7
    elif member_type == "silver":
        return price * 0.85
    else:
        return price


def calculate_tax(income: float) -> float:
    if income > 50000:
        return income * 0.3
    return income * 0.1


def divide(a: float, b: float) -> float:
    if b == 0:
        raise ValueError("cannot divide by zero")
    return a / b


def shipping_cost(weight_kg: float, express: bool = False) -> float:
    if weight_kg <= 0:
        raise ValueError("weight must be positive")
    cost = 5.0 + weight_kg * 1.5
    if express:
        cost *= 2
    return round(cost, 2)


class Cart:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.items: list[tuple[str, float]] = []

    def add(self, name: str, price: float) -> None:
        if price < 0:
            raise ValueError("price must not be negative")
        self.items.append((name, price))

    def total(self, member_type: str = "regular") -> float:
        subtotal = sum(price for _, price in self.items)
        return calculate_discount(subtotal, member_type)
