"""The examples in the docstrings of the query library's modules (and the ontology docs) hold."""

import doctest
import importlib

import pytest

MODULES = ["pactgraph.queries.catalog", "pactgraph.queries.running", "pactgraph.ontology.docs"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
