"""A name ending in a list of one-word conjuncts matches with the conjuncts in any order ('area of
justice, freedom and security' is the 'area of freedom, security and justice'), on small texts."""

from __future__ import annotations

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.surface_forms import conjunct_orders
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

AREA = "https://w3id.org/iskg/id/objective/area-of-calm-order-and-trust"


def test_the_conjuncts_a_name_ends_in_are_put_in_every_other_order() -> None:
    assert conjunct_orders("area of calm, order and trust") == [
        "area of calm, trust and order", "area of order, calm and trust", "area of order, trust and calm",
        "area of trust, calm and order", "area of trust, order and calm"]
    # the serial comma is dropped: the same order without it is another printed form
    assert conjunct_orders("calm, order, and trust")[:2] == ["calm, order and trust", "calm, trust and order"]


def test_pairs_longer_conjuncts_and_long_lists_keep_their_order() -> None:
    assert conjunct_orders("serious and organised crime") == []
    assert conjunct_orders("fraud, corruption and money laundering") == []
    assert conjunct_orders("a, b, c, d and e") == []
    assert len(conjunct_orders("a, b, c and d")) == 23


def test_a_name_printed_with_its_conjuncts_reordered_is_found() -> None:
    vocabulary = {AREA: Entity(AREA, "StrategicObjective", "StrategicObjective", "area of calm, order and trust",
                               stated=True)}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text("Note\n\nProgress was made in the area of trust, calm and order.\n", "t.txt", "utf-8")
    extractor.learn([doc])
    assert [(m.iri, m.quote) for m in extractor.extract(doc).mentions] == [(AREA, "area of trust, calm and order")]
