"""The access log: one line per request (client, request line, status, duration, query hash, format).

Formatting a ``logging.LogRecord`` and flushing a handler per request cost a third of the
throughput on small queries, so lines are formatted with one f-string into a buffer and written
to the ``pactgraph.access`` logger's stream in batches (every 0.2 s, at 256 lines, and at
shutdown). The line format matches the other log lines (``time LEVEL logger: message``).
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

LOGGER = "pactgraph.access"


class AccessLog:
    """A buffered access log; :meth:`flush` writes the pending lines."""

    def __init__(self, stream: TextIO | None = None, max_pending: int = 256) -> None:
        self.enabled = logging.getLogger(LOGGER).isEnabledFor(logging.INFO)
        self.stream = stream
        self.max_pending = max_pending
        self._pending: list[str] = []

    def line(self, client: str, method: str, path: str, status: int, ms: float, query: str, fmt: str) -> None:
        if not self.enabled:
            return
        now = time.time()
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now))
        self._pending.append(
            f'{stamp},{int(now * 1000) % 1000:03d} INFO {LOGGER}: {client} "{method} {path}" {status} '
            f"{ms:.1f}ms query={query} format={fmt}\n"
        )
        if len(self._pending) >= self.max_pending:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        lines, self._pending = self._pending, []
        stream = self.stream or _handler_stream()
        try:
            stream.write("".join(lines))
            stream.flush()
        except (OSError, ValueError):  # a closed stream at shutdown: nothing left to tell
            pass


def _handler_stream() -> TextIO:
    """The stream of the first stream handler the access logger would use (stderr by default)."""
    logger: logging.Logger | None = logging.getLogger(LOGGER)
    while logger is not None:
        for handler in logger.handlers:
            stream = getattr(handler, "stream", None)
            if stream is not None:
                return stream
        logger = logger.parent if logger.propagate else None
    return sys.stderr
