import pytest
import sys
from sqids import Sqids


def test_simple():
    sqids = Sqids()
    numbers = [1, 2, 3]
    id_str = "86Rf07"
    assert sqids.encode(numbers) == id_str
    assert sqids.decode(id_str) == numbers




@pytest.mark.parametrize(
    "id_str, numbers",
    (
        ("bM", [0]),
        ("Uk", [1]),
        ("gb", [2]),
        ("Ef", [3]),
        ("Vq", [4]),
        ("uw", [5]),
        ("OI", [6]),
        ("AX", [7]),
        ("p6", [8]),
        ("nJ", [9]),
    )
)
def test_incremental_numbers(id_str, numbers):
    sqids = Sqids()
    assert sqids.encode(numbers) == id_str
    assert sqids.decode(id_str) == numbers




@pytest.mark.parametrize(
    "id_str, numbers",
    (
        ("SvIz", [0, 0]),
        ("nWqP", [1, 0]),
        ("tSyw", [2, 0]),
        ("eX68", [3, 0]),
        ("rxCY", [4, 0]),
        ("sV8a", [5, 0]),
        ("uf2K", [6, 0]),
        ("7Cdk", [7, 0]),
        ("3aWP", [8, 0]),
        ("m2xn", [9, 0]),
    )
)
def test_incremental_numbers_same_index_1(id_str, numbers):
    sqids = Sqids()
    assert sqids.encode(numbers) == id_str
    assert sqids.decode(id_str) == numbers




def test_encoding_no_numbers():
    sqids = Sqids()
    assert sqids.encode([]) == ""




def test_decoding_invalid_character():
    sqids = Sqids()
    assert sqids.decode("*") == []


