"""Cross-implementation tests: microcred against third-party verifiers and signers run by
node from bench/js (the Digital Bazaar reference stack, the DCC's verifier-core)."""
