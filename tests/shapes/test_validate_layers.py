"""Validating layer by layer (the build's way) gives the verdict and report of validating the whole graph."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from test_shapes import BREAKAGES

from iskg.graph.rdflib_engine import to_oxigraph
from iskg.graph.validate import validate
from iskg.graph.validate_layers import validate_by_layers


def _quads(graph: Graph):
    import pyoxigraph as ox

    return [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph]


def _same(graph: Graph, **sizes: int) -> None:
    whole, layered = validate(graph), validate_by_layers(_quads(graph), **sizes)
    assert layered.conforms == whole.conforms
    assert layered.violations == whole.violations
    assert layered.report_text == whole.report_text
    assert isomorphic(layered.report_graph, whole.report_graph)


@pytest.mark.parametrize("update", [u for _, u, _ in BREAKAGES], ids=[i for i, _, _ in BREAKAGES])
def test_a_planted_violation_is_reported_alike(change: Callable[[str], Graph], update: str) -> None:
    _same(change(update))


@pytest.mark.parametrize("update", [u for _, u, _ in BREAKAGES], ids=[i for i, _, _ in BREAKAGES])
def test_in_small_pieces_too(change: Callable[[str], Graph], update: str) -> None:
    """A few evidence nodes and a few shared nodes at a time: what the pieces miss of each other shows."""
    _same(change(update), chunk_triples=40, group_nodes=4)


def test_the_valid_fixture_conforms_alike(valid_graph: Graph) -> None:
    _same(valid_graph)
