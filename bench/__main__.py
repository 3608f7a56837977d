"""``python -m bench [NAME...] [--quick]``: run the benchmarks, print a table, write bench/output/*.json."""

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    available = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    names = args.names or available
    out = HERE / "output"
    out.mkdir(exist_ok=True)
    for name in names:
        if name not in available:
            print(f"unknown benchmark {name!r}; available: {', '.join(available)}")
            return 2
        module = importlib.import_module(f"bench.bench_{name}")
        started = time.perf_counter()
        rows = module.run(quick=args.quick)
        elapsed = time.perf_counter() - started
        print(f"\n== {name} ({elapsed:.1f} s)")
        if rows:
            columns = list(rows[0])
            print(" | ".join(columns))
            for row in rows:
                print(
                    " | ".join(
                        f"{row.get(c, ''):.3g}" if isinstance(row.get(c), float) else str(row.get(c, ""))
                        for c in columns
                    )
                )
        (out / f"{name}.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
