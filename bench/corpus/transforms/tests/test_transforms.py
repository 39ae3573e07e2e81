from transforms import chunk, flatten, group_by


def test_flatten_nested():
    assert flatten({"a": {"b": 1}, "c": 2}) == {"a.b": 1, "c": 2}


def test_chunk():
    assert chunk([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]


def test_group_by():
    rows = [{"k": 1}, {"k": 2}, {"k": 1}]
    assert group_by(rows, "k") == {1: [{"k": 1}, {"k": 1}], 2: [{"k": 2}]}
