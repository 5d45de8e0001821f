"""Discovering names defined with an acronym, classified by their head noun."""

from iskg.loaders.discovery import find_definitions


def _defs(text: str) -> list[tuple[str, str, str | None]]:
    return [(d.long_form, d.acronym, d.cls) for d in find_definitions(text)]


def test_long_form_with_acronym_is_found_and_classified():
    assert _defs("A European Police Records Index System (EPRIS) is introduced.") == [
        ("European Police Records Index System", "EPRIS", "InformationSystem")]


def test_name_extends_over_words_the_acronym_skips():
    found = _defs("in the Standing Committee on Operational Cooperation on Internal Security (COSI), which")
    assert found == [("Standing Committee on Operational Cooperation on Internal Security", "COSI", "CouncilBody")]


def test_parenthesis_that_is_not_an_acronym_of_the_words_before_is_ignored():
    assert _defs("the trio Presidency (DE-PT-SI) program") == []
    assert _defs("as agreed (JHA) yesterday") == []


def test_unknown_head_noun_gives_no_class():
    assert _defs("Organised Crime Groups (OCGs) exploit") == [("Organised Crime Groups", "OCGs", None)]


def test_capitalised_verbs_of_council_conclusions_are_not_part_of_a_name():
    assert _defs("WELCOMES European Cybercrime Centre (EC3) work")[0][0] == "European Cybercrime Centre"
