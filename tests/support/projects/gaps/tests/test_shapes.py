from gaps.shapes import Rect, Registry


def test_area():
    assert Rect(2, 3).area == 6


def test_registry_largest():
    registry = Registry()
    registry.add("a", Rect(1, 1))
    registry.add("b", Rect(2, 2))
    assert registry.largest() == "b"
