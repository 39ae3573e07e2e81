from numeric import gcd, is_prime, mean, median


def test_mean():
    assert mean([1.0, 2.0, 3.0]) == 2.0


def test_median_odd():
    assert median([3.0, 1.0, 2.0]) == 2.0


def test_is_prime_small():
    assert is_prime(7)


def test_gcd():
    assert gcd(12, 18) == 6
