"""Discovering names defined with an acronym, classified by their head noun."""

from iskg.loaders.discovery import find_definitions


def _defs(text: str) -> list[tuple[str, str, str | None]]:
    return [(d.long_form, d.acronym, d.cls) for d in find_definitions(text)]


def test_long_form_with_acronym_is_found_and_classified():
    assert _defs("A European Police Records Index System (EPRIS) is introduced.") == [
        ("European Police Records Index System", "EPRIS", "InformationSystem")]


def test_a_named_network_is_a_body():
    """A network of authorities or practitioners acts ('the network supports …'): it is an actor, as the
    issue's named bodies ('the European … Network') say, not an instrument."""
    assert _defs("research through the European Network of Harbour Masters (ENHM) and its experts") == [
        ("European Network of Harbour Masters", "ENHM", "Network")]


def test_a_scheme_is_a_programme_and_a_capacity_a_mechanism():
    """What broke: 'the European Law Enforcement Training Scheme (LETS)' and 'a European Emergency Response
    Capacity' were not taken: their heads had no class."""
    assert _defs("implement the European Harbour Training Scheme (EHTS) and the Dock Response Capacity (DRC)") == [
        ("European Harbour Training Scheme", "EHTS", "PolicyProgramme"),
        ("Dock Response Capacity", "DRC", "OperationalMechanism")]
    assert _names("Develop a European Quay Response Capacity for tackling floods.") == [
        ("European Quay Response Capacity", "OperationalMechanism")]


def test_name_extends_over_words_the_acronym_skips():
    found = _defs("in the Standing Committee on Operational Cooperation on Internal Security (COSI), which")
    assert found == [("Standing Committee on Operational Cooperation on Internal Security", "COSI", "CouncilBody")]


def test_parenthesis_that_is_not_an_acronym_of_the_words_before_is_ignored():
    assert _defs("the trio Presidency (DE-PT-SI) program") == []
    assert _defs("as agreed (JHA) yesterday") == []


def test_a_long_form_does_not_reach_back_over_its_owner():
    assert _defs("INVITES Harbourpol and Portpol's Northern Harbour Centre (NHC) to help") == [
        ("Northern Harbour Centre", "NHC", "Agency")]
    assert _defs("the Member States' Northern Harbour Centres (NHCs) help") == [
        ("Northern Harbour Centres", "NHCs", "Agency")]


def test_unknown_head_noun_gives_no_class():
    assert _defs("Organised Crime Groups (OCGs) exploit") == [("Organised Crime Groups", "OCGs", None)]


def test_capitalised_verbs_of_council_conclusions_are_not_part_of_a_name():
    assert _defs("WELCOMES European Cybercrime Centre (EC3) work")[0][0] == "European Cybercrime Centre"


def test_a_conclusions_verb_before_the_article_is_no_word_of_the_long_form_its_initial_would_fit():
    """What broke: 'ENCOURAGES the European Harbour Safety Agency (EHSA)' was read as a long form
    from ENCOURAGES on, since its E fits the acronym, and became a label of the agency."""
    assert _defs("3. ENCOURAGES the European Harbour Safety Agency (EHSA) to act") == [
        ("European Harbour Safety Agency", "EHSA", "Agency")]
    assert _defs("INVITES the Harbour Agency (IHA) to act") == []
    # an acronym-name opening a long form stays: it is followed by a capitalised word
    assert _defs("the PORTPOL Exchange Programme (PEP) starts") == [
        ("PORTPOL Exchange Programme", "PEP", "PolicyProgramme")]


def _names(text: str) -> list[tuple[str, str | None]]:
    from iskg.loaders.discovery import find_names

    return [(d.long_form, d.cls) for d in find_names(text)]


def test_named_instruments_and_bodies_are_found_by_their_head_noun():
    text = ("RECALLING the Strategy for Customs Risk Management, the Joint Police and Customs Centres "
            "and the Maritime Analysis Fund.")
    assert _names(text) == [("Strategy for Customs Risk Management", "PolicyProgramme"),
                            ("Joint Police and Customs Centres", "Agency"), ("Maritime Analysis Fund", "Fund")]


def test_generic_or_sentence_initial_words_do_not_make_a_name():
    text = "Following the Action Plan, Work Programmes and the Council Decision, Europe's Security Strategy."
    assert _names(text) == [("Security Strategy", "PolicyProgramme")]


def test_a_complement_stops_at_numbers_and_lower_case_words():
    assert _names("the EU Drugs Strategy for 2021-2025 and the Plan for Police Training in general") == [
        ("EU Drugs Strategy", "PolicyProgramme"), ("Plan for Police Training", "PolicyProgramme")]


def _threats(text: str) -> list[str]:
    from iskg.loaders.discovery import find_threat_phrases

    return [d.long_form for d in find_threat_phrases(text) if d.cls == "Threat"]


def test_threats_are_named_by_the_kind_of_crime_they_are():
    text = "Criminals turn to excise fraud, cyber-attacks and trafficking in cultural goods."
    assert _threats(text) == ["excise fraud", "cyber-attacks", "trafficking in cultural goods"]


def test_verbs_participles_and_generic_words_do_not_make_a_threat():
    text = ("Groups carry out attacks, promote violence and recruit through radicalisation; "
            "the fight against fraud; motivated violent extremism; trafficking in children should stop.")
    assert _threats(text) == ["violent extremism", "trafficking in children"]


def test_a_kind_of_crime_may_open_with_a_short_acronym():
    assert _threats("Major ICT breakdowns and CBRN attacks, but not EU fraud.") == ["ICT breakdowns", "CBRN attacks"]


def test_and_between_modifiers_does_not_end_the_head_noun_search():
    found = _defs("with the North Western and Northern Europe Clearinghouse for the Control of Small Arms and "
                  "Light Weapons (NWNESAC) today")
    assert found == [("North Western and Northern Europe Clearinghouse for the Control of Small Arms and Light Weapons",
                      "NWNESAC", "InternationalOrganisation")]
    assert _defs("the Harbour Border and Coast Watch Agency (HBCWA)") == [
        ("Harbour Border and Coast Watch Agency", "HBCWA", "Agency")]


def test_a_policy_cycle_is_a_named_programme_and_threats_a_threat_head():
    assert _names("RECOGNISING the EU Harbour Cycle as a model.") == [("EU Harbour Cycle", "PolicyProgramme")]
    assert _threats("countering hybrid threats and security threats") == ["hybrid threats"]


def test_a_linking_complement_joins_the_name_it_leads_to():
    assert _names("the Action Plan for the implementation of the Harbour Programme, and the Plan for the "
                  "implementation of new rules") == [
        ("Action Plan for the implementation of the Harbour Programme", "PolicyProgramme"),
        ("Harbour Programme", "PolicyProgramme")]


def test_the_member_states_whose_bodies_they_are_are_no_part_of_their_name():
    """What broke: "the Asset Recovery Offices of the Member States" was discovered as one body."""
    assert _names("strengthening the Harbour Recovery Office of the Member States") == [
        ("Harbour Recovery Office", "Agency")]


def test_a_body_takes_no_linking_complement():
    """What broke: "reports to the Council on the implementation of the Harbour Strategy" discovered a body
    "Council on the implementation of the Harbour Strategy": a body is not for the implementation of a text."""
    assert _names("a report to the Harbour Council on the implementation of the Harbour Strategy") == [
        ("Harbour Council", "CouncilBody"), ("Harbour Strategy", "PolicyProgramme")]


def _fought(text: str) -> list[str]:
    from iskg.loaders.discovery import find_threat_objects

    return [d.long_form for d in find_threat_objects(text)]


def test_what_is_fought_is_a_threat_when_its_noun_phrase_ends_there():
    text = ("the fight against islamophobia across policy areas; tackling illegal logging, and "
            "combating the challenges identified; countering hybrid threats; the fight against the "
            "illicit trafficking of firearms; fighting against trans-national crimes")
    assert _fought(text) == ["islamophobia", "illegal logging"]


def test_a_council_working_party_may_have_a_mnemonic_acronym():
    found = _defs("the Working Party on Harbour Information Exchange (HARBIX), and Organised Harbour Gangs (XQZ)")
    assert found == [("Working Party on Harbour Information Exchange", "HARBIX", "CouncilBody")]


def _listed(text: str) -> list[tuple[str, str | None]]:
    from iskg.loaders.discovery import find_listed_actors

    return [(d.long_form, d.cls) for d in find_listed_actors(text)]


def test_one_word_names_listed_as_agencies_or_organisations_are_actors():
    text = ("Cooperation between the agencies and bodies (Harbourpol, the Coast Watch Agency and eu-PORT) "
            "and with organisations, in particular Seanet, grows; the relevant agencies, notably "
            "customs authorities and Dockpol, help.")
    assert _listed(text) == [("Harbourpol", "Agency"), ("eu-PORT", "Agency"),
                             ("Seanet", "InternationalOrganisation")]


def test_a_complement_may_open_with_the_before_a_capitalised_word_and_groups_are_bodies():
    text = ("the report of the High-Level Advisory Group on the Future of Harbour Policing, the Convention "
            "on the Protection of Harbours and the Harbour Strategy for the EU")
    assert _names(text) == [("High-Level Advisory Group on the Future of Harbour Policing", "CouncilBody"),
                            ("Convention on the Protection of Harbours", "LegalAct"),
                            ("Harbour Strategy", "PolicyProgramme")]


def test_a_capitalised_modifier_inside_a_sentence_can_name_a_kind_of_crime():
    assert _threats("losses from VAT and Excise fraud. Fraud grows; Member States fraud") == ["Excise fraud"]


def test_councils_colleges_and_academies_are_named_bodies():
    text = "with the Council of Harbours, the Nordic Police College and the Coast Guard Academy, not the Council"
    assert _names(text) == [("Council of Harbours", "CouncilBody"), ("Nordic Police College", "Agency"),
                            ("Coast Guard Academy", "Agency")]


def test_a_named_model_is_a_programme():
    assert _names("under the Harbour Data Exchange Model and a European Model") == [
        ("Harbour Data Exchange Model", "PolicyProgramme")]


def test_a_named_policy_is_a_programme():
    assert _names("develop an Industrial Harbour Policy and an EU Policy") == [
        ("Industrial Harbour Policy", "PolicyProgramme")]


def test_one_word_names_given_as_examples_of_mechanisms_are_instruments():
    text = ("Building on existing mechanisms and networks (such as PORTNET), and on tools, e.g. Dockbase, "
            "ports cooperate; criminal networks (OCNs) do not count.")
    assert _listed(text) == [("PORTNET", "OperationalMechanism"), ("Dockbase", "OperationalMechanism")]
