"""Runs candidate tests in a sandboxed subprocess with coverage and measures what they cover."""
