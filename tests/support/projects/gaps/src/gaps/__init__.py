"""Code shaped to exercise every way coverage.py groups and reports gaps."""
