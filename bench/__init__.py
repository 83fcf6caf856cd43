"""Benchmarks of the public API on a seeded scratch database: ``make bench`` (``python -m bench``).

Not part of the test suite: the suite pins query counts, this package measures time.
"""
