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
