"""Extraction over whole documents: vocabulary, discovery, relations, revision marks."""

import pytest

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text

DEFINES = """Council conclusions on information exchange

The Council adopted the following conclusions:

1. A European Biometric Matching Register (EBMR) should be set up by eu-LISA.

2. The EBMR will help Europol in the fight against terrorism.
"""

DRAFT = """Draft Council conclusions

Changes compared to the previous version are marked in **bold underlined** and ~~strikethrough~~.

1. ~~Frontex supports the Schengen Information System.~~ **Europol contributes to the fight against cybercrime.**
"""


@pytest.fixture
def extractor() -> Extractor:
    return Extractor.default()


def test_acronym_defined_in_text_becomes_a_discovered_entity_known_everywhere(extractor):
    doc = parse_text(DEFINES, "defines.txt", "utf-8")
    extractor.learn([doc])
    result = extractor.extract(doc)
    iri = "https://w3id.org/iskg/id/instrument/european-biometric-matching-register"
    entity = extractor.entities[iri]
    assert entity.discovered and entity.cls == "InformationSystem"
    assert entity.alt_labels == ["EBMR"]
    quotes = [m.quote for m in result.mentions if m.iri == iri]
    assert quotes == ["European Biometric Matching Register", "EBMR", "EBMR"]
    assert all(m.method == "discovery" for m in result.mentions if m.iri == iri)


def test_relations_carry_the_exact_words_they_rest_on(extractor):
    doc = parse_text(DEFINES, "defines.txt", "utf-8")
    result = extractor.extract(doc)
    texts = {p.index: p.text for p in doc.paragraphs}
    triples = {(r.relation.subject.rsplit("/", 1)[1], r.relation.predicate, r.relation.object.rsplit("/", 1)[1])
               for r in result.relations}
    assert ("europol", "addresses", "terrorism") in triples
    for r in result.relations:
        assert texts[r.paragraph][r.relation.start:r.relation.end] == r.quote


def test_deleted_text_yields_no_mention_and_added_text_does(extractor):
    doc = parse_text(DRAFT, "draft.txt", "utf-8")
    assert doc.format == "draft"
    result = extractor.extract(doc)
    named = {m.iri.rsplit("/", 1)[1] for m in result.mentions}
    assert "frontex" not in named and "schengen-information-system" not in named
    assert {"europol", "cybercrime"} <= named


def test_named_instrument_without_acronym_is_discovered_once_and_mentioned(extractor):
    doc = parse_text("Conclusions\n\n1. The Maritime Analysis Fund should be used. The Maritime Analysis Fund works.\n",
                     "named.txt", "utf-8")
    extractor.learn([doc])
    iri = "https://w3id.org/iskg/id/instrument/maritime-analysis-fund"
    assert extractor.entities[iri].cls == "Fund" and extractor.entities[iri].discovered
    assert [m.quote for m in extractor.extract(doc).mentions if m.iri == iri] == ["Maritime Analysis Fund"] * 2


def test_an_acronym_expanded_two_ways_keeps_its_first_meaning(extractor):
    first = parse_text("Conclusions\n\n1. The Border Records System (BRS) starts.\n", "a.txt", "utf-8")
    second = parse_text("Conclusions\n\n1. The Biometric Registry System (BRS) starts.\n", "b.txt", "utf-8")
    extractor.learn([first, second])
    base = "https://w3id.org/iskg/id/instrument/"
    assert extractor.entities[base + "border-records-system"].alt_labels == ["BRS"]
    assert extractor.entities[base + "biometric-registry-system"].alt_labels == []


def test_a_name_that_is_a_coordination_names_each_of_its_parts_too():
    from iskg.loaders.vocabulary import Entity

    base = "https://w3id.org/iskg/id/principle/"
    entities = {base + "tolerance": Entity(base + "tolerance", "Principle", "Principle", "tolerance",
                                           ["tolerance, respect and freedom of expression"]),
                base + "freedom-of-expression": Entity(base + "freedom-of-expression", "Principle", "Principle",
                                                       "freedom of expression"),
                base + "respect": Entity(base + "respect", "Principle", "Principle", "respect for others")}
    extractor = Extractor(entities, {"Principle": "Principle"})
    doc = parse_text("Principles\n\nDialogue in line with tolerance, respect and freedom of expression.\n",
                     "c.txt", "utf-8")
    found = [(m.iri.rsplit("/", 1)[1], m.quote) for m in extractor.extract(doc).mentions]
    assert found == [("tolerance", "tolerance, respect and freedom of expression"),
                     ("freedom-of-expression", "freedom of expression")]


def test_a_body_or_instrument_whose_name_is_a_coordination_names_only_the_threats_inside_it():
    """What broke: 'the Prevention of and Fight against Crime programme' and 'the EU Serious and Organised
    Crime Threat Assessment' also named the guideline 'prevention' and the generic 'threat assessment'."""
    from iskg.loaders.vocabulary import Entity

    def entity(path: str, cls: str, label: str) -> Entity:
        return Entity("https://w3id.org/iskg/id/" + path, cls, tops[cls], label)

    tops = {"PolicyProgramme": "Instrument", "AnalyticalProduct": "Instrument",
            "StrategicGuideline": "StrategicGuideline", "Threat": "Threat"}
    entities = {e.iri: e for e in [
        entity("instrument/harbour-programme", "PolicyProgramme", "Prevention of and Fight against Piracy programme"),
        entity("instrument/threat-assessment", "AnalyticalProduct", "threat assessment"),
        entity("instrument/harbour-assessment", "AnalyticalProduct", "Harbour and Quay Threat Assessment"),
        entity("guideline/prevention", "StrategicGuideline", "prevention"),
        entity("threat/piracy", "Threat", "piracy")]}
    extractor = Extractor(entities, tops)
    doc = parse_text("Funding\n\nFunds come from the Prevention of and Fight against Piracy programme, guided by "
                     "the Harbour and Quay Threat Assessment.\n", "c.txt", "utf-8")
    found = [(m.iri.rsplit("/", 1)[1], m.quote) for m in extractor.extract(doc).mentions]
    assert found == [("harbour-programme", "Prevention of and Fight against Piracy programme"), ("piracy", "Piracy"),
                     ("harbour-assessment", "Harbour and Quay Threat Assessment")]


def test_a_body_inside_a_body_s_or_an_act_s_name_is_named_and_relates_through_that_name_only():
    """What broke: 'the Pompidou Group of the Council of Europe' and 'the Council of Europe Convention' did
    not name the Council of Europe; the latter was read as a body, its head taken before 'of'."""
    from iskg.loaders.vocabulary import Entity

    tops = {"InternationalOrganisation": "Actor", "Agency": "Actor", "LegalAct": "Instrument"}
    entities = {e.iri: e for e in [
        Entity("https://w3id.org/iskg/id/actor/coh", "InternationalOrganisation", "Actor", "Council of Harbours"),
        Entity("https://w3id.org/iskg/id/actor/quay-group", "InternationalOrganisation", "Actor",
               "Quay Group of the Council of Harbours"),
        Entity("https://w3id.org/iskg/id/actor/europol", "Agency", "Actor", "Europol")]}
    extractor = Extractor(entities, tops)
    doc = parse_text("Ports\n\nEuropol cooperates with the Quay Group of the Council of Harbours, which applies "
                     "the Council of Harbours Convention.\n", "c.txt", "utf-8")
    extractor.learn([doc])
    extraction = extractor.extract(doc)
    found = [(m.iri.rsplit("/", 1)[1], m.quote) for m in extraction.mentions]
    harbours = "Council of Harbours Convention"
    assert found == [("europol", "Europol"), ("quay-group", "Quay Group of the Council of Harbours"),
                     ("coh", "Council of Harbours"),
                     ("council-of-harbours-convention", harbours), ("coh", "Council of Harbours")]
    assert extractor.entities["https://w3id.org/iskg/id/instrument/council-of-harbours-convention"].cls == "LegalAct"
    relations = [r.relation for r in extraction.relations]
    assert {(r.subject.rsplit("/", 1)[1], r.object.rsplit("/", 1)[1]) for r in relations
            if r.predicate == "cooperatesWith"} == {("europol", "quay-group")}


def test_a_known_body_at_the_head_of_a_known_name_is_not_named_but_at_the_head_of_a_discovered_one_it_is():
    """'Council' in 'Council of Harbours' is that name's head, not the Council; a discovered 'Quay Watch Group of
    Coastal Nations' reads the known 'Quay Watch Group' too far, and the known body is still named."""
    from iskg.loaders.vocabulary import Entity

    tops = {"InternationalOrganisation": "Actor", "EUInstitution": "Actor", "LegalAct": "Instrument"}
    entities = {e.iri: e for e in [
        Entity("https://w3id.org/iskg/id/actor/council", "EUInstitution", "Actor", "Council"),
        Entity("https://w3id.org/iskg/id/actor/coh", "InternationalOrganisation", "Actor", "Council of Harbours"),
        Entity("https://w3id.org/iskg/id/actor/qwg", "InternationalOrganisation", "Actor", "Quay Watch Group")]}
    extractor = Extractor(entities, tops)
    doc = parse_text("Ports\n\nThe Council of Harbours Convention and the Quay Watch Group of Coastal Nations apply.\n",
                     "c.txt", "utf-8")
    extractor.learn([doc])
    found = [m.iri.rsplit("/", 1)[1] for m in extractor.extract(doc).mentions]
    assert "council" not in found and "coh" in found
    assert found[found.index("quay-watch-group-of-coastal-nations") + 1] == "qwg"


def test_a_guideline_a_heading_names_is_stated_when_its_name_gives_a_known_entity_s_iri():
    """What broke: with the label 'quay patrols' missing from the entity whose IRI it gives (as when
    leave-one-out drops it), the heading 'Quay patrols' added the label but left the guideline unstated,
    so its mentions did not count."""
    from iskg.loaders.vocabulary import Entity

    iri = "https://w3id.org/iskg/id/guideline/quay-patrols"
    extractor = Extractor({iri: Entity(iri, "StrategicGuideline", "StrategicGuideline", "harbour patrolling")},
                          {"StrategicGuideline": "StrategicGuideline"})
    doc = parse_text("Strategy\n\n# STRATEGIC GUIDELINES FOR ACTION\n\n## 1. Quay patrols\n\nQuay patrols work.\n",
                     "s.txt", "utf-8")
    extractor.learn([doc])
    assert extractor.entities[iri].stated
    assert [m.quote for m in extractor.extract(doc).mentions] == ["Quay patrols", "Quay patrols"]


def test_the_names_inside_a_name_inside_an_objective_count_too():
    """What broke: in the priority '(h) step up the fight against cybercrime and …', the objective 'fight
    against cybercrime' was named but no longer the threat cybercrime inside it."""
    from iskg.loaders.vocabulary import Entity

    base = "https://w3id.org/iskg/id/"
    entities = {base + "objective/fight-against-piracy": Entity(base + "objective/fight-against-piracy",
                                                                "StrategicObjective", "StrategicObjective",
                                                                "fight against piracy", stated=True),
                base + "threat/piracy": Entity(base + "threat/piracy", "Threat", "Threat", "piracy")}
    extractor = Extractor(entities, {"StrategicObjective": "StrategicObjective", "Threat": "Threat"})
    doc = parse_text("Note\n\nThe Council sets the following priorities:\n\n"
                     "(a) step up the fight against piracy and the misuse of ports.\n", "p.txt", "utf-8")
    extractor.learn([doc])
    found = [m.quote for m in extractor.extract(doc).mentions]
    assert found == ["step up the fight against piracy and the misuse of ports", "fight against piracy", "piracy"]


def test_mentions_and_relations_in_added_text_are_marked_added(extractor):
    text = DRAFT + "\n2. Eurojust cooperates with Europol.\n"
    doc = parse_text(text, "draft.txt", "utf-8")
    result = extractor.extract(doc)
    added = {(m.quote, m.added) for m in result.mentions}
    assert added == {("Europol", True), ("fight against cybercrime", True), ("cybercrime", True),
                     ("Eurojust", False), ("Europol", False)}
    relations = {(r.relation.subject.rsplit("/", 1)[1], r.relation.predicate, r.added) for r in result.relations}
    assert ("europol", "addresses", True) in relations and ("eurojust", "cooperatesWith", False) in relations


def test_a_relation_the_original_words_state_is_not_added_though_its_quote_spans_an_insertion(extractor):
    """What broke: in 'URGES Europol **and Eurojust** to support …' Europol's relation was marked
    added, since its quote runs over the inserted words; only Eurojust's is carried by them."""
    text = (DRAFT.split("1.")[0] + "1. The Council URGES Europol **and Eurojust** to support the Schengen "
            "Information System.\n")
    doc = parse_text(text, "draft.txt", "utf-8")
    relations = {(r.relation.subject.rsplit("/", 1)[1], r.relation.predicate, r.added)
                 for r in extractor.extract(doc).relations}
    assert relations == {("europol", "supports", False), ("eurojust", "supports", True)}
