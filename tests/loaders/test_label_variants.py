"""A name is printed in forms its own words give: an action noun in -tion with its 'of' object as
a gerund ('confiscating criminal assets'), two nouns sharing a complement one at a time ('freezing
of assets'); each form finds the one entity, on small texts."""

from __future__ import annotations

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.surface_forms import compound_form, distributed_pair, label_variants, verbal_form
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

CARGO = "https://w3id.org/iskg/id/instrument/inspection-and-confiscation-of-cargo"


def test_an_action_noun_with_its_object_is_also_a_gerund() -> None:
    assert verbal_form("forfeiture of boats") == []
    assert verbal_form("protection of the harbour walls") == ["protecting harbour walls"]
    assert verbal_form("detection of smuggled goods") == ["detecting smuggled goods"]
    assert verbal_form("Directive on the protection of harbours") == []


def test_two_nouns_sharing_a_complement_are_printed_one_at_a_time() -> None:
    assert distributed_pair("seizure and forfeiture of boats") == ["seizure of boats", "forfeiture of boats"]
    assert distributed_pair("seizure, storage and forfeiture of boats") == []
    assert distributed_pair("serious and organised crime") == []


def test_variants_combine_once_each_without_the_label_itself() -> None:
    assert label_variants("inspection and confiscation of cargo") == [
        "inspection of cargo", "confiscation of cargo", "inspecting cargo", "confiscating cargo"]
    assert label_variants("harbour watch") == []


def test_each_variant_finds_the_entity_and_nothing_else() -> None:
    vocabulary = {CARGO: Entity(CARGO, "LegalAct", "Instrument", "inspection and confiscation of cargo")}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text("Note\n\nPorts provide for the inspection of cargo. Customs are confiscating cargo "
                     "and inspecting boats.\n", "t.txt", "utf-8")
    extractor.learn([doc])
    assert [(m.iri, m.quote) for m in extractor.extract(doc).mentions] == [
        (CARGO, "inspection of cargo"), (CARGO, "confiscating cargo")]


def test_a_compound_name_is_also_its_head_with_a_for_complement() -> None:
    assert compound_form("Harbour Security Strategy") == ["strategy for harbour security"]
    assert compound_form("the Coastal Defence Action Plan") == ["action plan for coastal defence"]
    assert compound_form("Harbour Strategy") == []
    assert compound_form("Harbour Security Directive") == []
