"""The list rules through the whole extractor, on a small text written for the test
(fixtures/relations_lists_note.txt): an opener 'X, promoted by' whose items name what serves X, and
a paragraph of milestones to be achieved by named agents whose items open with what they serve."""

from __future__ import annotations

from pathlib import Path

from notes import extract_note

FIXTURE = Path(__file__).parent / "fixtures" / "relations_lists_note.txt"
ID = "https://w3id.org/iskg/id/"


def test_list_openers_relate_the_names_of_their_items_with_quote_and_modality() -> None:
    doc, result = extract_note(FIXTURE)
    texts = {p.index: p.text for p in doc.paragraphs}
    found = {(texts[r.paragraph], r.relation.subject.removeprefix(ID), r.relation.object.removeprefix(ID), r.quote,
              r.relation.modality, r.relation.addressee.removeprefix(ID))
             for r in result.relations if r.relation.method == "list:serves"}
    jit = "setting up joint investigation teams with Eurojust;"
    sis = "making full use of the Schengen Information System;"
    ibm = "Integrated border management is in place at all external borders."
    assert found == {
        (jit, "instrument/joint-investigation-teams", "guideline/operational-cooperation",
         "setting up joint investigation teams", "", ""),
        (jit, "actor/eurojust", "guideline/operational-cooperation",
         "setting up joint investigation teams with Eurojust", "", ""),
        (sis, "instrument/schengen-information-system", "guideline/operational-cooperation",
         "making full use of the Schengen Information System", "", ""),
        (ibm, "actor/europol", "guideline/integrated-border-management", "Integrated border management",
         "should", "actor/europol"),
        (ibm, "actor/frontex", "guideline/integrated-border-management", "Integrated border management",
         "should", "actor/frontex")}
    assert all(texts[r.paragraph][r.relation.start:r.relation.end] == r.quote for r in result.relations)
