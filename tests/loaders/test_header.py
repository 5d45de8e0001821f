"""The header of a Council note (institution, dateline, number and codes, From/To, Subject) is text
of the document: it names who issued it (fixtures/header_note.txt), but it states no relation."""

from pathlib import Path

import pytest
from notes import extract_note

from iskg.loaders.extract import Extractor
from iskg.loaders.metadata import header_number_spans
from iskg.loaders.read import parse_text

FIXTURE = Path(__file__).parent / "fixtures" / "header_note.txt"
ID = "https://w3id.org/iskg/id/"


@pytest.fixture(scope="module")
def note():
    return extract_note(FIXTURE)


def test_header_blocks_keep_the_front_matter_as_text(note):
    doc, _ = note
    assert [b.text for b in doc.header] == [
        "COUNCIL OF THE EUROPEAN UNION", "Brussels, 3 March 2015", "6543/15", "COSI 12 CATS 34 ENFOPOL 56", "NOTE",
        "From: Presidency To: Delegations Subject: Europol supports Eurojust in the fight against terrorism"]
    assert [b.index for b in doc.header] == [1, 2, 3, 4, 5, 6]
    assert (doc.identifier, doc.date) == ("6543/15", "2015-03-03")  # metadata still reads the header
    assert [p.text for p in doc.paragraphs] == [
        "1. The Member States are invited to exchange information on cybercrime."]


def test_header_names_the_issuing_council_and_the_presidency(note):
    doc, result = note
    texts = {b.index: b.text for b in doc.header}
    found = [(m.paragraph, m.iri.removeprefix(ID), m.quote) for m in result.mentions if m.in_header]
    assert found == [(1, "actor/council-of-the-european-union", "COUNCIL OF THE EUROPEAN UNION"),
                     (6, "actor/presidency", "Presidency"), (6, "actor/europol", "Europol"),
                     (6, "actor/eurojust", "Eurojust"), (6, "threat/terrorism", "fight against terrorism")]
    assert all(texts[m.paragraph][m.start:m.end] == m.quote for m in result.mentions if m.in_header)


def test_subject_codes_under_the_number_name_no_committee(note):
    _, result = note
    named = {m.iri.removeprefix(ID) for m in result.mentions}
    assert not named & {"actor/cosi", "actor/cats"}


def test_header_lines_state_no_relation(note):
    _, result = note
    assert result.relations == []
    # the same words as a sentence of the body do state one
    doc = parse_text("Note\n\nEuropol supports Eurojust in the fight against terrorism.\n", "body.txt", "utf-8")
    assert any(r.relation.subject == ID + "actor/europol" for r in Extractor.default().extract(doc).relations)


def test_codes_block_counts_as_the_number_only_right_under_one():
    blocks = ["6543/15", "COSI 12 CATS 34", "NOTE", "COSI 12"]
    assert header_number_spans(blocks) == [[(0, 7)], [(0, 15)], [], []]
    assert header_number_spans(["6543/15 JAI 90", "CATS 34"]) == [[(0, 14)], [(0, 7)]]


def test_scanned_codes_block_with_letters_and_digits_confused_is_still_codes():
    """What broke: a scan's 'C0RDROGUE 56' (a zero for an O) made the block no codes block, and the
    COPEN, DROIPEN and COPS codes beside it were read as mentions of those bodies."""
    assert header_number_spans(["6543/15", "DROIPEN 88 COPEN 3OO C0RDROGUE 56"]) == [[(0, 7)], [(0, 33)]]
    assert header_number_spans(["6543/15", "COPEN and the COPS"]) == [[(0, 7)], []]


def test_codes_cut_into_blocks_of_one_line_under_a_number_and_its_marks_are_still_codes():
    """What broke: with every header line a block of its own (markdown headings added), 'REV 1' and
    'LIMITE' stood between the number and its codes, which were read as mentions of COPEN and DROIPEN."""
    blocks = ["11518/1/20", "REV 1", "LIMITE", "COSI 164 CATS 79", "DROIPEN 88 COPEN 300", "NOTE", "COPEN 3"]
    assert header_number_spans(blocks) == [[(0, 10)], [], [], [(0, 16)], [(0, 20)], [], []]
    text = "Council of the European Union\n\n11518/1/20\n\n## REV 1\n\n## DROIPEN 88 COPEN 300\n\nNOTE\n\nThe text.\n"
    assert parse_text(text, "n.txt", "utf-8").identifier == "11518/1/20 REV 1"


def test_a_drafts_header_asserts_nothing_struck_and_marks_what_it_adds():
    draft = ("NOTE\n\nFrom: <del>Presidency</del> <ins>Europol</ins>\nTo: Delegations\nSubject: Draft conclusions\n\n"
             "1. The Member States are invited to exchange information on cybercrime.\n")
    doc = parse_text(draft, "draft.txt", "utf-8")
    found = [(m.quote, m.added) for m in Extractor.default().extract(doc).mentions if m.in_header]
    assert found == [("Europol", True)]
