"""Instruments named in lower case by what they are about: the head and its complement, up to where
the noun phrase ends, on small texts written for the rule."""

from __future__ import annotations

from iskg.loaders.instrument_phrases import find_described_instruments, find_quoted_titles


def names(text: str, known: list[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    return [(d.long_form, d.cls) for d in find_described_instruments(text, known)]


def test_a_regulation_ends_before_the_next_conclusion_verb() -> None:
    assert names("It WELCOMES the proposal for a regulation on the inspection of river cargo and CALLS ON "
                 "the parties to agree.") == [("regulation on the inspection of river cargo", "LegalAct")]


def test_describing_words_before_the_head_are_left_out_but_classifying_ones_kept() -> None:
    assert names("It RECALLS the need for a balanced framework for targeted harbour checks, which helps.") == [
        ("framework for targeted harbour checks", "OperationalMechanism")]
    assert names("On the basis of the common framework for analysis and exchange, in order to act:") == [
        ("common framework for analysis and exchange", "OperationalMechanism")]


def test_a_pair_takes_its_and_and_a_year_ends_the_name() -> None:
    assert names("The action plan on the smuggling of tobacco between the EU and the Baltic region for "
                 "2015-2019 was renewed.") == [
        ("action plan on the smuggling of tobacco between the EU and the Baltic region", "PolicyProgramme")]


def test_a_possessive_before_the_head_is_no_capitalised_name() -> None:
    assert names("It WELCOMES the Commission's strategy for a more effective fight against port crime, both "
                 "at sea and ashore.") == [
        ("strategy for a more effective fight against port crime", "PolicyProgramme")]


def test_a_known_name_the_complement_reaches_is_read_whole() -> None:
    text = "They cite the Strategy on the harbours in the area of calm, order and trust and the Port Strategy."
    known = [(text.index("area of"), text.index(" and the Port"))]
    assert names(text, known) == [("Strategy on the harbours in the area of calm, order and trust", "PolicyProgramme")]


def test_no_name_without_a_complement_of_two_words_or_within_a_capitalised_name() -> None:
    assert names("They need a strategy for cooperation and a framework.") == []
    assert names("The EU Harbour Strategy on River Safety applies.") == []


def test_a_capitalised_complement_is_left_to_the_capitalised_name_rule() -> None:
    assert names("The Directive on Undersea Cable Protection applies in all ports.") == []


def test_a_head_after_acronyms_alone_is_named_by_them_and_generic_ones_name_nothing() -> None:
    assert names("The principles of the PSC/ MAR road map on closer ties between the services apply.") == [
        ("PSC/ MAR road map", "PolicyProgramme")]
    assert names("The EU action plan on smuggled tobacco products is renewed.") == [
        ("action plan on smuggled tobacco products", "PolicyProgramme")]


def test_classifying_adjectives_joined_by_and_open_the_name() -> None:
    assert names("They implement the existing EU legal and policy framework addressing port crime.") == [
        ("legal and policy framework addressing port crime", "OperationalMechanism")]


def test_a_capitalised_head_after_an_acronym_is_left_to_the_capitalised_name_rule() -> None:
    assert names("It RECALLS the PORT Directive and the DOCK Regulation.") == []


def test_the_period_an_instrument_covers_is_not_part_of_its_name() -> None:
    assert names("An action plan on tobacco smuggling for the period 2020-2025 follows.") == [
        ("action plan on tobacco smuggling", "PolicyProgramme")]


def test_a_finite_verb_or_a_number_ends_the_name_and_a_hyphen_joins_words() -> None:
    assert names("The strategy on harbour smuggling contains 15 actions.") == [
        ("strategy on harbour smuggling", "PolicyProgramme")]
    assert names("The framework for cooperation with river ports needs improvement.") == [
        ("framework for cooperation with river ports", "OperationalMechanism")]
    assert names("They adopt the action plan on tobacco and cross-border smuggling today.") == [
        ("action plan on tobacco and cross-border smuggling", "PolicyProgramme")]


def test_no_name_where_the_words_point_back_or_run_past_the_word_cap() -> None:
    assert names("a programme for the next five years and a strategy for achieving these objectives") == []
    assert names("the strategy on " + " ".join(["port"] * 20)) == []


def test_a_known_span_not_aligned_with_words_cannot_stall_the_reading() -> None:
    text = "a strategy on port safety rules"
    assert names(text, [(text.index("ort"), text.index("ort") + 3)]) == [
        ("strategy on port safety rules", "PolicyProgramme")]


def quoted(text: str) -> list[tuple[str, str]]:
    return [(d.long_form, d.cls) for d in find_quoted_titles(text)]


def test_a_title_in_quotes_after_a_kind_of_document_names_an_instrument() -> None:
    assert quoted('It is addressed in the Commission Communication "EU strategy for safer harbours in '
                  'third countries"(8).') == [("EU strategy for safer harbours in third countries", "PolicyProgramme")]
    assert quoted("the Commission communication of 22 November 2010 entitled ‘Safer Ports: three steps towards "
                  "a more secure Europe’ translated it") == [
        ("Safer Ports: three steps towards a more secure Europe", "PolicyProgramme")]


def test_an_apostrophe_inside_a_title_in_single_quotes_does_not_close_it() -> None:
    assert quoted("the Communication ‘Protecting Harbours: Strengthening the EU’s Response’ of 2014") == [
        ("Protecting Harbours: Strengthening the EU’s Response", "PolicyProgramme")]


def test_a_quote_no_kind_of_document_introduces_is_no_title() -> None:
    assert quoted('The minister said "We Are Ready For This" at the meeting.') == []
    assert quoted('The Communication calls this "a safer harbour" for ships.') == []
