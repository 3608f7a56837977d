"""Benchmarks: each ``bench/bench_*.py`` module has ``run(quick: bool) -> list[dict]``; rows compare
pactgraph with a baseline measured in the same run (ratios, never absolute figures across runs)."""
