"""A note's header reaches the graph as header blocks: text, mentions and evidence that the shapes
accept and HermiT finds consistent with the ontology (tests/loaders/fixtures/header_note.txt)."""

from __future__ import annotations

from pathlib import Path

from notes import extract_note
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from iskg.graph.abox import document_slugs
from iskg.graph.build import populate
from iskg.graph.namespaces import ISKG, OA
from iskg.graph.reasoning import check_consistency
from iskg.graph.validate import validate
from iskg.loaders.extract import Extractor

FIXTURE = Path(__file__).parents[1] / "loaders" / "fixtures" / "header_note.txt"
PRESIDENCY = URIRef("https://w3id.org/iskg/id/actor/presidency")


def test_header_block_carries_its_text_mentions_and_evidence() -> None:
    doc, extraction = extract_note(FIXTURE)
    g = populate([extraction], Extractor.default().entities, [])
    node = URIRef(f"https://w3id.org/iskg/id/document/{document_slugs([doc])[doc.source]}")
    block = URIRef(f"{node}/h/6")
    assert (block, RDF.type, ISKG.HeaderBlock) in g
    assert g.value(block, DCTERMS.isPartOf) == node
    assert str(g.value(block, ISKG.text)).startswith("From: Presidency To: Delegations")
    assert g.value(block, ISKG.position) == Literal(6)
    assert (block, ISKG.mentions, PRESIDENCY) in g and (node, ISKG.mentions, PRESIDENCY) in g
    [target] = [t for t in g.subjects(OA.hasSource, block)
                if any(g.value(a, OA.hasBody) == PRESIDENCY for a in g.subjects(OA.hasTarget, t))]
    assert {str(o) for s in g.objects(target, OA.hasSelector) for o in g.objects(s, OA.exact)} == {"Presidency"}
    assert not [b for b in g.objects(None, OA.hasBody) if (b, RDF.type, RDF.Statement) in g]
    result = validate(g)
    assert result.conforms, result.report_text
    # the header block's text, position and mentions fit the domains of those properties (a header
    # block is disjoint from paragraphs, sections and documents)
    reasoner = check_consistency(g)
    assert reasoner.consistent and reasoner.unsatisfiable == [], reasoner.message
