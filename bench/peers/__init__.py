"""Peer test generators (Pynguin, CrossHair) for side-by-side measurements, in bench-only venvs."""
