"""Benchmarks: `make bench` (quality and speed), `python -m bench.quality` (quality only)."""
