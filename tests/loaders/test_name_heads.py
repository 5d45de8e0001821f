"""Names found by their head noun without an acronym: legal acts (Warrant, Code, Charter, Treaty),
bodies (Task Force, Forum, Coordinator, Representative, Nations), and a generic first word kept
when a complement follows."""

from iskg.loaders.discovery import find_names


def test_heads_of_acts_and_bodies_give_names_with_their_class():
    text = ("The Nordic Arrest Warrant, the Harbour Code, the Charter of Port Rights, the Valletta Treaty, "
            "the Adriatic Sea Task Force, the Danube Forum, the EU Port Security Coordinator and the European "
            "Convention on Harbour Safety apply, but the European Strategy does not.")
    assert [(d.long_form, d.cls) for d in find_names(text)] == [
        ("Nordic Arrest Warrant", "LegalAct"), ("Harbour Code", "LegalAct"), ("Charter of Port Rights", "LegalAct"),
        ("Valletta Treaty", "LegalAct"), ("Adriatic Sea Task Force", "InternationalOrganisation"),
        ("Danube Forum", "InternationalOrganisation"), ("EU Port Security Coordinator", "CouncilBody"),
        ("European Convention on Harbour Safety", "LegalAct")]


def test_heads_of_offices_and_organisations_of_states():
    text = "The High Harbour Representative met the United Harbour Nations."
    assert [(d.long_form, d.cls) for d in find_names(text)] == [
        ("High Harbour Representative", "EUInstitution"), ("United Harbour Nations", "InternationalOrganisation")]


def test_services_and_delegations_are_bodies_delegations_even_after_a_generic_word():
    text = ("The Baltic Harbour Service reports to the Nordic Parliament; EU Delegations follow, but the "
            "European Strategy does not.")
    # a parliament is not taken: its head does not say whose institution it is
    assert [(d.long_form, d.cls) for d in find_names(text)] == [
        ("Baltic Harbour Service", "Agency"), ("EU Delegations", "Agency")]


def test_a_name_with_a_french_complement_goes_on_in_french_only():
    text = "Centres such as the Centre de Surveillance Portuaire et Fluviale in Antwerp support patrols."
    assert [(d.long_form, d.cls) for d in find_names(text)] == [
        ("Centre de Surveillance Portuaire et Fluviale", "Agency")]


def test_dialogues_named_processes_partnerships_and_agendas_and_funding_instruments_are_instruments():
    """What broke: 'the Rabat Process', 'the Mobility Partnerships', 'the Common Agendas on Migration
    and Mobility' and 'the Civil Protection Financial Instrument' named nothing, so nothing said what
    they address."""
    text = ("It is a priority in the Valletta Process and the Harbour Partnerships, and in the Common Harbour "
            "Agendas on Ports and Quays, funded by the Harbour Safety Financial Instrument.")
    assert [(d.long_form, d.cls) for d in find_names(text)] == [
        ("Valletta Process", "OperationalMechanism"), ("Harbour Partnerships", "OperationalMechanism"),
        ("Common Harbour Agendas on Ports and Quays", "PolicyProgramme"),
        ("Harbour Safety Financial Instrument", "Fund")]


def test_two_names_joined_by_and_stay_two_when_the_first_ends_in_a_head():
    """What broke: 'the Harbour Partnerships and Common Quay Agendas on Ports' was read as one name."""
    text = ("It is a priority in the Harbour Partnerships and Common Quay Agendas on Ports, as in the Joint "
            "Ports Programme.")
    assert [d.long_form for d in find_names(text)] == [
        "Harbour Partnerships", "Common Quay Agendas on Ports", "Joint Ports Programme"]
