"""Finding known names: longest match, folding of variants, acronyms only as printed."""

from iskg.loaders.matcher import Matcher
from iskg.loaders.tokens import fold, is_acronym


def _matcher() -> Matcher:
    m = Matcher()
    m.add_all([
        ("Schengen Information System", "id:sis"), ("SIS", "id:sis"), ("SIS II", "id:sis-ii"),
        ("organised crime", "id:oc"), ("serious and organised crime", "id:soc"), ("VIS", "id:vis"),
        ("the Council", "id:council"), ("Prüm Decision", "id:prum"), ("cyber-attacks", "id:cyber"),
    ])
    return m


def test_longest_name_wins_over_its_parts():
    found = _matcher().find("Serious and organised crime and SIS II.")
    assert [(f.iri, f.quote) for f in found] == [("id:soc", "Serious and organised crime"), ("id:sis-ii", "SIS II")]


def test_spelling_hyphen_plural_and_diacritic_variants_match():
    text = "organized crime, cyber attack, the Prum decision and Schengen information systems"
    assert [f.iri for f in _matcher().find(text)] == ["id:oc", "id:cyber", "id:prum", "id:sis"]


def test_acronyms_match_only_as_printed():
    assert [f.iri for f in _matcher().find("vis-à-vis the VIS")] == ["id:vis"]


def test_offsets_quote_the_text_exactly():
    text = "Under the Prüm Decision, the Council acts."
    for f in _matcher().find(text):
        assert text[f.start:f.end] == f.quote
    assert [f.quote for f in _matcher().find(text)] == ["Prüm Decision", "Council"]


def test_fold_and_acronym_rules():
    assert fold("Organizations") == "organisation"
    assert fold("policies") == "policy"
    assert fold("process") == "process"
    assert is_acronym("CEPOL") and is_acronym("SIS") and not is_acronym("Europol") and not is_acronym("A")


def test_common_ocr_confusions_in_long_words_still_match():
    m = Matcher()
    m.add_all([("European Criminal Records Information System", "id:ecris"), ("terrorism", "id:t"), ("fraud", "id:f")])
    found = m.find("the European Crirninal Recorcls lnformation System and terrorisrn")
    assert [f.iri for f in found] == ["id:ecris", "id:t"]


def test_ocr_tolerance_does_not_invent_matches_in_short_words():
    m = Matcher()
    m.add_all([("fraud", "id:f"), ("Council", "id:c"), ("arms", "id:a")])
    # 'fraucl' is fraud misread (cl/d); 'frarud' and 'Cauncil' are no OCR confusion of a name,
    # and words under five letters ('anns') are never read through the confusions
    assert [f.quote for f in m.find("frarud, fraucl, Cauncil, anns and Counci1")] == ["fraucl", "Counci1"]


def test_a_five_letter_word_of_a_name_misread_still_matches():
    m = Matcher()
    m.add_all([("trafficking in human beings", "id:thb"), ("money laundering", "id:ml")])
    found = m.find("trafficking in human bcings and moncy laundering, but not honey laundering")
    assert [f.iri for f in found] == ["id:thb", "id:ml"]


def test_a_name_is_read_past_a_word_in_brackets_inside_it():
    """What broke: 'mobile (itinerant) organised crime groups' named no mobile organised crime groups."""
    m = Matcher()
    m.add_all([("mobile organised crime groups", "id:mocg"), ("organised crime", "id:oc")])
    found = m.find("Mobile (itinerant) organised crime groups, but mobile (so-called itinerant) organised crime.")
    assert [(f.iri, f.quote) for f in found] == [("id:mocg", "Mobile (itinerant) organised crime groups"),
                                                 ("id:oc", "organised crime")]
