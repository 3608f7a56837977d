"""Load rate (quads/s) of pactgraph's loader against raw pyoxigraph bulk loading, same file, same run.

Three ways of loading the same synthetic N-Quads file into a new on-disk store, interleaved and
repeated, best of each taken (the machine is shared: compare ratios, not absolute rates):

- ``raw``: ``pyoxigraph.Store(path).bulk_load(path=file)``, the baseline;
- ``pactgraph load``: ``graph.loading.bulk_load_file`` (the same bulk loader, with errors that
  name the file and line), the loading step of ``pactgraph build``;
- ``load + union``: that plus the default-graph union the build materialises next (every triple
  is written a second time, so about half the rate is expected; reported, not hidden).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bench.bench_build import synthetic_nquads


def _raw(nquads: Path, target: Path) -> None:
    import pyoxigraph as ox

    ox.Store(str(target)).bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)


def _ours(nquads: Path, target: Path) -> None:
    from pactgraph.graph.loading import bulk_load_file
    from pactgraph.graph.location import open_writable

    bulk_load_file(open_writable(target), nquads)


def _ours_with_union(nquads: Path, target: Path) -> None:
    from pactgraph.graph.loading import bulk_load_file, materialise_union
    from pactgraph.graph.location import open_writable

    store = open_writable(target)
    bulk_load_file(store, nquads)
    materialise_union(store)


def run(quick: bool) -> list[dict]:
    import gc

    size = 100_000 if quick else 1_000_000
    repeats = 2 if quick else 3
    work = Path(tempfile.mkdtemp(prefix="pactgraph-bench-load-"))
    try:
        nquads = work / "synthetic.nq"
        quads = synthetic_nquads(nquads, size)
        ways = {
            "raw pyoxigraph bulk_load": _raw,
            "pactgraph load": _ours,
            "pactgraph load + union": _ours_with_union,
        }
        best = {name: float("inf") for name in ways}
        for i in range(repeats):
            for name, load in ways.items():
                target = work / f"store-{i}-{len(best)}-{name.split()[0]}"
                started = time.perf_counter()
                load(nquads, target)
                gc.collect()  # close the store inside the timing: its flush is part of loading
                best[name] = min(best[name], time.perf_counter() - started)
                shutil.rmtree(target, ignore_errors=True)
        baseline = quads / best["raw pyoxigraph bulk_load"]
        return [
            {
                "loader": name,
                "quads": quads,
                "best s": round(seconds, 2),
                "quads/s": round(quads / seconds),
                "ratio vs raw": round((quads / seconds) / baseline, 2),
            }
            for name, seconds in best.items()
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
