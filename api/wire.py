"""The framing between the server and its worker processes: small pickled headers, raw bytes bodies.

A frame is ``struct(">II")`` (header length, body length), the pickled header (a small dict or
tuple), then the body bytes untouched. Results travel as the engine serialised them, so the server
copies bytes and never rebuilds Python objects from them.
"""

from __future__ import annotations

import pickle
import struct
from typing import Any, BinaryIO

PREFIX = struct.Struct(">II")


def encode(header: Any, body: bytes = b"") -> bytes:
    """One frame holding *header* and *body*."""
    head = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
    return PREFIX.pack(len(head), len(body)) + head + body


def read_frame(stream: BinaryIO) -> tuple[Any, bytes] | None:
    """The next frame from a blocking stream, or ``None`` at end of stream."""
    prefix = _read_exactly(stream, PREFIX.size)
    if prefix is None:
        return None
    head_len, body_len = PREFIX.unpack(prefix)
    head = _read_exactly(stream, head_len)
    body = _read_exactly(stream, body_len) if body_len else b""
    if head is None or body is None:
        return None
    return pickle.loads(head), body


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    chunks = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def pack_parts(payloads: list[bytes]) -> bytes:
    """Several payloads in one body, each prefixed by its length (a multipart Graph Store POST)."""
    return b"".join(len(p).to_bytes(8, "big") + p for p in payloads)


def unpack_parts(body: bytes, count: int) -> list[bytes]:
    """The *count* payloads of a :func:`pack_parts` body."""
    parts = []
    offset = 0
    for _ in range(count):
        size = int.from_bytes(body[offset : offset + 8], "big")
        parts.append(body[offset + 8 : offset + 8 + size])
        offset += 8 + size
    return parts
