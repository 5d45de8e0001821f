"""Small texts written for the tests, read the way the build reads them."""

from __future__ import annotations

from pathlib import Path

from iskg.loaders.extract import Extraction, Extractor
from iskg.loaders.model import Document
from iskg.loaders.read import parse_text
from iskg.loaders.relations import Named


def extract_note(path: Path) -> tuple[Document, Extraction]:
    """A note read, learned from and extracted alone, as a one-text corpus."""
    doc = parse_text(path.read_text(encoding="utf-8"), path.name, "utf-8")
    extractor = Extractor.default()
    extractor.learn([doc])
    return doc, extractor.extract(doc)


def named(text: str, *pairs: tuple[str, str, str]) -> list[Named]:
    """The names a sentence is given, each (printed form, IRI, top class), at the form's first place."""
    out = []
    for quote, iri, top in pairs:
        start = text.index(quote)
        out.append(Named(iri, top, start, start + len(quote)))
    return out
