"""BoundedCache: least-recently-used and bounded, one computation per key at a time, no
exception or torn entry when 16 threads share a small cache."""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest

from microcred.standard.caching import BoundedCache, cached, clear_caches

T = TypeVar("T")


def in_threads(work: Callable[[int], T], count: int, timeout: float = 120) -> list[T]:
    """``work(0)`` … ``work(count - 1)``, each in its own daemon thread, started together;
    their results, or the first exception any of them raised. A thread still running after
    ``timeout`` seconds fails the test (a deadlock must not hang the suite)."""
    results: dict[int, T] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = work(index)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "threads still waiting: deadlock?"
    if errors:
        raise errors[0]
    return [results[i] for i in range(count)]


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Threads switch as often as the interpreter allows, so that interleavings a normal
    run meets once a day are met here in every run."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_least_recently_used_is_evicted_first() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    assert cache.get_or_compute("a", lambda: 1) == 1
    assert cache.get_or_compute("b", lambda: 2) == 2
    assert cache.get_or_compute("a", lambda: 99) == 1  # kept: not computed again
    cache.put("c", 3)  # "b" is the least recently used
    assert "b" not in cache
    assert ("a" in cache, "c" in cache, len(cache)) == (True, True, 2)
    assert cache.get("b") is None
    assert cache.get("a") == 1  # now "c" is the oldest
    cache.put("d", 4)
    assert "c" not in cache
    assert cache.stats() == cache.stats().__class__(hits=2, misses=3, size=2, maxsize=2)


def test_contains_does_not_refresh_an_entry() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert "a" in cache
    cache.put("c", 3)
    assert "a" not in cache


def test_put_replaces_and_clear_forgets() -> None:
    cache: BoundedCache[str, int] = BoundedCache(4)
    cache.put("a", 1)
    cache.put("a", 2)
    assert (cache.get("a"), len(cache)) == (2, 1)
    cache.clear()
    assert (len(cache), cache.stats().hits, cache.stats().misses) == (0, 0, 0)


def test_a_cache_holds_at_least_one_entry() -> None:
    with pytest.raises(ValueError, match="at least one"):
        BoundedCache(0)


def test_an_exception_is_raised_and_nothing_is_kept() -> None:
    cache: BoundedCache[str, int] = BoundedCache(4)

    def fail() -> int:
        raise LookupError("no such thing")

    with pytest.raises(LookupError, match="no such thing"):
        cache.get_or_compute("a", fail)
    assert "a" not in cache
    assert cache.get_or_compute("a", lambda: 1) == 1


def test_cached_keys_by_arguments_and_keeps_the_function_s_name() -> None:
    calls: list[tuple[object, ...]] = []

    @cached(maxsize=8)
    def join(a: str, b: str = "-") -> str:
        """Joins."""
        calls.append((a, b))
        return a + b

    assert (join("x"), join("x"), join("x", "+"), join("x", b="+"), join("x", b="+")) == (
        "x-", "x-", "x+", "x+", "x+")  # fmt: skip
    assert calls == [("x", "-"), ("x", "+"), ("x", "+")]  # positional and keyword differ
    assert (join.__name__, join.__doc__) == ("join", "Joins.")
    join.cache_clear()
    join("x")
    assert len(calls) == 4


def test_a_loader_without_arguments_runs_once() -> None:
    runs: list[int] = []

    @cached(maxsize=1)
    def load() -> list[int]:
        runs.append(1)
        return [1, 2, 3]

    assert load() is load()
    assert runs == [1]


def test_clear_caches_empties_every_cache() -> None:
    first: BoundedCache[str, int] = BoundedCache(2)
    second: BoundedCache[str, int] = BoundedCache(2)
    first.put("a", 1)
    second.put("b", 2)
    clear_caches()
    assert (len(first), len(second)) == (0, 0)


def test_a_recursive_function_asking_for_its_own_key_does_not_wait_for_itself() -> None:
    seen: list[str] = []

    @cached(maxsize=4)
    def once_more(text: str) -> str:
        seen.append(text)
        if len(seen) == 1:
            return once_more(text)  # asks for the key being computed, in the same thread
        return text.upper()

    assert in_threads(lambda _: once_more("a"), 1, timeout=10) == ["A"]


def test_one_computation_per_key_while_threads_wait() -> None:
    cache: BoundedCache[str, object] = BoundedCache(4)
    runs: list[int] = []
    started = threading.Event()

    def slow() -> object:
        runs.append(1)
        started.set()
        time.sleep(0.2)  # every other thread asks meanwhile
        return object()

    def ask(index: int) -> object:
        if index:  # the others ask while the first computes
            started.wait(5)
        return cache.get_or_compute("k", slow)

    values = in_threads(ask, 8)
    assert runs == [1]
    assert all(value is values[0] for value in values)


def test_when_the_computing_thread_fails_each_waiting_thread_computes_itself() -> None:
    cache: BoundedCache[str, str] = BoundedCache(4)
    started = threading.Event()
    lock = threading.Lock()
    runs: list[str] = []

    def first_fails() -> str:
        with lock:
            runs.append(threading.current_thread().name)
            first = len(runs) == 1
        if first:
            started.set()
            time.sleep(0.2)
            raise OSError("the first one fails")
        return "value"

    def ask(index: int) -> str:
        if index:
            started.wait(5)
        try:
            return cache.get_or_compute("k", first_fails)
        except OSError as exc:
            return f"raised: {exc}"

    answers = in_threads(ask, 4)
    assert answers[0] == "raised: the first one fails"
    assert answers[1:] == ["value"] * 3  # the error is not theirs
    assert cache.get("k") == "value"


@pytest.mark.usefixtures("busy_switching")
def test_sixteen_threads_on_overlapping_keys_and_a_small_cache() -> None:
    """Forced evictions all the time: every answer right, never an exception, never more
    entries than the bound."""
    cache: BoundedCache[int, tuple[int, str]] = BoundedCache(8)
    calls_per_thread, keys = 3000, 40
    oversize: list[int] = []

    def value_of(key: int) -> tuple[int, str]:
        if key % 7 == 0:
            time.sleep(0)  # give way mid-computation
        return key, str(key * key)

    def hammer(seed: int) -> int:
        wrong = 0
        for i in range(calls_per_thread):
            key = (seed * 31 + i * 17) % keys
            if i % 3 == 0:
                cache.put(key, value_of(key))
            got = cache.get_or_compute(key, functools.partial(value_of, key))
            wrong += got != value_of(key)
            peeked = cache.get((key + 1) % keys)
            wrong += peeked is not None and peeked != value_of((key + 1) % keys)
            if len(cache) > cache.maxsize:
                oversize.append(len(cache))
        return wrong

    assert in_threads(hammer, 16) == [0] * 16
    assert oversize == []
    stats = cache.stats()
    assert stats.size <= 8
    assert stats.hits + stats.misses == 16 * calls_per_thread * 2
