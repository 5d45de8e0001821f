"""Documents and what was extracted from them, as RDF: the ABox with its evidence.

Every node gets an IRI derived from content (document numbers, positions, a hash of what an
annotation says), so two builds give the same triples and adding a document changes no IRI.

Triples come in two layers. The *shared* layer says what the documents are and what they say about
entities: documents with their metadata and citations, entities, relations, which entities a
document mentions. A document's *own* layer is everything under its IRI (`<document>/…`): sections,
paragraphs with their text, and the evidence. The build keeps the shared layer and writes, checks and
forgets one document's own layer at a time, which is what keeps its memory flat in the corpus size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pyoxigraph as ox
from rdflib import Graph, URIRef

from iskg.graph.rdflib_engine import to_rdflib
from iskg.loaders.extract import Extraction
from iskg.loaders.iris import ONTOLOGY, document_iri, document_slug, slugify
from iskg.loaders.model import Document, Paragraph
from iskg.loaders.vocabulary import Entity

Sink = Callable[[ox.Quad], None]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_DCT = "http://purl.org/dc/terms/"
_OA = "http://www.w3.org/ns/oa#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DATE_TYPES = {10: ox.NamedNode(_XSD + "date"), 7: ox.NamedNode(_XSD + "gYearMonth"), 4: ox.NamedNode(_XSD + "gYear")}
_NONNEG = ox.NamedNode(_XSD + "nonNegativeInteger")
_POSITIVE = ox.NamedNode(_XSD + "positiveInteger")
_TRUE = ox.Literal(True)


def _names(namespace: str, *names: str) -> list[ox.NamedNode]:
    return [ox.NamedNode(namespace + name) for name in names]


def _iskg(name: str) -> ox.NamedNode:
    return ox.NamedNode(ONTOLOGY + name)


TYPE, RDF_STATEMENT, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = _names(
    _RDF, "type", "Statement", "subject", "predicate", "object")
PREF_LABEL, ALT_LABEL = _names(_SKOS, "prefLabel", "altLabel")
SOURCE, TITLE, DATE, IDENTIFIER, FORMAT, LANGUAGE, REFERENCES, IS_PART_OF = _names(
    _DCT, "source", "title", "date", "identifier", "format", "language", "references", "isPartOf")
(ANNOTATION, MOTIVATED_BY, HAS_BODY, HAS_TARGET, HAS_SOURCE, HAS_SELECTOR, SPECIFIC_RESOURCE, POSITION_SELECTOR,
 QUOTE_SELECTOR, START, END, EXACT, EDITING, IDENTIFYING, DESCRIBING) = _names(
    _OA, "Annotation", "motivatedBy", "hasBody", "hasTarget", "hasSource", "hasSelector", "SpecificResource",
    "TextPositionSelector", "TextQuoteSelector", "start", "end", "exact", "editing", "identifying", "describing")
(MENTIONS, DISCOVERED, SAME_WORK_AS, PRINTED_AS, TEXT, POSITION, PAGE, SOURCE_START, SOURCE_END, METHOD, REVISION,
 REVISION_MARK, DELETED_TEXT, MODALITY, ADDRESSEE, IN_ADDED_TEXT, POLICY_DOCUMENT, SECTION, PARAGRAPH, FOOTNOTE, ADDED,
 DELETED, HEADER_BLOCK) = _names(
    ONTOLOGY, "mentions", "discovered", "sameWorkAs", "printedAs", "text", "position", "page", "sourceStart",
    "sourceEnd", "method", "revision", "RevisionMark", "deletedText", "modality", "addressee", "inAddedText",
    "PolicyDocument", "Section", "Paragraph", "Footnote", "Added", "Deleted", "HeaderBlock")


def document_slugs(documents: list[Document]) -> dict[str, str]:
    """Document slug by source file: from the printed number, else from the file name.

    A number printed in several files (a clean copy and a scan of one text) names none of them
    alone: each gets the number and its own file name, so which file sorts first decides nothing.
    """
    by_number: dict[str, list[str]] = {}
    for doc in documents:
        if doc.identifier:
            by_number.setdefault(document_slug(doc.identifier), []).append(doc.source)
    out: dict[str, str] = {}
    for doc in sorted(documents, key=lambda d: d.source):
        stem, _, ext = doc.source.rpartition(".")
        number = document_slug(doc.identifier) if doc.identifier else ""
        if number and len(by_number[number]) == 1:
            out[doc.source] = number
        else:
            out[doc.source] = "-".join(filter(None, [number, slugify(stem or doc.source)]))
    # file names differing only in their extension (a.txt, a.md) keep it in the slug
    counts: dict[str, int] = {}
    for slug in out.values():
        counts[slug] = counts.get(slug, 0) + 1
    for source, slug in out.items():
        if counts[slug] > 1 or slug in by_number and by_number[slug] != [source]:
            out[source] = slugify(f"{slug}-{source.rpartition('.')[2]}")
    return out


def _nonneg(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_NONNEG)


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def rdflib_sink(graph: Graph) -> Sink:
    """Triples added to an rdflib graph (a notebook's, a test's), as the equal rdflib terms."""
    def add(quad: ox.Quad) -> None:
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return add


class AboxWriter:
    """Adds documents, entities, mentions and relations with their evidence to a graph.

    `graph` is an rdflib graph that gets every triple, or a function taking each triple (as a
    pyoxigraph quad in the default graph) of the shared layer; `own` takes each triple of a
    document's own layer, which otherwise goes with the shared ones.
    """

    def __init__(self, graph: Graph | Sink, slugs: dict[str, str], own: Sink | None = None) -> None:
        self.shared = rdflib_sink(graph) if isinstance(graph, Graph) else graph
        self.own = own or self.shared
        self.slugs = slugs

    def doc_node(self, doc: Document) -> URIRef:
        return URIRef(document_iri(self.slugs[doc.source]))

    def para_node(self, doc: Document, index: int) -> URIRef:
        return URIRef(f"{self.doc_node(doc)}/p/{index}")

    def _doc(self, doc: Document) -> ox.NamedNode:
        return ox.NamedNode(document_iri(self.slugs[doc.source]))

    def _para(self, doc: Document, index: int) -> ox.NamedNode:
        return ox.NamedNode(f"{document_iri(self.slugs[doc.source])}/p/{index}")

    def add_entity(self, entity: Entity) -> None:
        """A discovered entity, or the aliases the texts taught us for a known one."""
        add, node = self.shared, ox.NamedNode(entity.iri)
        if entity.discovered:
            add(ox.Quad(node, TYPE, _iskg(entity.cls)))
            add(ox.Quad(node, PREF_LABEL, _en(entity.label)))
            add(ox.Quad(node, DISCOVERED, _TRUE))
        for label in entity.alt_labels:
            if label != entity.label:
                add(ox.Quad(node, ALT_LABEL, _en(label)))

    def add_document(self, doc: Document) -> None:
        """The document's description and citations (shared), then its sections and paragraphs (its own)."""
        self.describe_document(doc)
        self.add_text(doc)

    def describe_document(self, doc: Document) -> None:
        add, node = self.shared, self._doc(doc)
        add(ox.Quad(node, TYPE, _iskg(doc.doc_type or "PolicyDocument")))
        add(ox.Quad(node, SOURCE, ox.Literal(doc.source)))
        add(ox.Quad(node, TITLE, ox.Literal(doc.title or doc.source)))
        if doc.date:
            add(ox.Quad(node, DATE, ox.Literal(doc.date, datatype=_DATE_TYPES[len(doc.date)])))
        if doc.identifier:
            add(ox.Quad(node, IDENTIFIER, ox.Literal(doc.identifier)))
        add(ox.Quad(node, _iskg("format"), ox.Literal(doc.format)))
        add(ox.Quad(node, _iskg("encoding"), ox.Literal(doc.encoding)))
        add(ox.Quad(node, FORMAT, ox.Literal(doc.media_type)))
        if doc.language:
            add(ox.Quad(node, LANGUAGE, ox.Literal(doc.language)))
        for cite in doc.citations:
            cited = ox.NamedNode(document_iri(document_slug(cite.identifier)))
            if cited == node:
                continue
            add(ox.Quad(node, REFERENCES, cited))
            add(ox.Quad(cited, TYPE, POLICY_DOCUMENT))
            add(ox.Quad(cited, IDENTIFIER, ox.Literal(cite.identifier)))
            add(ox.Quad(cited, PRINTED_AS, ox.Literal(cite.printed)))

    def add_text(self, doc: Document) -> None:
        add, node = self.own, self._doc(doc)
        for section in doc.sections:
            s = ox.NamedNode(f"{node.value}/s/{section.index}")
            parent = ox.NamedNode(f"{node.value}/s/{section.parent}") if section.parent else node
            add(ox.Quad(s, TYPE, SECTION))
            add(ox.Quad(s, IS_PART_OF, parent))
            add(ox.Quad(s, TITLE, ox.Literal(section.title)))
            add(ox.Quad(s, TEXT, ox.Literal(section.title)))  # headings name guidelines: evidence points here
            add(ox.Quad(s, POSITION, ox.Literal(section.index)))
        for para in doc.paragraphs:
            container = ox.NamedNode(f"{node.value}/s/{para.section}") if para.section else node
            self._add_block(self._para(doc, para.index), FOOTNOTE if para.footnote else PARAGRAPH, container, para)
        for block in doc.header:
            self._add_block(self._header(doc, block.index), HEADER_BLOCK, node, block)

    def _header(self, doc: Document, index: int) -> ox.NamedNode:
        return ox.NamedNode(f"{document_iri(self.slugs[doc.source])}/h/{index}")

    def _add_block(self, p: ox.NamedNode, kind: ox.NamedNode, container: ox.NamedNode, para: Paragraph) -> None:
        """A paragraph, footnote or header block `p`: its text, where it stood, its revision marks."""
        add = self.own
        add(ox.Quad(p, TYPE, kind))
        add(ox.Quad(p, IS_PART_OF, container))
        add(ox.Quad(p, TEXT, ox.Literal(para.text)))
        add(ox.Quad(p, POSITION, ox.Literal(para.index)))
        add(ox.Quad(p, SOURCE_START, ox.Literal(para.source_start)))
        add(ox.Quad(p, SOURCE_END, ox.Literal(para.source_end)))
        if para.page is not None:
            add(ox.Quad(p, PAGE, ox.Literal(str(para.page), datatype=_POSITIVE)))
        for k, rev in enumerate(para.revisions, start=1):
            mark = ox.NamedNode(f"{p.value}/r/{k}")
            add(ox.Quad(mark, TYPE, REVISION_MARK))
            add(ox.Quad(mark, MOTIVATED_BY, EDITING))
            if rev.kind == "added":
                add(ox.Quad(mark, REVISION, ADDED))
                self._target(mark, p, rev.start, rev.end, rev.text)
            else:
                add(ox.Quad(mark, REVISION, DELETED))
                add(ox.Quad(mark, DELETED_TEXT, ox.Literal(rev.text)))
                self._target(mark, p, rev.start, rev.end, None)

    def _target(self, annotation: ox.NamedNode, para: ox.NamedNode, start: int, end: int, exact: str | None) -> None:
        add = self.own
        target, position = ox.NamedNode(f"{annotation.value}/target"), ox.NamedNode(f"{annotation.value}/position")
        add(ox.Quad(annotation, HAS_TARGET, target))
        add(ox.Quad(target, TYPE, SPECIFIC_RESOURCE))
        add(ox.Quad(target, HAS_SOURCE, para))
        add(ox.Quad(target, HAS_SELECTOR, position))
        add(ox.Quad(position, TYPE, POSITION_SELECTOR))
        add(ox.Quad(position, START, _nonneg(start)))
        add(ox.Quad(position, END, _nonneg(end)))
        if exact is not None:
            quote = ox.NamedNode(f"{annotation.value}/quote")
            add(ox.Quad(target, HAS_SELECTOR, quote))
            add(ox.Quad(quote, TYPE, QUOTE_SELECTOR))
            add(ox.Quad(quote, EXACT, ox.Literal(exact)))

    def _annotation(self, doc: Document, para: int | str, start: int, end: int, body: str) -> ox.NamedNode:
        digest = hashlib.sha1(f"{para}|{start}|{end}|{body}".encode()).hexdigest()[:16]
        return ox.NamedNode(f"{self._doc(doc).value}/e/{digest}")

    def add_extraction(self, ex: Extraction) -> None:
        """The document's mentions and relations (shared) with their evidence (its own)."""
        self.add_links(ex)
        self.add_evidence(ex)

    def add_links(self, ex: Extraction) -> None:
        """Which entities the document mentions, and the relations it states."""
        add, node = self.shared, self._doc(ex.document)
        for m in ex.mentions:
            add(ox.Quad(node, MENTIONS, ox.NamedNode(m.iri)))
        for rm in ex.relations:
            r = rm.relation
            add(ox.Quad(ox.NamedNode(r.subject), _iskg(r.predicate), ox.NamedNode(r.object)))

    def add_evidence(self, ex: Extraction) -> None:
        """Where in the text each mention and relation is: the paragraph's mentions and the annotations."""
        add, doc = self.own, ex.document
        texts = {p.index: p.text for p in doc.paragraphs}
        titles = {s.index: s.title for s in doc.sections}
        header = {b.index: b.text for b in doc.header}
        for m in ex.mentions:
            entity = ox.NamedNode(m.iri)
            if m.in_heading:
                p, key, text = ox.NamedNode(f"{self._doc(doc).value}/s/{m.paragraph}"), f"s{m.paragraph}", titles
            elif m.in_header:
                p, key, text = self._header(doc, m.paragraph), f"h{m.paragraph}", header
            else:
                p, key, text = self._para(doc, m.paragraph), m.paragraph, texts
            add(ox.Quad(p, MENTIONS, entity))
            ann = self._annotation(doc, key, m.start, m.end, m.iri)
            add(ox.Quad(ann, TYPE, ANNOTATION))
            add(ox.Quad(ann, MOTIVATED_BY, IDENTIFYING))
            add(ox.Quad(ann, HAS_BODY, entity))
            add(ox.Quad(ann, METHOD, ox.Literal(m.method)))
            if m.added:
                add(ox.Quad(ann, IN_ADDED_TEXT, _TRUE))
            self._target(ann, p, m.start, m.end, text[m.paragraph][m.start:m.end])
        for rm in ex.relations:
            r = rm.relation
            s, pred, o = ox.NamedNode(r.subject), _iskg(r.predicate), ox.NamedNode(r.object)
            ann = self._annotation(doc, rm.paragraph, r.start, r.end, f"{r.subject} {r.predicate} {r.object}")
            statement = ox.NamedNode(f"{ann.value}/statement")
            add(ox.Quad(ann, TYPE, ANNOTATION))
            add(ox.Quad(ann, MOTIVATED_BY, DESCRIBING))
            add(ox.Quad(ann, HAS_BODY, statement))
            add(ox.Quad(ann, METHOD, ox.Literal(r.method)))
            if r.modality:
                add(ox.Quad(ann, MODALITY, ox.Literal(r.modality)))
            if r.addressee:
                add(ox.Quad(ann, ADDRESSEE, ox.NamedNode(r.addressee)))
            if rm.added:
                add(ox.Quad(ann, IN_ADDED_TEXT, _TRUE))
            add(ox.Quad(statement, TYPE, RDF_STATEMENT))
            add(ox.Quad(statement, RDF_SUBJECT, s))
            add(ox.Quad(statement, RDF_PREDICATE, pred))
            add(ox.Quad(statement, RDF_OBJECT, o))
            self._target(ann, self._para(doc, rm.paragraph), r.start, r.end, rm.quote)
