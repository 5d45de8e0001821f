"""The build of the five texts: complete, checked, evidenced and deterministic."""

import os
import shutil
import subprocess
import sys

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from iskg.graph.namespaces import ISKG, OA


def test_every_corpus_file_becomes_a_document_node(built, corpus):
    sources = {str(o) for o in built.graph.objects(None, DCTERMS.source)}
    assert sources == {p.name for p in corpus.iterdir() if p.is_file()}


def test_graph_is_consistent_and_conforms(built):
    assert built.reasoner.consistent, built.reasoner.message
    assert built.reasoner.unsatisfiable == []
    assert built.validation.conforms, built.validation.report_text[:2000]


def test_every_quote_is_the_paragraph_text_at_its_offsets(built):
    g = built.graph
    checked = 0
    for target, para in g.subject_objects(OA.hasSource):
        selectors = set(g.objects(target, OA.hasSelector))
        starts = [int(o) for s in selectors for o in g.objects(s, OA.start)]
        ends = [int(o) for s in selectors for o in g.objects(s, OA.end)]
        exacts = [str(o) for s in selectors for o in g.objects(s, OA.exact)]
        if exacts:
            text = str(g.value(para, ISKG.text))
            assert text[starts[0]:ends[0]] == exacts[0]
            checked += 1
    assert checked > 500


def test_mentions_hang_from_paragraph_and_document(built):
    g = built.graph
    europol = URIRef("https://w3id.org/iskg/id/actor/europol")
    paragraphs = set(g.subjects(ISKG.mentions, europol))
    docs = {d for d in paragraphs if (d, DCTERMS.source, None) in g}
    assert len(docs) >= 3
    assert any((p, DCTERMS.isPartOf, None) in g for p in paragraphs - docs)


def test_relations_include_serves_and_addresses(built):
    counts = built.report["relations"]
    assert counts.get("addresses", 0) > 0
    assert counts.get("serves", 0) + counts.get("supports", 0) > 0


def test_deleted_text_asserts_nothing(built):
    g = built.graph
    texts = " ".join(str(o) for o in g.objects(None, ISKG.text))
    assert "A European Police Records Index System (EPRIS) is introduced" not in texts


def test_renditions_of_one_text_are_linked(built):
    pairs = built.report["renditions_of_one_work"]
    assert [p[:2] for p in pairs] == [["000_182f9951cb79fb36.txt", "002_1aa581403269ef4f.txt"]]
    assert len(set(built.graph.subject_objects(ISKG.sameWorkAs))) == 2


def test_two_builds_in_separate_processes_give_byte_identical_files(built, corpus, tmp_path):
    # another process: blank-node labels, hash seeds and set order all differ there
    done = subprocess.run([sys.executable, "-m", "iskg.graph.cli", "build", "--corpus", str(corpus),
                           "--out", str(tmp_path)], capture_output=True, text=True, env={**os.environ,
                                                                                     "PYTHONHASHSEED": "12345"})
    assert done.returncode == 0, done.stderr[-2000:]
    for first in built.files:
        assert first.read_bytes() == (tmp_path / first.name).read_bytes(), first.name


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_turtle_parses_with_rapper_without_warnings(built):
    graph_file = built.files[0]
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(graph_file)], capture_output=True, text=True)
    assert done.returncode == 0
    assert "warning" not in done.stderr.lower(), done.stderr[:500]
    assert f"returned {len(built.graph)} triples" in done.stderr


def test_turtle_round_trips_to_the_same_graph(built):
    again = Graph().parse(built.files[0], format="turtle")
    assert len(again) == len(built.graph)


def test_outputs_are_readable_like_any_file_the_user_writes(built):
    umask = os.umask(0)
    os.umask(umask)
    for path in built.files:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path.name


def test_build_into_a_relative_out_folder_while_the_reasoner_runs(corpus, tmp_path):
    # HermiT's thread changes the working folder while the graph is written: relative paths broke
    done = subprocess.run([sys.executable, "-m", "iskg.graph.cli", "build", "--corpus", str(corpus), "--out", "out"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "out" / "iskg.ttl").stat().st_size > 0
