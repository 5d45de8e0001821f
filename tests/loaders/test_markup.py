"""Inline markup: markdown never leaks into text; draft deletions are removed and recorded;
additions are kept with exact offsets."""

from __future__ import annotations

from iskg.loaders.markup import bold_means_added, detect_format, is_legend, render

DECLARED = ("<sup>1</sup> Changes compared to the previous version are marked in **bold underlined** "
            "and ~~strikethrough~~.")


def test_markdown_markup_is_stripped() -> None:
    r = render("*I. Milestones* for **Europol**<sup>2</sup>, Eurojust\\* and ***values***.")
    assert r.text == "I. Milestones for Europol, Eurojust* and values."
    assert r.revisions == ()


def test_deletion_is_removed_and_recorded_where_it_stood() -> None:
    r = render("A ~~robust and~~ modern acquis is established.")
    assert r.text == "A modern acquis is established."
    (rev,) = r.revisions
    assert (rev.kind, rev.start, rev.end, rev.text) == ("deleted", 2, 2, "robust and")
    assert r.text[rev.start:].startswith("modern")


def test_whitespace_around_deletions_is_tidied() -> None:
    r = render("in the field of law enforcement ~~and in CSDP missions~~, as such (~~strategic~~ third) "
               "countries ~~x.~~")
    assert r.text == "in the field of law enforcement, as such (third) countries"
    assert "  " not in r.text
    assert [rev.start for rev in r.revisions] == [31, 42, len(r.text)]


def test_bold_is_added_only_when_the_document_says_so() -> None:
    text = "Every **law enforcement** officer ~~in every situation~~ has access **to the information**."
    plain = render(text)
    assert plain.revisions == tuple(r for r in plain.revisions if r.kind == "deleted")
    draft = render(text, bold_added=True)
    added = [r for r in draft.revisions if r.kind == "added"]
    assert [r.text for r in added] == ["law enforcement", "to the information"]
    for r in added:
        assert draft.text[r.start:r.end] == r.text


def test_adjacent_additions_merge_and_offsets_stay_exact() -> None:
    r = render("remains a priority **and** **WELCOMES the action plan**. ~~Old.~~ **New text.**", bold_added=True)
    added = [x for x in r.revisions if x.kind == "added"]
    assert [x.text for x in added] == ["and WELCOMES the action plan", "New text."]
    assert all(r.text[x.start:x.end] == x.text for x in added)


def test_html_and_bracket_revision_marks() -> None:
    r = render("keep <del>old words</del> <ins>new words</ins> and [deleted: gone] here")
    assert r.text == "keep new words and here"
    assert [(x.kind, x.text) for x in r.revisions] == [("deleted", "old words"), ("added", "new words"),
                                                        ("deleted", "gone")]


def test_footnote_markers_are_removed() -> None:
    r = render("the Strategy¹, adopted in 2006 [1], and the Roadmap<sup>9</sup> [2].", refs=frozenset({"1"}))
    assert r.text == "the Strategy, adopted in 2006, and the Roadmap [2]."


def test_declaration_makes_bold_added_and_is_itself_a_legend() -> None:
    assert bold_means_added(DECLARED + "\n\n**New text.**")
    assert not bold_means_added("Nothing is declared; **emphasis** only.")
    assert is_legend(DECLARED)
    legend = render(DECLARED, bold_added=True, legend=True)
    assert legend.text == "Changes compared to the previous version are marked in bold underlined and strikethrough."
    assert legend.revisions == ()


def test_format_detection() -> None:
    assert detect_format("text with ~~deleted words~~ in it", wrapped=False) == "draft"
    assert detect_format("## Heading\n\nBody with **bold**.", wrapped=False) == "markdown"
    assert detect_format("Plain lines.\n", wrapped=True) == "ocr"
    assert detect_format("Plain lines.\n", wrapped=False) == "text"


def test_a_bold_declaration_wrapped_over_two_lines_is_still_read() -> None:
    text = ("Changes compared to the previous version are marked in **bold\nunderlined** and ~~struck~~."
            "\n\nThe **new** text.")
    assert bold_means_added(text)
    assert is_legend("Changes compared to the previous version are marked\nin **bold** and ~~struck~~.")
    assert not bold_means_added("Changes were discussed.\n\nThey are marked in **bold**.")
