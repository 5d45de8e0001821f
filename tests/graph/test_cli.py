"""The command line: thin over the library, one clear line and a non-zero code on bad input."""

import json

import pytest

from iskg.graph.cli import EXIT_BAD_INPUT, main


def test_query_list_names_every_stored_query(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "agencies-objectives" in out and "entity-evidence" in out


def test_stored_query_gives_sparql_json(built, capsys):
    graph = str(built.files[0])
    assert main(["query", "entity-evidence", "--graph", graph, "--format", "json",
                 "--param", "entity=https://w3id.org/iskg/id/actor/europol"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = result["results"]["bindings"]
    assert rows and all("Europol" in r["exact"]["value"] or "predicate" in r for r in rows)


@pytest.mark.parametrize("value", ['x" } ; DROP ALL ; {', "a}b;c", "'quoted' \"twice\""])
def test_parameter_values_cannot_break_or_change_a_query(built, capsys, value):
    graph = str(built.files[0])
    code = main(["query", "entity-evidence", "--graph", graph, "--param", f"entity=urn:x:{value}"])
    captured = capsys.readouterr()
    # either refused as not an IRI, or run as a plain value that matches nothing
    assert code in (0, EXIT_BAD_INPUT)
    if code == 0:
        assert "(0 rows)" in captured.out
    else:
        assert captured.err.startswith("iskg: parameter entity: not an IRI")


@pytest.mark.parametrize(("argv", "message"), [
    (["query", "no-such-query"], "unknown query 'no-such-query'"),
    (["query", "entity-evidence"], "missing parameter entity"),
    (["query", "--sparql", "SELEKT nothing"], "malformed SPARQL"),
    (["build", "--corpus", "/nonexistent/corpus"], "corpus folder not found"),
    (["validate", "/nonexistent/graph.ttl"], "no such file"),
])
def test_bad_input_gives_one_clear_line(built, capsys, argv, message):
    if argv[0] == "query":
        argv = [*argv, "--graph", str(built.files[0])]
    assert main(argv) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_validate_accepts_the_build_and_rejects_a_broken_copy(built, tmp_path, capsys):
    graph_file = built.files[0]
    assert main(["validate", str(graph_file)]) == 0
    assert "conforms" in capsys.readouterr().out
    broken = tmp_path / "broken.ttl"
    text = graph_file.read_text(encoding="utf-8")
    # a second English prefLabel on Europol breaks the one-label rule
    broken.write_text(text + '\n<https://w3id.org/iskg/id/actor/europol> '
                      '<http://www.w3.org/2004/02/skos/core#prefLabel> "Europol bis"@en .\n', encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "id/actor/europol" in captured.out and "prefLabel" in captured.out
    assert "does not conform (" in captured.err and captured.err.count("\n") == 1


def test_build_reads_good_texts_refuses_bad_ones_and_says_so(tmp_path, capsys):
    from iskg.graph.cli import EXIT_REFUSED

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Council conclusions\n\nEuropol fights terrorism.\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x00\x00")
    assert main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out")]) == EXIT_REFUSED
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["files_read"] == ["good.txt"]
    assert [r["file"] for r in report["files_refused"]] == ["empty.txt", "image.txt"]
    assert "refused empty.txt: empty file" in capsys.readouterr().err
