from shop.pricing import Cart, calculate_discount, calculate_tax, divide, shipping_cost


def test_gold_discount():
    assert calculate_discount(100, "gold") == 70


def test_tax_high_income():
    assert calculate_tax(60000) == 18000


def test_divide_normal():
    assert divide(10, 2) == 5


def test_shipping_standard():
    assert shipping_cost(2) == 8.0


def test_cart_total():
    cart = Cart("ada")
    cart.add("book", 10.0)
    assert cart.total() == 10.0
