"""The document model every reader produces, whatever the input format.

Offsets count Unicode code points. Paragraph offsets (`source_start`, `source_end`) point into the
decoded source text; revision and mention offsets point into the paragraph's own `text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RevisionKind = Literal["added", "deleted"]
DocumentFormat = Literal["text", "markdown", "ocr", "draft"]


@dataclass(frozen=True)
class Revision:
    """Text a draft marks as added, or deleted words that were removed from `Paragraph.text`.

    For a deletion, `start == end` is where the words stood and `text` holds them.
    """

    kind: RevisionKind
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Section:
    """A heading; `parent` is the index of the enclosing section, if any."""

    index: int
    title: str
    level: int = 1
    parent: int | None = None


@dataclass(frozen=True)
class Paragraph:
    """A unit of body text (or a footnote, or a block of the header), with its own stored text;
    `page` is the printed page it starts on, where the source has pages (PDF, or text with form
    feeds); `item`: a list item (bulleted, lettered or numbered); `emphasis`: (start, end) of its
    bold or italic words where they are formatting (not a draft's revision marks); `aside`: in a
    text box (a sidebar) set between the halves of a sentence, outside the text's flow; `row_head`: in
    a table's row (its cells joined by '; '), where the text of its first cell ends."""

    index: int
    text: str
    source_start: int
    source_end: int
    section: int | None = None
    footnote: bool = False
    revisions: tuple[Revision, ...] = ()
    page: int | None = None
    item: bool = False
    emphasis: tuple[tuple[int, int], ...] = ()
    aside: bool = False
    row_head: int = 0


@dataclass(frozen=True)
class Citation:
    """A document the text cites: `identifier` is the normalised number, `printed` as printed."""

    identifier: str
    printed: str
    paragraph: int | None = None


@dataclass
class Document:
    """One file read into sections and paragraphs, with its metadata; `media_type` is the format
    of the file (text/plain, application/pdf, ...), `format` how its text was written; `header`: the
    blocks printed above the body (institution, dateline, number and codes, From/To, Subject), which
    name bodies (the issuing Council, the Presidency it comes from) but state nothing."""

    source: str
    encoding: str
    format: DocumentFormat
    identifier: str | None = None
    date: str | None = None
    title: str | None = None
    doc_type: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    media_type: str = "text/plain"
    language: str | None = None
    header: list[Paragraph] = field(default_factory=list)
