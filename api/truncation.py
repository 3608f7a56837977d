"""Cutting a SELECT result evaluated with ``LIMIT cap+1`` down to ``cap`` rows, and saying so.

Works on the serialised bytes (no Python-side rebuilding, except JSON, which gets its note and
link): JSON ``head.link`` plus a top-level ``truncated`` note; XML a ``<link>`` in its head; TSV
lines; CSV rows counted by a parser (values may hold newlines), re-evaluated exactly when cut.
"""

from __future__ import annotations

import csv
import io

import orjson

CSV_NEEDS_EXACT = object()  # returned for a cut CSV result: evaluate the exact-LIMIT text instead


def cut(body: bytes, media: str, cap: int, paging_link: str) -> tuple[bytes, int | None] | object:
    """(body with at most *cap* rows, *cap* if rows were cut else None), or :data:`CSV_NEEDS_EXACT`."""
    if len(body) < 2 * (cap + 1):
        # Every row takes at least two bytes in each format (JSON "{}," XML "<result>", TSV/CSV a line
        # end), so a body this short cannot hold cap + 1 rows: skip the parse (orjson.loads of a 40 kB
        # result was ~270 us, paid on every SELECT without its own LIMIT).
        return body, None
    if media == "application/sparql-results+json":
        data = orjson.loads(body)
        bindings = data["results"]["bindings"]
        if len(bindings) <= cap:
            return body, None
        del bindings[cap:]
        data["head"]["link"] = [paging_link]
        data["truncated"] = {
            "rows": cap,
            "note": f"The result was cut at {cap} rows (PACTGRAPH_MAX_RESULT_ROWS). Page through it "
            "with ORDER BY plus LIMIT and OFFSET; see the link in head.",
        }
        return orjson.dumps(data), cap
    if media == "application/sparql-results+xml":
        if body.count(b"<result>") <= cap:
            return body, None
        last = body.rindex(b"<result>")
        end = body.index(b"</results>", last)
        body = body[:last] + body[end:]
        link = f'<link href="{paging_link}"/>'.encode()
        return body.replace(b"</head>", link + b"</head>", 1), cap
    if media == "text/tab-separated-values":
        if body.count(b"\n") - 1 <= cap:
            return body, None
        return body[: _nth_index(body, b"\n", cap + 1) + 1], cap
    if not _csv_has_more_than(body, cap):
        return body, None
    return CSV_NEEDS_EXACT


def _nth_index(data: bytes, needle: bytes, n: int) -> int:
    position = -1
    for _ in range(n):
        position = data.index(needle, position + 1)
    return position


def _csv_has_more_than(body: bytes, cap: int) -> bool:
    if b'"' not in body:
        return body.count(b"\r\n") - 1 > cap
    rows = sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    return rows - 1 > cap
