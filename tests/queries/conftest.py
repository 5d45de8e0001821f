"""One build of the real corpus, loaded into both SPARQL engines, shared by the query tests."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from iskg.graph.build import GRAPH_FILE, build
from iskg.graph.query import open_store
from iskg.graph.rdflib_engine import load_graph

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="session")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Turtle file a real build writes (built once per session: the build takes seconds)."""
    out = tmp_path_factory.mktemp("queries-out")
    build(CORPUS, out, progress=lambda _: None)
    return out / GRAPH_FILE


@pytest.fixture(scope="session")
def store(graph_file: Path) -> ox.Store:
    return open_store(graph_file)


@pytest.fixture(scope="session")
def rdf_graph(graph_file: Path) -> Graph:
    return load_graph(graph_file)
