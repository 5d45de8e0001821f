"""Guidelines read from a text's structure, on a small text written for the test
(fixtures/guidelines_note.md): headings under a heading that announces guidelines (one guideline
per action a heading joins), items of a list introduced as an approach ("… through:", "… in terms
of:") and the words its introduction marks, heads of sub-lists ("…, promoted by"); a vocabulary
guideline topic the text only names in passing ('security research') is not counted, one the
vocabulary marks as established ('operational cooperation') is.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from iskg.graph.abox import AboxWriter
from iskg.graph.namespaces import ISKG, OA
from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.structure import coordinated_actions, heading_name, listed

FIXTURE = Path(__file__).parent / "fixtures" / "guidelines_note.md"
ID = "https://w3id.org/iskg/id/"

NEW = {
    "guideline/protecting-small-harbours-from-drones": "Protecting small harbours from drones",
    "guideline/guarding-quays": "Guarding quays",
    "guideline/training-harbour-staff": "training harbour staff",
    "guideline/coordinated-harbour-approach": "coordinated harbour approach",
    "guideline/shared-harbour-watch": "shared harbour watch",
    "guideline/pooling-of-harbour-patrol-boats": "pooling of harbour patrol boats",
    "guideline/joint-harbour-drills": "joint harbour drills",
    "guideline/common-patrol-standards": "common patrol standards",
}


def _run():
    doc = parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, "utf-8")
    extractor = Extractor.default()
    known = set(extractor.entities)
    extractor.learn([doc])
    new = {i: e for i, e in extractor.entities.items() if i not in known}
    return doc, extractor, new, extractor.extract(doc)


def test_heading_name_drops_numbering_and_article() -> None:
    title = "-VIII- A commitment to innovation and training"
    assert heading_name(title) == (9, "commitment to innovation and training")
    assert heading_name("2. Operational cooperation") == (3, "Operational cooperation")
    assert heading_name("Way forward") == (0, "Way forward")


def test_a_heading_joining_two_actions_names_each() -> None:
    assert coordinated_actions("Shaping the future and keeping pace with progress") == [
        "Shaping the future", "keeping pace with progress"]
    assert coordinated_actions("Preventing and combating terrorism") == ["Preventing and combating terrorism"]
    assert coordinated_actions("Global challenges and international cooperation") == [
        "Global challenges and international cooperation"]


def test_listed_items_are_the_key_phrases_of_introduced_lists() -> None:
    doc = parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, "utf-8")
    texts = {p.index: p.text for p in doc.paragraphs}
    assert [(i.paragraph, texts[i.paragraph][i.start:i.end], i.cls) for i in listed(doc)] == [
        (6, "coordinated harbour approach", "StrategicGuideline"),  # what the introduction marks
        (7, "shared harbour watch", "StrategicGuideline"),  # the words the item marks in bold
        (8, "pooling of harbour patrol boats", "StrategicGuideline"),  # up to the first clause
        (10, "joint harbour drills", "StrategicGuideline"),  # heads of sub-lists, not their items
        (12, "common patrol standards", "StrategicGuideline"),
    ]


def test_guideline_headings_and_list_items_become_guidelines() -> None:
    _, extractor, new, _ = _run()
    assert {i.removeprefix(ID): (e.cls, e.label, e.discovered, e.stated) for i, e in new.items()} == {
        iri: ("StrategicGuideline", label, True, True) for iri, label in NEW.items()}
    # a guideline topic named by a guideline heading is stated; one named in passing is not
    assert extractor.entities[ID + "guideline/public-private-partnership"].stated
    assert not extractor.entities[ID + "guideline/research-and-innovation"].stated


def test_guidelines_are_mentioned_in_headings_and_items_not_in_passing() -> None:
    doc, extractor, _, result = _run()
    guidelines = [(m.paragraph, m.quote, m.in_heading) for m in result.mentions
                  if extractor.entities[m.iri].top == "StrategicGuideline"]
    assert guidelines == [
        (3, "Protecting small harbours from drones", True),  # section 3's heading
        (4, "Public-private partnership", True),
        (5, "Guarding quays", True),
        (5, "training harbour staff", True),
        (6, "coordinated harbour approach", False),
        (7, "shared harbour watch", False),
        (8, "pooling of harbour patrol boats", False),
        (10, "joint harbour drills", False),
        (12, "common patrol standards", False),
    ]
    titles = {s.index: s.title for s in doc.sections}
    texts = {p.index: p.text for p in doc.paragraphs}
    assert all((titles if m.in_heading else texts)[m.paragraph][m.start:m.end] == m.quote for m in result.mentions)
    # 'Keeping harbour registers current' heads a section under NEXT STEPS: not a guideline
    assert not any("registers" in m.quote for m in result.mentions)


def test_a_heading_mention_points_at_the_section_heading() -> None:
    doc, extractor, _, result = _run()
    g = Graph()
    writer = AboxWriter(g, {doc.source: "note"})
    writer.add_document(doc)
    writer.add_extraction(result)
    section = URIRef(ID + "document/note/s/3")
    assert str(g.value(section, ISKG.text)) == "1. Protecting small harbours from drones"
    assert (section, ISKG.mentions, URIRef(ID + "guideline/protecting-small-harbours-from-drones")) in g
    (target,) = g.subjects(OA.hasSource, section)
    starts = [g.value(s, OA.start) for s in g.objects(target, OA.hasSelector) if g.value(s, OA.start) is not None]
    assert [int(s) for s in starts] == [3]


def test_a_guideline_one_text_states_counts_where_another_names_it_in_passing() -> None:
    note = parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, "utf-8")
    text = "Report\n\nPublic-private partnership and security research improved in 2019.\n"
    other = parse_text(text, "other.txt", "utf-8")
    extractor = Extractor.default()
    extractor.learn([other])
    alone = {m.quote for m in extractor.extract(other).mentions}
    assert alone & {"Public-private partnership", "security research"} == set()
    extractor = Extractor.default()
    extractor.learn([note, other])
    named = {m.quote for m in extractor.extract(other).mentions}
    assert "Public-private partnership" in named
    assert "security research" not in named


def test_an_established_guideline_counts_in_passing_in_a_text_alone() -> None:
    doc = parse_text("Report\n\nOperational cooperation improved in 2019.\n", "alone.txt", "utf-8")
    extractor = Extractor.default()
    assert extractor.entities[ID + "guideline/operational-cooperation"].stated
    extractor.learn([doc])
    assert [m.iri.removeprefix(ID) for m in extractor.extract(doc).mentions] == ["guideline/operational-cooperation"]


COMMUNICATION = """EUROPEAN COMMISSION

Brussels, 14.3.2013
COM(2013) 150 final

COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL

Safer Harbours: an EU agenda for port security

1. THREE STRATEGIC OBJECTIVES

Objective 1: Protect port infrastructure against sabotage

Action 1: Map the weak points of each port

The Commission will propose a Port Infrastructure Protection Directive.

Objective 2: Curb the smuggling of cocaine through container terminals

Europol should step up joint operations.
"""


def test_objectives_and_actions_a_communication_numbers_are_headings_and_its_objectives_are_found() -> None:
    """What broke: 'Objective 1: …' lines in sentence case were paragraphs, so a communication's
    numbered objectives were never read."""
    doc = parse_text(COMMUNICATION, "com.txt", "utf-8")
    assert [(s.title, s.level) for s in doc.sections[1:]] == [
        ("1. THREE STRATEGIC OBJECTIVES", 1), ("Objective 1: Protect port infrastructure against sabotage", 2),
        ("Action 1: Map the weak points of each port", 3),
        ("Objective 2: Curb the smuggling of cocaine through container terminals", 2)]
    extractor = Extractor.default()
    extractor.learn([doc])
    objectives = sorted(e.label for e in extractor.entities.values() if e.discovered and e.top == "StrategicObjective")
    assert objectives == ["Curb the smuggling of cocaine through container terminals",
                          "Protect port infrastructure against sabotage"]


HARBOUR_OBJECTIVES = [("protecting harbour cranes against sabotage", "StrategicObjective"),
                      ("screening containers at the quays", "StrategicObjective")]


def _listed_names(text: str) -> list[tuple[str, str]]:
    """(name, class) of each item of the lists the text introduces."""
    doc = parse_text(text, "list.txt", "utf-8")
    texts = {p.index: p.text for p in doc.paragraphs}
    return [(texts[i.paragraph][i.start:i.end], i.cls) for i in listed(doc)]


def test_the_next_point_numbered_as_a_lists_introduction_is_no_item_of_its_list() -> None:
    """What broke: '2. STRESSES that …' after '1. AGREES on the following priorities: (a) … (b) …'
    was read as a third priority, and 'STRESSES' became an objective."""
    text = ("Council conclusions on harbour security\n\n"
            "1. AGREES that the following priorities should guide the work of the Union:\n\n"
            "(a) protecting harbour cranes against sabotage;\n\n(b) screening containers at the quays.\n\n"
            "2. STRESSES that the strategy shall respect fundamental rights.\n")
    assert _listed_names(text) == HARBOUR_OBJECTIVES


def test_a_heading_that_labels_itself_a_strand_of_action_names_a_guideline() -> None:
    """What broke: 'III. POLICY AREA: HARBOUR SAFETY' and 'V. CROSS-CUTTING THEME: QUAY WATCH' named nothing:
    they sit under no heading that announces guidelines."""
    assert heading_name("III. POLICY AREA: HARBOUR SAFETY") == (18, "HARBOUR SAFETY")
    assert heading_name("Pillar 2 – Guarding quays") == (11, "Guarding quays")
    text = ("Harbour strategy\n\nI. INTRODUCTION\n\nPorts matter.\n\nIII. POLICY AREA: HARBOUR SAFETY\n\n"
            "Harbour safety needs patrols.\n\nV. CROSS-CUTTING THEME: QUAY WATCH\n\nWatching quays helps.\n")
    doc = parse_text(text, "strands.txt", "utf-8")
    extractor = Extractor.default()
    known = set(extractor.entities)
    extractor.learn([doc])
    assert sorted((e.label, e.cls) for i, e in extractor.entities.items() if i not in known) == [
        ("harbour safety", "StrategicGuideline"), ("quay watch", "StrategicGuideline")]


def test_objectives_referred_back_to_introduce_no_list_of_objectives() -> None:
    """What broke: a regulation's 'Within the objectives set out in Article 3, the Instrument shall
    support … the following:' made the eligible actions after it objectives."""
    text = ("Regulation on harbour security\n\n"
            "1. The Fund shall contribute to the following specific objectives:\n\n"
            "(a) protecting harbour cranes against sabotage;\n\n(b) screening containers at the quays.\n\n"
            "2. Within the objectives set out in paragraph 1, the Fund shall support the following:\n\n"
            "(a) buying patrol boats;\n\n(b) training harbour staff.\n")
    assert _listed_names(text) == HARBOUR_OBJECTIVES
