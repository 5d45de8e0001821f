"""`iskg check`: each quality query finds its defect, and the built graph has no error-level finding."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from iskg.graph.check import SEVERITIES, load_checks, run_checks
from iskg.graph.cli import EXIT_CHECK_FAILED, main
from iskg.ontology import ontology_path

DEFECTS = Path(__file__).parent / "fixtures" / "check_defects.ttl"
ID = "https://w3id.org/iskg/id/"
ISKG = "https://w3id.org/iskg/ontology#"


def _defects_graph(tmp_path: Path) -> Path:
    path = tmp_path / "defects.ttl"
    path.write_bytes(ontology_path().read_bytes() + b"\n" + DEFECTS.read_bytes())
    return path


def test_every_check_is_a_select_with_a_known_severity_and_a_finding():
    checks = load_checks()
    assert len(checks) >= 6
    for check in checks:
        assert check.severity in SEVERITIES and check.finding and check.title != check.name
        assert "SELECT DISTINCT ?subject ?property ?value" in check.text


def test_the_built_graph_has_no_error_level_finding(built):
    report = run_checks(built.files[0])
    assert report.passed, [f for f in report.at("error")][:10]
    assert set(report.counts) == {c.name for c in load_checks()}


def test_each_check_finds_its_planted_defect(tmp_path):
    report = run_checks(_defects_graph(tmp_path))
    found = {(f.check, f.subject) for f in report.findings}
    assert found == {
        ("missing-label", ID + "actor/unnamed"),
        ("duplicate-label", ID + "threat/cyber-crime"),
        ("duplicate-label", ID + "threat/cybercrime"),
        ("multiple-labels", ID + "actor/twice"),
        ("relation-without-evidence", ID + "actor/x"),  # serves y, and cooperatesWith ghost
        ("statement-not-asserted", ID + "actor/x"),
        ("quote-not-at-offsets", ID + "document/d/e/1/target"),
        ("dangling-iri", ID + "actor/x"),  # points at actor/ghost
        ("dangling-iri", ID + "instrument/z"),  # uses the undeclared iskg:madeUp
        ("document-without-number-or-date", ID + "document/d"),
        ("term-without-label", ISKG + "Undocumented"),
    }
    by_check = {f.check: f for f in report.findings}
    assert by_check["quote-not-at-offsets"].value == '"Eurojust" at [0, 7) reads "Europol"'
    assert {f.value for f in report.findings if f.check == "dangling-iri"} == {ID + "actor/ghost", ISKG + "madeUp"}
    assert not report.passed
    assert [f.severity for f in report.findings] == sorted((f.severity for f in report.findings),
                                                           key=SEVERITIES.index)


def test_evidence_for_either_direction_of_a_symmetric_relation_counts():
    store = ox.Store()
    data = f"""<{ID}actor/a> <{ISKG}cooperatesWith> <{ID}actor/b> . <{ID}actor/b> <{ISKG}cooperatesWith> <{ID}actor/a> .
    <urn:e> <http://www.w3.org/ns/oa#hasBody> <urn:s> .
    <urn:s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{ID}actor/a> ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{ISKG}cooperatesWith> ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{ID}actor/b> ."""
    store.load(data, format=ox.RdfFormat.TURTLE)
    check = [c for c in load_checks() if c.name == "relation-without-evidence"]
    assert run_checks(store, check).findings == []


def test_cli_check_passes_the_build_and_fails_a_broken_graph(built, tmp_path, capsys):
    assert main(["check", str(built.files[0])]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("0 errors, ")
    assert main(["check", str(_defects_graph(tmp_path)), "--format", "json"]) == EXIT_CHECK_FAILED
    captured = capsys.readouterr()
    assert '"passed": false' in captured.out
    assert captured.err.count("\n") == 1 and "error-level findings" in captured.err


@pytest.mark.parametrize("argv", [["check", "/nonexistent/graph.ttl"]])
def test_check_of_a_missing_graph_is_one_clear_line(argv, capsys):
    assert main(argv) == 2
    assert "no built graph here" in capsys.readouterr().err
