"""The one in-memory cache type of the library: bounded, least-recently-used, thread-safe.

It lives in the lowest layer so that every layer uses it. Every memo — in ``standard``
the outcome rules' analysers and verdicts and the compliance check of a specification;
in ``credentials`` the JSON-LD templates (``jsonld.rdfc``), the terms of a context list
(``jsonld._context_terms``), pinned contexts (``jsonld.contexts``), proof configuration
hashes (``data_integrity._suite``), the specifications read from OB 3.0 achievements
(``ob3.read``), the SHACL graphs and the shapes found to conform (``edc.shacl``), the
OB 3.0 JSON Schema validator (``verify.checks``) — is a :class:`BoundedCache`, directly
or through :func:`cached`::

    _TEMPLATES: BoundedCache[str, tuple[Quad, ...]] = BoundedCache(256)
    quads = _TEMPLATES.get_or_compute(template.key, lambda: parse(template.document))

    @cached(maxsize=64)
    def term_kinds(context_key: str) -> TermKinds: ...

The library runs inside multi-threaded web servers and workers, so every operation on
the entries (look-up, least-recently-used bookkeeping, insertion, eviction) happens under
one lock: a look-up can never find an entry another thread is evicting, and an entry is
stored whole or not at all.

The computation of a missing value runs *outside* that lock (a slow one must not stall
look-ups of other keys, and it may itself use caches), once per key at a time: the first
thread to miss a key computes it, and the threads that miss the same key meanwhile wait
for that value instead of computing it again ("single flight"). Computing twice would be
harmless — every value cached here is a pure function of its key — but some are costly
(reading the EU's SHACL shapes and what they constrain takes 0.4 s, a document shape's
JSON-LD 3 ms), and a server that starts under load would otherwise do each once per
thread. If the computation raises, nothing is stored, the exception goes to the thread
that computed, and each waiting thread computes the value itself (an exception object is
never shared between threads). A computation may use other caches, and ask for its own
key again (it then computes, as without a cache), but cached values must not depend on
each other in a cycle (two threads could then wait for each other); here they do not:
templates and context terms use contexts, the SHACL policy uses the SHACL graphs.

A value is shared by every caller: cached values must not be mutated.

Why not :func:`functools.lru_cache`: in CPython its bookkeeping is thread-safe too, but it
computes a missing value in every thread that misses it and offers no ``get``/``put`` for
memos that keep only some results (the SHACL conformance memory); one type for all keeps
the rules in one place.
"""

from __future__ import annotations

__all__ = ["BoundedCache", "CacheStats", "CachedFunction", "cached", "clear_caches"]

import functools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, Protocol, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class CacheStats:
    """A snapshot of a cache: look-ups answered from it (``hits``), look-ups that had to
    compute or found nothing (``misses``), entries held and the bound."""

    hits: int
    misses: int
    size: int
    maxsize: int


class _Flight(Generic[V]):
    """A value being computed by one thread (``owner``), awaited by the others."""

    __slots__ = ("done", "failed", "owner", "value")
    value: V  # set, with failed = False, when the computation returned

    def __init__(self) -> None:
        self.done = threading.Event()
        self.owner = threading.get_ident()
        self.failed = True


_EVERY_CACHE: weakref.WeakSet[BoundedCache[Any, Any]] = weakref.WeakSet()


def clear_caches() -> None:
    """Empty every :class:`BoundedCache` (tests start cold with it; nothing else needs
    it: cached values never go stale)."""
    for cache in list(_EVERY_CACHE):
        cache.clear()


class BoundedCache(Generic[K, V]):
    """At most ``maxsize`` entries; the least recently used one is evicted first.

    Thread-safe: see the module docstring for what is guaranteed and how values are
    computed.
    """

    __slots__ = ("__weakref__", "_entries", "_flights", "_hits", "_lock", "_misses", "maxsize")

    def __init__(self, maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError(f"a cache holds at least one entry, not {maxsize}")
        self.maxsize = maxsize
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._flights: dict[K, _Flight[V]] = {}
        self._lock = threading.Lock()
        self._hits = 0
        self._misses = 0
        _EVERY_CACHE.add(self)

    def get_or_compute(self, key: K, compute: Callable[[], V]) -> V:
        """The value of ``key``: cached, awaited from the thread computing it, or computed
        by ``compute()`` now and kept. ``compute``'s exceptions propagate; nothing is kept
        then."""
        with self._lock:
            try:
                value = self._entries[key]
            except KeyError:
                flight = self._flights.get(key)
                leader = flight is None
                if flight is None:
                    flight = self._flights[key] = _Flight()
            else:
                self._entries.move_to_end(key)
                self._hits += 1
                return value
        if leader:
            return self._compute(key, compute, flight)
        if flight.owner == threading.get_ident():
            # a recursive function asking for the key it is computing must not wait for
            # itself: it computes, as it would without a cache
            return self._compute(key, compute, None)
        flight.done.wait()
        if flight.failed:  # the leader's input made it raise: meet the error ourselves
            return self._compute(key, compute, None)
        with self._lock:
            self._hits += 1
        return flight.value

    def _compute(self, key: K, compute: Callable[[], V], flight: _Flight[V] | None) -> V:
        """``compute()`` outside the lock, then keep its value (or the one another thread
        kept meanwhile) and release the threads waiting on ``flight``, whatever happens."""
        try:
            value = compute()
            with self._lock:
                self._misses += 1
                if key in self._entries:  # kept meanwhile by a thread that did not wait
                    value = self._entries[key]
                    self._entries.move_to_end(key)
                else:
                    self._store(key, value)
            if flight is not None:
                flight.value, flight.failed = value, False
            return value
        finally:
            if flight is not None:
                self._land(key, flight)

    def _land(self, key: K, flight: _Flight[V]) -> None:
        with self._lock:
            if self._flights.get(key) is flight:
                del self._flights[key]
        flight.done.set()

    def _store(self, key: K, value: V) -> None:  # with the lock held
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)

    def get(self, key: K) -> V | None:
        """The cached value of ``key`` (now the most recently used), or None."""
        with self._lock:
            try:
                value = self._entries[key]
            except KeyError:
                self._misses += 1
                return None
            self._entries.move_to_end(key)
            self._hits += 1
            return value

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` for ``key`` (replacing any), evicting the least recently used."""
        with self._lock:
            self._store(key, value)

    def clear(self) -> None:
        """Forget every entry and the statistics. A value being computed meanwhile is
        still kept when it is ready."""
        with self._lock:
            self._entries.clear()
            self._hits = self._misses = 0

    def stats(self) -> CacheStats:
        """Hits, misses, entries held and the bound, read together."""
        with self._lock:
            return CacheStats(self._hits, self._misses, len(self._entries), self.maxsize)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is held, without making it recently used."""
        with self._lock:
            return key in self._entries


class CachedFunction(Protocol[P, R]):
    """A function whose results are kept in a :class:`BoundedCache` (``.cache``), keyed by
    its arguments, which must be hashable. Made by :func:`cached`."""

    cache: BoundedCache[Hashable, R]
    cache_clear: Callable[[], None]  # forget every kept result (as functools calls it)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...


_KEYWORDS = object()  # parts a key between positional and keyword arguments


def cached(maxsize: int) -> Callable[[Callable[P, R]], CachedFunction[P, R]]:
    """Keep up to ``maxsize`` results of a pure function, the least recently used evicted
    first; ``maxsize=1`` for a loader without arguments (a value made once, on first
    use). An exception is never cached."""

    def decorate(function: Callable[P, R]) -> CachedFunction[P, R]:
        cache: BoundedCache[Hashable, R] = BoundedCache(maxsize)

        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            key: Hashable = (*args, _KEYWORDS, *kwargs.items()) if kwargs else args
            # get_or_compute's hit path, inlined: some of these functions are called for
            # every term or literal of a document, and this halves what a hit costs
            with cache._lock:
                try:
                    value = cache._entries[key]
                except KeyError:
                    pass
                else:
                    cache._entries.move_to_end(key)
                    cache._hits += 1
                    return value
            return cache.get_or_compute(key, lambda: function(*args, **kwargs))

        wrapper = cast("CachedFunction[P, R]", call)
        wrapper.cache = cache
        wrapper.cache_clear = cache.clear
        return wrapper

    return decorate
