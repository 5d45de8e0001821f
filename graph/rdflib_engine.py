"""The stored queries on plain rdflib: a second, independent SPARQL engine.

pyoxigraph is the engine `iskg query` uses; running the same `.rq` files on rdflib's own
evaluator is how the tests show that a stored query means the same thing on another SPARQL 1.1
implementation, and it lets a notebook that already holds an `rdflib.Graph` ask the stored
questions without a second store. Parameters go in as `initBindings` (RDF terms), never pasted
into the query text. Results come back as the same `Rows` (pyoxigraph terms) as the default engine.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from iskg.graph.query import Rows, bindings, stored_query
from iskg.loaders.errors import IskgError

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def load_graph(graph_file: Path) -> Graph:
    """The built graph in rdflib's memory store."""
    if not graph_file.is_file():
        raise IskgError(f"{graph_file}: no built graph here (run 'iskg build' first)")
    try:
        return Graph().parse(str(graph_file), format="turtle")
    except Exception as e:  # rdflib's parsers raise many types; the message is what matters
        raise IskgError(f"{graph_file}: cannot load graph: {e}") from e


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Identifier:
    """A pyoxigraph term as the equal rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:  # rdflib keeps plain literals untyped; typed, they would not match
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Identifier | None) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    """An rdflib result term as the equal pyoxigraph term, so both engines give the same `Rows`."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise IskgError(f"unexpected term in a result: {term!r}")


def run_select_rdflib(graph: Graph, text: str, init_bindings: dict[str, Identifier] | None = None) -> Rows:
    """Run a SELECT query with rdflib's evaluator; a malformed query is an error with the parser's message."""
    try:
        result = graph.query(text, initBindings=init_bindings or {})
    except Exception as e:  # pyparsing and evaluation errors have no common base worth naming
        raise IskgError(f"rdflib could not run the query: {str(e).splitlines()[0] if str(e) else e!r}") from e
    if result.type != "SELECT":
        raise IskgError("only SELECT queries give rows")
    variables = [str(v) for v in result.vars]
    return Rows(variables, [{v: to_oxigraph(row[i]) for i, v in enumerate(variables)} for row in result])


def run_stored_rdflib(graph: Graph, name: str, **params: str) -> Rows:
    """Run a stored query by name on an rdflib graph, with the same parameter checks as `run_stored`."""
    query = stored_query(name)
    init = {var.value: to_rdflib(term) for var, term in bindings(query, params).items()}
    return run_select_rdflib(graph, query.text, init)
