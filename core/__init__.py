"""Shared ground for every pactgraph package: the one settings object and the exception tree.

Imports run one way: ``cli -> api -> graph -> (ontology, core)`` and ``extract -> (ontology, core)``.
Nothing here imports another pactgraph package.
"""
