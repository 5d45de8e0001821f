"""Reading files into `Document`s: the loaders' public entry points.

Why refusals instead of exceptions in `read_corpus`: one bad file (empty, binary, undecodable, a
directory, unreadable, an unsupported format) must not stop a build; it is reported with a
one-line reason and the other files still load.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iskg.loaders import markup, metadata, ocr, segment
from iskg.loaders.decode import decode
from iskg.loaders.errors import IskgError, file_error
from iskg.loaders.model import Document

SUPPORTED = (".txt", ".md")
MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class Refusal:
    """A file that was not read, and why (one line)."""

    source: str
    reason: str


def _read_bytes(path: Path) -> bytes:
    name = path.name
    if path.is_dir():
        raise file_error(name, "not a file (a directory)")
    if path.suffix.lower() not in SUPPORTED:
        raise file_error(name, f"unsupported format '{path.suffix or '(none)'}' (read: {', '.join(SUPPORTED)})")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise file_error(name, f"file too large (over {MAX_BYTES} bytes)")
        return path.read_bytes()
    except OSError as err:
        raise file_error(name, f"cannot read: {err.strerror or err}") from None


def parse_text(text: str, source: str, encoding: str) -> Document:
    """A decoded text as a Document (what `read_document` does after decoding)."""
    wrapped = ocr.is_wrapped(ocr.split_lines(text))
    fmt = markup.detect_format(text, wrapped)
    layout = segment.segment(text, fmt, wrapped)
    if not layout.paragraphs and not layout.sections:
        raise file_error(source, "no readable text")
    meta = metadata.describe(layout)
    return Document(source=source, encoding=encoding, format=fmt, identifier=meta.identifier,
                    date=meta.date, title=meta.title, doc_type=meta.doc_type, sections=layout.sections,
                    paragraphs=layout.paragraphs, citations=meta.citations)


def read_document(path: Path) -> Document:
    """Read one .txt or .md file; raise IskgError naming the file when it cannot be read."""
    path = Path(path)
    decoded = decode(_read_bytes(path), path.name)
    return parse_text(decoded.text, path.name, decoded.encoding)


def read_corpus(folder: Path) -> tuple[list[Document], list[Refusal]]:
    """Every file of a folder in name order (hidden files skipped); bad files become refusals."""
    folder = Path(folder)
    if not folder.is_dir():
        raise IskgError(f"{folder}: corpus folder not found")
    documents: list[Document] = []
    refusals: list[Refusal] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        try:
            documents.append(read_document(path))
        except IskgError as err:
            refusals.append(Refusal(path.name, str(err).removeprefix(f"{path.name}: ")))
    return documents, refusals
