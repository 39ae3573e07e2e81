"""A flat-layout package (no src/) with a subpackage."""

VERSION = "1.0"
