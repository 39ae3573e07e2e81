"""The life cycle of a customer order: a small state machine with guarded transitions."""

from __future__ import annotations

from enum import Enum


class OrderState(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class TransitionError(Exception):
    """An event that the order's current state does not allow."""

    def __init__(self, state: OrderState, event: str) -> None:
        super().__init__(f"cannot {event} an order that is {state.value}")
        self.state = state
        self.event = event


_TRANSITIONS = {
    (OrderState.NEW, "pay"): OrderState.PAID,
    (OrderState.NEW, "cancel"): OrderState.CANCELLED,
    (OrderState.PAID, "ship"): OrderState.SHIPPED,
    (OrderState.PAID, "cancel"): OrderState.REFUNDED,
    (OrderState.SHIPPED, "deliver"): OrderState.DELIVERED,
    (OrderState.DELIVERED, "refund"): OrderState.REFUNDED,
}


class Order:
    def __init__(self, order_id: str, amount: float) -> None:
        if amount <= 0:
            raise ValueError("order amount must be positive")
        self.order_id = order_id
        self.amount = amount
        self.state = OrderState.NEW
        self.history: list[OrderState] = [OrderState.NEW]

    def apply(self, event: str) -> OrderState:
        key = (self.state, event)
        if key not in _TRANSITIONS:
            raise TransitionError(self.state, event)
        self.state = _TRANSITIONS[key]
        self.history.append(self.state)
        return self.state

    def is_final(self) -> bool:
        return self.state in (OrderState.DELIVERED, OrderState.CANCELLED, OrderState.REFUNDED)

    def refundable_amount(self) -> float:
        if self.state is OrderState.PAID:
            return self.amount
        if self.state is OrderState.DELIVERED:
            return round(self.amount * 0.9, 2)
        return 0.0

    def summary(self) -> str:
        steps = " -> ".join(state.value for state in self.history)
        return f"order {self.order_id}: {steps}"


def next_events(state: OrderState) -> list[str]:
    return sorted(event for (source, event) in _TRANSITIONS if source is state)


def replay(order_id: str, amount: float, events: list[str]) -> Order:
    order = Order(order_id, amount)
    for event in events:
        order.apply(event)
    return order
