"""The modality and addressee of a relation reach its evidence annotation."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from iskg.graph.abox import AboxWriter
from iskg.graph.namespaces import ISKG, OA
from iskg.loaders.extract import Extraction, RelationMention
from iskg.loaders.model import Document, Paragraph
from iskg.loaders.relations import Relation

TEXT = "The Council CALLS ON the Commission to support Europol."
COMMISSION, EUROPOL = "https://w3id.org/iskg/id/actor/commission", "https://w3id.org/iskg/id/actor/europol"


def _annotations(relation: Relation) -> Graph:
    doc = Document(source="a.txt", encoding="utf-8", format="text", paragraphs=[Paragraph(1, TEXT, 0, len(TEXT))])
    g = Graph()
    quote = TEXT[relation.start:relation.end]
    AboxWriter(g, {"a.txt": "a"}).add_extraction(Extraction(doc, [], [RelationMention(1, relation, quote)]))
    return g


def test_directive_and_addressee_are_on_the_annotation() -> None:
    g = _annotations(Relation(COMMISSION, "supports", EUROPOL, 25, 54, "pattern:supports", "calls on", COMMISSION))
    (ann,) = g.subjects(RDF.type, OA.Annotation)
    assert g.value(ann, ISKG.modality) == Literal("calls on")
    assert g.value(ann, ISKG.addressee) == URIRef(COMMISSION)


def test_a_plain_statement_carries_neither() -> None:
    g = _annotations(Relation(COMMISSION, "supports", EUROPOL, 25, 54, "pattern:supports"))
    (ann,) = g.subjects(RDF.type, OA.Annotation)
    assert g.value(ann, ISKG.modality) is None and g.value(ann, ISKG.addressee) is None


def test_evidence_in_added_text_says_so() -> None:
    doc = Document(source="a.txt", encoding="utf-8", format="draft", paragraphs=[Paragraph(1, TEXT, 0, len(TEXT))])
    relation = Relation(COMMISSION, "supports", EUROPOL, 25, 54, "pattern:supports")
    g = Graph()
    AboxWriter(g, {"a.txt": "a"}).add_extraction(
        Extraction(doc, [], [RelationMention(1, relation, TEXT[25:54], added=True)]))
    (ann,) = g.subjects(RDF.type, OA.Annotation)
    assert g.value(ann, ISKG.inAddedText) == Literal(True)
