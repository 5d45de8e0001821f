"""Documents and what was extracted from them, as RDF: the ABox with its evidence.

Every node gets an IRI derived from content (document numbers, positions, a hash of what an
annotation says), so two builds give the same triples and adding a document changes no IRI.
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from iskg.graph.namespaces import ISKG, OA
from iskg.loaders.extract import Extraction
from iskg.loaders.iris import document_iri, document_slug, slugify
from iskg.loaders.model import Document, Paragraph
from iskg.loaders.vocabulary import Entity

_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


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


def _nonneg(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


class AboxWriter:
    """Adds documents, entities, mentions and relations with their evidence to a graph."""

    def __init__(self, graph: Graph, slugs: dict[str, str]) -> None:
        self.g = graph
        self.slugs = slugs

    def doc_node(self, doc: Document) -> URIRef:
        return URIRef(document_iri(self.slugs[doc.source]))

    def para_node(self, doc: Document, index: int) -> URIRef:
        return URIRef(f"{self.doc_node(doc)}/p/{index}")

    def add_entity(self, entity: Entity) -> None:
        """A discovered entity, or the aliases the texts taught us for a known one."""
        node = URIRef(entity.iri)
        if entity.discovered:
            self.g.add((node, RDF.type, ISKG[entity.cls]))
            self.g.add((node, SKOS.prefLabel, _en(entity.label)))
            self.g.add((node, ISKG.discovered, Literal(True)))
        for label in entity.alt_labels:
            if label != entity.label:
                self.g.add((node, SKOS.altLabel, _en(label)))

    def add_document(self, doc: Document) -> None:
        g, node = self.g, self.doc_node(doc)
        g.add((node, RDF.type, ISKG[doc.doc_type or "PolicyDocument"]))
        g.add((node, DCTERMS.source, Literal(doc.source)))
        g.add((node, DCTERMS.title, Literal(doc.title or doc.source)))
        if doc.date:
            g.add((node, DCTERMS.date, Literal(doc.date, datatype=_DATE_TYPES[len(doc.date)])))
        if doc.identifier:
            g.add((node, DCTERMS.identifier, Literal(doc.identifier)))
        g.add((node, ISKG["format"], Literal(doc.format)))
        g.add((node, ISKG.encoding, Literal(doc.encoding)))
        g.add((node, DCTERMS["format"], Literal(doc.media_type)))
        if doc.language:
            g.add((node, DCTERMS.language, Literal(doc.language)))
        for cite in doc.citations:
            cited = URIRef(document_iri(document_slug(cite.identifier)))
            if cited == node:
                continue
            g.add((node, DCTERMS.references, cited))
            g.add((cited, RDF.type, ISKG.PolicyDocument))
            g.add((cited, DCTERMS.identifier, Literal(cite.identifier)))
            g.add((cited, ISKG.printedAs, Literal(cite.printed)))
        for section in doc.sections:
            s = URIRef(f"{node}/s/{section.index}")
            parent = URIRef(f"{node}/s/{section.parent}") if section.parent else node
            g.add((s, RDF.type, ISKG.Section))
            g.add((s, DCTERMS.isPartOf, parent))
            g.add((s, DCTERMS.title, Literal(section.title)))
            g.add((s, ISKG.text, Literal(section.title)))  # headings name guidelines: evidence points here
            g.add((s, ISKG.position, Literal(section.index)))
        for para in doc.paragraphs:
            self._add_paragraph(doc, para)

    def _add_paragraph(self, doc: Document, para: Paragraph) -> None:
        g, node, p = self.g, self.doc_node(doc), self.para_node(doc, para.index)
        g.add((p, RDF.type, ISKG.Footnote if para.footnote else ISKG.Paragraph))
        g.add((p, DCTERMS.isPartOf, URIRef(f"{node}/s/{para.section}") if para.section else node))
        g.add((p, ISKG.text, Literal(para.text)))
        g.add((p, ISKG.position, Literal(para.index)))
        g.add((p, ISKG.sourceStart, Literal(para.source_start)))
        g.add((p, ISKG.sourceEnd, Literal(para.source_end)))
        if para.page is not None:
            g.add((p, ISKG.page, Literal(para.page, datatype=XSD.positiveInteger)))
        for k, rev in enumerate(para.revisions, start=1):
            mark = URIRef(f"{p}/r/{k}")
            g.add((mark, RDF.type, ISKG.RevisionMark))
            g.add((mark, OA.motivatedBy, OA.editing))
            if rev.kind == "added":
                g.add((mark, ISKG.revision, ISKG.Added))
                self._target(mark, p, rev.start, rev.end, rev.text)
            else:
                g.add((mark, ISKG.revision, ISKG.Deleted))
                g.add((mark, ISKG.deletedText, Literal(rev.text)))
                self._target(mark, p, rev.start, rev.end, None)

    def _target(self, annotation: URIRef, para: URIRef, start: int, end: int, exact: str | None) -> None:
        g = self.g
        target, position = URIRef(f"{annotation}/target"), URIRef(f"{annotation}/position")
        g.add((annotation, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, para))
        g.add((target, OA.hasSelector, position))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, _nonneg(start)))
        g.add((position, OA.end, _nonneg(end)))
        if exact is not None:
            quote = URIRef(f"{annotation}/quote")
            g.add((target, OA.hasSelector, quote))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(exact)))

    def _annotation(self, doc: Document, para: int | str, start: int, end: int, body: str) -> URIRef:
        digest = hashlib.sha1(f"{para}|{start}|{end}|{body}".encode()).hexdigest()[:16]
        return URIRef(f"{self.doc_node(doc)}/e/{digest}")

    def add_extraction(self, ex: Extraction) -> None:
        g, doc = self.g, ex.document
        texts = {p.index: p.text for p in doc.paragraphs}
        titles = {s.index: s.title for s in doc.sections}
        for m in ex.mentions:
            entity = URIRef(m.iri)
            p = URIRef(f"{self.doc_node(doc)}/s/{m.paragraph}") if m.in_heading else self.para_node(doc, m.paragraph)
            g.add((p, ISKG.mentions, entity))
            g.add((self.doc_node(doc), ISKG.mentions, entity))
            ann = self._annotation(doc, f"s{m.paragraph}" if m.in_heading else m.paragraph, m.start, m.end, m.iri)
            g.add((ann, RDF.type, OA.Annotation))
            g.add((ann, OA.motivatedBy, OA.identifying))
            g.add((ann, OA.hasBody, entity))
            g.add((ann, ISKG.method, Literal(m.method)))
            if m.added:
                g.add((ann, ISKG.inAddedText, Literal(True)))
            self._target(ann, p, m.start, m.end, (titles if m.in_heading else texts)[m.paragraph][m.start:m.end])
        for rm in ex.relations:
            r = rm.relation
            s, pred, o = URIRef(r.subject), ISKG[r.predicate], URIRef(r.object)
            g.add((s, pred, o))
            ann = self._annotation(doc, rm.paragraph, r.start, r.end, f"{r.subject} {r.predicate} {r.object}")
            statement = URIRef(f"{ann}/statement")
            g.add((ann, RDF.type, OA.Annotation))
            g.add((ann, OA.motivatedBy, OA.describing))
            g.add((ann, OA.hasBody, statement))
            g.add((ann, ISKG.method, Literal(r.method)))
            if r.modality:
                g.add((ann, ISKG.modality, Literal(r.modality)))
            if r.addressee:
                g.add((ann, ISKG.addressee, URIRef(r.addressee)))
            if rm.added:
                g.add((ann, ISKG.inAddedText, Literal(True)))
            g.add((statement, RDF.type, RDF.Statement))
            g.add((statement, RDF.subject, s))
            g.add((statement, RDF.predicate, pred))
            g.add((statement, RDF.object, o))
            self._target(ann, self.para_node(doc, rm.paragraph), r.start, r.end, rm.quote)
