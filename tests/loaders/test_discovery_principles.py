"""Principles a text names as such: in a list after 'the principles of', 'the values …:' or
'respecting', or just before 'as a key principle', 'principle' or 'must be fully respected'."""

from iskg.loaders.discovery import find_principles


def _principles(text: str) -> list[str]:
    return [d.long_form for d in find_principles(text)]


def test_principles_listed_after_the_principles_of():
    text = "in accordance with the principles of openness, respect and freedom of assembly."
    assert _principles(text) == ["openness", "freedom of assembly"]


def test_values_listed_after_a_colon_and_objects_of_respecting():
    text = ("The strategy rests on the values of the Union: respect for human dignity and fundamental "
            "freedoms, the rule of law, pluralism and solidarity. Policies must be pursued whilst "
            "respecting international protection and privacy.")
    assert _principles(text) == ["human dignity", "fundamental freedoms", "rule of law", "pluralism",
                                 "solidarity", "international protection", "privacy"]


def test_a_principle_named_before_as_a_key_principle_or_principle():
    text = ("Mutual trust as a key principle for cooperation; the subsidiarity principle applies. "
            "Equal treatment must be fully respected.")
    assert _principles(text) == ["Mutual trust", "subsidiarity", "Equal treatment"]
    assert _principles("Cooperation rests on mutual trust as a key principle.") == ["mutual trust"]
    assert _principles("In all actions, equal treatment must be fully respected.") == ["equal treatment"]


def test_a_list_of_principles_ends_where_an_item_does_not_end_at_a_separator():
    text = "the principles of mutual recognition and availability of information, constitute a guiding principle"
    assert _principles(text) == ["mutual recognition", "availability of information"]


def test_words_that_name_no_principle_are_not_taken():
    text = ("In that respect should be assessed; in principle, persons are entered. It fully respects the "
            "rights and freedoms of citizens and respect for rights abroad.")
    assert _principles(text) == []


def test_a_principle_is_not_cut_in_the_middle_of_its_words():
    """What broke: 'the principle of mutual recognition of judicial decisions' gave 'mutual
    recognition of judicial'; the words past the longest principle are cut at their last 'of'."""
    assert _principles("the principle of mutual recognition of judicial decisions") == ["mutual recognition"]


def test_the_bare_verb_respect_introduces_no_principle():
    assert _principles("Member States respect the deadlines set out in the roadmap.") == []


def test_a_principle_named_as_the_subject_of_constitutes_a_principle():
    text = ("Considers that this openness may, in addition to the principles of equal treatment, constitute a "
            "guiding principle. Solidarity is a key principle; this is a general principle.")
    assert _principles(text) == ["openness", "equal treatment", "Solidarity"]


def test_words_a_comma_parts_from_a_principle_pattern_are_not_named_by_it():
    assert _principles("cooperation on information, constitute a guiding principle") == []


def test_a_quality_a_verb_of_upholding_ensures_is_a_principle():
    text = "a means of ensuring legality and neutrality, and as a tool; ensuring security; guarantee the coherence"
    assert _principles(text) == ["legality", "neutrality"]


def test_a_principle_as_a_subject_is_a_whole_abstract_subject_and_no_quality_is_a_principle():
    assert _principles("This instrument is a key principle.") == []
    assert _principles("The exchange of harbour information is a guiding principle.") == []
    assert _principles("Such openness remains a key principle.") == ["openness"]
    assert _principles("They guarantee equality, nationality and solidarity.") == ["equality", "solidarity"]


def test_words_that_modify_a_noun_after_them_name_no_principle():
    """What broke: 'in full respect of national competences' gave a principle named 'national', and with it
    every 'nationals' of the text."""
    found = [d.long_form for d in find_principles("in full respect of national competences and of harbour liberty")]
    assert found == []
    assert [d.long_form for d in find_principles("in full respect of harbour liberty and national competences")] == [
        "harbour liberty"]


def test_after_the_singular_principle_of_one_principle_follows_whose_and_goes_on_with_it():
    """What broke: 'the principle of proportionality of criminal offences and penalties' named a principle
    'penalties'."""
    text = "The Strategy respects the principle of proportionality of harbour fines and penalties."
    assert _principles(text) == ["proportionality of harbour fines"]


def test_rules_or_an_implementation_respected_or_guided_name_no_principle():
    """What broke: "in full respect of the rules on data protection" named a principle "rules", and "a guiding
    principle of the implementation of the Strategy" one named "implementation"."""
    assert _principles("carried out in full respect of the rules on data protection") == []
    assert _principles("Openness has been a guiding principle of the implementation of the Strategy.") == []
