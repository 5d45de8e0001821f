"""Vocabulary objectives count where some text states them as objectives, on small texts written for
the test and a small vocabulary: a clause that calls a name an objective, aim, goal, priority or
milestone states it; a purpose named in passing ('to maintain harbour safety') does not; an
objective the vocabulary marks established counts anywhere.
"""

from __future__ import annotations

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.model import Document
from iskg.loaders.read import parse_text
from iskg.loaders.structure import clause_spans, stating_clauses
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

ID = "https://w3id.org/iskg/id/"
SAFETY = ID + "objective/harbour-safety"
SEAS = ID + "objective/open-seas"


def _extractor() -> Extractor:
    vocabulary = {
        SAFETY: Entity(SAFETY, "StrategicObjective", "StrategicObjective", "harbour safety"),
        SEAS: Entity(SEAS, "StrategicObjective", "StrategicObjective", "open seas", stated=True),
    }
    return Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))


def _learnt(text: str) -> tuple[Extractor, Document]:
    """The test vocabulary's extractor after learning from one list of priorities, and that list."""
    doc = parse_text(text, "priorities.txt", "utf-8")
    extractor = _extractor()
    extractor.learn([doc])
    return extractor, doc


def _objectives(*texts: str) -> list[list[str]]:
    """Per text, the quotes of its objective mentions, after learning from all the texts."""
    docs = [parse_text(f"Note\n\n{text}\n", f"t{k}.txt", "utf-8") for k, text in enumerate(texts)]
    extractor = _extractor()
    extractor.learn(docs)
    return [[m.quote for m in extractor.extract(doc).mentions
             if extractor.entities[m.iri].top == "StrategicObjective"] for doc in docs]


def test_clauses_are_cut_before_a_coordinated_operative_verb() -> None:
    text = "The Council WELCOMES the plan, and UNDERLINES its value. It ends."
    assert [text[a:b] for a, b in clause_spans(text)] == [
        "The Council WELCOMES the plan", "UNDERLINES its value.", " It ends."]
    assert stating_clauses("The aim is clear, and STRESSES the rest.", "StrategicObjective") == [(0, 16)]
    assert stating_clauses("The aim is clear.", "Threat") == []


def test_an_objective_named_in_passing_is_not_counted() -> None:
    assert _objectives("Patrols help to maintain harbour safety.") == [[]]


def test_an_objective_one_text_states_counts_where_another_names_it_in_passing() -> None:
    stated, passing = "Harbour safety is a key objective of the Union.", "Patrols help to maintain harbour safety."
    assert _objectives(stated, passing) == [["Harbour safety"], ["harbour safety"]]
    assert _objectives("Our priorities for the coming years include harbour safety.") == [["harbour safety"]]


def test_an_established_objective_counts_in_passing() -> None:
    assert _objectives("Patrols keep the open seas calm.") == [["open seas"]]


def test_a_cue_in_another_operative_clause_states_nothing() -> None:
    text = "The Council WELCOMES the plan setting out priorities, and UNDERLINES that harbour safety matters."
    assert _objectives(text) == [[]]


def test_an_objective_inside_a_name_discovered_in_the_same_paragraph_is_not_stated() -> None:
    # 'Harbour Safety Strategy' is new to the vocabulary: the name holding 'harbour safety' is read
    # first, so the cue 'priorities' does not make its modifier an objective
    text = "The Harbour Safety Strategy sets out our priorities."
    assert _objectives(text, "Patrols help to maintain harbour safety.") == [[], []]


def test_a_high_level_of_security_named_as_a_purpose_is_not_an_objective() -> None:
    # the packaged vocabulary: a degree named as the purpose of measures is not an objective there;
    # the area of freedom, security and justice is one the Treaty sets out (established)
    text = "Measures must maintain high security levels within the area of freedom, security and justice."
    doc = parse_text(f"Note\n\n{text}\n", "purpose.txt", "utf-8")
    extractor = Extractor.default()
    extractor.learn([doc])
    found = [m.iri.removeprefix(ID) for m in extractor.extract(doc).mentions
             if extractor.entities[m.iri].top == "StrategicObjective"]
    assert found == ["objective/area-of-freedom-security-and-justice"]
    stated = parse_text("Note\n\nOur objective is a high level of security.\n", "aim.txt", "utf-8")
    extractor.learn([stated])
    assert [m.quote for m in extractor.extract(stated).mentions] == ["a high level of security"]


def test_items_of_a_list_introduced_as_priorities_are_objectives_unless_clauses() -> None:
    text = ("Note\n\nThe Council sets the following priorities for the coming years:\n\n"
            "(a) harbour safety;\n\n(b) securing coastal waters, in line with the charter;\n\n"
            "(c) every port has a safety officer.\n\nPatrols help to maintain harbour safety.\n")
    extractor, doc = _learnt(text)
    new = [(e.label, e.cls, e.stated) for e in extractor.entities.values() if e.discovered]
    assert new == [("securing coastal waters", "StrategicObjective", True)]
    assert extractor.entities[SAFETY].stated
    found = [m.quote for m in extractor.extract(doc).mentions]
    assert found == ["harbour safety", "securing coastal waters, in line with the charter", "harbour safety"]


def test_a_listed_objective_that_holds_a_known_one_is_an_objective_of_its_own() -> None:
    """What broke: the priority '(c) preventing and fighting cybercrime' was read as the known objective
    'fighting cybercrime' it holds, not as itself."""
    text = ("Note\n\nThe Council identifies the following main priorities:\n\n"
            "(a) guarding and keeping harbour safety;\n\n(b) open seas.\n")
    extractor, doc = _learnt(text)
    new = [(e.label, e.stated) for e in extractor.entities.values() if e.discovered]
    assert new == [("guarding and keeping harbour safety", True)]
    assert not extractor.entities[SAFETY].stated
    assert [m.quote for m in extractor.extract(doc).mentions] == ["guarding and keeping harbour safety", "open seas"]


def test_a_listed_objective_is_named_up_to_its_means_and_also_as_printed_whole() -> None:
    """An item's name ends where its means begin ('combat harbour crime by targeting …'); the item as
    printed, to the end of its sentence, is a label of it too ('…, including on the open seas')."""
    text = ("Note\n\nThe Council sets the following priorities:\n\n"
            "(a) combat harbour crime by targeting the gangs behind it;\n\n"
            "(b) reduce the smuggling of amber, including on the open seas.\n")
    extractor, doc = _learnt(text)
    new = [(e.label, e.alt_labels) for e in extractor.entities.values()
           if e.top == "StrategicObjective" and e.discovered]
    assert new == [("combat harbour crime", ["combat harbour crime by targeting the gangs behind it"]),
                   ("reduce the smuggling of amber", ["reduce the smuggling of amber, including on the open seas"])]
    # the whole item names the objective, and what it names is named too
    found = [m.quote for m in extractor.extract(doc).mentions if m.paragraph == 3]
    assert found == ["reduce the smuggling of amber, including on the open seas", "smuggling of amber", "open seas"]


def test_the_common_return_policy_is_an_instrument_not_an_objective() -> None:
    text = "Attention should be placed on establishing an effective common return policy."
    doc = parse_text(f"Note\n\n{text}\n", "return.txt", "utf-8")
    extractor = Extractor.default()
    extractor.learn([doc])
    found = [(m.iri.removeprefix(ID), extractor.entities[m.iri].top) for m in extractor.extract(doc).mentions]
    assert found == [("instrument/common-return-policy", "Instrument")]


def test_a_heading_that_numbers_an_objective_names_it() -> None:
    text = ("# Plan\n\n## Objective 1: Calmer harbours\n\nText.\n\n## Priority 2 – harbour safety\n\nMore.\n\n"
            "## Objective 3: Every port has an officer\n\nEnd.\n")
    doc = parse_text(text, "plan.md", "utf-8")
    extractor = _extractor()
    extractor.learn([doc])
    assert [e.label for e in extractor.entities.values() if e.discovered] == ["Calmer harbours"]
    assert extractor.entities[SAFETY].stated
    found = [(m.quote, m.in_heading) for m in extractor.extract(doc).mentions]
    assert found == [("Calmer harbours", True), ("harbour safety", True)]


def test_priorities_lettered_with_capitals_after_a_bullet_are_named_by_their_words_not_their_letters() -> None:
    """What broke: '· A. Identifying, protecting and assisting victims' gave an objective 'A', which then
    matched every article 'a' of the text."""
    text = ("Note\n\nThe Strategy identifies three priorities the EU should focus on:\n\n"
            "· A. Guarding harbour safety\n· B. Clearing the open seas\n\nA patrol keeps a watch.\n")
    extractor, doc = _learnt(text)
    new = sorted(e.label for e in extractor.entities.values() if e.discovered)
    assert new == ["Clearing the open seas", "Guarding harbour safety"]
    assert [m.quote for m in extractor.extract(doc).mentions if m.paragraph == 4] == []


def test_a_priority_that_opens_with_a_verb_and_a_that_clause_names_no_objective() -> None:
    """What broke: '(d) ensure that harbour patrols …' gave an objective 'ensure', and with it every 'ensure'."""
    text = ("Note\n\nThe Council sets the following priorities:\n\n"
            "(a) ensure that harbour patrols take account of the open seas;\n\n(b) clear the fishing lanes.\n\n"
            "Ports ensure a watch.\n")
    extractor, doc = _learnt(text)
    assert sorted(e.label for e in extractor.entities.values() if e.discovered) == ["clear the fishing lanes"]
    assert [m.quote for m in extractor.extract(doc).mentions if m.paragraph == 4] == []


def test_a_listed_objective_drops_its_to_and_is_also_named_by_what_it_contributes_to() -> None:
    """What broke: '– to contribute to a measurable reduction of harbour crime;' was named 'to contribute to a
    measurable reduction of harbour crime', never by the reduction it pursues."""
    text = ("Note\n\nThe objectives of this Strategy are:\n\n"
            "– to contribute to a measurable reduction of harbour crime;\n\n– to clear the fishing lanes.\n")
    extractor, _ = _learnt(text)
    new = sorted((e.label, e.alt_labels) for e in extractor.entities.values()
                 if e.discovered and e.top == "StrategicObjective")
    assert new == [("clear the fishing lanes", []),
                   ("contribute to a measurable reduction of harbour crime",
                    ["measurable reduction of harbour crime"])]
