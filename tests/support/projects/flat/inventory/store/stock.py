"""Stock levels: loops with continue, nested conditions, exceptions re-raised."""


class OutOfStock(Exception):
    pass


class Stock:
    def __init__(self) -> None:
        self.levels: dict[str, int] = {}

    def receive(self, sku: str, quantity: int) -> None:
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        self.levels[sku] = self.levels.get(sku, 0) + quantity

    def take(self, sku: str, quantity: int) -> int:
        available = self.levels.get(sku, 0)
        if available < quantity:
            raise OutOfStock(sku)
        self.levels[sku] = available - quantity
        return self.levels[sku]

    def restock_list(self, threshold: int) -> list[str]:
        low = []
        for sku, level in sorted(self.levels.items()):
            if level >= threshold:
                continue
            if level == 0:
                low.insert(0, sku)
            else:
                low.append(sku)
        return low

    def take_many(self, orders: list[tuple[str, int]]) -> int:
        done = 0
        for sku, quantity in orders:
            try:
                self.take(sku, quantity)
            except OutOfStock:
                if done == 0:
                    raise
                break
            done += 1
        return done
