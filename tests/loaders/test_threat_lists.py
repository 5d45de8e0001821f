"""Threats read from lists that follow a kind of harm ('disasters, such as ...'), and a discovered
name whose IRI a curated entity already has becoming a label of that entity."""

from iskg.loaders.enumerations import find_enumerated
from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.vocabulary import Entity

ID = "https://w3id.org/iskg/id/"


def test_disasters_violence_and_offences_introduce_lists_of_threats():
    text = "Ports face natural disasters, such as wildfires, earthquakes, and storm surges."
    assert [(d.cls, d.long_form) for d in find_enumerated(text)] == [
        ("Threat", "wildfires"), ("Threat", "earthquakes"), ("Threat", "storm surges")]
    text = "The Council condemns violence, such as youth violence at sports events."
    assert [d.long_form for d in find_enumerated(text)] == ["youth violence at sports events"]
    assert [d.long_form for d in find_enumerated("Offences including harbour piracy.")] == ["harbour piracy"]
    assert find_enumerated("Ports face storms, such as wildfires.") == []


def test_a_discovered_name_with_a_curated_entity_s_iri_becomes_its_label():
    quakes = Entity(ID + "threat/earthquakes", "Threat", "Threat", "seismic events")
    extractor = Extractor({quakes.iri: quakes}, {"Threat": "Threat"})
    doc = parse_text("Note\n\n1. Ports face natural disasters, such as earthquakes.\n", "note.txt", "utf-8")
    extractor.learn([doc])
    assert extractor.entities[quakes.iri].labels == ["seismic events", "earthquakes"]
    assert not extractor.entities[quakes.iri].discovered
    assert [(m.quote, m.iri) for m in extractor.extract(doc).mentions] == [("earthquakes", quakes.iri)]


def test_and_or_join_two_threats_unless_they_share_one_noun():
    text = "Ports face disasters, such as floods and storms, petty or property crime, youth gangs or harbour riots."
    assert [d.long_form for d in find_enumerated(text)] == [
        "floods", "storms", "petty or property crime", "youth gangs", "harbour riots"]
