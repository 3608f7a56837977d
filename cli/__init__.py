"""The ``pactgraph`` command line: thin typer commands over plain functions of the packages."""
