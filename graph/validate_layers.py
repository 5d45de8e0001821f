"""SHACL validation layer by layer, so that its time grows with the number of documents, not faster.

pyshacl-turbo on a whole graph grows faster than the graph (measured on the shared machine: 100k
triples in 3 s, 520k in 94 s). Validated here instead, with the ontology added to each piece: a few
documents' own layers (`iskg.graph.layers`) at a time with what their triples point at in the shared
layer, focus restricted to their own nodes; then the shared layer a group of nodes at a time, with
what those point at and the statements about them, focus restricted to the group. The verdict and
report are those of validating the whole graph (tests/shapes/test_validate_layers.py shows it on
every planted violation of the shape tests, in pieces as small as four nodes), because that is all
the shapes read beyond a focus node:

* from a document's node: the types of what it points at, the `dcterms:isPartOf` chain upwards,
  and whether a statement's triple is asserted, all of which go with it;
* from a shared node: its own triples, the types, `discovered` flags and `isPartOf` chains of what
  it points at, and the statements with it as subject or object with their annotations.

A document's evidence is taken to point into its own text only (never into another document's
paragraphs), which is how the build writes it.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable

import pyoxigraph as ox
import pyshacl_turbo
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH

from iskg.graph.abox import DISCOVERED, HAS_BODY, IS_PART_OF, RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, TYPE
from iskg.graph.layers import owner
from iskg.graph.validate import ValidationResult, validation_result
from iskg.ontology import ontology_path
from iskg.shapes import shapes_path

_STATEMENT_PARTS = (RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT)


def validate_by_layers(quads: Iterable[ox.Quad], **sizes: int) -> ValidationResult:
    """Any graph validated as the build validates its own: cut into layers by `owner`, document by document.

    `sizes` (`chunk_triples`, `group_nodes`) set how much goes into one run of the engine."""
    shared: list[ox.Quad] = []
    own: dict[str, list[ox.Quad]] = {}
    for quad in quads:
        document = owner(quad.subject)
        (own.setdefault(document, []) if document else shared).append(quad)
    validation = LayeredValidation(shared, **sizes)
    for document in sorted(own):
        validation.add(own[document])
    return validation.result()


class LayeredValidation:
    """Feed it each document's own layer (`add`), then ask for the verdict (`result`)."""

    def __init__(self, shared: list[ox.Quad], *, chunk_triples: int = 8000, group_nodes: int = 200) -> None:
        self.started = time.perf_counter()
        self.shapes = Graph().parse(shapes_path(), format="turtle")
        self.engine = pyshacl_turbo.CompiledShapes(self.shapes)
        self.ontology = [ox.Quad(q.subject, q.predicate, q.object)
                         for q in ox.parse(path=ontology_path(), format=ox.RdfFormat.TURTLE)]
        self.shared = ox.Store()
        self.shared.bulk_extend(shared)
        self.shared.bulk_extend(self.ontology)  # as `validate` adds it to a graph without it
        # shared triples pointing into documents: the types of those nodes go with the shared layer
        self.pointed_into = {q.object for q in shared if owner(q.object)}
        self.evidence: list[ox.Quad] = []
        self.pending: list[ox.Quad] = []
        self.conforms = True
        self.reports: list[Graph] = []
        self.chunk_triples = chunk_triples
        self.group_nodes = group_nodes

    def add(self, own: list[ox.Quad]) -> None:
        """One document's own layer; it is validated once enough triples are waiting."""
        bodies = {q.subject for q in own if q.predicate == HAS_BODY and owner(q.object)}
        self.evidence += [q for q in own if q.predicate in _STATEMENT_PARTS or q.subject in bodies and
                          (q.predicate == HAS_BODY and owner(q.object) or q.predicate == TYPE)
                          or q.subject in self.pointed_into and q.predicate == TYPE]
        self.pending += own
        if len(self.pending) >= self.chunk_triples:
            self._validate_pending()

    def result(self) -> ValidationResult:
        """The verdict on the whole graph: the documents still waiting, then the shared layer, a group at a time."""
        self._validate_pending()
        focus = sorted({t.value for q in self.shared.quads_for_pattern(None, None, None, ox.DefaultGraph())
                        for t in (q.subject, q.object) if isinstance(t, ox.NamedNode) and not owner(t)})
        self.shared.bulk_extend(self.evidence)
        for start in range(0, len(focus), self.group_nodes):
            group = [ox.NamedNode(iri) for iri in focus[start:start + self.group_nodes]]
            store = ox.Store()
            store.bulk_extend(self.ontology)
            store.bulk_extend(self._around(group))
            self._run(store, group)
        report = _merged(self.reports, self.conforms, self.shapes)
        return validation_result(self.conforms, report, self.shapes, self.started)

    def _around(self, group: list[ox.NamedNode]) -> set[ox.Quad]:
        """What the shapes read from these shared nodes: their triples, the types (and `discovered` flags and
        `isPartOf` chains) of what those point at, and the statements about them with their annotations."""
        out: set[ox.Quad] = set()
        pointed: list = []
        for node in group:
            for quad in self._quads(node, None, None):
                out.add(quad)
                pointed.append(quad.object)
            for part in (RDF_SUBJECT, RDF_OBJECT):
                for statement in self._quads(None, part, node):
                    out.update(self._quads(statement.subject, None, None))
                    for annotation in self._quads(None, HAS_BODY, statement.subject):
                        out.add(annotation)
                        out.update(self._quads(annotation.subject, TYPE, None))
        out.update(self._described(pointed, (TYPE, IS_PART_OF, DISCOVERED)))
        return out

    def _quads(self, s, p, o) -> Iterable[ox.Quad]:
        return self.shared.quads_for_pattern(s, p, o, ox.DefaultGraph())

    def _described(self, nodes: Iterable, predicates: tuple) -> set[ox.Quad]:
        """The triples of these predicates about these nodes, following `isPartOf` upwards."""
        out: set[ox.Quad] = set()
        seen: set = set()
        todo = [n for n in nodes if isinstance(n, ox.NamedNode)]
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for predicate in predicates:
                for quad in self._quads(node, predicate, None):
                    out.add(quad)
                    if predicate == IS_PART_OF:
                        todo.append(quad.object)
        return out

    def _validate_pending(self) -> None:
        if not self.pending:
            return
        own, self.pending = self.pending, []
        chunk = ox.Store()
        chunk.bulk_extend(self.ontology)
        chunk.bulk_extend(own)
        chunk.bulk_extend(self._pointed_at(own))
        self._run(chunk, {t for q in own for t in (q.subject, q.object) if owner(t)})

    def _pointed_at(self, own: list[ox.Quad]) -> set[ox.Quad]:
        """What the shapes read of the shared layer from these documents' nodes."""
        out = self._described((q.object for q in own if not owner(q.object)), (TYPE, IS_PART_OF))
        parts: dict = {}
        for q in own:
            if q.predicate in _STATEMENT_PARTS:
                parts.setdefault(q.subject, {}).setdefault(q.predicate, []).append(q.object)
        for found in parts.values():
            for s, p, o in itertools.product(*(found.get(part, []) for part in _STATEMENT_PARTS)):
                if isinstance(p, ox.NamedNode) and not isinstance(s, ox.Literal):
                    out.update(self._quads(s, p, o))
        return out

    def _run(self, store: ox.Store, focus: Iterable) -> None:
        focus = sorted(t.value for t in focus if isinstance(t, ox.NamedNode))
        if not focus:
            return
        conforms, report, _ = self.engine.validate(store, allow_warnings=True, allow_infos=True, focus_nodes=focus)
        self.conforms = self.conforms and bool(conforms)
        self.reports.append(report)


def _merged(reports: list[Graph], conforms: bool, shapes: Graph) -> Graph:
    """One validation report holding every result of the partial reports (their blank nodes kept apart)."""
    kept = {n for n in shapes.all_nodes() if isinstance(n, BNode)}
    out = Graph()
    top = BNode()
    out.add((top, RDF.type, SH.ValidationReport))
    out.add((top, SH.conforms, Literal(conforms)))
    for report in reports:
        _copy_results(report, out, top, kept)
    return out


def _copy_results(report: Graph, out: Graph, top: BNode, kept: set[BNode]) -> None:
    """The results of one report into `out`, under `top`; blank nodes other than the shapes' renamed."""
    fresh: dict[BNode, BNode] = {}

    def rename(term):
        return fresh.setdefault(term, BNode()) if isinstance(term, BNode) and term not in kept else term

    tops = set(report.subjects(RDF.type, SH.ValidationReport))
    for s, p, o in report:
        if s not in tops:
            out.add((rename(s), p, rename(o)))
        elif p == SH.result:
            out.add((top, SH.result, rename(o)))
