"""An in-memory LRU cache of serialised answers, keyed by store version and request.

Entries from an older store version are never served: the key holds the version, and the engine
clears the cache when ``CURRENT`` moves, so memory is not held by stale answers either.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any


class ResultCache:
    """At most ``entries`` answers and ``max_bytes`` of bodies; an answer over 1/8 of that is not kept."""

    def __init__(self, entries: int, max_bytes: int) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self._data: OrderedDict[Any, Any] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Any) -> Any | None:
        item = self._data.get(key)
        if item is None:
            self.misses += 1
            return None
        self._data.move_to_end(key)
        self.hits += 1
        return item[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        if self.entries == 0 or size > self.max_bytes // 8:
            return
        old = self._data.pop(key, None)
        if old is not None:
            self._bytes -= old[1]
        self._data[key] = (value, size)
        self._bytes += size
        while len(self._data) > self.entries or self._bytes > self.max_bytes:
            _, (_, dropped) = self._data.popitem(last=False)
            self._bytes -= dropped

    def clear(self) -> None:
        self._data.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._data)
