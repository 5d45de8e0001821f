"""Bold and italic runs are kept as offsets into the clean text; list items are flagged."""

from __future__ import annotations

from iskg.loaders.markup import render
from iskg.loaders.read import parse_text


def test_emphasis_runs_point_at_the_marked_words() -> None:
    r = render("a) the **European Security Model** and *new technologies*, not this")
    assert r.text == "a) the European Security Model and new technologies, not this"
    assert [r.text[s:e] for s, e in r.emphasis] == ["European Security Model", "new technologies"]


def test_paragraphs_know_they_are_list_items_and_where_their_emphasis_is() -> None:
    doc = parse_text("Intro text here:\n\n- a) **marked words** then more,\n- plain item.\n\nBack to prose.\n",
                     "note.md", "utf-8")
    assert [(p.text, p.item) for p in doc.paragraphs] == [
        ("Intro text here:", False), ("a) marked words then more,", True), ("plain item.", True),
        ("Back to prose.", False)]
    item = doc.paragraphs[1]
    assert [item.text[s:e] for s, e in item.emphasis] == ["marked words"]


def test_bold_that_marks_added_text_is_not_emphasis() -> None:
    text = "Changes are marked in bold.\n\nThe Council **welcomes** the plan.\n"
    doc = parse_text(text, "draft.md", "utf-8")
    assert doc.format == "draft"
    assert all(p.emphasis == () for p in doc.paragraphs)
