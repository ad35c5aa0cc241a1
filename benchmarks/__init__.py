"""Benchmarks for massnahmen and the generator of their synthetic plans."""
