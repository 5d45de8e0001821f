"""Deterministic, prefixed Turtle: the same graph always gives the same bytes."""

from __future__ import annotations

from rdflib import Graph

from iskg.graph.namespaces import bind_prefixes


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as Turtle with the project's prefixes; rdflib orders subjects and objects."""
    copy = bind_prefixes(Graph())
    for triple in graph:
        copy.add(triple)
    return copy.serialize(format="turtle", encoding="utf-8")
