"""The examples in the web modules' docstrings run and give what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["text", "iris", "views"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"pactgraph.api.web.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
