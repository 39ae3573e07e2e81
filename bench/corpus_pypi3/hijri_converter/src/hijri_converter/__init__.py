"""Accurate Hijri-Gregorian dates converter based on the Umm al-Qura calendar.

https://github.com/dralshehri/hijri-converter
"""

__version__ = "2.3.1"

from hijri_converter.convert import Gregorian, Hijri
