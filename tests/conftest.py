"""Shared fixtures. Each file in tests/fixtures/ contributes fixtures (one owner each):
store.py (built stores), server.py (a real running server), browser.py (headless chromium),
extraction.py (single-sentence extraction), bench.py (the bench/ modules).
They are loaded here so that every test folder sees them without a tests/__init__.py
(which would put the repository root on sys.path and import `api` twice)."""

import importlib.util
from pathlib import Path

_FIXTURES = Path(__file__).parent / "fixtures"

for _file in sorted(_FIXTURES.glob("*.py")):
    _spec = importlib.util.spec_from_file_location(f"pactgraph_test_fixtures_{_file.stem}", _file)
    assert _spec and _spec.loader
    _module = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_module)
    globals().update({k: v for k, v in vars(_module).items() if not k.startswith("_")})
