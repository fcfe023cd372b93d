"""Benchmarks for kb: a deterministic synthetic corpus (``bench.corpus``) and the loading
benchmark (``bench.load``). Not part of the test suite; see ``bench/README.md``."""
