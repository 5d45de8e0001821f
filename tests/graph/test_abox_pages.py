"""Pages, media type and language of a document reach the graph."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from iskg.graph.abox import AboxWriter
from iskg.graph.namespaces import ISKG
from iskg.loaders.model import Document, Paragraph


def test_a_paragraph_says_its_page_and_the_document_its_media_type() -> None:
    doc = Document(source="a.pdf", encoding="utf-8", format="text", media_type="application/pdf", language="en",
                   paragraphs=[Paragraph(1, "First.", 0, 6, page=1), Paragraph(2, "Second.", 8, 15, page=4)])
    g = Graph()
    writer = AboxWriter(g, {"a.pdf": "a"})
    writer.add_document(doc)
    node = writer.doc_node(doc)
    assert g.value(node, DCTERMS["format"]) == Literal("application/pdf")
    assert g.value(node, DCTERMS.language) == Literal("en")
    pages = {g.value(writer.para_node(doc, i), ISKG.page) for i in (1, 2)}
    assert pages == {Literal(1, datatype=XSD.positiveInteger), Literal(4, datatype=XSD.positiveInteger)}


def test_text_without_pages_gets_no_page() -> None:
    doc = Document(source="a.txt", encoding="utf-8", format="text", paragraphs=[Paragraph(1, "First.", 0, 6)])
    g = Graph()
    writer = AboxWriter(g, {"a.txt": "a"})
    writer.add_document(doc)
    assert g.value(URIRef(writer.para_node(doc, 1)), ISKG.page) is None
