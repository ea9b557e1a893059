"""The benchmarks' own inputs stay valid as the library's rules tighten (the README's
commands are only asked for --help, since a run takes minutes): the credentials
``bench/credentials.py`` measures build, sign and verify."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.verify import verify

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_credentials_bench_builds_what_verifies() -> None:
    key = KeyPair.generate()
    built = _bench("credentials").build_credentials(key, 2)
    assert len(built) == 2
    for unsigned in built:
        assert verify(sign(unsigned, key)).verified
