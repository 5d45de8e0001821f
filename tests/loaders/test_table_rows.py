"""A table of objectives and what serves them: each row's first cell names the objective."""

from __future__ import annotations

from pathlib import Path

from notes import extract_note

from iskg.loaders.parse import parse_text

ID = "https://w3id.org/iskg/id/"
TABLE = "\n".join([
    "# Harbour report", "",
    "The main results are summarised below.", "",
    "| Strategic objective | Main achievements |",
    "|---|---|",
    "| Disrupt international criminal networks | EMPACT; Europol |",
    "| Harbour results | Eurojust |", "",
    "Europol and EMPACT were discussed.", ""])


def test_a_table_row_knows_where_its_first_cell_ends() -> None:
    doc = parse_text(TABLE, "report.md", "utf-8")
    assert [(p.text, p.row_head) for p in doc.paragraphs] == [
        ("The main results are summarised below.", 0),
        ("Strategic objective; Main achievements", len("Strategic objective")),
        ("Disrupt international criminal networks; EMPACT; Europol", len("Disrupt international criminal networks")),
        ("Harbour results; Eurojust", len("Harbour results")),
        ("Europol and EMPACT were discussed.", 0)]


def test_the_names_in_a_row_serve_the_objective_its_first_cell_names_and_no_other_row_says_anything(
        tmp_path: Path) -> None:
    """What broke: a table pairing objectives with their achievements stated nothing."""
    note = tmp_path / "report.md"
    note.write_text(TABLE, encoding="utf-8")
    _, result = extract_note(note)
    assert {(r.relation.subject.removeprefix(ID), r.relation.predicate, r.relation.object.removeprefix(ID))
            for r in result.relations} == {
        ("instrument/empact", "serves", "objective/disrupt-international-criminal-networks"),
        ("actor/europol", "serves", "objective/disrupt-international-criminal-networks")}
