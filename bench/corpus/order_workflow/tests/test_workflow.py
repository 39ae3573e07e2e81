from workflow import Order, OrderState


def test_new_order_pays():
    order = Order("A-1", 25.0)
    assert order.apply("pay") is OrderState.PAID


def test_summary_lists_history():
    order = Order("A-2", 10.0)
    order.apply("pay")
    assert order.summary() == "order A-2: new -> paid"
