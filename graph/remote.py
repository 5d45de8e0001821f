"""Stored queries on a remote SPARQL endpoint, answered as the embedded store answers them.

Why: the same `Rows` of pyoxigraph terms come back as from graph/query.py, so formatting and
comparisons do not care where a query ran. Parameters travel as a trailing `VALUES` block of
terms that pyoxigraph serialises (N-Triples syntax, escaped), so a value is always one RDF term
and can neither break the query nor change what it asks.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from iskg.graph.endpoint import DEFAULT_TIMEOUT, Client, Credentials, credentials_for, endpoints
from iskg.graph.push import DEFAULT_GRAPH_IRI
from iskg.graph.query import Rows, bindings, stored_query
from iskg.loaders.errors import IskgError

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def with_values(text: str, bound: dict[ox.Variable, ox.NamedNode | ox.Literal] | None) -> str:
    """The query with its parameters as a trailing VALUES block (SPARQL 1.1, §10.2.2).

    It starts on a line of its own, so a comment on the query's last line cannot swallow it.
    """
    if not bound:
        return text
    names = " ".join(str(v) for v in bound)
    terms = " ".join(str(t) for t in bound.values())
    return f"{text.rstrip()}\nVALUES ({names}) {{ ({terms}) }}\n"


def to_term(binding: dict, blanks: dict[str, ox.BlankNode]) -> Term:
    """One SPARQL JSON result term as a pyoxigraph term (one blank node per label per result)."""
    kind, value = binding.get("type"), binding.get("value")
    if not isinstance(value, str):
        raise IskgError(f"remote result: a term without a value: {binding!r}")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        if value not in blanks:
            try:
                blanks[value] = ox.BlankNode(value)
            except ValueError:  # e.g. Virtuoso's nodeID://b123: keep it distinct and stable
                blanks[value] = ox.BlankNode(hashlib.sha256(value.encode()).hexdigest()[:32])
        return blanks[value]
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return ox.Literal(value, language=binding["xml:lang"])
        if binding.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    raise IskgError(f"remote result: unsupported term type {kind!r}")


def to_rows(result: dict) -> Rows:
    """SPARQL 1.1 Query Results JSON as Rows."""
    try:
        variables = list(result["head"]["vars"])
        solutions = result["results"]["bindings"]
    except (KeyError, TypeError):
        raise IskgError("remote result: not SPARQL SELECT results") from None
    blanks: dict[str, ox.BlankNode] = {}
    rows = [{v: to_term(s[v], blanks) if v in s else None for v in variables} for s in solutions]
    return Rows(variables, rows)


def run_remote_select(endpoint: str, text: str, bound: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
                      *, graph_iri: str | None = DEFAULT_GRAPH_IRI, auth: Credentials | None = None,
                      timeout: float = DEFAULT_TIMEOUT) -> Rows:
    """Run a SELECT query at `endpoint` over the named graph `graph_iri` (None: the server's default graph)."""
    client = Client(endpoints(endpoint), auth if auth is not None else credentials_for(endpoint), timeout)
    return to_rows(client.select(with_values(text, bound), default_graph=graph_iri or None))


def run_remote_stored(endpoint: str, name: str, *, graph_iri: str | None = DEFAULT_GRAPH_IRI,
                      auth: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT, **params: str) -> Rows:
    """Run a stored query by name on a remote endpoint: the notebook entry point, as run_stored."""
    query = stored_query(name)
    return run_remote_select(endpoint, query.text, bindings(query, params), graph_iri=graph_iri, auth=auth,
                             timeout=timeout)
