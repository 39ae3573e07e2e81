import pytest
from inventory.report import label, lines
from inventory.store.stock import OutOfStock, Stock


def test_receive_and_take():
    stock = Stock()
    stock.receive("a", 5)
    assert stock.take("a", 2) == 3


def test_out_of_stock():
    stock = Stock()
    with pytest.raises(OutOfStock):
        stock.take("a", 1)


def test_restock_list():
    stock = Stock()
    stock.receive("a", 1)
    stock.receive("b", 10)
    assert stock.restock_list(5) == ["a"]


def test_label():
    assert label(0) == "empty"
    assert label(7) == "ok"


def test_lines():
    assert list(lines({"a": 0})) == ["a: empty"]
