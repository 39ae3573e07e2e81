"""Reading coverage data (.coverage, Cobertura XML, coverage.json, lcov) into one model."""
