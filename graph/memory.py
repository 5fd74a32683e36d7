"""Python's cyclic garbage collector, kept off the corpus while big corpora are built,
loaded or written.

Reading, loading and exporting a large corpus allocates millions of small containers
(dicts, lists) that form no reference cycles. Each allocation burst makes the cyclic
collector scan the young objects, and every so often *all* objects, the corpus
included: on a 100,000-claim corpus that was a fifth of the parse time and about half
of the time spent building rows for Neo4j (``bench/parse.py``, ``bench/load.py``).

- :func:`paused_gc` pauses the collector: for building a corpus (parse and validate),
  where nothing makes cycles. Reference counting still frees everything as usual.
- :func:`frozen_gc` moves every object that exists (the corpus) out of the collector's
  sight and leaves it running for what is made meanwhile: for loading and writing, where
  the Neo4j driver makes short-lived cycles (a million-claim load with the collector
  paused kept about 1 GB of them until the end; frozen, 81 MB).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc", "frozen_gc"]

_lock = threading.Lock()
_frozen_depth = 0


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block; nested use is fine.

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_gc() -> Iterator[None]:
    """Freeze the objects that exist now for the block (the collector ignores them);
    objects made inside are collected as usual. Nested and concurrent use is fine: the
    outermost block unfreezes.

    >>> import gc
    >>> with frozen_gc():
    ...     gc.get_freeze_count() > 0
    True
    >>> gc.get_freeze_count()
    0
    """
    global _frozen_depth
    with _lock:
        if _frozen_depth == 0:
            gc.freeze()
        _frozen_depth += 1
    try:
        yield
    finally:
        with _lock:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.unfreeze()
