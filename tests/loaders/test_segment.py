"""Segmentation: headings with levels and parents, list items, footnotes, front matter, offsets."""

from __future__ import annotations

import pytest

from iskg.loaders.read import parse_text

NOTE = """COUNCIL OF THE EUROPEAN UNION

Brussels, 23 February 2010

**5842/2/10
REV 2**

JAI 90

NOTE

From:\tPresidency
To:\tDelegations
Subject:\tDraft Internal Security Strategy

INTRODUCTION

For fifty years the European Union has promoted freedom and security.

1. PROTECTING PEOPLE IN EUROPE

The Union must create a safe environment.

COMMON THREATS: The main challenges

- **Terrorism, in any form**, has an absolute disregard for human life.
- **cyber-crime** represents a global threat.

2. TOWARDS A EUROPEAN SECURITY MODEL

STRATEGIC GUIDELINES FOR ACTION

-I- A wide and comprehensive approach

Internal security must be seen as encompassing a wide range of measures.

-II- Operational cooperation

The Standing Committee ensures coordination.

3. NEXT STEPS

The Commission will adopt a Communication.
"""


def test_front_matter_is_not_body_text() -> None:
    doc = parse_text(NOTE, "note.md", "utf-8")
    texts = " ".join(p.text for p in doc.paragraphs)
    for furniture in ("COUNCIL OF", "Brussels", "5842", "JAI 90", "Presidency", "Subject"):
        assert furniture not in texts
    assert doc.paragraphs[0].text.startswith("For fifty years")


def test_headings_levels_and_parents() -> None:
    doc = parse_text(NOTE, "note.md", "utf-8")
    outline = [(s.title, s.level, s.parent) for s in doc.sections]
    assert outline == [
        ("INTRODUCTION", 1, None),
        ("1. PROTECTING PEOPLE IN EUROPE", 1, None),
        ("COMMON THREATS: The main challenges", 2, 2),
        ("2. TOWARDS A EUROPEAN SECURITY MODEL", 1, None),
        ("STRATEGIC GUIDELINES FOR ACTION", 2, 4),
        ("-I- A wide and comprehensive approach", 3, 5),
        ("-II- Operational cooperation", 3, 5),
        ("3. NEXT STEPS", 1, None),
    ]
    assert [s.index for s in doc.sections] == list(range(1, 9))


def test_list_items_are_paragraphs_in_their_section() -> None:
    doc = parse_text(NOTE, "note.md", "utf-8")
    items = [p for p in doc.paragraphs if p.section == 3]
    assert [p.text for p in items] == ["Terrorism, in any form, has an absolute disregard for human life.",
                                       "cyber-crime represents a global threat."]
    assert [p.index for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))


def test_paragraph_offsets_point_into_the_source() -> None:
    doc = parse_text(NOTE, "note.md", "utf-8")
    starts = [p.source_start for p in doc.paragraphs]
    assert starts == sorted(set(starts))
    for p in doc.paragraphs:
        source = NOTE[p.source_start:p.source_end]
        assert p.text.split()[0].strip("*") in source and p.text.split()[-1] in source


def test_markdown_headings_nest_by_depth() -> None:
    text = "# Strategy\n\nIntro text.\n\n## Threats\n\nTerrorism.\n\n## Actors\n\nEuropol.\n\n# Annex\n\nMore.\n"
    doc = parse_text(text, "x.md", "utf-8")
    assert [(s.title, s.level, s.parent) for s in doc.sections] == [
        ("Strategy", 1, None), ("Threats", 2, 1), ("Actors", 2, 1), ("Annex", 1, None)]


def test_footnotes_in_their_printed_forms() -> None:
    text = ("RECALLING the Strategy¹ and the Communication<sup>2</sup>, and the report [3],\n\n"
            "¹ Doc. 7120/10 CO EUR-PREP 8 JAI 182\n\n"
            "<sup>2</sup> 10010/20.\n\n"
            "3 9596/06 JAI 271 CATS 104.\n\n"
            "12 Member States joined later.\n")
    doc = parse_text(text, "x.md", "utf-8")
    assert doc.paragraphs[0].text == "RECALLING the Strategy and the Communication, and the report,"
    notes = [p.text for p in doc.paragraphs if p.footnote]
    assert notes == ["Doc. 7120/10 CO EUR-PREP 8 JAI 182", "10010/20.", "9596/06 JAI 271 CATS 104."]
    # a number with no marker in the text and no reference after it is not a footnote
    assert doc.paragraphs[-1].text == "12 Member States joined later." and not doc.paragraphs[-1].footnote


def test_clean_text_one_paragraph_per_line() -> None:
    text = ("Convergence of internal security\n\nThe Council adopted the following conclusions:\n"
            "Supports the consolidation of the work.\nInvites the Member States to cooperate.\n")
    doc = parse_text(text, "x.txt", "utf-8")
    assert doc.format == "text"
    assert [s.title for s in doc.sections] == ["Convergence of internal security"]
    assert [p.text for p in doc.paragraphs] == ["The Council adopted the following conclusions:",
                                                "Supports the consolidation of the work.",
                                                "Invites the Member States to cooperate."]


def test_draft_bold_heading_is_formatting_and_deletions_leave_titles() -> None:
    text = ("Changes are marked in **bold** and ~~strikethrough~~.\n\n"
            "### **1. Strengthening cooperation**\n\n"
            "RECALLS the **new** text ~~old text~~.\n\n"
            "#### **2. Preventing ~~politically motivated~~ extremism**\n\n"
            "**CONDEMNS the attacks.**\n")
    doc = parse_text(text, "d.md", "utf-8")
    assert doc.format == "draft"
    assert [s.title for s in doc.sections] == ["1. Strengthening cooperation", "2. Preventing extremism"]
    legend, recalls, condemns = doc.paragraphs
    assert legend.revisions == () and "strikethrough" in legend.text
    assert recalls.text == "RECALLS the new text."
    assert [(r.kind, r.text) for r in recalls.revisions] == [("added", "new"), ("deleted", "old text")]
    assert [(r.kind, r.start, r.end) for r in condemns.revisions] == [("added", 0, len(condemns.text))]


def test_clean_text_sentence_broken_by_blank_line_is_repaired() -> None:
    text = "Drug trafficking and sexual exploitation of\n\nminors are threats.\n\nNext paragraph.\n"
    doc = parse_text(text, "x.txt", "utf-8")
    assert [p.text for p in doc.paragraphs] == ["Drug trafficking and sexual exploitation of minors are threats.",
                                                "Next paragraph."]


@pytest.mark.parametrize("line", ["Signed: " + "_" * 60 + " on 1 May", "a" + "~" * 60 + "b", "x" + "* " * 60 + "y",
                                  "end" + "<b>" * 60 + " ~~"])
def test_a_long_run_of_marks_does_not_hang_segmenting(time_limit, line):
    # a nested-repeat regex for trailing markup took exponential time on runs like these (found by fuzzing)
    with time_limit(5):
        doc = parse_text(f"Council conclusions\n\n{line}\n\nEuropol fights terrorism.\n", "x.txt", "utf-8")
    assert any("Europol fights terrorism." in p.text for p in doc.paragraphs)


def test_a_footnote_number_glued_to_a_word_is_dropped_when_the_note_is_printed_bare() -> None:
    from iskg.loaders.parse import parse_text

    text = ("The Hague Programme3 and the Stockholm Programme4, adopted in 2009, set out the G8 priorities.\n\n"
            "3 Doc. 16054/04 JAI 559.\n\n4 OJ C 115, 4.5.2010, p. 1.\n")
    doc = parse_text(text, "notes.txt", "utf-8")
    assert [(p.text, p.footnote) for p in doc.paragraphs] == [
        ("The Hague Programme and the Stockholm Programme, adopted in 2009, set out the G8 priorities.", False),
        ("Doc. 16054/04 JAI 559.", True), ("OJ C 115, 4.5.2010, p. 1.", True)]
    # without a bare note 3, the number is the text's own
    assert parse_text("The Hague Programme3 is in force.\n", "x.txt", "utf-8").paragraphs[0].text == \
        "The Hague Programme3 is in force."


def test_a_footnote_numbered_in_brackets_is_a_note_and_its_glued_marker_is_dropped() -> None:
    """What broke: "(2) OJ L 335, 11.11.2004, p. 8." was a list item, whose key phrase 'OJ L 335' became an
    objective, and "the Strategy 2005–2012(1)" kept its marker."""
    text = ("The Strategy takes into account the EU Drugs Strategy 2005–2012(1) and Framework Decision "
            "2004/757/JHA(2).\n\n(1) 15074/04 CORDROGUE 77.\n\n(2) OJ L 335, 11.11.2004, p. 8.\n\n"
            "(3) Strengthen the cooperation with third countries.\n")
    doc = parse_text(text, "notes.txt", "utf-8")
    assert [(p.text, p.footnote) for p in doc.paragraphs] == [
        ("The Strategy takes into account the EU Drugs Strategy 2005–2012 and Framework Decision 2004/757/JHA.",
         False), ("15074/04 CORDROGUE 77.", True), ("OJ L 335, 11.11.2004, p. 8.", True),
        ("(3) Strengthen the cooperation with third countries.", False)]


def test_a_wrapped_scan_with_a_markdown_heading_keeps_its_ocr_bullets() -> None:
    from iskg.loaders.parse import parse_text

    body = [f"The Council notes that line {i} of this hard-wrapped paragraph runs on into the" for i in range(10)]
    text = "\n".join(["## INTRODUCTION", "", *body, "next line of it.", "",
                      "e the prevention of terrorism and of radicalisation leading to it;",
                      "e the fight against organised crime."])
    doc = parse_text(text, "scan.txt", "utf-8")
    assert doc.format == "markdown"
    assert [(p.text, p.item) for p in doc.paragraphs[1:]] == [
        ("the prevention of terrorism and of radicalisation leading to it;", True),
        ("the fight against organised crime.", True)]


def test_a_legal_acts_articles_are_headings_under_its_chapters_not_running_headers() -> None:
    """What broke: in an OCR'd regulation 'Article 1', 'Article 2', … share one shape, so they were
    dropped as a running header, and the title under each ('Eligible actions') was read as text."""
    body = ("The Fund supports the Member States in protecting their harbours against sabotage and\n"
            "smuggling, and it shares the cost of patrol boats, scanners and training for harbour staff.\n\n")
    articles = "".join(f"Article {n}\n{title}\n\n{body}" for n, title in
                       [(1, "Subject matter"), (2, "Eligible actions"), (3, "Entry into force")])
    text = "REGULATION ON HARBOUR SECURITY\n\nCHAPTER I\n\n" + articles.replace("Article 3", "CHAPTER II\n\nArticle 3")
    doc = parse_text(text, "r.txt", "utf-8")
    assert [(s.title, s.level) for s in doc.sections[1:]] == [
        ("CHAPTER I", 1), ("Article 1 Subject matter", 2), ("Article 2 Eligible actions", 2),
        ("CHAPTER II", 1), ("Article 3 Entry into force", 2)]
