"""The build's layers: what belongs to a document, what HermiT is given, how the Turtle is pieced together."""

from __future__ import annotations

import io
import shutil

import owlready2
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from iskg.graph.abox import rdflib_sink
from iskg.graph.build import populate
from iskg.graph.layers import graph_layers, owner
from iskg.graph.reasoning import check_consistency
from iskg.graph.turtle import TurtleWriter
from iskg.loaders.extract import Extraction, RelationMention
from iskg.loaders.model import Document, Paragraph
from iskg.loaders.relations import Relation

ID = "https://w3id.org/iskg/id/"
TEXT = "Europol fights cybercrime."


def _extraction(subject: str, predicate: str, obj: str) -> Extraction:
    doc = Document(source="a.txt", encoding="utf-8", format="text", paragraphs=[Paragraph(1, TEXT, 0, len(TEXT))])
    relation = Relation(ID + subject, predicate, ID + obj, 0, len(TEXT), "pattern:test")
    return Extraction(doc, [], [RelationMention(1, relation, TEXT)])


def test_a_node_under_a_document_iri_is_that_documents_own():
    doc = ID + "document/st-1-20"
    assert owner(ox.NamedNode(doc + "/p/3")) == doc
    assert owner(ox.NamedNode(doc + "/e/0123/target")) == doc
    assert owner(ox.NamedNode(doc)) is None
    assert owner(ox.NamedNode(ID + "actor/europol")) is None
    assert owner(ox.Literal(doc + "/p/3")) is None


def test_the_layers_together_are_the_populated_graph():
    ex = _extraction("actor/europol", "addresses", "threat/cybercrime")
    layers = graph_layers([ex], {}, [])
    assert not any(owner(q.subject) for q in layers.shared)
    own = layers.own(ex)
    assert own and all(owner(q.subject) for q in own)
    assert len(own) == len(set(own))
    together = Graph()
    add = rdflib_sink(together)
    for q in [*layers.shared, *own]:
        add(q)
    assert isomorphic(together, populate([ex], {}, []))


needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None, reason="HermiT needs a Java runtime")


@needs_java
def test_hermit_on_the_shared_layer_sees_a_relation_that_breaks_the_ontology():
    fine = graph_layers([_extraction("actor/europol", "addresses", "threat/cybercrime")], {}, [])
    broken = graph_layers([_extraction("threat/cybercrime", "broader", "actor/europol")], {}, [])  # disjoint classes
    assert check_consistency(fine.shared).ok
    assert not check_consistency(broken.shared).consistent


def test_turtle_pieces_make_one_file_with_the_prefixes_once():
    a, b = (ox.Quad(ox.NamedNode(ID + f"actor/{n}"), ox.NamedNode("https://w3id.org/iskg/ontology#supports"),
                    ox.NamedNode(ID + "actor/europol")) for n in ("x", "y"))
    out = io.BytesIO()
    writer = TurtleWriter(out)
    writer.write([a])
    writer.write([b])
    text = out.getvalue()
    assert text.count(b"@prefix iskg:") == 1 and writer.size == len(text)
    assert len(Graph().parse(data=text, format="turtle")) == 2
