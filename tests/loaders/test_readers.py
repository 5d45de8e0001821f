"""The reader registry: formats found by content first, extension second; one reader per media type."""

from __future__ import annotations

from pathlib import Path

import pytest

from iskg.loaders import readers
from iskg.loaders.errors import IskgError
from iskg.loaders.model import Document, Paragraph
from iskg.loaders.read import read_corpus, read_document

MAGIC = b"TOYFMT\n"


def _toy_read(data: bytes, name: str) -> Document:
    text = data[len(MAGIC):].decode()
    return Document(source=name, encoding="utf-8", format="text", media_type="application/x-toy",
                    paragraphs=[Paragraph(1, text, 0, len(text))])


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> readers.Reader:
    reader = readers.Reader("application/x-toy", (".toy",), lambda data: data.startswith(MAGIC), _toy_read)
    readers.readers()  # built-ins first
    monkeypatch.setitem(readers._REGISTRY, reader.media_type, reader)
    return reader


def test_a_new_format_is_one_registered_reader(tmp_path: Path, toy: readers.Reader) -> None:
    (tmp_path / "a.toy").write_bytes(MAGIC + b"Europol supports Member States.")
    documents, refusals = read_corpus(tmp_path)
    assert refusals == []
    assert [(d.media_type, d.paragraphs[0].text) for d in documents] == \
        [("application/x-toy", "Europol supports Member States.")]
    assert ".toy" in readers.extensions()


def test_content_wins_over_the_extension(tmp_path: Path, toy: readers.Reader) -> None:
    path = tmp_path / "misnamed.txt"
    path.write_bytes(MAGIC + b"Frontex works at the borders.")
    assert read_document(path).media_type == "application/x-toy"


def test_text_is_claimed_by_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Title\n\nEurojust cooperates with Europol.\n", encoding="utf-8")
    doc = read_document(path)
    assert (doc.media_type, doc.format, [p.text for p in doc.paragraphs]) == \
        ("text/markdown", "markdown", ["Eurojust cooperates with Europol."])


def test_unknown_content_and_extension_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_bytes(b"some words")
    with pytest.raises(IskgError, match=r"^data\.xyz: unsupported format '\.xyz' \(read: .*\.txt"):
        read_document(path)


def test_form_feeds_give_each_paragraph_its_page(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_text("Europol supports Member States.\n\fFrontex works at the borders.\n\n"
                    "Eurojust helps prosecutors.\n", encoding="utf-8")
    doc = read_document(path)
    assert [(p.text, p.page) for p in doc.paragraphs] == [
        ("Europol supports Member States.", 1), ("Frontex works at the borders.", 2),
        ("Eurojust helps prosecutors.", 2)]
