"""Tests for jdcal.py"""
import pytest

from jdcal import (
    ipart, is_leap, gcal2jd, jd2gcal, jcal2jd, jd2jcal, MJD_0)


def test_ipart():
    assert round(ipart(20.345), 12) == 20.0
    assert round(ipart(-20.345), 12) == -20.0
    assert round(ipart(0.12345), 12) == -0.0
    assert round(ipart(-0.6789), 12) == -0.0


def test_gcal2jd_simple():
    r = gcal2jd(2000, 1, 1)
    assert round(r[0], 12) == 2400000.5
    assert round(r[1], 12) == 51544.0


def test_gcal2jd_next_month():
    assert gcal2jd(2000, 2, 30) == gcal2jd(2000, 3, 1)
    assert gcal2jd(2001, 2, 30) == gcal2jd(2001, 3, 2)
    assert gcal2jd(2000, 12, 32) == gcal2jd(2001, 1, 1)


def test_jd2gcal():
    assert jd2gcal(*gcal2jd(2000, 1, 1)) == (2000, 1, 1, 0.0)
    assert jd2gcal(*gcal2jd(1950, 1, 1)) == (1950, 1, 1, 0.0)
    assert jd2gcal(*gcal2jd(1999, 10, 12)) == (1999, 10, 12, 0.0)
    assert jd2gcal(*gcal2jd(2000, 2, 30)) == (2000, 3, 1, 0.0)
    assert jd2gcal(*gcal2jd(2000, -2, -4)) == (1999, 9, 26, 0.0)


def test_jcal2jd_and_back_through_jd2jcal():
    """Check round trip from jcal2jd to jd2jcal."""
    import random
    n = 1000
    year = [random.randint(-4699, 2200) for i in range(n)]
    month = [random.randint(1, 12) for i in range(n)]
    day = [random.randint(1, 28) for i in range(n)]

    jd = [jcal2jd(y, m, d)[1]
          for y, m, d in zip(year, month, day)]

    x = [jd2jcal(MJD_0, i) for i in jd]

    for i in range(n):
        assert x[i][0] == year[i]
        assert x[i][1] == month[i]
        assert x[i][2] == day[i]
        assert x[i][3] <= 1e-15


def astropy_erfa_un_available():
    x = True
    try:
        from astropy import _erfa
        import numpy as np
        _erfa.cal2jd
        np.allclose
        x = False
    except:
        pass
    return x


