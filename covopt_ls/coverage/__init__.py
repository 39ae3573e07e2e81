"""Reading coverage data (.coverage, Cobertura XML, coverage.json, lcov) into one model.

readers.read_report → report.CoverageReport (files: model.FileCoverage) → ranges.uncovered_ranges.
The store (store.CoverageStore) finds reports (discovery), maps their paths (paths.PathMapper),
keeps them current (watch.ReportWatcher) and answers per source file. No LSP in here.
"""
