"""A name one rule gives a known entity (a long form defined with the entity's acronym) is not
made a second entity by another rule that reads the same name, on a small text."""

from __future__ import annotations

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

DTIP = "https://w3id.org/iskg/id/threat/dtip-fraud"


def test_a_long_form_given_to_a_known_acronym_is_not_discovered_again() -> None:
    vocabulary = {DTIP: Entity(DTIP, "Threat", "Threat", "DTIP fraud", ["DTIP"])}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text("Note\n\nLosses from Dockside Trader Intra-Port (DTIP) and Excise fraud grow.\n", "t.txt", "utf-8")
    extractor.learn([doc])
    holders = sorted(iri for iri, e in extractor.entities.items() if "Dockside Trader Intra-Port fraud" in e.labels)
    assert holders == [DTIP]


HES = "https://w3id.org/iskg/id/instrument/harbour-entry-system"


def test_a_known_acronym_defined_as_a_body_names_a_new_body_not_the_known_system() -> None:
    vocabulary = {HES: Entity(HES, "InformationSystem", "Instrument", "Harbour Entry System", ["HES"])}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text("Note\n\nThe Harbour Evidence Service (HES) starts.\n", "t.txt", "utf-8")
    extractor.learn([doc])
    assert extractor.entities[HES].labels == ["Harbour Entry System", "HES"]
    body = extractor.entities["https://w3id.org/iskg/id/actor/harbour-evidence-service"]
    assert (body.top, body.discovered, body.labels) == ("Actor", True, ["Harbour Evidence Service"])


def test_a_known_acronym_defined_with_another_long_form_of_its_kind_gains_that_form() -> None:
    vocabulary = {HES: Entity(HES, "InformationSystem", "Instrument", "Harbour Entry System", ["HES"])}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text("Note\n\nThe Harbour Entry and Exit System (HES) starts.\n", "t.txt", "utf-8")
    extractor.learn([doc])
    assert "Harbour Entry and Exit System" in extractor.entities[HES].labels


def test_a_name_cut_short_at_its_head_is_the_full_name_printed_before_it() -> None:
    """What broke: 'the Harbour Council Convention' after 'the Harbour Council Convention on Action
    against Piracy' in one paragraph became a second convention."""
    extractor = Extractor.default()
    known = set(extractor.entities)
    text = ("Note\n\nThe Harbour Council Convention on Action against Piracy applies. A group of experts "
            "monitors the implementation of the Harbour Council Convention by the Parties.\n")
    doc = parse_text(text, "c.txt", "utf-8")
    extractor.learn([doc])
    new = {e.label: sorted(e.labels) for iri, e in extractor.entities.items() if iri not in known}
    assert new == {"Harbour Council Convention on Action against Piracy": [
        "Harbour Council Convention", "Harbour Council Convention on Action against Piracy"]}
