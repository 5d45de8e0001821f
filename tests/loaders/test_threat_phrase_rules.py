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


def test_a_word_naming_a_threat_alone_is_one_as_an_item_of_a_list_of_threats():
    text = ("harbour smuggling, counterfeiting, piracy and sea fraud; piracy of films; "
            "corruption cases and corruption.")
    assert _threats(text) == ["harbour smuggling", "counterfeiting", "piracy", "sea fraud", "piracy of films"]


def test_a_name_defined_with_an_acronym_shares_the_head_of_the_modifier_it_is_coordinated_with():
    found = [(d.long_form, d.acronym) for d in find_threat_phrases(
        "Carousel Trade Intra-Market (CTIM) and excise fraud; the Harbour Fraud Office (HFO) and excise fraud")]
    assert found == [("Carousel Trade Intra-Market fraud", "CTIM"), ("excise fraud", ""), ("excise fraud", "")]


def test_facilitating_what_the_law_forbids_is_a_threat():
    text = "the facilitation of illegal immigration, of irregular entry and the facilitation of cooperation"
    assert _threats(text) == ["facilitation of illegal immigration"]


def _fought(text: str) -> list[str]:
    from iskg.loaders.discovery import find_threat_objects

    return [d.long_form for d in find_threat_objects(text)]


def test_what_poses_a_threat_is_one():
    text = ("foreign fighters and the lone raiders who pose a very serious, direct threat; persons who pose a "
            "threat; it is they who pose a threat; phenomena which pose threats; goods which pose a risk")
    assert _fought(text) == ["lone raiders"]


def test_a_modified_head_takes_a_complement_of_one_word_that_ends_the_phrase():
    text = "sexual abuse of children, illicit trafficking of firearms requires, sexual abuse of young people"
    # a finite verb ends the complement ('requires')
    assert _threats(text) == ["sexual abuse of children", "illicit trafficking of firearms", "sexual abuse"]


def test_a_head_may_take_a_proper_name_as_its_of_complement():
    text = ("the breakdown of major Harbour and Tide Networks can; trafficking of Small Arms and Light Weapons "
            "(SALW); attacks of all Member States; fraud of European citizens; crime in the Baltic Sea Region")
    assert _threats(text) == ["breakdown of major Harbour and Tide Networks",
                              "trafficking of Small Arms and Light Weapons"]


def test_capitals_that_modify_a_lower_case_noun_are_no_proper_name_complement():
    assert _threats("the abuse of Harbour Union funds grew") == []


def test_each_phrase_coordinated_before_who_pose_a_threat_is_one():
    text = "the issue of harbour raiders, returnees and lone actors who pose a serious threat"
    assert _fought(text) == ["harbour raiders", "returnees", "lone actors"]
    assert _fought("the people and lone raiders who pose a threat") == ["lone raiders"]


def test_what_poses_a_threat_is_taken_only_when_it_names_who_does():
    assert _fought("new harbour technologies which pose a threat to privacy") == []
    assert _fought("the tackling of the factors or root causes which lead to radicalisation") == []


def test_content_that_promotes_a_threat_is_one():
    text = ("reduce the impact of online material that promotes radicalisation to terrorism; "
            "the material that incites terrorism; content which promotes tolerance")
    assert _threats(text) == ["online material that promotes radicalisation to terrorism",
                              "radicalisation to terrorism", "material that incites terrorism"]


def test_a_shared_head_name_whose_acronym_is_known_is_not_a_second_entity_with_that_label():
    from rdflib import Graph

    from iskg.loaders.extract import Extractor
    from iskg.loaders.read import parse_text
    from iskg.loaders.vocabulary import Entity, top_class_map
    from iskg.ontology import ontology_path

    iri = "https://example.org/test/carousel-trade-scheme"
    tops = top_class_map(Graph().parse(ontology_path(), format="turtle"))
    extractor = Extractor({iri: Entity(iri, "Threat", "Threat", "Carousel Trade Scheme", ["CTS"])}, tops)
    extractor.learn([parse_text("Losses from Carousel Trade Scheme (CTS) and excise fraud.\n", "note.txt", "utf-8")])
    assert [e.iri for e in extractor.entities.values() if "CTS" in e.labels] == [iri]


def test_a_verb_by_its_ending_is_no_modifier_of_the_threat_after_it():
    """What broke: 'The Agenda prioritises terrorism' gave a threat named 'prioritises terrorism'."""
    assert _threats("The Harbour Plan prioritises amber smuggling and emphasizes quay fraud.") == [
        "amber smuggling", "quay fraud"]


def test_a_verb_ending_in_ify_is_no_modifier_of_the_threat_after_it():
    """What broke: 'brings individuals to consider and justify violence' gave a threat 'justify violence'."""
    assert _threats("Such views lead some to justify violence and to glorify harbour sabotage.") == [
        "harbour sabotage"]


def test_in_order_to_ends_a_threat_phrase():
    """What broke: 'use of corruption and money laundering in order to invest' gave 'money laundering in order'."""
    assert _threats("They rely on quay laundering in order to invest the proceeds.") == ["quay laundering"]


def test_a_prefix_of_opposition_or_a_verb_of_use_is_no_modifier_of_a_threat():
    """What broke: 'an EU anti-corruption mechanism', 'de-radicalisation and disengagement' and 'networks
    also use corruption' gave threats named 'anti-corruption', 'de-radicalisation' and 'use corruption'."""
    text = "an anti-smuggling mechanism, de-radicalisation work; gangs use harbour fraud and uses quay smuggling"
    assert _threats(text) == ["harbour fraud", "quay smuggling"]


def test_priorities_are_no_threat_that_is_fought():
    """What broke: 'tackling priorities such as drug trafficking' gave a threat named 'priorities'."""
    assert _fought("the role of the assessment in tackling priorities such as amber smuggling") == []


def test_a_scope_of_cross_border_or_transnational_does_not_narrow_a_threat():
    """What broke: 'cross-border drug trafficking cases' gave a threat of its own beside drug trafficking."""
    assert _threats("in cross-border amber smuggling cases and transnational quay fraud") == [
        "amber smuggling", "quay fraud"]


def test_a_preposition_or_a_verb_before_a_threat_modifies_nothing():
    """What broke: 'links between trafficking and corruption' named a threat 'between trafficking', 'to
    detecting money laundering' one 'detecting money laundering', 'continues to generate corruption' one
    'generate corruption'."""
    text = ("Links between trafficking and corruption are investigated, with a view to detecting money laundering; "
            "drug trafficking continues to generate corruption.")
    assert _threats(text) == ["money laundering", "drug trafficking"]


def test_a_verb_acting_against_a_threat_is_no_modifier_of_it():
    """What broke: 'to help dismantle smuggling networks' and 'to turn smuggling networks into …'
    named the threats 'help dismantle smuggling' and 'turn smuggling'."""
    assert _threats("The agencies will help dismantle smuggling networks and turn smuggling routes into "
                    "dead ends, as against excise fraud.") == ["excise fraud"]
