"""Stored queries give known, meaningful answers on the real build, checked against the graph itself."""

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from iskg.graph.query import Rows, run_stored

ISKG = Namespace("https://w3id.org/iskg/ontology#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ID = "https://w3id.org/iskg/id/"
EUROPOL, EUROJUST = ID + "actor/europol", ID + "actor/eurojust"
CLEAN, OCR = ID + "document/st-5842-2-10-rev-2", ID + "document/002-1aa581403269ef4f"
DRAFT = ID + "document/st-11518-1-20-rev-1"


def values(rows: Rows, column: str) -> list[str]:
    return [row[column].value for row in rows.rows if row[column] is not None]


def is_a(graph: Graph, node: URIRef, cls: URIRef) -> bool:
    """rdf:type up the rdfs:subClassOf chain, as stored in the graph."""
    return any(cls in graph.transitive_objects(t, RDFS.subClassOf) for t in graph.objects(node, RDF.type))


def with_subproperties(graph: Graph, prop: URIRef) -> set[URIRef]:
    return set(graph.transitive_subjects(RDFS.subPropertyOf, prop))


def named_in_a_text(graph: Graph, entity: URIRef) -> bool:
    return any((doc, DCTERMS.source, None) in graph for doc in graph.subjects(ISKG.mentions, entity))


def test_agencies_objectives_has_europol(store):
    rows = run_stored(store, "agencies-objectives")
    europol = [r for r in rows.rows if r["actor"].value == EUROPOL]
    assert europol and all(int(r["evidence_count"].value) >= 1 and int(r["works"].value) >= 1 for r in europol)


def test_cooperation_pairs_contain_europol_eurojust_once(store):
    rows = run_stored(store, "cooperation-network")
    pairs = [(r["actor"].value, r["partner"].value) for r in rows.rows]
    assert (EUROJUST, EUROPOL) in pairs
    assert all(a < b for a, b in pairs) and len(set(pairs)) == len(pairs)
    count = next(r for r in rows.rows if (r["actor"].value, r["partner"].value) == (EUROJUST, EUROPOL))
    assert int(count["works"].value) <= int(count["evidence_count"].value)


def named_entities(graph: Graph, cls: URIRef) -> set[URIRef]:
    """Entities of a class (subclasses included) that at least one text names."""
    return {e for e in set(graph.objects(None, ISKG.mentions)) if is_a(graph, e, cls) and named_in_a_text(graph, e)}


def related_from(graph: Graph, target: URIRef, props: set[URIRef], cls: URIRef) -> list[URIRef]:
    """The members of `cls` that stand in one of `props` to `target`."""
    return [s for s, p in graph.subject_predicates(target) if p in props and is_a(graph, s, cls)]


def test_objectives_unserved_are_exactly_those_no_actor_serves(store, rdf_graph):
    found = set(map(URIRef, values(run_stored(store, "objectives-unserved"), "objective")))
    serves = with_subproperties(rdf_graph, ISKG.serves)
    expected = {o for o in named_entities(rdf_graph, ISKG.StrategicObjective)
                if not related_from(rdf_graph, o, serves, ISKG.Actor)}
    assert found and found == expected


def test_threats_unaddressed_are_exactly_those_no_instrument_addresses(store, rdf_graph):
    found = set(map(URIRef, values(run_stored(store, "threats-unaddressed"), "threat")))
    expected = {t for t in named_entities(rdf_graph, ISKG.Threat)
                if not related_from(rdf_graph, t, {ISKG.addresses}, ISKG.Instrument)}
    assert found and found == expected


def test_instruments_unoperated_are_exactly_those_no_actor_operates(store, rdf_graph):
    found = set(map(URIRef, values(run_stored(store, "instruments-unoperated"), "instrument")))
    operates = with_subproperties(rdf_graph, ISKG.operates)
    expected = {i for i in named_entities(rdf_graph, ISKG.Instrument)
                if not [s for s, p in rdf_graph.subject_predicates(i) if p in operates]}
    assert found and found == expected


def test_renditions_of_one_work_are_counted_once(store):
    timeline = run_stored(store, "threat-timeline")
    assert OCR not in values(timeline, "document") and CLEAN in values(timeline, "document")
    assert max(int(v) for v in values(timeline, "renditions")) == 2
    documents = {r["document"].value: r["work"].value for r in run_stored(store, "documents").rows}
    assert documents[OCR] == documents[CLEAN] == CLEAN
    works = run_stored(store, "entity-frequency", **{"class": str(ISKG.Actor)})
    europol = next(r for r in works.rows if r["entity"].value == EUROPOL)
    assert int(europol["works"].value) <= len(set(documents.values()))


def test_threats_new_and_dropped_compare_texts(store, rdf_graph):
    params = {"later": DRAFT, "earlier": CLEAN}
    new = set(values(run_stored(store, "threats-new", **params), "threat"))
    dropped = set(values(run_stored(store, "threats-dropped", **params), "threat"))
    assert new and dropped and not new & dropped
    for threat in map(URIRef, new):
        assert (URIRef(DRAFT), ISKG.mentions, threat) in rdf_graph
        assert (URIRef(CLEAN), ISKG.mentions, threat) not in rdf_graph
        assert (URIRef(OCR), ISKG.mentions, threat) not in rdf_graph  # the earlier work's other rendition


def test_citations_leave_out_a_rendition_naming_its_own_number(store):
    assert values(run_stored(store, "citing-documents", document=ID + "document/st-16797-10"), "citing") == [
        ID + "document/001-4d0fb902ca3a82de"]
    assert run_stored(store, "citing-documents", document=CLEAN).rows == []
    chain = run_stored(store, "citation-chain", document=ID + "document/001-4d0fb902ca3a82de")
    assert ID + "document/euco-79-14" in values(chain, "cited")


def test_relation_evidence_reads_a_symmetric_relation_both_ways(store):
    forward = run_stored(store, "relation-evidence", subject=EUROPOL, predicate=str(ISKG.cooperatesWith),
                         object=EUROJUST)
    backward = run_stored(store, "relation-evidence", subject=EUROJUST, predicate=str(ISKG.cooperatesWith),
                          object=EUROPOL)
    assert forward.rows and values(forward, "annotation") == values(backward, "annotation")
    assert all("Europol" in q and "Eurojust" in q for q in values(forward, "exact"))


def test_entity_evidence_quotes_are_the_text_at_their_offsets(store, rdf_graph):
    rows = run_stored(store, "entity-evidence", entity=EUROPOL)
    assert rows.rows
    for r in rows.rows:
        text = str(rdf_graph.value(URIRef(r["paragraph"].value), ISKG.text))
        assert text[int(r["start"].value):int(r["end"].value)] == r["exact"].value


def test_draft_changes_show_added_and_deleted_words(store, rdf_graph):
    rows = run_stored(store, "draft-changes", document=DRAFT)
    changes = {r["change"].value for r in rows.rows}
    assert changes == {str(ISKG.Added), str(ISKG.Deleted)}
    for r in rows.rows:
        if r["change"].value == str(ISKG.Deleted):
            assert r["start"].value == r["end"].value
            assert (URIRef(r["mark"].value), ISKG.deletedText, Literal(r["words"].value)) in rdf_graph
    assert len(run_stored(store, "draft-changes").rows) >= len(rows.rows)


def test_actor_identifiers_link_europol(store):
    row = next(r for r in run_stored(store, "actor-identifiers").rows if r["actor"].value == EUROPOL)
    assert row["wikidata"].value == "http://www.wikidata.org/entity/Q207203"
    assert row["eu_corporate_body"].value.endswith("/corporate-body/EUROPOL")


@pytest.mark.parametrize("name", ["agencies-guidelines", "actor-instruments", "instruments-by-threat",
                                  "guideline-principles", "coordination", "threat-hierarchy", "graph-summary"])
def test_overview_queries_are_not_empty(store, name):
    assert run_stored(store, name).rows
