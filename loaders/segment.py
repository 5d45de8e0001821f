"""Decoded text to front matter, sections and paragraphs (footnotes and list items included).

Why this shape: every format is first cut into blank-line blocks, then into units (a heading, a
paragraph, a list item, a footnote), so that markdown, drafts, clean text and OCR share one path
and differ only in how lines are grouped.

Headings: a markdown `#` line; a numbered line ("1.", "II.", "-IV-", "(a)", "1.2") that is short
and does not end a sentence; an ALL-CAPS line ("INTRODUCTION"), or an all-caps label with a
subtitle ("COMMON THREATS: The main ..."); a short line that is wholly bold or italic; in clean
text a short Title-Case line standing alone, and the document's first short line.
Levels: each numbering style (and each `#` depth, where a text uses more than one) keeps the
level it had when first seen; the first style is level 1, a new style met later nests under the
open heading; unnumbered headings sit one level under the last numbered one (level 1 before any).
Front matter (institution, dateline, number, codes, NOTE, From/To, Subject) is not body text:
everything up to the "Subject:" line, then any leading blocks made only of such lines.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from iskg.loaders import markup, ocr
from iskg.loaders.model import DocumentFormat, Paragraph, Section
from iskg.loaders.ocr import Line

_LAYOUT = json.loads((Path(__file__).parent / "data" / "layout.json").read_text(encoding="utf-8"))


def _rx(key: str) -> re.Pattern[str]:
    return re.compile(_LAYOUT[key]["pattern"])


_BULLET, _OCR_BULLET, _ENUM = _rx("bullet"), _rx("ocr_bullet"), _rx("enumerator")
_ATX, _SETEXT, _CAPS_LED, _RULE = _rx("atx_heading"), _rx("setext_underline"), _rx("caps_led_heading"), _rx("rule")
_TABLE, _TABLE_SEP = _rx("table_row"), _rx("table_separator")
_PLAIN_NOTE, _REFERENCE, _MARKERS = _rx("plain_footnote_start"), _rx("reference_start"), _rx("footnote_markers")
_SUBJECT, _LABEL, _COLUMNS = _rx("subject"), _rx("label_line"), _rx("header_columns")
_NOTES = [re.compile(p["pattern"]) for p in _LAYOUT["footnote_starts"]]
_SCHEMES = [(p["why"].split(":")[0], re.compile(p["pattern"])) for p in _LAYOUT["numbering_schemes"]]
_HEAD = [re.compile(p["pattern"]) for p in _LAYOUT["head_furniture"]]
_TAG = re.compile(r"</?\w+>")

MAX_HEADING_CHARS = 160
MAX_HEADING_WORDS = 22
MAX_CAPS_WORDS = 14
MAX_TITLE_WORDS = 12
SUBJECT_WITHIN_LINES = 60
FRONT_MATTER_UNITS = 12
# a text box (sidebar) between the halves of a sentence: at most this many units of this many lines
MAX_BOX_UNITS = 6
MAX_BOX_LINES = 8
_UNNUMBERED = frozenset({"caps", "emph", "title"})


@dataclass
class Unit:
    """Lines that make one heading, paragraph, list item, footnote or rule."""

    kind: str  # "para" | "footnote" | "heading" | "rule"
    lines: list[Line]
    raw: list[str]
    block_start: bool = False
    bullet: bool = False
    atx: int = 0
    scheme: str | None = None
    aside: bool = False  # in a text box set between the halves of a sentence
    row_head: str = ""  # in a table's row: its first cell, as printed


@dataclass
class Layout:
    """What segmentation found: front matter lines (markup removed), sections and paragraphs;
    `header`: the front matter's blocks as text, one paragraph each, for what they name."""

    head: list[list[str]] = field(default_factory=list)
    subject: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    header: list[Paragraph] = field(default_factory=list)


def _bare(text: str) -> str:
    """The text without trailing emphasis marks, tags and spaces.

    Peeled from the end, never copying: a regex of nested repeats ("(?:[*_~]+|…)+$") backtracks
    exponentially on a line like "Signed: ______________________ on".
    """
    end = len(text)
    while True:
        cut = end
        while cut and (text[cut - 1].isspace() or text[cut - 1] in "*_~"):
            cut -= 1
        if cut and text[cut - 1] == ">":
            start = text.rfind("<", 0, cut)
            if start >= 0 and _TAG.fullmatch(text, start, cut):
                cut = start
        if cut == end:
            return text[:end]
        end = cut


def _note_number(m: re.Match[str]) -> str:
    """The number of a note printed as a plain number, bare or in brackets."""
    return next(g for g in m.groups() if g)


def _footnote_start(text: str, refs: frozenset[str]) -> re.Match[str] | None:
    for pattern in _NOTES:
        if m := pattern.match(text):
            return m
    m = _PLAIN_NOTE.match(text)
    if m and (_note_number(m) in refs or _REFERENCE.match(text[m.end():])):
        return m
    return None


def _caps(plain: str) -> bool:
    letters = [c for c in plain if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _numbering(plain: str) -> str | None:
    return next((name for name, rx in _SCHEMES if rx.match(plain)), None)


def _strong_heading(plain: str) -> bool:
    """Headings that OCR'd text shows too: numbered, all caps, or a caps label with subtitle."""
    if not plain or len(plain) > MAX_HEADING_CHARS or ocr.ends_sentence(plain) or plain.endswith(","):
        return False
    words = len(plain.split())
    if _numbering(plain):
        return words <= MAX_HEADING_WORDS and any(c.isalpha() for c in plain.split(None, 1)[-1])
    return words <= MAX_CAPS_WORDS and (_caps(plain) or bool(_CAPS_LED.match(plain)))


def _title_case(plain: str) -> bool:
    words = plain.split()
    long = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return (0 < len(words) <= MAX_TITLE_WORDS and plain[:1].isupper() and bool(long)
            and sum(w[:1].isupper() for w in long) >= 0.6 * len(long))


def _classify(unit: Unit, fmt: DocumentFormat, alone: bool) -> None:
    """Turn a paragraph unit into a heading when it looks like one; set its numbering scheme."""
    if unit.kind != "para" or unit.bullet:
        return
    raw = "\n".join(unit.raw)
    rendered = markup.formatted(raw)
    plain = rendered.text
    if unit.atx:
        unit.kind, unit.scheme = "heading", _numbering(plain) or f"atx{unit.atx}"
        return
    if not plain or len(plain) > MAX_HEADING_CHARS or ocr.ends_sentence(plain) or plain.endswith(","):
        return
    if len(unit.lines) <= 2 and _strong_heading(plain):
        unit.kind, unit.scheme = "heading", _numbering(plain) or "caps"
    elif fmt != "ocr" and len(unit.lines) <= 3 and rendered.emphasised:
        unit.kind, unit.scheme = "heading", _numbering(plain) or "emph"
    elif fmt != "ocr" and alone and len(unit.lines) == 1 and _title_case(plain) and not ocr.dangling(plain):
        unit.kind, unit.scheme = "heading", "title"


def _flatten_single_depth(units: list[Unit]) -> None:
    """A text whose `#` headings all have one depth says nothing about nesting by it: its
    unnumbered `#` headings rank like capitals, under the numbered ones ('## 3. NEXT STEPS' is
    not nested under '## STRATEGIC GUIDELINES FOR ACTION')."""
    if len({u.atx for u in units if u.kind == "heading" and u.atx}) == 1:
        for u in units:
            if u.kind == "heading" and u.scheme == f"atx{u.atx}":
                u.scheme = "caps"


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for ln in lines:
        if ln.blank:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(ln)
    return [b for b in blocks if b]


@dataclass
class _Splitter:
    """Cuts one block into units."""

    fmt: DocumentFormat
    wrapped: bool
    width: int
    refs: frozenset[str]

    def split(self, block: list[Line]) -> list[Unit]:
        units: list[Unit] = []
        local = ocr.local_width([ln.text for ln in block], self.width)
        bullet_rx = _OCR_BULLET if self.fmt == "ocr" or self.wrapped else _BULLET
        for i, ln in enumerate(block):
            text, prev = ln.text, (block[i - 1].text if i else "")
            cur = units[-1] if units else None
            if _SETEXT.match(text) and cur and cur.kind == "para" and len(cur.lines) == 1 and i:
                cur.atx = 1 if text.startswith("=") else 2
                continue
            if _RULE.match(text):
                units.append(Unit("rule", [ln], []))
                continue
            if _TABLE.match(text):
                if not _TABLE_SEP.match(text):
                    cells = [c.strip() for c in text.strip("|").split("|")]
                    units.append(Unit("para", [ln], ["; ".join(c for c in cells if c)],
                                      row_head=next((c for c in cells if c), "")))
                continue
            if m := _ATX.match(text):
                units.append(Unit("para", [ln], [text[m.end():].rstrip("#").strip()], atx=len(m.group(1))))
                continue
            if (m := _footnote_start(text, self.refs)) and (not cur or self._may_start(prev, text, local)):
                units.append(Unit("footnote", [ln], [text[m.end():]]))
                continue
            if m := bullet_rx.match(text):
                units.append(Unit("para", [ln], [text[m.end():]], bullet=True))
                continue
            if cur is None or cur.kind == "rule" or cur.atx or self._new_unit(prev, text, local, cur):
                units.append(Unit("para", [ln], [text]))
                continue
            cur.lines.append(ln)
            cur.raw.append(text)
        if units:
            units[0].block_start = True
        return units

    def _may_start(self, prev: str, text: str, local: int) -> bool:
        return not self.wrapped or ocr.ends_sentence(_bare(prev)) or len(prev) < ocr.FULL_LINE * local

    def _new_unit(self, prev: str, text: str, local: int, cur: Unit) -> bool:
        prev_plain, plain = markup.plain(prev), markup.plain(text)
        if _ENUM.match(plain) and self._may_start(prev, text, local):
            return True
        if cur.kind == "footnote":
            return False
        heading_before = len(cur.lines) == 1 and _strong_heading(markup.plain("\n".join(cur.raw)))
        if self.wrapped:
            if ocr.breaks_after(_bare(prev), plain, local):
                return True
            if _strong_heading(plain) and (ocr.ends_sentence(_bare(prev)) or heading_before):
                return True
            return heading_before and plain[:1].isupper() and len(prev) < ocr.FULL_LINE * local
        if ocr.ends_sentence(_bare(prev)):
            return True
        return heading_before and len(plain) >= max(60, 2 * len(prev_plain))


def _merge_broken(units: list[Unit], width: int, strict: bool) -> list[Unit]:
    """Join a paragraph that a stray blank line or a footnote cut in two. A text box (a sidebar)
    may stand between the halves: when a sentence is left unfinished and, after a few
    self-contained units (each ends a sentence, is a heading, a short line or a frame
    of no words), a unit starts in lower case, that unit is the continuation and the box stays
    where it is. `strict` (clean, unwrapped text): only a lower-case continuation is joined, next
    to its paragraph or past a box."""
    out: list[Unit] = []
    deferred: dict[int, Unit] = {}  # unit position -> the paragraph it continues
    reopened: Unit | None = None  # a paragraph continued past a box stays open
    box_end = 0  # units before this position are in a box
    for k, u in enumerate(units):
        if k in deferred:
            reopened = deferred.pop(k)
            reopened.lines.extend(u.lines)
            reopened.raw.extend(u.raw)
            continue
        prev = reopened or _open_paragraph(out)
        reopened = None
        # front-matter furniture (a dateline, a document number) is never a sentence left unfinished
        if prev is not None and k >= box_end and not _is_head_furniture(prev):
            tail, local = _bare(prev.raw[-1]), ocr.local_width(prev.raw, width)
            after = _after_box(units, k, local)
            if after is not None and not ocr.ends_sentence(tail):
                deferred[after], box_end = prev, after
                for box in units[k:after]:  # a box's title is not a section heading
                    box.kind = "para" if box.kind == "heading" else box.kind
                    box.aside = True
            elif _continuable(u) and ocr.continues(tail, u.raw[0], local, strict):
                prev.lines.extend(u.lines)
                prev.raw.extend(u.raw)
                reopened = prev if prev is not (out[-1] if out else None) else None
                continue
        out.append(u)
    return out


def _after_box(units: list[Unit], k: int, width: int) -> int | None:
    """The position of the lower-case unit that follows a box starting at unit `k`, if any."""
    for j in range(k, min(len(units), k + MAX_BOX_UNITS + 1)):
        u = units[j]
        if j > k and _continuable(u) and u.raw[0][:1].islower():
            return j
        if not _boxed(u, width):
            return None
    return None


def _boxed(u: Unit, width: int) -> bool:
    """A unit that can stand inside a text box: a few lines, each ending a sentence or short,
    and starting with a capital, a digit or no word at all (a frame)."""
    if u.kind not in ("para", "heading", "rule") or u.bullet or len(u.lines) > MAX_BOX_LINES:
        return False
    plain = markup.plain("\n".join(u.raw)).strip()
    first = next((c for c in plain if c.isalnum()), "")
    if not first:
        return True
    return ((first.isupper() or first.isdigit()) and not plain[:1].islower()
            and (u.kind == "heading" or ocr.ends_sentence(_bare(u.raw[-1])) or len(plain) < ocr.FULL_LINE * width))


def _open_paragraph(out: list[Unit]) -> Unit | None:
    """The paragraph the next unit may continue: the last unit, skipping footnotes and rules."""
    j = len(out) - 1
    while j >= 0 and out[j].kind in ("footnote", "rule"):
        j -= 1
    return out[j] if j >= 0 and out[j].kind == "para" else None


def _continuable(u: Unit) -> bool:
    return u.kind == "para" and u.block_start and not u.bullet


def _is_head_furniture(unit: Unit) -> bool:
    plains = [markup.plain(r) for r in unit.raw]
    joined = " ".join(" ".join(plains).split())
    if any(p.search(joined) for p in _HEAD):
        return True
    return all(any(p.search(t) for p in _HEAD) for t in plains if t)


def _front_matter(units: list[Unit], vocab: ocr.Vocabulary) -> tuple[list[Unit], list[Unit], str | None]:
    """Split off the front matter; return (front matter, body, Subject title, with its words hyphenated
    across lines joined as in paragraphs)."""
    subject, cut, seen = None, -1, 0
    for k, u in enumerate(units):
        for i, raw in enumerate(u.raw):
            seen += 1
            if seen > SUBJECT_WITHIN_LINES:
                break
            if m := _SUBJECT.match(markup.plain(raw)):
                parts = [m.group("title")]
                for more in u.raw[i + 1:]:
                    if _LABEL.match(markup.plain(more)):
                        break
                    parts.append(more)
                subject = " ".join(markup.plain(ocr.join(parts, vocab)).split()) or None
                cut = k
                break
        if subject is not None or seen > SUBJECT_WITHIN_LINES:
            break
    head, body = units[:cut + 1], units[cut + 1:]
    rest: list[Unit] = []
    in_front, titled = True, False
    for n, u in enumerate(body):
        if in_front and n < FRONT_MATTER_UNITS:
            if u.kind == "rule":
                continue
            if u.kind in ("para", "heading") and _is_head_furniture(u):
                head.append(u)
                continue
            if titled and rest and rest[-1].kind == "heading" and _subtitle(u):
                rest[-1].lines.extend(u.lines)
                rest[-1].raw.extend(u.raw)
                continue
            if u.kind == "heading" or _front_title(u) or (not titled and cut < 0 and _first_line_title(u)):
                u.kind, u.scheme, titled = "heading", u.scheme or "title", True
                rest.append(u)
                continue
            in_front = False
        rest.append(u)
    return head, [u for u in rest if u.kind != "rule"], subject


def _front_title(unit: Unit) -> bool:
    """A long all-caps title on a front page ('COMMUNICATION FROM THE COMMISSION TO ...')."""
    plain = markup.plain("\n".join(unit.raw))
    return (unit.kind == "para" and not unit.bullet and _caps(plain)
            and len(plain) <= 2 * MAX_HEADING_CHARS and not ocr.ends_sentence(plain))


def _subtitle(unit: Unit) -> bool:
    """A title's lower-case second line ('on the EU Security Union Strategy')."""
    plain = markup.plain("\n".join(unit.raw))
    return (unit.kind == "para" and not unit.bullet and len(unit.lines) <= 2 and plain[:1].islower()
            and len(plain.split()) <= MAX_HEADING_WORDS and not ocr.ends_sentence(plain))


def _first_line_title(unit: Unit) -> bool:
    """The first line of a document without a Subject is its title when short and unfinished."""
    if unit.kind != "para" or unit.bullet or len(unit.lines) != 1:
        return False
    plain = markup.plain(unit.raw[0])
    return (bool(plain) and len(plain.split()) <= MAX_HEADING_WORDS and not ocr.ends_sentence(plain)
            and not plain.endswith(","))


@dataclass
class _Outline:
    """Assigns heading levels and parents (see the module docstring)."""

    sections: list[Section] = field(default_factory=list)
    stack: list[Section] = field(default_factory=list)
    levels: dict[str, int] = field(default_factory=dict)
    numbered_level: int = 0

    def add(self, title: str, scheme: str) -> int:
        numbered = scheme not in _UNNUMBERED
        if not numbered:
            level = self.numbered_level + 1
        elif scheme in self.levels:
            level = self.levels[scheme]
        else:
            level = self.stack[-1].level + 1 if self.numbered_level and self.stack else 1
            self.levels[scheme] = level
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        level = self.stack[-1].level + 1 if self.stack else 1  # levels stay contiguous
        if numbered:
            self.numbered_level = level
        parent = self.stack[-1].index if self.stack else None
        section = Section(len(self.sections) + 1, title, level, parent)
        self.sections.append(section)
        self.stack.append(section)
        return section.index

    @property
    def current(self) -> int | None:
        return self.stack[-1].index if self.stack else None


def segment(text: str, fmt: DocumentFormat, wrapped: bool, *, structured: bool = False) -> Layout:
    """Cut a decoded text into front matter, sections and paragraphs. `structured`: the blocks are
    the file's own paragraphs and its headings are marked (a PDF's layout, HTML, Word), so no block
    is joined to the one before and a lone Title-Case line is not guessed to be a heading."""
    lines = ocr.drop_furniture(ocr.unframe(ocr.split_lines(text)), repeats=fmt == "ocr" or wrapped)
    width = ocr.wrap_width(lines)
    refs = frozenset(next(g for g in m.groups() if g) for m in _MARKERS.finditer(text))
    splitter = _Splitter(fmt, wrapped, width, refs)
    units: list[Unit] = []
    for block in _blocks(lines):
        cut = splitter.split(block)
        for u in cut:
            _classify(u, fmt, alone=len(cut) == 1 and len(block) == 1 and not structured)
        units.extend(cut)
    if not structured:
        units = _merge_broken(units, width, strict=fmt != "ocr" and not wrapped)
    _flatten_single_depth(units)
    vocab, spelling = ocr.Vocabulary.of(text), ocr.Spelling.of(text)
    head, body, subject = _front_matter(units, vocab)
    # a wide gap parts the columns of a two-column front page ('THE EUROPEAN UNION      Brussels, 8 June 2012')
    layout = Layout(head=[[markup.plain(cell) for r in u.raw for cell in _COLUMNS.split(r) if cell.strip()]
                          for u in head], subject=subject)
    # notes printed as bare numbers ('3 Doc. 7120/10'): a number glued to a word is their marker
    bare = frozenset(_note_number(m) for u in units
                     if u.kind == "footnote" and (m := _PLAIN_NOTE.match(u.lines[0].text)))
    bold_added = fmt == "draft" and markup.bold_means_added(text)

    def render(raw: str) -> markup.Rendered:
        return markup.render(raw, bold_added=bold_added, legend=markup.is_legend(raw), refs=refs, bare=bare)

    for u in head:
        if (rendered := render(spelling.repair(ocr.join(u.raw, vocab)))).text:
            layout.header.append(Paragraph(index=len(layout.header) + 1, text=rendered.text,
                                           source_start=u.lines[0].start, source_end=u.lines[-1].end,
                                           revisions=rendered.revisions))
    outline = _Outline()
    for u in body:
        raw = spelling.repair(ocr.join(u.raw, vocab))
        if u.kind == "heading":
            title = " ".join(markup.plain(raw).split())
            if title:
                outline.add(title, u.scheme or "caps")
            continue
        rendered = render(raw)
        if not rendered.text and not rendered.revisions:
            continue
        layout.paragraphs.append(Paragraph(
            index=len(layout.paragraphs) + 1, text=rendered.text,
            source_start=u.lines[0].start, source_end=u.lines[-1].end,
            section=outline.current, footnote=u.kind == "footnote", revisions=rendered.revisions,
            item=u.bullet or bool(_ENUM.match(rendered.text)), emphasis=() if bold_added else rendered.emphasis,
            aside=u.aside, row_head=_row_head(rendered.text, render(u.row_head).text if u.row_head else "")))
    layout.sections = outline.sections
    return layout


def _row_head(text: str, head: str) -> int:
    """Where a table row's first cell ends in the row's text (0: no row, or a cell that changed)."""
    return len(head) if head and text.startswith(head) and len(head) < len(text) else 0
