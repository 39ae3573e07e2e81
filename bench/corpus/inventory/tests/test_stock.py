from inventory.stock import Item, Warehouse


def test_item_value():
    assert Item("A1", "bolt", 0.25, quantity=8).value() == 2.0


def test_warehouse_add_and_reserve():
    store = Warehouse("main")
    store.add(Item("A1", "bolt", 0.25, quantity=8))
    assert store.reserve("A1", 3) == 5
