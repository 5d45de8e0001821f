"""Shared helpers for the shape tests: the valid fixture, and how to break it with SPARQL Update."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid.ttl"

# The fixture's prefixes, so that a breakage reads like the fixture itself (<p/1> is paragraph 1).
PREFIXES = """
BASE <https://w3id.org/iskg/id/document/st-5842-2-10-rev-2/>
PREFIX iskg:       <https://w3id.org/iskg/ontology#>
PREFIX document:   <https://w3id.org/iskg/id/document/>
PREFIX actor:      <https://w3id.org/iskg/id/actor/>
PREFIX threat:     <https://w3id.org/iskg/id/threat/>
PREFIX guideline:  <https://w3id.org/iskg/id/guideline/>
PREFIX instrument: <https://w3id.org/iskg/id/instrument/>
PREFIX principle:  <https://w3id.org/iskg/id/principle/>
PREFIX skos:       <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms:    <http://purl.org/dc/terms/>
PREFIX oa:         <http://www.w3.org/ns/oa#>
PREFIX rdf:        <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd:        <http://www.w3.org/2001/XMLSchema#>
"""


def load_valid() -> Graph:
    """A fresh copy of the valid fixture (data only; the validator adds the ontology)."""
    return Graph().parse(VALID, format="turtle")


def changed(update: str) -> Graph:
    """The valid fixture after one SPARQL Update."""
    graph = load_valid()
    graph.update(PREFIXES + update)
    return graph


@pytest.fixture
def valid_graph() -> Graph:
    return load_valid()


@pytest.fixture
def change() -> Callable[[str], Graph]:
    """`change(update)`: the valid fixture after that SPARQL Update."""
    return changed
