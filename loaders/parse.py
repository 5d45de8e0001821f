"""A text in the loaders' lightweight markup as a Document: the one path every reader ends in.

Why one path: clean text, markdown, drafts and OCR output share segmentation and metadata; a
reader of another format (PDF, HTML, Word) writes its content in the same markup (headings,
blank-line paragraphs, `<sup>n</sup>` footnotes, `<ins>`/`<del>` revisions) and lands here too.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from iskg.loaders import markup, metadata, ocr, segment
from iskg.loaders.errors import file_error
from iskg.loaders.model import Document, DocumentFormat, Paragraph

MAX_LINE_CHARS = 100_000


def _check_lines(text: str, source: str) -> None:
    """Refuse a line longer than any paragraph of prose: evidence checks slice each paragraph's
    text once per mention, so one huge paragraph costs its length times its mentions."""
    start, number = 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_CHARS:
            raise file_error(source, f"line {number} is {end - start} characters long, over the limit of "
                                     f"{MAX_LINE_CHARS}: not running text")
        start, number = end + 1, number + 1


def form_feeds(text: str) -> tuple[int, ...]:
    """Where pages 2, 3, ... begin in a text that marks page breaks with form feeds."""
    return tuple(i + 1 for i, ch in enumerate(text) if ch == "\f")


def _paged(paragraphs: list[Paragraph], breaks: tuple[int, ...]) -> list[Paragraph]:
    """Each paragraph with the page its first line is on."""
    return [replace(p, page=1 + bisect_right(breaks, p.source_start)) for p in paragraphs]


def parse_text(text: str, source: str, encoding: str, *, media_type: str = "text/plain",
               page_breaks: tuple[int, ...] | None = None, fmt: DocumentFormat | None = None,
               structured: bool = False) -> Document:
    """A decoded text as a Document. `page_breaks` are the offsets at which pages 2, 3, ... begin
    (by default the text's form feeds, if it has any; else paragraphs have no page); a paragraph's
    page is the page its first line is on.
    `fmt` overrides the detected format (a reader knows, e.g., that its text is OCR output);
    `structured=True` when the blocks are the file's own paragraphs (PDF layout, HTML, Word), so that
    none is joined to the one before as a paragraph cut by a stray blank line would be."""
    _check_lines(text, source)
    wrapped = ocr.is_wrapped(ocr.split_lines(text))
    fmt = fmt or markup.detect_format(text, wrapped)
    layout = segment.segment(text, fmt, wrapped, structured=structured)
    if not layout.paragraphs and not layout.sections:
        deleted = " (all of it is marked as deleted)" if fmt == "draft" else ""
        raise file_error(source, f"no readable text{deleted}")
    breaks = page_breaks if page_breaks is not None else form_feeds(text) or None
    paragraphs, header = layout.paragraphs, layout.header
    if breaks is not None:
        paragraphs, header = _paged(paragraphs, breaks), _paged(header, breaks)
        layout.paragraphs = paragraphs
    meta = metadata.describe(layout)
    return Document(source=source, encoding=encoding, format=fmt, identifier=meta.identifier,
                    date=meta.date, title=meta.title, doc_type=meta.doc_type, sections=layout.sections,
                    paragraphs=paragraphs, citations=meta.citations, media_type=media_type, header=header)
