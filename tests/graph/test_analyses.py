"""The analyses: tables computed from the built graph, renditions of one work counted once, and pictures."""

import subprocess
import sys

import pytest
from PIL import Image, ImageStat

from iskg.graph.analyses import ANALYSES, community_partition
from iskg.graph.network import policy_network, undirected
from iskg.graph.pictures import PICTURES, write_analysis
from iskg.graph.query import open_store, run_stored


@pytest.fixture(scope="module")
def store(built):
    return open_store(built.files[0])


@pytest.fixture(scope="module")
def tables(store):
    return {name: fn(store) for name, fn in ANALYSES.items()}


def test_every_analysis_gives_rows(tables):
    for name, table in tables.items():
        assert table.rows, name
        assert all(len(row) == len(table.columns) for row in table.rows), name


def test_agencies_objectives_count_renditions_of_one_work_once(store, tables):
    """The stored query counts passages in every rendition; the matrix counts the clean and OCR copy once."""
    matrix = tables["agencies-objectives"]
    per_rendition = {(r["actor"].value, r["goal_label"].value): r["evidence_count"].value
                     for r in run_stored(store, "agencies-objectives").rows}
    cells = {}
    for record in matrix.records():
        for column, value in list(record.items())[2:]:
            if value:
                cells[record["iri"], column.rsplit(" [", 1)[0]] = value
    assert cells
    assert set(cells) <= set(per_rendition)
    assert all(cells[k] <= int(per_rendition[k]) for k in cells)
    assert any(cells[k] < int(per_rendition[k]) for k in cells), "no passage seen in both renditions"


def test_centrality_ranks_each_class_by_pagerank(tables):
    by_kind = {}
    for r in tables["centrality"].records():
        by_kind.setdefault(r["kind"], []).append(r)
    assert "Actor" in by_kind and "Threat" in by_kind
    for rows in by_kind.values():
        assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
        assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)
    actors = {r["label"] for r in by_kind["Actor"]}
    assert "Europol" in actors


def test_communities_partition_the_linked_entities(store, tables):
    graph = undirected(policy_network(store))
    groups = community_partition(graph)
    members = [n for g in groups for n in g]
    assert sorted(members) == sorted(graph) and len(members) == len(set(members))
    assert tables["communities"].column("size") == [len(g) for g in groups]


def test_threat_timeline_has_one_column_per_work_in_date_order(built, tables):
    table = tables["threat-timeline"]
    works = table.columns[5:]
    renditions = built.report["renditions_of_one_work"]
    assert renditions  # the corpus holds a clean copy and an OCR copy of one text
    assert len(works) == len(built.extractions) - len(renditions)
    dates = [w.split(" ")[0] for w in works]
    assert dates == sorted(dates, key=lambda d: (d == "undated", d))
    for r in table.records():
        assert r["works"] == sum(r[w] for w in works) >= 1
        assert r["first"] is None or r["last"] is None or r["first"] <= r["last"]


def test_citations_include_documents_cited_but_not_read(tables):
    rows = tables["citations"].records()
    assert any(not r["in_corpus"] for r in rows) and any(r["in_corpus"] for r in rows)
    assert rows[0]["cited_by"] == max(r["cited_by"] for r in rows)


def test_co_mentions_are_pairs_counted_once_per_work(tables):
    rows = tables["co-mentions"].records()
    assert all(r["entity_a"] < r["entity_b"] and r["paragraphs"] >= r["works"] >= 1 for r in rows)
    assert len({(r["entity_a"], r["entity_b"]) for r in rows}) == len(rows)


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_picture_is_a_readable_non_blank_png(store, tmp_path, name):
    _, files = write_analysis(store, name, tmp_path)
    png = [f for f in files if f.suffix == ".png"][0]
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.width >= 600 and image.height >= 400
        grey = image.convert("L")
        assert ImageStat.Stat(grey).stddev[0] > 10  # not one flat colour
        assert len(grey.getcolors(maxcolors=256 * 256) or range(257)) > 20


def test_analysis_files_are_byte_identical_twice(store, tmp_path):
    first = write_analysis(store, "communities", tmp_path / "a")[1]
    second = write_analysis(store, "communities", tmp_path / "b")[1]
    assert [f.read_bytes() for f in first] == [f.read_bytes() for f in second]


def test_cli_analyse_prints_and_writes(built, tmp_path):
    run = subprocess.run([sys.executable, "-m", "iskg.graph.cli", "analyse", "centrality", "--graph",
                          str(built.files[0]), "--out", str(tmp_path), "--format", "csv"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("kind,rank,label")
    assert (tmp_path / "centrality.csv").read_text() == run.stdout


def test_cli_unknown_analysis_is_an_error(built):
    run = subprocess.run([sys.executable, "-m", "iskg.graph.cli", "analyse", "nope", "--graph", str(built.files[0])],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and "unknown analysis" in run.stderr
