"""OCR'd and hard-wrapped text: hyphenation, page furniture, broken paragraphs, headings kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from iskg.loaders.ocr import Vocabulary, drop_furniture, join, split_lines, unframe
from iskg.loaders.read import read_document

FIXTURES = Path(__file__).parent / "fixtures"
EMPTY = Vocabulary.of("")


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["against orga-", "nised crime"], "against organised crime"),
        (["the secu-", "rity of citizens"], "the security of citizens"),
        (["fight against cross-", "border crime"], "fight against cross-border crime"),
        (["an intelligence-", "led approach"], "an intelligence-led approach"),
        (["an EU-", "wide approach"], "an EU-wide approach"),
        (["with non-", "EU countries"], "with non-EU countries"),
        (["and forty-", "eight house searches"], "and forty-eight house searches"),
        (["ends a sentence.", "Next one"], "ends a sentence.\nNext one"),
    ],
)
def test_words_hyphenated_at_line_ends(lines: list[str], joined: str) -> None:
    assert join(lines, EMPTY) == joined


def test_the_documents_own_words_decide_first() -> None:
    vocab = Vocabulary.of("A well-organised network.\nAnd border-\nmanagement of the border and its management.")
    assert join(["a well-", "organised group"], vocab) == "a well-organised group"
    assert join(["co-", "operation"], Vocabulary.of("cooperation")) == "cooperation"
    # both halves are words of the document, the joined form is not: a compound
    assert join(["border-", "management"], vocab) == "border-management"


def test_page_furniture_is_dropped() -> None:
    text = "\n".join([
        "The Council welcomes the report.",
        "7120/10                GS/np                 12",
        "DG H 1A               EN",
        "EN",
        "- 3 -",
        "Page 4 of 12",
        "5842/2/10 REV 2 JAI 90 EN",
        "ml/mm",
        "It calls on the Member States to act.",
    ])
    kept = [ln.text for ln in drop_furniture(split_lines(text)) if ln.text]
    assert kept == ["The Council welcomes the report.", "It calls on the Member States to act."]


def test_lines_repeated_at_page_tops_are_dropped() -> None:
    bodies = ["The Council welcomes the report.", "It calls on the Member States to act.", "It invites Europol."]
    text = "\f".join(f"Draft conclusions on security\n{body}\n" for body in bodies)
    kept = [ln.text for ln in drop_furniture(split_lines(text)) if ln.text]
    assert kept == bodies


@pytest.fixture(scope="module")
def note():
    return read_document(FIXTURES / "ocr_note.txt")


def test_ocr_note_is_read_as_ocr_with_its_metadata(note) -> None:
    assert note.format == "ocr"
    assert (note.identifier, note.date, note.doc_type) == ("7120/11", "2011-03-03", "CouncilNote")
    assert note.title == "Draft conclusions on cross-border cooperation"


def test_ocr_paragraphs_are_joined_and_repaired(note) -> None:
    first = note.paragraphs[0].text
    assert "organised crime" in first and "cross-border cooperation" in first
    assert "EU-wide approach" in first
    # a sentence broken by a stray blank line is one paragraph again
    assert first.endswith("to ensuring the Union's internal security.")


def test_ocr_furniture_never_reaches_text(note) -> None:
    for p in note.paragraphs:
        assert "GS/np" not in p.text and "DG H" not in p.text and not p.text.endswith(" EN")
        assert not p.text.startswith("Draft conclusions on cross-border cooperation")


def test_ocr_headings_are_not_merged_into_body(note) -> None:
    assert [s.title for s in note.sections] == ["1. INTRODUCTION", "2. NEXT STEPS"]
    assert all(not p.text.startswith(("1.", "2.")) for p in note.paragraphs)


def test_ocr_footnote_and_its_citation(note) -> None:
    notes = [p for p in note.paragraphs if p.footnote]
    assert [p.text for p in notes] == ["Doc. 9596/06 JAI 271 CATS 104."]
    assert [(c.identifier, c.printed) for c in note.citations] == [
        ("6543/11", "6543/11 JAI 99"), ("9596/06", "9596/06 JAI 271 CATS 104")]
    assert note.citations[1].paragraph == notes[0].index


SECURITY_NOTE = "\n\n".join([
    "The security of citizens is the first aim of the security strategy.",
    "Security depends on cooperation; the Member States want to share the work of security and to act.",
    "The Internal Seeurity Strategy sets out what the Council wants t0 achieve on the ground, on time, on budget.",
    "It adds a modem approach to the world.",
])


def test_a_rare_ocr_misreading_is_repaired_into_the_word_the_document_prints() -> None:
    from iskg.loaders.ocr import Spelling

    spelling = Spelling.of(SECURITY_NOTE + "\n\nOne more misreading: 0n it.")
    repaired = spelling.repair("The Internal Seeurity Strategy, t0 SEEURITY.")
    assert repaired == "The Internal Security Strategy, to SECURITY."
    # a misreading that starts with a digit keeps the case the document prints the word in
    assert spelling.repair("0n the Seeurity of it, 0N it") == "on the Security of it, ON it"
    # 'modern' is not printed: 'modem' is left as printed, whatever it should have been
    assert spelling.repair("a modem approach") == "a modem approach"
    # tags and short words are not touched
    assert spelling.repair("<sup>1</sup> the") == "<sup>1</sup> the"


def test_ocr_repairs_reach_the_paragraph_text() -> None:
    from iskg.loaders.parse import parse_text

    doc = parse_text(SECURITY_NOTE, "note.txt", "utf-8")
    assert doc.paragraphs[2].text == ("The Internal Security Strategy sets out what the Council wants to achieve "
                                      "on the ground, on time, on budget.")


def test_a_clean_text_has_nothing_to_repair() -> None:
    from iskg.loaders.ocr import Spelling

    clean = "The case is clear. In any case, the cases of the case law are clear and the ease of access matters."
    assert Spelling.of(clean).words == {}


def test_short_misreadings_of_the_commonest_words_are_repaired_and_other_short_words_are_not() -> None:
    """What broke: a scan's 'thc', 'ln' and 'wlth' stayed as printed, and 'trafficking ln children'
    was read as a threat of its own."""
    from iskg.loaders.ocr import Spelling

    sentence = "The ports of the Union work with the agencies in the fight against a threat to the ports. "
    text = sentence * 250 + "In case of doubt, ask. " * 12 + "Thc ports work wlth them ln the ease of a threat."
    assert Spelling.of(text).repair("Thc ports wlth ln the ease") == "The ports with in the ease"
    # 'case' is printed twelve times as often as 'ease', but it is not one of the words that make up the text
    assert "ease" not in Spelling.of(text).words


def test_a_long_misreading_printed_half_as_often_as_its_word_is_repaired() -> None:
    from iskg.loaders.ocr import Spelling

    text = "Action against crime, against fraud, against abuse and against theft; agalnst piracy, agalnst smuggling."
    assert Spelling.of(text).repair("agalnst") == "against"


def test_a_number_is_never_repaired_into_a_word_it_folds_like() -> None:
    from iskg.loaders.ocr import Spelling

    # '51105' folds like 'silos' (5/s, 1/l, i/l, 0/o), which the text prints often
    text = "The silos are full. Two silos burnt down. The silos matter. Permit 51105 covers the si1os."
    assert Spelling.of(text).repair("51105 and si1os") == "51105 and silos"


def test_unframe_strips_drawn_side_bars_anywhere_but_a_pipe_only_inside_a_box() -> None:
    text = "\u2502 drawn side \u2502\n| a | b |\n+-----+\n| boxed |\n+-----+"
    assert [ln.text for ln in unframe(split_lines(text))] == ["drawn side", "| a | b |", "", "boxed", ""]


@pytest.mark.parametrize("header", ["L 150/94 EN Official Journal of the European Union 20.5.2014",
                                    "20.5.2014 EN Official Joumal of the European Union L 150/95"])
def test_the_official_journals_running_header_is_furniture_even_inside_a_hyphenated_word(header: str) -> None:
    """What broke: an OCR'd regulation printed its page header between 'Euro-' and 'just', and the
    header stayed in the sentence ('Euro-20.5.2014 EN Official Journal … just')."""
    text = f"The Member States work with Europol and Euro-\n{header}\njust in joint investigation teams.\n"
    kept = [ln.text for ln in drop_furniture(split_lines(text)) if ln.text]
    assert kept == ["The Member States work with Europol and Euro-", "just in joint investigation teams."]
