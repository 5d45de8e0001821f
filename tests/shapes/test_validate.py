"""The validate() library function: inputs (graph or file), the ontology it adds, its report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from iskg.graph.validate import ValidationResult, validate
from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path

FIXTURE = Path(__file__).parent / "fixtures" / "valid.ttl"


def test_a_file_validates_like_the_graph() -> None:
    result = validate(FIXTURE)
    assert result.conforms, result.report_text
    assert result.seconds >= 0


def test_data_with_the_ontology_already_in_it(valid_graph: Graph) -> None:
    """The build's output carries the ontology; adding it again must change nothing."""
    valid_graph.parse(ontology_path(), format="turtle")
    assert validate(valid_graph).conforms


def test_without_the_ontology_subclasses_are_still_found(valid_graph: Graph) -> None:
    """The fixture types Europol only as iskg:Agency; the shapes target iskg:Actor. The validator
    must add the ontology so that an Agency without a label is caught."""
    valid_graph.update("DELETE WHERE { <https://w3id.org/iskg/id/actor/europol> "
                       "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
    result = validate(valid_graph)
    assert not result.conforms
    assert "actor/europol" in result.report_text


def test_result_is_frozen(valid_graph: Graph) -> None:
    result = validate(valid_graph)
    assert isinstance(result, ValidationResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.conforms = False  # type: ignore[misc]


def test_the_input_graph_is_not_changed(valid_graph: Graph) -> None:
    before = len(valid_graph)
    validate(valid_graph)
    assert len(valid_graph) == before


def test_report_has_one_readable_line_per_violation(change: Callable[[str], Graph]) -> None:
    broken = change('INSERT DATA { actor:europol skos:altLabel "EDU" . '
                    'document:st-5842-2-10-rev-2 iskg:encoding "latin-1" }')
    result = validate(broken)
    lines = result.report_text.splitlines()[1:]
    assert result.violations == 2 == len(lines)
    assert len(list(result.report_graph.subjects(SH.resultSeverity, SH.Violation))) == 2
    alt = next(line for line in lines if "altLabel" in line)
    assert alt.startswith("Violation | ")
    assert "<https://w3id.org/iskg/id/actor/europol>" in alt  # focus node
    assert "path skos:altLabel" in alt
    assert "must be a language-tagged string" in alt  # the shape's sh:message
    assert "'EDU'" in alt  # the offending value
    assert result.report_text.splitlines()[0].startswith("Conforms: False (2 violations")


def test_sparql_messages_show_the_values(change: Callable[[str], Graph]) -> None:
    broken = change('DELETE DATA { <e/0a1b2c3d4e5f6071/quote> oa:exact "Europol" } ; '
                    'INSERT DATA { <e/0a1b2c3d4e5f6071/quote> oa:exact "Eurojust" }')
    text = validate(broken).report_text
    assert 'Quote "Eurojust" is not the paragraph text at [0, 7), which reads "Europol"' in text


def test_unparsable_file_names_the_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b \n", encoding="utf-8")
    with pytest.raises(IskgError) as caught:
        validate(bad)
    message = str(caught.value)
    assert "broken.ttl" in message
    assert "\n" not in message
    assert "line" in message.lower()  # the parser's own position


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    odd = tmp_path / "graph.xyz"
    odd.write_text("nothing", encoding="utf-8")
    with pytest.raises(IskgError, match="graph.xyz"):
        validate(odd)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IskgError, match="absent.ttl"):
        validate(tmp_path / "absent.ttl")


def test_binary_file_is_refused(tmp_path: Path) -> None:
    binary = tmp_path / "image.ttl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(IskgError, match="image.ttl"):
        validate(binary)
