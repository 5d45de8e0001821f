"""Threats named by their kind of crime, read past what a plain word list misses: hyphenated
compounds, adverb-participle modifiers, and complements only some heads take."""

from iskg.loaders.discovery import find_threat_phrases


def _threats(text: str) -> list[str]:
    return [d.long_form for d in find_threat_phrases(text)]


def test_a_hyphenated_compound_is_one_modifier_even_when_its_second_part_is_a_stop_word():
    text = "the fight against trans-national crimes, drug-related crime and non-cash payment fraud"
    assert _threats(text) == ["trans-national crimes", "drug-related crime", "non-cash payment fraud"]


def test_a_compound_opening_with_a_stop_word_is_no_modifier():
    assert _threats("well-known fraud and counter-terrorism financing") == []


def test_an_adverb_and_participle_modify_a_threat_together():
    text = "all types of extremism, including religiously inspired violent extremism; motivated violent extremism"
    assert _threats(text) == ["religiously inspired violent extremism", "violent extremism"]


def test_recruitment_and_radicalisation_take_a_complement_with_to():
    text = "recruitment to terrorism and radicalisation to extremism, but threats to health and attacks to property"
    assert _threats(text) == ["recruitment to terrorism", "radicalisation to extremism"]


def test_a_complement_that_names_a_threat_of_its_own_is_not_cut_short():
    assert _threats("radicalisation to violent extremism; financing of terrorist attacks") == [
        "violent extremism", "terrorist attacks"]
