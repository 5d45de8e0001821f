"""The structure rules on formatting the corpus does not show: list items without bold, bold
words inside an item, markdown headings all of one depth, a text box set inside a list. Each text
is small and written for its test."""

from __future__ import annotations

from iskg.loaders.parse import parse_text
from iskg.loaders.structure import guideline_sections, listed

INTRO = "The Council invites the Member States to develop a harbour approach through:"


def _listed(text: str, name: str = "note.txt") -> list[str]:
    doc = parse_text(text, name, "utf-8")
    texts = {p.index: p.text for p in doc.paragraphs}
    return [texts[i.paragraph][i.start:i.end] for i in listed(doc)]


def test_a_comma_opening_a_coordination_does_not_cut_an_unmarked_key_phrase() -> None:
    # without bold, the first comma would leave a lone modifier ('comprehensive') or a dangling
    # preposition ('access to')
    text = "\n".join([
        INTRO, "",
        "- a) a comprehensive, coordinated and shared harbour approach integrating patrols and checks,",
        "- b) access to, storage and exchange of harbour records, kept by the port authorities,",
        "- c) joint harbour drills, held every year.",
    ])
    assert _listed(text) == [
        "comprehensive, coordinated and shared harbour approach",
        "access to, storage and exchange of harbour records",
        "joint harbour drills",  # a comma that opens no coordination still ends the phrase
    ]


def test_words_marked_past_an_items_first_clause_do_not_name_it() -> None:
    text = "\n".join([
        INTRO, "",
        "- a) ensuring coherence between harbour plans, such **as the port** plans of the coast,",
        "- b) stimulating and improving **coordination of harbour patrols** in the ports, as needed,",
    ])
    assert _listed(text, "note.md") == [
        "ensuring coherence between harbour plans",  # 'as the port' is emphasis further on
        "coordination of harbour patrols",  # marked within the first clause: the item's name
    ]


def test_markdown_headings_of_one_depth_nest_by_their_numbering() -> None:
    text = "\n".join([
        "## INTRODUCTION", "", "Harbours face new threats.", "",
        "## 1. HARBOUR THREATS", "", "Drones fly over the quays.", "",
        "## STRATEGIC GUIDELINES FOR ACTION", "",
        "## -I- Guarding quays", "", "Quays are guarded day and night.", "",
        "## 2. NEXT STEPS", "", "The Council will return to it.",
    ])
    doc = parse_text(text, "note.md", "utf-8")
    assert [(s.title, s.level, s.parent) for s in doc.sections] == [
        ("INTRODUCTION", 1, None),
        ("1. HARBOUR THREATS", 1, None),
        ("STRATEGIC GUIDELINES FOR ACTION", 2, 2),
        ("-I- Guarding quays", 3, 3),
        ("2. NEXT STEPS", 1, None),
    ]
    assert [s.title for s in guideline_sections(doc)] == ["-I- Guarding quays"]


def test_a_text_box_inside_a_list_does_not_end_the_list() -> None:
    text = "\n".join([
        "The Council invites the Member States to develop approaches that facilitate cooperation among",
        "their harbour authorities, where such cooperation will deliver practical benefit, in terms of:",
        "",
        "- closer cooperation among harbour staff, promoted by",
        "  - developing joint training programmes for the staff of the harbour authorities of the",
        "  - creating and developing networks of senior staff from the harbour authorities of",
        "",
        "\u250c" + "\u2500" * 40 + "\u2510",
        "\u2502 BOX 1" + " " * 34 + "\u2502",
        "\u2502 A summary of the replies is annexed." + " " * 3 + "\u2502",
        "\u2514" + "\u2500" * 40 + "\u2518",
        "",
        "the Member States, or of senior staff in the judicial field,",
        "- pooling of patrol boats, promoted by",
        "  - reinforcing the interoperability of patrol boats,",
        "",
        "The Council will return to it.",
    ])
    assert _listed(text) == ["closer cooperation among harbour staff", "pooling of patrol boats"]
