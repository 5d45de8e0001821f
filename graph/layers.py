"""The graph a build makes, in the layers it is made, written and checked in.

The *shared* layer is the ontology, the reference vocabulary, and what the documents are and say
about entities (see `iskg.graph.abox`); it is small next to the documents' *own* layers (text and
evidence, everything under a document's IRI), which the build makes one document at a time.
A node belongs to a document's own layer when its IRI lies under that document's IRI
(`…/id/document/<slug>/…`); `owner` says which, so any graph can be cut into the same layers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from iskg.graph.abox import SAME_WORK_AS, AboxWriter, document_slugs
from iskg.loaders.extract import Extraction
from iskg.loaders.iris import RESOURCE
from iskg.loaders.vocabulary import Entity
from iskg.ontology import ontology_path, vocabulary_path

_OWNED = re.compile(rf"^({re.escape(RESOURCE)}document/[^/]+)/")


def owner(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str | None:
    """The IRI of the document whose own layer holds this node; None for a node of the shared layer."""
    if isinstance(term, ox.NamedNode):
        found = _OWNED.match(term.value)
        return found.group(1) if found else None
    return None


def ontology_quads(vocabulary: Path | None = None) -> list[ox.Quad]:
    """Ontology and vocabulary, their blank nodes named in file order so that every build names them alike."""
    names: dict[ox.BlankNode, ox.BlankNode] = {}

    def name(term):
        return names.setdefault(term, ox.BlankNode(f"o{len(names)}")) if isinstance(term, ox.BlankNode) else term

    return [ox.Quad(name(q.subject), q.predicate, name(q.object))
            for path in (ontology_path(), vocabulary or vocabulary_path())
            for q in ox.parse(path=path, format=ox.RdfFormat.TURTLE)]


def sort_key(quad: ox.Quad) -> tuple[str, str, str]:
    return str(quad.subject), str(quad.predicate), str(quad.object)


def _nowhere(_quad: ox.Quad) -> None:
    pass


@dataclass
class Layers:
    """The shared layer (distinct triples, sorted), and how to make each document's own layer."""

    shared: list[ox.Quad]
    slugs: dict[str, str]

    def own(self, extraction: Extraction) -> list[ox.Quad]:
        """A document's sections, paragraphs and evidence: distinct triples, grouped by subject as written."""
        grouped: dict[object, dict[ox.Quad, None]] = {}

        def add(quad: ox.Quad) -> None:
            grouped.setdefault(quad.subject, {})[quad] = None

        writer = AboxWriter(_nowhere, self.slugs, own=add)
        writer.add_text(extraction.document)
        writer.add_evidence(extraction)
        return [quad for quads in grouped.values() for quad in quads]


def graph_layers(extractions: list[Extraction], entities: dict[str, Entity],
                 renditions: Iterable[tuple[str, str, float]], vocabulary: Path | None = None) -> Layers:
    """Ontology + reference vocabulary (the packaged one unless given) + what the documents say about entities."""
    shared = ontology_quads(vocabulary)
    slugs = document_slugs([ex.document for ex in extractions])
    writer = AboxWriter(shared.append, slugs, own=_nowhere)
    for entity in entities.values():
        writer.add_entity(entity)
    for ex in extractions:
        writer.describe_document(ex.document)
        writer.add_links(ex)
    by_source = {ex.document.source: ox.NamedNode(writer.doc_node(ex.document)) for ex in extractions}
    for a, b, _ in renditions:
        shared.append(ox.Quad(by_source[a], SAME_WORK_AS, by_source[b]))
        shared.append(ox.Quad(by_source[b], SAME_WORK_AS, by_source[a]))
    return Layers(sorted(set(shared), key=sort_key), slugs)
