"""Classes, properties, nested functions and a module never fully exercised."""

from dataclasses import dataclass


@dataclass
class Rect:
    width: float
    height: float

    @property
    def area(self) -> float:
        return self.width * self.height

    def scale(self, factor: float) -> "Rect":
        if factor <= 0:
            raise ValueError("factor must be positive")

        return Rect(self.width * factor, self.height * factor)

    def is_square(self) -> bool:
        return self.width == self.height


class Registry:
    def __init__(self) -> None:
        self.items: dict[str, Rect] = {}

    def add(self, name: str, rect: Rect) -> None:
        if name in self.items:
            raise KeyError(name)
        self.items[name] = rect

    def largest(self) -> str | None:
        best = None
        best_area = -1.0
        for name, rect in self.items.items():
            if rect.area > best_area:
                best, best_area = name, rect.area
        return best

    def make_filter(self, minimum: float):
        def keep(rect: Rect) -> bool:
            return rect.area >= minimum

        return keep

    def summary(self) -> dict[str, float]:
        return {
            name: rect.area
            for name, rect in self.items.items()
        }  # fmt: skip
