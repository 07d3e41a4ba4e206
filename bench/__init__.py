"""Performance benchmarks for meetingtui (issue 7).

Run with `make bench`; never part of `make test`.

Every figure is a median over repeated runs, set against a floor measured in the same run
(see ../shared/perf.md).
"""
