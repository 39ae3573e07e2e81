"""Helpers shared by the test suites (fixture projects, real coverage runs)."""
