"""Every discovery rule on one small text written for the test (fixtures/discovery_note.txt).

None of its names is in the reference vocabulary: each must come from a rule (acronym definition,
named body, named instrument, enumerated threats, listed objectives), be flagged as discovered in
the graph, and be mentioned exactly where it is printed; a list item overlapping a known name
('port ransomware extortion' holds 'ransomware') is not made into a new entity.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from iskg.graph.abox import AboxWriter
from iskg.graph.namespaces import ISKG
from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text

FIXTURE = Path(__file__).parent / "fixtures" / "discovery_note.txt"
ID = "https://w3id.org/iskg/id/"

EXPECTED = {
    "actor/maritime-intelligence-exchange-centre": ("Agency", "Maritime Intelligence Exchange Centre", ["MIEC"]),
    "actor/harbour-drone-incident-office": ("Agency", "Harbour Drone Incident Office", []),
    "instrument/coastal-resilience-fund": ("Fund", "Coastal Resilience Fund", []),
    "instrument/blue-harbour-action-plan": ("PolicyProgramme", "Blue Harbour Action Plan", []),
    "instrument/directive-on-undersea-cable-protection": ("LegalAct", "Directive on Undersea Cable Protection", []),
    "threat/drone-smuggling": ("Threat", "drone smuggling", []),
    "threat/undersea-cable-sabotage": ("Threat", "undersea cable sabotage", []),
    "objective/protecting-undersea-infrastructure": ("StrategicObjective", "protecting undersea infrastructure", []),
    "objective/detecting-drone-incursions-in-ports": ("StrategicObjective", "detecting drone incursions in ports", []),
}


def _run():
    doc = parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, "utf-8")
    extractor = Extractor.default()
    known = set(extractor.entities)
    extractor.learn([doc])
    return doc, extractor, {i: e for i, e in extractor.entities.items() if i not in known}, extractor.extract(doc)


def test_each_rule_discovers_its_entity_with_class_and_labels() -> None:
    _, _, new, _ = _run()
    assert {i.removeprefix(ID): (e.cls, e.label, e.alt_labels) for i, e in new.items()} == EXPECTED
    assert all(e.discovered for e in new.values())


def test_discovered_names_are_mentioned_where_printed_and_known_ones_stay_known() -> None:
    doc, _, _, result = _run()
    texts = {p.index: p.text for p in doc.paragraphs}
    found = [(m.quote, m.method) for m in result.mentions if m.quote != "Council"]
    assert found == [("Maritime Intelligence Exchange Centre", "discovery"), ("MIEC", "discovery"),
                     ("Harbour Drone Incident Office", "discovery"), ("Coastal Resilience Fund", "discovery"),
                     ("Blue Harbour Action Plan", "discovery"), ("MIEC", "discovery"),
                     ("drone smuggling", "discovery"), ("undersea cable sabotage", "discovery"),
                     ("ransomware", "vocabulary"), ("extortion", "vocabulary"),
                     ("protecting undersea infrastructure", "discovery"),
                     ("detecting drone incursions in ports", "discovery"),
                     ("Directive on Undersea Cable Protection", "discovery")]
    assert all(texts[m.paragraph][m.start:m.end] == m.quote for m in result.mentions)


def test_discovered_entities_are_flagged_in_the_graph() -> None:
    _, _, new, _ = _run()
    g = Graph()
    writer = AboxWriter(g, {})
    for entity in new.values():
        writer.add_entity(entity)
    flagged = {str(s).removeprefix(ID) for s in g.subjects(ISKG.discovered, Literal(True))}
    assert flagged == set(EXPECTED)
    assert (URIRef(ID + "actor/maritime-intelligence-exchange-centre"), ISKG.discovered, Literal(True)) in g
