"""Word drafts: tracked changes read as revision marks exactly as markdown drafts are."""

from __future__ import annotations

from pathlib import Path

import pytest
from makers import word_draft

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text, read_bytes, read_corpus

DRAFT = [
    ("Title", [("", "Draft Council conclusions on police cooperation")]),
    ("Heading 1", [("", "1. Cooperation")]),
    ("", [("", "The Council calls on "), ("del", "Interpol"), ("ins", "Europol"),
          ("", " to support the Member States against terrorism.")]),
    ("", [("", "Eurojust helps prosecutors"), ("note", "Doc. 9596/06 JAI 271."), ("", "."),
          ("del", " Frontex guards the borders.")]),
    ("List Bullet", [("", "Cybercrime grows.")]),
]
# the same draft as a markdown file would print it
MARKDOWN = """# Draft Council conclusions on police cooperation

## 1. Cooperation

The Council calls on <del>Interpol</del><ins>Europol</ins> to support the Member States against terrorism.

Eurojust helps prosecutors<sup>1</sup>.<del> Frontex guards the borders.</del>

- Cybercrime grows.

<sup>1</sup> Doc. 9596/06 JAI 271.
"""


@pytest.fixture(scope="module")
def draft() -> bytes:
    return word_draft(DRAFT, title="Draft Council conclusions on police cooperation")


def test_docx_paragraphs_headings_and_revisions(draft: bytes) -> None:
    doc = read_bytes(draft, "draft.docx")
    assert (doc.format, doc.media_type, doc.title, doc.language) == (
        "draft", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Draft Council conclusions on police cooperation", "en")
    assert [s.title for s in doc.sections] == ["Draft Council conclusions on police cooperation", "1. Cooperation"]
    assert [(p.text, p.footnote) for p in doc.paragraphs] == [
        ("The Council calls on Europol to support the Member States against terrorism.", False),
        ("Eurojust helps prosecutors.", False),
        ("Cybercrime grows.", False),
        ("Doc. 9596/06 JAI 271.", True),
    ]
    assert [(r.kind, r.start, r.end, r.text) for r in doc.paragraphs[0].revisions] == [
        ("deleted", 21, 21, "Interpol"), ("added", 21, 28, "Europol")]
    assert [(r.kind, r.text) for r in doc.paragraphs[1].revisions] == [("deleted", "Frontex guards the borders.")]
    assert [c.identifier for c in doc.citations] == ["9596/06"]


def test_docx_revisions_equal_the_markdown_drafts(draft: bytes) -> None:
    word, md = read_bytes(draft, "draft.docx"), parse_text(MARKDOWN, "draft.md", "utf-8")
    assert [(p.text, p.revisions, p.footnote) for p in word.paragraphs] == \
        [(p.text, p.revisions, p.footnote) for p in md.paragraphs]


def test_deleted_runs_assert_nothing(draft: bytes) -> None:
    doc = read_bytes(draft, "draft.docx")
    extractor = Extractor.default()
    extractor.learn([doc])
    texts = {p.index: p.text for p in doc.paragraphs}
    found = {texts[m.paragraph][m.start:m.end] for m in extractor.extract(doc).mentions}
    assert {"Europol", "Eurojust", "terrorism", "Cybercrime"} <= found
    assert not {"Interpol", "Frontex"} & found


def test_docx_found_by_content_and_bad_zip_refused(tmp_path: Path, draft: bytes) -> None:
    (tmp_path / "a_draft").write_bytes(draft)
    (tmp_path / "b_broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    documents, refusals = read_corpus(tmp_path)
    assert [d.source for d in documents] == ["a_draft"]
    assert [r.source for r in refusals] == ["b_broken.docx"] and "\n" not in refusals[0].reason
