"""How much memory the local server gets: heap, page cache and transaction limits."""

from __future__ import annotations

import os

from graph.errors import ServerError
from graph.settings import Settings, get_settings

__all__ = ["MB", "memory_plan"]

MB = 1 << 20


def _size(text: str, name: str) -> int:
    """Bytes in a size such as ``512m``, ``2g`` or ``1048576``; ServerError naming ``name`` otherwise."""
    units = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    t = text.strip().lower()
    unit = t[-1:] if t[-1:] in "kmg" else ""
    digits = t[:-1] if unit else t
    if not digits.isascii() or not digits.isdigit() or int(digits) == 0:
        raise ServerError(f"{name} must be a size such as 512m or 2g, not '{text[:40]}'")
    return int(digits) * units[unit]


def memory_plan(settings: Settings | None = None) -> dict[str, int]:
    """Heap, page cache and transaction memory limits of the local server, in bytes.

    Sized from the machine's memory (heap 1/16 of it, between 512 MB and 2 GB; page
    cache 1/32, between 128 MB and 1 GB), unless ``CASEGRAPH_NEO4J_HEAP``,
    ``CASEGRAPH_NEO4J_PAGECACHE`` or ``CASEGRAPH_NEO4J_TX_MEMORY`` say otherwise. All
    transactions together may use half the heap, one transaction a quarter (or the
    override), so a runaway query fails with a clear error instead of killing the server.
    """
    settings = settings or get_settings()
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        ram = 8 << 30
    heap = (_size(settings.neo4j_heap, "CASEGRAPH_NEO4J_HEAP") if settings.neo4j_heap
            else min(max(ram // 16, 512 * MB), 2048 * MB))
    pagecache = (_size(settings.neo4j_pagecache, "CASEGRAPH_NEO4J_PAGECACHE") if settings.neo4j_pagecache
                 else min(max(ram // 32, 128 * MB), 1024 * MB))
    total = heap // 2
    tx = _size(settings.neo4j_tx_memory, "CASEGRAPH_NEO4J_TX_MEMORY") if settings.neo4j_tx_memory else heap // 4
    if tx > total:
        raise ServerError(f"CASEGRAPH_NEO4J_TX_MEMORY must be at most half the heap ({total // MB}m)")
    # Whole megabytes: the JVM and Neo4j both read '<n>m'.
    return {k: max(v // MB, 1) * MB for k, v in
            {"heap": heap, "pagecache": pagecache, "tx_memory": tx, "tx_memory_total": total}.items()}
