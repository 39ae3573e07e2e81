"""covopt-ls: find test-coverage gaps, generate tests that close them, prove they do."""

__version__ = "0.1.0"
