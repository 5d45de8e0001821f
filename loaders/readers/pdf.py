"""PDF: the text layer read with pdfminer.six; a PDF without one (a scan) is OCR'd (loaders/scan.py).

Why our own layout on top of pdfminer's characters: policy PDFs print two columns, boxed sidebars,
running headers and footers and footnotes, and the graph needs paragraphs in reading order, with
their page, and nothing else. From each line's position, size and font:
- page furniture: lines in the top or bottom two rows of a page that repeat (digits aside) on
  another page, or are page numbers (data/layout.json "ocr_furniture"), are dropped;
- footnotes: small-print lines below the page's last body line; each starts with its number;
- sidebars: lines inside a drawn frame are read after the page's body, so they never cut a sentence;
- columns: the gutter is the vertical strip no side-by-side line crosses (short lines side by side,
  as in a letterhead, make no columns); a line that spans it (a heading, a full-width paragraph)
  closes the band of columns above it;
- paragraphs: a new one starts after a vertical gap, a change of type size, an indented first
  line, or a short line that ends a sentence; a full line left open at the end of a column or page
  goes on in the next;
- headings: bold or larger lines, written bold for the segmenter; superscript digits become
  footnote markers; line-end hyphens are resolved as in OCR text (ocr.join), ligatures spelt out.
The text written for the segmenter is the loaders' markup (see loaders/parse.py).
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTComponent, LTCurve, LTImage, LTTextLineHorizontal
from pdfminer.pdfdocument import PDFEncryptionError

from iskg.loaders import markup, ocr, scan
from iskg.loaders.errors import file_error
from iskg.loaders.model import Document
from iskg.loaders.parse import parse_text
from iskg.loaders.readers import Reader, register

MEDIA_TYPE = "application/pdf"
EDGE_ROWS = 2
ROW_TOLERANCE = 2.0
SMALL_PRINT = 0.85  # footnotes: at most this share of the body size
SUPERSCRIPT = 0.8  # a superscript character: at most this share of its line's size, raised
HEADING_SIZE = 1.15
GAP = 0.8  # a vertical gap of this many body sizes between lines ends a paragraph
INDENT = 1.2
SHORT_LINE = 0.15  # a line ending this share of the column width early is a paragraph's last
MIN_FRAME = 1.2
GUTTER_RANGE = (0.3, 0.7)
MIN_SIDE_BY_SIDE = 2  # pairs of column-filling lines side by side make a page two-column
WIDE_LINE = 0.25  # a line filling a column spans at least this share of the page width
_BOLD = re.compile(r"(?i)bold|black|heavy|semibold|[-,]bd\b|bd$")
_NOTE_NUMBER = re.compile(r"^(?:<sup>(\d{1,3})</sup>|(\d{1,3})(?=\s))\s*")
_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u2013\u2014\u00b7-]\s")


@dataclass
class _Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str  # in the loaders' markup: escaped, superscripts as <sup>n</sup>
    size: float
    bold: bool
    column: str = "full"  # "left" | "right" | "full"

    @property
    def plain(self) -> str:
        return markup.plain(self.text)


@dataclass
class _Page:
    number: int
    width: float
    lines: list[_Line] = field(default_factory=list)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: int = 0


@dataclass
class _Block:
    page: int
    kind: str  # "body" | "heading" | "sidebar" | "footnote"
    lines: list[_Line]
    left: float  # the edges of the column the block starts in
    right: float


def _line(page: int, line: LTTextLineHorizontal) -> _Line | None:
    chars = [c for c in line if isinstance(c, LTChar)]
    if not chars or not line.get_text().strip():
        return None
    size = statistics.median(c.size for c in chars)
    base = statistics.median(c.y0 for c in chars if c.size > SUPERSCRIPT * size) if chars else line.y0
    out: list[str] = []
    sup: list[str] = []
    for item in line:
        text = markup.repair(item.get_text()).replace("\n", "")
        raised = (isinstance(item, LTChar) and item.size <= SUPERSCRIPT * size and item.y0 > base + 0.2 * size
                  and text.isalnum())
        if raised:
            sup.append(text)
            continue
        if sup:
            out.append(f"<sup>{''.join(sup)}</sup>")
            sup.clear()
        out.append(markup.escape(text))
    if sup:
        out.append(f"<sup>{''.join(sup)}</sup>")
    normal = [c for c in chars if c.size > SUPERSCRIPT * size and c.get_text().strip()]
    bold = bool(normal) and all(_BOLD.search(c.fontname) for c in normal)
    return _Line(page, line.x0, line.y0, line.x1, line.y1, " ".join("".join(out).split()), size, bold)


def _walk(layout: LTComponent, page: _Page) -> None:
    """Collect a page's text lines, pictures and drawn frames, however deep pdfminer nests them."""
    for item in layout:
        if isinstance(item, LTTextLineHorizontal):
            if line := _line(page.number, item):
                page.lines.append(line)
        elif isinstance(item, LTImage):
            page.images += 1
        elif isinstance(item, LTCurve):  # LTRect and LTLine are curves too
            page.frames.append(item.bbox)
        if hasattr(item, "__iter__") and not isinstance(item, LTTextLineHorizontal):
            _walk(item, page)


def _pages(data: bytes, name: str) -> list[_Page]:
    try:
        pages = []
        for n, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
            page = _Page(n, layout.width)
            _walk(layout, page)
            pages.append(page)
        return pages
    except PDFEncryptionError:
        raise file_error(name, "encrypted PDF (cannot read its text)") from None
    except Exception as err:  # a damaged file makes pdfminer raise struct, zlib, index ... errors: all mean malformed
        raise file_error(name, f"malformed PDF ({type(err).__name__}: {' '.join(str(err).split())[:80]})") from None


def _shape(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text).casefold().split())


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    rows: list[list[_Line]] = []
    for ln in sorted(lines, key=lambda ln: -ln.y0):
        if rows and abs(rows[-1][0].y0 - ln.y0) <= ROW_TOLERANCE:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers, footers and page numbers (see the module docstring)."""
    edges: dict[int, list[_Line]] = {}
    for page in pages:
        rows = _rows(page.lines)
        edge_rows = rows[:EDGE_ROWS] + rows[-EDGE_ROWS:] if len(rows) > EDGE_ROWS else rows
        edges[page.number] = [ln for row in edge_rows for ln in row]
    seen = Counter(shape for page in pages for shape in {_shape(ln.plain) for ln in edges[page.number]})
    for page in pages:
        drop = {id(ln) for ln in edges[page.number]
                if ocr.is_furniture(ln.plain) or (len(pages) > 1 and seen[_shape(ln.plain)] >= 2)}
        page.lines = [ln for ln in page.lines if id(ln) not in drop]


def _inside(ln: _Line, frame: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = frame
    return x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1 and y0 - 1 <= ln.y0 and ln.y1 <= y1 + 1


def _gutter(lines: list[_Line], width: float) -> float | None:
    """The x of the gap between two columns, or None for a single-column page."""
    best: tuple[int, float] | None = None
    for x in range(int(GUTTER_RANGE[0] * width), int(GUTTER_RANGE[1] * width)):
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        if best is None or crossing < best[0]:
            best = (crossing, float(x))
    if best is None:
        return None
    x = best[1]
    left = [ln for ln in lines if ln.x1 <= x]
    right = [ln for ln in lines if ln.x0 >= x]
    wide = WIDE_LINE * width
    pairs = sum(1 for a in left for b in right
                if a.y0 < b.y1 and b.y0 < a.y1 and a.x1 - a.x0 >= wide and b.x1 - b.x0 >= wide)
    if pairs < MIN_SIDE_BY_SIDE:
        return None
    # the middle of the empty strip around x
    lo = max((ln.x1 for ln in left), default=x)
    hi = min((ln.x0 for ln in right), default=x)
    return (lo + hi) / 2


def _reading_order(lines: list[_Line], width: float) -> list[_Line]:
    gutter = _gutter(lines, width)
    ordered = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    if gutter is None:
        return ordered
    out: list[_Line] = []
    band: dict[str, list[_Line]] = {"left": [], "right": []}
    for ln in ordered:
        if ln.x1 <= gutter:
            ln.column = "left"
        elif ln.x0 >= gutter:
            ln.column = "right"
        else:
            ln.column = "full"
            out += band["left"] + band["right"]
            band = {"left": [], "right": []}
            out.append(ln)
            continue
        band[ln.column].append(ln)
    return out + band["left"] + band["right"]


def _edges(lines: list[_Line]) -> tuple[float, float]:
    """A column's left and right edges: where most of its lines start and the usual full line ends
    (a letterhead line further out does not move them)."""
    ends = sorted(ln.x1 for ln in lines)
    return min(ln.x0 for ln in lines), ends[int(0.9 * (len(ends) - 1))]


def _ends(text: str) -> bool:
    return ocr.ends_sentence(markup.plain(text).rstrip(")\u201d\"'"))


@dataclass
class _Flow:
    """Cuts a page's lines in reading order into blocks (see the module docstring)."""

    body_size: float
    blocks: list[_Block] = field(default_factory=list)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)  # of the page being added
    bounds: dict[tuple[int, str], tuple[float, float]] = field(default_factory=dict)  # column edges
    prev: _Line | None = None  # the last line added: a paragraph may go on over a page

    def heading(self, ln: _Line) -> bool:
        return (ln.size >= HEADING_SIZE * self.body_size or ln.bold) and len(ln.plain) <= 160

    def add(self, lines: list[_Line], kind: str) -> None:
        edges: dict[tuple[int, str], list[_Line]] = {}
        for ln in lines:
            edges.setdefault((ln.page, ln.column), []).append(ln)
        self.bounds |= {key: _edges(group) for key, group in edges.items()}
        for ln in lines:
            is_heading = kind == "body" and self.heading(ln)
            this = "heading" if is_heading else kind
            if self.prev is None or self._breaks(self.prev, ln, this, self.bounds):
                self.blocks.append(_Block(ln.page, this, [ln], *self.bounds[(ln.page, ln.column)]))
            else:
                self.blocks[-1].lines.append(ln)
            self.prev = ln

    def _breaks(self, prev: _Line, ln: _Line, kind: str, bounds: dict) -> bool:
        last = self.blocks[-1]
        if last.kind != kind or kind == "heading" and prev.y0 - ln.y1 > GAP * self.body_size:
            return True
        if kind == "footnote":
            return bool(_NOTE_NUMBER.match(ln.text))
        if _BULLET.match(ln.plain) or abs(ln.y0 - prev.y0) <= ROW_TOLERANCE and ln.x0 > prev.x1 + 2 * self.body_size:
            return True  # a bullet, or text further along the same row (a letterhead's right side)
        if abs(ln.size - prev.size) > (1 - SMALL_PRINT) * max(ln.size, prev.size):
            return True  # print of another size: a note or a quotation, not the same paragraph
        lo, hi = bounds[(prev.page, prev.column)]
        ended = _ends(prev.text)
        short = prev.x1 < hi - SHORT_LINE * (hi - lo)
        if (ln.page, ln.column) != (prev.page, prev.column) or self._framed_between(prev, ln):
            return ended or short  # only a full line without a full stop goes on in the next column
        if prev.y0 - ln.y1 > GAP * self.body_size:
            return True
        indented = ln.x0 > lo + INDENT * self.body_size
        return ended and (short or indented)


    def _framed_between(self, prev: _Line, ln: _Line) -> bool:
        """A box stands between two lines of one column: the text goes on around it."""
        return any(ln.y1 <= y0 + 1 and y1 - 1 <= prev.y0 and x0 < prev.x1 and prev.x0 < x1
                   for x0, y0, x1, y1 in self.frames)


def _text(block: _Block, vocab: ocr.Vocabulary) -> str:
    texts = [ln.text for ln in block.lines]
    if block.kind == "footnote":
        texts[0] = _NOTE_NUMBER.sub(lambda m: f"<sup>{m.group(1) or m.group(2)}</sup> ", texts[0], count=1)
    joined = ocr.join([t.replace("\u00ad", "-") for t in texts], vocab)
    if block.kind == "heading":
        return f"**{' '.join(joined.split())}**"
    short = block.right - SHORT_LINE * (block.right - block.left)
    ragged = len(block.lines) > 1 and all(ln.x1 < short for ln in block.lines[:-1])
    return joined if ragged else joined.replace("\n", " ")  # short lines (a letterhead) stay lines


def _blocks(pages: list[_Page], body_size: float) -> list[_Block]:
    """Body blocks in reading order; each page's sidebars and footnotes after the body block that
    is open when the page ends (so a sentence running over a page is not cut)."""
    flow = _Flow(body_size)
    extras: dict[int, list[_Block]] = {}
    for page in pages:
        framed = [f for f in page.frames if f[3] - f[1] > MIN_FRAME * body_size and f[2] - f[0] > 4 * body_size]
        sidebar = [ln for ln in page.lines if any(_inside(ln, f) for f in framed)]
        rest = [ln for ln in page.lines if ln not in sidebar]
        normal = [ln for ln in rest if ln.size > SMALL_PRINT * body_size]
        floor = min((ln.y0 for ln in normal), default=0.0)
        notes = [ln for ln in rest if ln.size <= SMALL_PRINT * body_size and ln.y1 <= floor]
        body = [ln for ln in rest if ln not in notes]
        flow.frames = framed
        flow.add(_reading_order(body, page.width), "body")
        side = _Flow(body_size)
        side.add(sorted(sidebar, key=lambda ln: (-ln.y1, ln.x0)), "sidebar")
        side.add(sorted(notes, key=lambda ln: (-ln.y1, ln.x0)), "footnote")
        extras[page.number] = side.blocks
    out: list[_Block] = []
    flushed = 0
    for block in flow.blocks:
        while flushed < block.page - 1:
            flushed += 1
            out += extras[flushed]
        out.append(block)
    for n in range(flushed + 1, len(pages) + 1):
        out += extras[n]
    return out


def _body_size(pages: list[_Page]) -> float:
    sizes = Counter(round(ln.size * 2) / 2 for page in pages for ln in page.lines for _ in ln.plain)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def read(data: bytes, name: str) -> Document:
    pages = _pages(data, name)
    if not any(page.lines for page in pages):
        if any(page.images for page in pages):
            return scan.read_scan(data, name, len(pages))
        raise file_error(name, "no readable text (a PDF without text or images)")
    body_size = _body_size(pages)
    _drop_furniture(pages)
    blocks = _blocks(pages, body_size)
    vocab = ocr.Vocabulary.of("\n".join(markup.plain(ln.text) for p in pages for ln in p.lines))
    parts: list[str] = []
    breaks: list[int] = []
    offset = 0
    for block in blocks:
        while len(breaks) < block.page - 1:
            breaks.append(offset)
        text = _text(block, vocab)
        parts.append(text)
        offset += len(text) + 2
    while len(breaks) < len(pages) - 1:
        breaks.append(offset)
    return parse_text("\n\n".join(parts) + "\n", name, "unicode", media_type=MEDIA_TYPE, page_breaks=tuple(breaks),
                      structured=True)


def _sniff(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


READER = register(Reader(MEDIA_TYPE, (".pdf",), _sniff, read))
