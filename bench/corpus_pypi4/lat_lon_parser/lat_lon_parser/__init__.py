# -*- coding: utf-8 -*-

from __future__ import absolute_import

__author__ = """Christopher Barker"""
__email__ = 'Chris.Barker@noaa.gov'
__version__ = '1.3.1'

from .parser import parse
from .lat_long import (to_dec_deg, to_deg_min, to_deg_min_sec, to_str_dec_deg,
                       to_str_deg_min, to_str_deg_min_sec, to_str)

__all__ = [
    "parse", "to_dec_deg", "to_deg_min", "to_deg_min_sec", "to_str_dec_deg",
    "to_str_deg_min", "to_str_deg_min_sec", "to_str"
]
