"""SHACL validation of an iskg graph against shapes/iskg-shapes.ttl.

The shapes expect the ontology to be in the data graph (so that rdfs:subClassOf is visible) and no
inference (RDFS inference would apply rdfs:domain/rdfs:range and make every domain and range check
pass trivially; see the header of the shapes file). This module therefore copies the data into an
in-memory Oxigraph store, adds the ontology when it is not already there, and runs SHACL with
inference "none" on that store.

Two engines give the same report: pyshacl-turbo (the default: a Rust engine, measured about 10x faster
on the built graph, see benchmarks/) and pySHACL (the reference, `engine="pyshacl"`), which evaluates the
SPARQL-based constraints with Oxigraph. tests/shapes/test_shacl_engines.py holds them to identical reports.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pyshacl_turbo
from pyshacl.graph_abstraction import OxigraphDataGraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH
from rdflib.term import Node

from iskg.graph.rdflib_engine import to_oxigraph
from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path
from iskg.shapes import shapes_path

_OX_OWL_ONTOLOGY = ox.NamedNode(str(OWL.Ontology))
_OX_RDF_TYPE = ox.NamedNode(str(RDF.type))
ENGINES = ("turbo", "pyshacl")


class _OxigraphData(OxigraphDataGraph):
    """pySHACL's Oxigraph data graph, made always truthy.

    pySHACL describes every (even discarded) result with `stringify_node(datagraph or sg, …)`; the
    truthiness test falls back to `__len__`, which on Oxigraph counts every triple. With sh:or and
    qualified shapes that is several counts per focus node, which made validation quadratic in the
    size of the graph (60k triples: minutes instead of seconds).
    """

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of one validation: whether the graph conforms, and a report people can read."""

    conforms: bool
    violations: int
    report_text: str
    report_graph: Graph
    seconds: float


def validate(data: Graph | Path | ox.Store, *, engine: str = "turbo") -> ValidationResult:
    """Validate a graph (an RDF file, or an Oxigraph store) against the iskg shapes, with the ontology added.

    Only violations make a graph non-conforming (the shapes use no other severity today).
    `seconds` covers everything: loading, adding the ontology, SHACL and the report. A store
    passed in may gain the ontology's triples.
    """
    if engine not in ENGINES:
        raise IskgError(f"unknown SHACL engine {engine!r} (use {' or '.join(ENGINES)})")
    started = time.perf_counter()
    if isinstance(data, ox.Store):
        store = data
    else:
        store = _load_file(Path(data)) if isinstance(data, (str, Path)) else _store_from_graph(data)
    _add_ontology(store)
    shapes = Graph().parse(shapes_path(), format="turtle")
    run = pyshacl_turbo.validate if engine == "turbo" else pyshacl.validate
    conforms, report_graph, _ = run(
        store if engine == "turbo" else _OxigraphData(store),
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    return validation_result(bool(conforms), report_graph, shapes, started)


def validation_result(conforms: bool, report_graph: Graph, shapes: Graph, started: float) -> ValidationResult:
    """The verdict with its report, in the words of the shapes' prefixes; `started` is when the work began."""
    for prefix, namespace in shapes.namespaces():
        report_graph.bind(prefix, namespace)
    lines = _report_lines(report_graph)
    violations = sum(1 for line in lines if line.startswith("Violation"))
    header = f"Conforms: {conforms} ({violations} violations, {len(lines)} results)"
    return ValidationResult(
        conforms=conforms,
        violations=violations,
        report_text="\n".join([header, *lines]),
        report_graph=report_graph,
        seconds=time.perf_counter() - started,
    )


# --- loading ----------------------------------------------------------------------------------


def _load_file(path: Path) -> ox.Store:
    """Parse an RDF file straight into Oxigraph; any failure becomes one line naming the file."""
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if rdf_format is None:
        raise IskgError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
    store = ox.Store()
    try:
        store.bulk_load(path=path, format=rdf_format)
    except (SyntaxError, OSError, ValueError) as error:
        message = " ".join(str(error).split())
        raise IskgError(f"{path}: cannot parse {rdf_format.name}: {message}") from error
    return store


def _store_from_graph(graph: Graph) -> ox.Store:
    """Copy an rdflib graph (any store) into a fresh Oxigraph store that validation may extend."""
    store = ox.Store()
    store.bulk_extend(_quads(graph))
    return store


def _quads(graph: Graph) -> Iterator[ox.Quad]:
    for s, p, o in graph.triples((None, None, None)):
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))


def _add_ontology(store: ox.Store) -> None:
    """Add the TBox unless the graph already carries it (the build's output file does)."""
    ontology = list(ox.parse(path=ontology_path(), format=ox.RdfFormat.TURTLE))
    headers = [q.subject for q in ontology if q.predicate == _OX_RDF_TYPE and q.object == _OX_OWL_ONTOLOGY]
    if headers and all(ox.Quad(h, _OX_RDF_TYPE, _OX_OWL_ONTOLOGY) in store for h in headers):
        return
    store.bulk_extend(ontology)


# --- the readable report ------------------------------------------------------------------------


def _report_lines(report: Graph) -> list[str]:
    """One sorted line per result: severity, focus node, path, message (and the offending value)."""
    lines = []
    # only the report's own results: those of sh:node/sh:or are nested under them as sh:detail
    for result in report.objects(report.value(predicate=RDF.type, object=SH.ValidationReport), SH.result):
        severity = report.value(result, SH.resultSeverity)
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        component = report.value(result, SH.sourceConstraintComponent)
        message = report.value(result, SH.resultMessage) or _short(report, component)
        parts = [
            _short(report, severity).removeprefix("sh:"),
            _short(report, focus),
            f"path {_short(report, path)}" if path is not None else "",
            str(message),
            f"(value: {_short(report, value)})" if value is not None and value != focus else "",
        ]
        lines.append(" | ".join(part for part in parts if part))
    return sorted(lines)


_PATH_OPERATORS = {SH.oneOrMorePath: "{}+", SH.zeroOrMorePath: "{}*", SH.zeroOrOnePath: "{}?", SH.inversePath: "^{}"}


def _short(graph: Graph, term: Node | None) -> str:
    """A term as a reader wants it: prefixed IRI, quoted literal, or a property path like `a+`."""
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        return term.n3(graph.namespace_manager)
    if isinstance(term, Literal):
        return repr(str(term)) if term.language is None else f"{str(term)!r}@{term.language}"
    for operator, template in _PATH_OPERATORS.items():
        inner = graph.value(term, operator)
        if inner is not None:
            return template.format(_short(graph, inner))
    return "[]"
