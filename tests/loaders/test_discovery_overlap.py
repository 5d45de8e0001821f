"""A proper name found by its head noun may hold a known name before its head ('EU' in 'EU Harbour
Security Strategy'); one that only adds words before a known name ending at its head is that name."""

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.vocabulary import Entity

ID = "https://w3id.org/iskg/id/"


def _learned(vocabulary: list[Entity], text: str) -> dict[str, str]:
    extractor = Extractor({e.iri: e for e in vocabulary}, {"Agency": "Actor", "PolicyProgramme": "Instrument"})
    extractor.learn([parse_text("Note\n\n" + text + "\n", "note.txt", "utf-8")])
    return {iri.removeprefix(ID): e.label for iri, e in extractor.entities.items() if e.discovered}


def test_a_name_holding_a_known_name_before_its_head_is_discovered():
    eu = Entity(ID + "actor/eu", "Agency", "Actor", "EU")
    assert _learned([eu], "1. The EU Harbour Security Strategy applies.") == {
        "instrument/eu-harbour-security-strategy": "EU Harbour Security Strategy"}


def test_words_before_a_known_name_ending_at_the_head_make_no_new_entity():
    eu = Entity(ID + "actor/eu", "Agency", "Actor", "EU")
    known = Entity(ID + "instrument/harbour-security-strategy", "PolicyProgramme", "Instrument",
                   "Harbour Security Strategy")
    assert _learned([eu, known], "1. The EU Harbour Security Strategy applies.") == {}


def _learned_threats(vocabulary: list[Entity], text: str) -> dict[str, str]:
    extractor = Extractor({e.iri: e for e in vocabulary}, {"Threat": "Threat"})
    extractor.learn([parse_text("Note\n\n" + text + "\n", "note.txt", "utf-8")])
    return {iri.removeprefix(ID): e.label for iri, e in extractor.entities.items() if e.discovered}


def test_a_kind_of_crime_narrowing_a_known_threat_is_discovered():
    fraud = Entity(ID + "threat/fraud", "Threat", "Threat", "fraud")
    terrorism = Entity(ID + "threat/terrorism", "Threat", "Threat", "terrorism")
    text = "1. Groups turn to ticket fraud and to the financing of terrorism; fraud and terrorism grow."
    assert _learned_threats([fraud, terrorism], text) == {"threat/ticket-fraud": "ticket fraud",
                                                         "threat/financing-of-terrorism": "financing of terrorism"}


def test_a_proper_name_holding_a_known_name_of_another_class_after_its_head_is_discovered():
    rights = Entity(ID + "principle/fundamental-rights", "Principle", "Principle", "fundamental rights")
    extractor = Extractor({rights.iri: rights}, {"Principle": "Principle", "LegalAct": "Instrument"})
    extractor.learn([parse_text("Note\n\n1. It applies the Code of Fundamental Rights.\n", "note.txt", "utf-8")])
    assert [e.label for e in extractor.entities.values() if e.discovered] == ["Code of Fundamental Rights"]


def test_a_plan_for_the_implementation_of_a_known_programme_is_a_new_instrument():
    known = Entity(ID + "instrument/harbour-programme", "PolicyProgramme", "Instrument", "Harbour Programme")
    text = "1. Following the Action Plan for the implementation of the Harbour Programme, work goes on."
    assert _learned([known], text) == {
        "instrument/action-plan-for-the-implementation-of-the-harbour-programme":
            "Action Plan for the implementation of the Harbour Programme"}


def test_a_policy_named_inside_a_body_s_name_is_not_mentioned_apart_from_it():
    extractor = Extractor({}, {"CouncilBody": "Actor", "PolicyProgramme": "Instrument"})
    text = "Note\n\n1. The High-Level Group on the Future of Harbour Security Policy met.\n"
    doc = parse_text(text, "note.txt", "utf-8")
    extractor.learn([doc])
    assert [m.quote for m in extractor.extract(doc).mentions] == [
        "High-Level Group on the Future of Harbour Security Policy"]
