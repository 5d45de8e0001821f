"""The reference vocabulary reaches beyond the five texts: well-known JHA bodies, networks,
information systems, legal acts, funds, programmes and threat areas of 2008-2020 that the corpus
never names. A note written for the test names several of them as a Council conclusion would and
must yield exactly them; every label of the vocabulary is well formed."""

from __future__ import annotations

import re
from pathlib import Path

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.vocabulary import load_vocabulary

FIXTURE = Path(__file__).parent / "fixtures" / "vocabulary_note.txt"
ID = "https://w3id.org/iskg/id/"

EXPECTED = [
    ("actor/council-of-the-european-union", "COUNCIL OF THE EUROPEAN UNION"),  # in the header, above the body
    ("actor/efecc", "European Financial and Economic Crime Centre"),
    ("threat/economic-crime", "Financial and Economic Crime"),  # a threat an actor's name names
    ("actor/efecc", "EFECC"),
    ("actor/europol", "Europol"),
    ("actor/financial-intelligence-units", "Financial Intelligence Units"),
    ("instrument/financial-information-directive", "Directive (EU) 2019/1153"),
    ("instrument/pif-directive", "PIF Directive"),
    ("instrument/istanbul-convention", "Istanbul Convention"),
    ("instrument/warsaw-convention", "Council of Europe Convention on Laundering, Search, Seizure and "
                                     "Confiscation of the Proceeds of Crime and on the Financing of Terrorism"),
    ("actor/council-of-europe", "Council of Europe"),
    ("threat/terrorist-financing", "Financing of Terrorism"),
    ("threat/match-fixing", "match-fixing"),
    ("threat/extortion", "extortion"),
    ("threat/illicit-financial-flows", "illicit financial flows"),
    ("actor/oecd", "OECD"),
    ("actor/greco", "GRECO"),
    ("instrument/rule-of-law-report", "Rule of Law Report"),
    ("instrument/eu-justice-scoreboard", "EU Justice Scoreboard"),
    ("instrument/european-protection-order", "European Protection Order"),
    ("principle/ne-bis-in-idem", "principle of ne bis in idem"),
    ("instrument/ipa", "Instrument for Pre-accession Assistance"),
    ("instrument/connecting-europe-facility", "Connecting Europe Facility"),
    ("instrument/enfast", "European Network of Fugitive Active Search Teams"),
    ("instrument/enfast", "ENFAST"),
    ("instrument/ees-regulation", "EES Regulation"),
    ("instrument/etias-regulation", "ETIAS Regulation"),
    ("instrument/ecris-tcn-regulation", "Regulation (EU) 2019/816"),
    ("instrument/atlas-decision", "Council Decision 2008/617/JHA"),
    ("actor/europol", "Europol Drugs Unit"),  # a former name
]


def test_a_note_naming_well_known_jha_entities_yields_exactly_them() -> None:
    doc = parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, "utf-8")
    extractor = Extractor.default()
    known = set(extractor.entities)
    extractor.learn([doc])
    found = [(m.iri.removeprefix(ID), m.quote, m.method) for m in extractor.extract(doc).mentions]
    assert [(iri, quote) for iri, quote, _ in found] == EXPECTED
    # all of them curated: nothing had to be discovered, and the text defines no new name
    assert {method for _, _, method in found} == {"vocabulary"}
    assert set(extractor.entities) == known


def test_a_long_form_does_not_reach_back_over_a_coordinated_name() -> None:
    """What broke: 'the Connecting Europe Facility and the European Network of Fugitive Active
    Search Teams (ENFAST)' made the whole coordination a label of ENFAST."""
    from iskg.loaders.discovery import find_definitions

    text = "the Harbour Fund and the European Network of Port Search Teams (ENPST) and"
    assert [d.long_form for d in find_definitions(text)] == ["European Network of Port Search Teams"]


def test_every_label_of_the_vocabulary_is_well_formed() -> None:
    entities = load_vocabulary()
    for entity in entities.values():
        assert entity.label not in entity.alt_labels, entity.iri
        for label in entity.labels:
            assert label == label.strip() and "  " not in label, (entity.iri, label)
            assert not re.search(r"[.,;:]$", label) or label.endswith(("e.V.", "Inc.")), (entity.iri, label)
            assert label.count("(") == label.count(")"), (entity.iri, label)
            assert label.count('"') % 2 == 0, (entity.iri, label)


def test_the_vocabulary_reaches_beyond_the_corpus_in_every_class_of_this_issue() -> None:
    """Bodies, systems, acts, funds, programmes and threat areas the five texts never name."""
    entities = load_vocabulary()
    classes = {iri.removeprefix(ID): e.cls for iri, e in entities.items()}
    assert classes["actor/hybrid-coe"] == "InternationalOrganisation"
    assert classes["actor/passenger-information-units"] == "NationalBody"
    assert classes["instrument/anti-fraud-information-system"] == "InformationSystem"
    assert classes["instrument/european-refugee-fund"] == "Fund"
    assert classes["instrument/procedural-rights-roadmap"] == "PolicyProgramme"
    assert classes["actor/ejcn"] == "Network"
    assert classes["actor/eu-network-of-national-rapporteurs"] == "Network"  # was an instrument
    assert classes["threat/nuclear-smuggling"] == "Threat"
    assert classes["principle/data-minimisation"] == "Principle"


def test_the_slashes_of_a_document_number_join_no_names() -> None:
    """What broke: 'Council Decision 2008/617/JHA' was read as a coordination and also named the Council."""
    doc = parse_text("Note\n\n1. Council Decision 2008/617/JHA applies.\n", "note.txt", "utf-8")
    extractor = Extractor.default()
    extractor.learn([doc])
    assert [m.quote for m in extractor.extract(doc).mentions] == ["Council Decision 2008/617/JHA"]


def test_the_terrorist_offences_and_values_a_radicalisation_strategy_names_are_known() -> None:
    """Probe texts showed the offences of Framework Decision 2008/919/JHA and values a radicalisation
    strategy rests on missing: 'training' alone had named law enforcement training, and measures that
    'must be proportionate' named no proportionality."""
    text = ("Note\n\n1. It criminalises public provocation to commit a terrorist offence and training for terrorism, "
            "respects freedom of religion and promotes good governance, and must be proportionate.\n")
    doc = parse_text(text, "note.txt", "utf-8")
    found = [m.iri.removeprefix(ID) for m in Extractor.default().extract(doc).mentions]
    assert found == ["threat/public-provocation-to-commit-a-terrorist-offence", "threat/training-for-terrorism",
                     "principle/freedom-of-religion", "principle/good-governance", "principle/proportionality"]


def test_coordinating_investigations_and_prosecutions_is_a_guideline_of_its_own() -> None:
    """It was a label of judicial cooperation, which texts list beside it as a separate guideline."""
    doc = parse_text("Note\n\n1. Judicial cooperation and the coordination of investigations and prosecutions.\n",
                     "note.txt", "utf-8")
    found = [m.iri.removeprefix(ID) for m in Extractor.default().extract(doc).mentions]
    assert found == ["guideline/judicial-cooperation-in-criminal-matters",
                     "guideline/coordination-of-investigations-and-prosecutions"]


def test_a_note_from_the_general_secretariat_names_the_council_s_secretariat() -> None:
    text = ("COUNCIL OF\nTHE EUROPEAN UNION\n\nBrussels, 10 June 2011\n\n11050/11\n\nNOTE\nFrom:\tGeneral Secretariat\n"
            "To:\tDelegations\nSubject:\tHarbour priorities\n\n1. The Council agrees.\n")
    doc = parse_text(text, "note.txt", "utf-8")
    found = {m.iri.removeprefix(ID) for m in Extractor.default().extract(doc).mentions if m.in_header}
    assert "actor/general-secretariat-of-the-council" in found


def test_the_drugs_bodies_a_drugs_text_names_are_known() -> None:
    doc = parse_text("Note\n\n1. The EMCDDA and its Reitox network report to the Commission on Narcotic Drugs (CND).\n",
                     "note.txt", "utf-8")
    found = [m.iri.removeprefix(ID) for m in Extractor.default().extract(doc).mentions]
    # (a body's name names the threat it is about)
    assert found == ["actor/emcdda", "actor/reitox", "actor/commission-on-narcotic-drugs", "threat/illicit-drugs",
                     "actor/commission-on-narcotic-drugs"]
