"""The docstring examples of the API modules run and hold."""

from __future__ import annotations

import doctest

import pytest
from pactgraph.api import negotiation, sparql_lexer


@pytest.mark.parametrize("module", [sparql_lexer, negotiation], ids=lambda m: m.__name__)
def test_docstring_examples_hold(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
