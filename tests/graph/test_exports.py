"""Every export round-trips: RDF formats are isomorphic to the build, networks re-read with the same
nodes, edges and attributes, Cytoscape JSON has its documented shape."""

import json
import os
import shutil
import subprocess
import sys

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF

from iskg.graph.exports import FORMATS, GRAPHS, NAMED_GRAPHS, export, export_network
from iskg.graph.namespaces import OA
from iskg.graph.query import open_store


@pytest.fixture(scope="module")
def exported(built, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    return {fmt: export(built.files[0], fmt, out / f"iskg.{fmt}") for fmt in FORMATS}


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_export_is_isomorphic_to_the_build(built, exported, fmt, parser):
    assert isomorphic(Graph().parse(exported[fmt], format=parser), built.graph)


def test_turtle_export_is_the_build_byte_for_byte(built, exported):
    assert exported["ttl"].read_bytes() == built.files[0].read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_in_another_process_with_another_hash_seed_gives_the_same_bytes(built, exported, fmt, tmp_path):
    again = tmp_path / f"again.{fmt}"
    done = subprocess.run([sys.executable, "-m", "iskg.graph.cli", "export", "--graph", str(built.files[0]),
                           "--format", fmt, "--out", str(again)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "4242"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert again.read_bytes() == exported[fmt].read_bytes()


def test_jsonld_has_a_context_with_the_prefixes(exported):
    doc = json.loads(exported["jsonld"].read_text())
    assert doc["@context"]["iskg"] == "https://w3id.org/iskg/ontology#"


def test_trig_puts_ontology_vocabulary_data_and_evidence_in_named_graphs(built, exported):
    ds = Dataset().parse(exported["trig"], format="trig")
    graphs = {str(g.identifier): g for g in ds.graphs() if len(g)}
    assert set(graphs) == {GRAPHS + n for n in NAMED_GRAPHS}
    assert (None, RDF.type, OWL.Ontology) in graphs[GRAPHS + "ontology"]
    assert (None, RDF.type, OA.Annotation) in graphs[GRAPHS + "evidence"]
    assert (None, RDF.type, OA.Annotation) not in graphs[GRAPHS + "data"]
    assert (URIRef("https://w3id.org/iskg/id/actor/europol"), None, None) in graphs[GRAPHS + "vocabulary"]
    union = Graph()
    for g in graphs.values():
        for t in g:
            union.add(t)
    assert isomorphic(union, built.graph)


@pytest.mark.parametrize("fmt,syntax", [("ttl", "turtle"), ("nt", "ntriples")])
def test_rapper_parses_turtle_and_ntriples(built, exported, fmt, syntax):
    assert shutil.which("rapper"), "raptor2-utils is installed by .ci/setup"
    run = subprocess.run(["rapper", "-i", syntax, "-c", str(exported[fmt])], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {len(built.graph)} triples" in run.stderr


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_export_re_reads_with_the_same_nodes_edges_and_attributes(built, exported, fmt, reader):
    expected = export_network(open_store(built.files[0]))
    got = reader(exported[fmt])
    assert set(got) == set(expected)
    for n, d in expected.nodes(data=True):
        assert {k: got.nodes[n][k] for k in ("label", "class", "kind")} == \
            {k: d[k] for k in ("label", "class", "kind")}
    def edges(g):
        return sorted((s, o, d["predicate"], int(d["evidence"])) for s, o, d in g.edges(data=True))
    assert edges(got) == edges(expected)
    assert expected.number_of_edges() > 100


def test_cytoscape_json_has_the_documented_shape(exported):
    doc = json.loads(exported["cyjs"].read_text())
    assert {"format_version", "generated_by", "data", "elements"} <= set(doc)
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    for n in nodes:
        assert {"id", "label", "class", "kind", "altLabels", "identifiers", "documents", "evidence"} <= set(n["data"])
    for e in edges:
        assert e["data"]["source"] in ids and e["data"]["target"] in ids
        assert {"id", "predicate", "evidence_count", "evidence"} <= set(e["data"])
    europol = next(n["data"] for n in nodes if n["data"]["id"].endswith("/actor/europol"))
    assert "http://www.wikidata.org/entity/Q207203" in europol["identifiers"]
    assert europol["evidence"] and all(q["quote"] and q["document"] for q in europol["evidence"])


def test_html_page_is_self_contained(exported):
    page = exported["html"].read_text()
    assert "<script src" not in page and "http://cdn" not in page and "https://cdn" not in page
    assert "cytoscape" in page


def test_cli_choices_are_the_export_formats():
    from iskg.graph.cli import parser

    action = next(a for a in parser()._subparsers._group_actions[0].choices["export"]._actions
                  if a.dest == "format")
    assert tuple(action.choices) == FORMATS


def test_build_writes_a_dataset_description(built):
    from rdflib.namespace import DCTERMS, OWL, RDF

    from iskg.graph.dataset import DATASET, VOID

    void = Graph().parse(built.files[3], format="turtle")
    assert int(void.value(DATASET, VOID.triples)) == len(built.graph)
    ontology = next(built.graph.subjects(RDF.type, OWL.Ontology))
    assert void.value(DATASET, DCTERMS.license) == built.graph.value(ontology, DCTERMS.license) is not None
    assert str(void.value(DATASET, DCTERMS.conformsTo)).endswith("/ontology/0.1.0")
    dates = sorted(str(d) for d in built.graph.objects(None, DCTERMS.date))
    assert str(void.value(DATASET, DCTERMS.created)) == dates[-1]
    assert len(list(void.objects(DATASET, DCTERMS.source))) == len(built.extractions)
    partitions = {str(void.value(p, VOID["class"])).rsplit("#")[-1]: int(void.value(p, VOID.entities))
                  for p in void.objects(DATASET, VOID.classPartition)}
    assert partitions["Actor"] > 0 and partitions["Threat"] > 0


def test_committed_ontology_documentation_is_current(built):
    from pathlib import Path

    committed = Path(__file__).resolve().parents[2] / "ontology" / "iskg.html"
    assert built.files[4].read_bytes() == committed.read_bytes(), "regenerate: cp out/ontology.html ontology/"
    assert b"Strategic guideline" in committed.read_bytes()
