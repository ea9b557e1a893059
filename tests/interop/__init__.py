"""Cross-implementation tests: microcred against the JS reference stack (bench/js)."""
