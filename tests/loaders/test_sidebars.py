"""Text boxes (sidebars) interleaved with the body, as OCR and PDF extraction leave them."""

from __future__ import annotations

import pytest

from iskg.loaders.parse import parse_text

BEFORE = ["The Council has considered the report on the fight against organised crime and on",
          "the development of cross-border cooperation between the law enforcement authorities of"]
AFTER = ["the Member States, presented by the Presidency in February. It welcomes the approach",
         "taken by the agencies to ensuring the internal security of the Union."]
BOX = ["Box 1: facts and figures", "The figures in this box are given for illustration only."]
PARAGRAPHS = [" ".join(BEFORE + AFTER), " ".join(BOX)]


FRAMES = {
    "plain": BOX,
    "ascii": ["+-----------------------------------------------------------+",
              "| Box 1: facts and figures                                  |",
              "| The figures in this box are given for illustration only.  |",
              "+-----------------------------------------------------------+"],
    "drawn": ["\u250c" + "\u2500" * 59 + "\u2510",
              "\u2502 Box 1: facts and figures                                  \u2502",
              "\u2502 The figures in this box are given for illustration only.  \u2502",
              "\u2514" + "\u2500" * 59 + "\u2518"],
}


@pytest.mark.parametrize("style", ["plain", "ascii", "drawn"])
def test_a_boxed_sidebar_in_mid_sentence_leaves_the_sentence_whole(style: str) -> None:
    text = "\n".join(BEFORE + [""] + FRAMES[style] + [""] + AFTER + ["", "The Council will return to it."])
    doc = parse_text(text, "box.txt", "utf-8")
    assert doc.format == "text"
    assert [p.text for p in doc.paragraphs] == PARAGRAPHS + ["The Council will return to it."]
    assert doc.sections == []  # the box's title opens no section


def test_a_sidebar_between_halves_of_a_wrapped_paragraph_that_ends_with_a_comma() -> None:
    lines = [f"line {i} of a hard-wrapped paragraph that runs on across many lines of the page" for i in range(12)]
    text = "\n".join(lines[:6] + ["and of the borders,", "", *BOX, "", "in full and without delay.", "", *lines[6:]])
    doc = parse_text(text, "box.txt", "utf-8")
    assert doc.format == "ocr"
    assert doc.paragraphs[0].text.endswith("and of the borders, in full and without delay.")
    assert doc.paragraphs[1].text == PARAGRAPHS[1]


def test_a_framed_box_after_a_finished_sentence_is_a_paragraph_of_its_own() -> None:
    text = "\n".join(["The Council welcomes the report.", "", *FRAMES["ascii"], "",
                      "It calls on the Member States."])
    doc = parse_text(text, "box.txt", "utf-8")
    assert [p.text for p in doc.paragraphs] == ["The Council welcomes the report.", PARAGRAPHS[1],
                                                "It calls on the Member States."]


def test_a_table_row_alone_does_not_make_a_text_markdown() -> None:
    framed = "\n".join(["The Council welcomes the report.", "", "| A box of text |", "", "It calls for action."])
    assert parse_text(framed, "t.txt", "utf-8").format == "text"
    table = "\n".join(["The Council welcomes the report.", "", "| Body | Role |", "| --- | --- |",
                       "| Europol | support |"])
    assert parse_text(table, "t.txt", "utf-8").format == "markdown"


def test_a_title_case_line_cut_at_a_hyphen_is_not_a_heading() -> None:
    text = "\n".join(["Joint Police and Customs Centres, such as the Centre in Luxem-", "", *BOX, "",
                      "bourg, support operational cooperation.", "", "The Council will return to it."])
    doc = parse_text(text, "box.txt", "utf-8")
    assert doc.sections == []
    assert doc.paragraphs[0].text == ("Joint Police and Customs Centres, such as the Centre in Luxembourg, "
                                      "support operational cooperation.")


def test_a_lower_case_subtitle_does_not_continue_the_dateline_past_a_short_title_line() -> None:
    text = ("EUROPEAN COMMISSION\n\nBrussels, 3.5.2012\nCOM(2012) 190 final\n\n"
            "COMMUNICATION FROM THE COMMISSION TO THE COUNCIL\n\non a harbour security agenda\n\n"
            "1. INTRODUCTION\n\nPorts matter to the Union.\n")
    doc = parse_text(text, "com.txt", "utf-8")
    assert doc.identifier == "COM(2012) 190 final"
    assert [p.text for p in doc.paragraphs] == ["Ports matter to the Union."]
    assert not any(p.aside for p in doc.paragraphs)
