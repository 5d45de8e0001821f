"""A name is printed in forms its own words give: an action noun in -tion with its 'of' object as
a gerund ('confiscating criminal assets'), two nouns sharing a complement one at a time ('freezing
of assets'); each form finds the one entity, on small texts."""

from __future__ import annotations

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.surface_forms import compound_form, distributed_pair, label_variants, object_first, verbal_form
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

CARGO = "https://w3id.org/iskg/id/instrument/detection-and-confiscation-of-cargo"


def test_an_action_noun_with_its_object_is_also_a_gerund() -> None:
    assert verbal_form("forfeiture of boats") == []  # not an action noun the word list knows
    assert verbal_form("protection of the harbour walls") == ["protecting the harbour walls"]
    assert verbal_form("detection of smuggled goods") == ["detecting smuggled goods"]
    assert verbal_form("Directive on the protection of harbours") == []
    assert verbal_form("freezing of boats") == []  # a gerund already


def test_two_nouns_sharing_a_complement_are_printed_one_at_a_time() -> None:
    assert distributed_pair("seizure and confiscation of boats") == ["seizure of boats", "confiscation of boats"]
    assert distributed_pair("seizure, storage and confiscation of boats") == []
    assert distributed_pair("serious and organised crime") == []
    # a title, or nouns that are no acts, are not taken apart
    assert distributed_pair("Solidarity and Management of Harbour Flows") == []
    assert distributed_pair("fraud and counterfeiting of harbour permits") == []


def test_variants_combine_once_each_without_the_label_itself() -> None:
    assert label_variants("detection and confiscation of cargo") == [
        "detection of cargo", "confiscation of cargo", "detecting cargo", "confiscating cargo"]
    assert label_variants("harbour watch") == []


def test_each_variant_finds_the_entity_and_nothing_else() -> None:
    vocabulary = {CARGO: Entity(CARGO, "LegalAct", "Instrument", "detection and confiscation of cargo")}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text("Note\n\nPorts provide for the detection of cargo. Customs are confiscating cargo "
                     "and detecting boats.\n", "t.txt", "utf-8")
    extractor.learn([doc])
    assert [(m.iri, m.quote) for m in extractor.extract(doc).mentions] == [
        (CARGO, "detection of cargo"), (CARGO, "confiscating cargo")]


def test_a_compound_name_is_also_its_head_with_a_for_complement() -> None:
    assert compound_form("Harbour Security Strategy") == ["strategy for harbour security"]
    assert compound_form("the Coastal Defence Action Plan") == ["action plan for coastal defence"]
    assert compound_form("Harbour Strategy") == []
    assert compound_form("The Hague Harbour Programme") == ["programme for hague harbour"]
    assert compound_form("The Hague Programme") == []
    assert compound_form("Harbour Security Directive") == []


def test_a_kind_of_crime_with_its_object_as_complement_is_also_printed_object_first() -> None:
    assert object_first("smuggling of amber") == ["amber smuggling"]
    assert object_first("trafficking in rare orchids") == ["rare orchids trafficking"]
    assert object_first("illicit trafficking") == []
    assert object_first("smuggling of the harbour's goods") == []
    assert object_first("protection of harbours") == []  # no kind of crime


def test_one_kind_of_crime_printed_both_ways_is_one_entity_in_either_order() -> None:
    """What broke: 'smuggling of amber' and 'amber smuggling' in one text were two discovered threats."""
    for text in ("Note\n\nThe smuggling of amber grows. The rise of amber smuggling worries ports.\n",
                 "Note\n\nThe rise of amber smuggling worries ports. The smuggling of amber grows.\n"):
        extractor = Extractor({}, top_class_map(Graph().parse(ontology_path(), format="turtle")))
        doc = parse_text(text, "t.txt", "utf-8")
        extractor.learn([doc])
        threats = [e.labels for e in extractor.entities.values() if e.top == "Threat"]
        assert len(threats) == 1 and {"smuggling of amber", "amber smuggling"} <= set(threats[0]) | {
            v for label in threats[0] for v in label_variants(label)}
        iris = {m.iri for m in extractor.extract(doc).mentions}
        assert len(iris) == 1
