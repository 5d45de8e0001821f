"""Document metadata: own number, date, title, type, and the documents it cites.

Why only the front matter for number and date: a policy text names many dates and documents in
its body (meetings, earlier papers); only the header says which are its own. When the header
prints no date, the date stays None rather than being guessed from the body.
Patterns and word lists: loaders/data/metadata.json.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from iskg.loaders import ocr
from iskg.loaders.model import Citation, Section
from iskg.loaders.segment import Layout

_DATA = json.loads((Path(__file__).parent / "data" / "metadata.json").read_text(encoding="utf-8"))
_MONTHS: dict[str, int] = _DATA["months"]
_MONTH_RX = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{MONTH}", f"(?i:{_MONTH_RX})"))


_NUMBERS = {kind: _rx(p["pattern"]) for kind, p in _DATA["document_numbers"].items()}
_TAIL = _rx(_DATA["codes_tail"]["pattern"])
_MARK = _rx(_DATA["header_marks"]["pattern"])
_NOT_OWN = _rx(_DATA["own_number_exclusions"]["pattern"])
_IN_WORDS = str.maketrans(_DATA["ocr_codes"]["in_words"])
_IN_NUMBERS = str.maketrans(_DATA["ocr_codes"]["in_numbers"])
_NUMBER_LOOKALIKES = frozenset(_DATA["ocr_codes"]["in_numbers"])
_DATES = {kind: _rx(p["pattern"]) for kind, p in _DATA["dates"].items()}
_TYPES = [(r["type"], r["where"], _rx(r["pattern"])) for r in _DATA["doc_types"]]
_KIND_LINES = [_rx(p) for p in _DATA["kind_lines"]["patterns"]]
_MAX_TITLE_WORDS: int = _DATA["kind_lines"]["max_title_words"]
_NUMBERED = _rx(_DATA["kind_lines"]["numbered_heading"])
_NOT_TITLE = _rx(_DATA["kind_lines"]["not_titles"])
# Specific series first: their numbers must not also be read as bare Council numbers.
_ORDER = ("euco", "sn", "wk", "com", "council")
MIN_BARE_DIGITS = 3
OPENING_PARAGRAPHS = 3


@dataclass(frozen=True)
class Number:
    """A document number found in text: canonical identifier, printed form, and where."""

    identifier: str
    printed: str
    start: int
    end: int


@dataclass
class Metadata:
    """The fields of `Document` that describe it rather than its text."""

    identifier: str | None = None
    date: str | None = None
    title: str | None = None
    doc_type: str | None = None
    citations: list[Citation] = field(default_factory=list)


def _rev(group: str | None) -> str:
    digits = re.sub(r"\D", "", group or "")
    return f" REV {int(digits)}" if digits else ""


def _canonical(kind: str, m: re.Match[str]) -> str | None:
    if kind == "com":
        return f"{m.group('series')}({m.group('year')}) {int(m.group('num'))} final"
    if kind == "council":
        if not m.group("prefix") and len(m.group("num").split("/")[0]) < MIN_BARE_DIGITS:
            return None
        extras = "".join(f" {a} {int(n)}{_rev(r)}" for a, n, r in
                         re.findall(r"(ADD|COR|AMD)\s*(\d+)((?:\s*(?i:rev)\.?\s*\d+)?)", m.group("extra") or ""))
        return f"{m.group('num')}{_rev(m.group('rev'))}{extras}"
    return f"{kind.upper()} {m.group('num')}{_rev(m.group('rev'))}"


def find_numbers(text: str) -> list[Number]:
    """Every document number in `text`, in order, each with its printed form (subject codes kept)."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for kind in _ORDER:
        for m in _NUMBERS[kind].finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            identifier = _canonical(kind, m)
            if identifier is None:
                continue
            start = m.start("num") if kind == "council" else m.start()
            end = m.end() if kind == "com" else _TAIL.match(text, m.end()).end()
            found.append(Number(identifier, " ".join(text[start:end].split()), m.start(), end))
            taken.append((m.start(), end))
    return sorted(found, key=lambda n: n.start)


def number_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every document number in `text`, its subject codes included: the words
    there ('9596/06 JAI 271 CATS 104') file a document, they name no body."""
    return [(n.start, n.end) for n in find_numbers(text)]


def _unconfused(word: str) -> str:
    """A code word or number as printed, before a scan confused its letters and digits: a number
    where it has a digit and only letters that look like digits ('3OO'), else a word ('C0RDROGUE')."""
    number = any(c.isdigit() for c in word) and all(c in _NUMBER_LOOKALIKES for c in word if c.isalpha())
    return word.translate(_IN_NUMBERS if number else _IN_WORDS)


def header_number_spans(blocks: list[str]) -> list[list[tuple[int, int]]]:
    """`number_spans` of each header block, where a block of subject codes alone ('COSI 164 CATS 79
    ENFOPOL 243') printed under a number ('11518/1/20 REV 1'), with only marks between ('LIMITE'),
    is that number's too, all of it."""
    out: list[list[tuple[int, int]]] = []
    after_number = False
    for text in blocks:
        spans = number_spans(text)
        if after_number and not spans and _MARK.match(text.strip()):
            out.append([])
            continue
        if not spans and after_number and _TAIL.fullmatch(" " + " ".join(map(_unconfused, text.split()))):
            spans = [(0, len(text))]
        after_number = bool(spans) and spans[-1][1] == len(text.rstrip())
        out.append(spans)
    return out


def _whole_number(text: str) -> str | None:
    text = text.strip()
    numbers = find_numbers(text)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(text):
        return numbers[0].identifier
    return None


def own_number(head: list[list[str]]) -> str | None:
    """The number printed on a header line of its own (possibly with its 'REV n' on the next)."""
    lines = [line for block in head for line in block]
    for i, line in enumerate(lines):
        if _NOT_OWN.search(line):
            continue
        # its 'REV n' may stand in a block of its own
        pair = f"{line} {lines[i + 1]}" if i + 1 < len(lines) else ""
        if found := (_whole_number(pair) if pair else None) or _whole_number(line):
            return found
    return None


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    month = groups.get("mon") or groups.get("month")
    if month is None:
        return f"{year:04d}"
    month_no = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    if not groups.get("day"):
        return f"{year:04d}-{month_no:02d}"
    try:
        return dt.date(year, month_no, int(groups["day"])).isoformat()
    except ValueError:
        return None


def header_date(lines: list[str]) -> str | None:
    """The date of issue from header lines: a dateline first, then a meeting note, then a date alone."""
    for kind in ("dateline", "dateline_numeric", "meeting_note", "date_line", "year_line"):
        for line in lines:
            if (m := _DATES[kind].search(line.strip())) and (iso := _iso(m)):
                return iso
    return None


def _opening(layout: Layout) -> list[str]:
    """Header lines plus the titles of the sections that come before the first paragraph."""
    lines = [line for block in layout.head for line in block]
    limit = (layout.paragraphs[0].section or 0) if layout.paragraphs else len(layout.sections)
    return lines + [s.title for s in layout.sections if s.index <= limit]


def _is_kind_line(line: str) -> bool:
    return any(rx.search(line.strip()) for rx in _KIND_LINES)


def _kind_line(before: list[Section]) -> tuple[str, int] | None:
    """The line saying what kind of document follows, with the lines it runs on into ('… THE COUNCIL,
    THE' / 'EUROPEAN ECONOMIC …'), and the index of its last line in `before`. Lines before it name
    who issues the text ('HIGH REPRESENTATIVE OF THE UNION …'), not what it is called."""
    start = next((i for i, s in enumerate(before) if _is_kind_line(s.title)), None)
    if start is None:
        return None
    end = start
    while end + 1 < len(before) and (ocr.dangling(before[end].title) or before[end].title.endswith(",")):
        end += 1
    return " ".join(s.title for s in before[start:end + 1]), end


def _printed_under(layout: Layout, section: Section) -> str | None:
    """The first paragraph, when it is printed right under `section` and is short and unfinished
    enough to be (the rest of) a title."""
    if not layout.paragraphs:
        return None
    first = layout.paragraphs[0]
    words = first.text.split()
    if first.section == section.index and 0 < len(words) <= _MAX_TITLE_WORDS \
            and not first.text.rstrip().endswith((".", ";")):
        return first.text.strip()
    return None


def _title(layout: Layout) -> str | None:
    """The subject line, else the first heading before the text; a heading saying only what kind of
    document follows ('COMMUNICATION FROM THE COMMISSION TO …') gives way to the unnumbered heading
    after it, or to a first paragraph short enough to be the title printed under it. A heading that
    names a part of any text ('INTRODUCTION') is no title; one cut off in mid-phrase goes on in the
    paragraph under it ('REGULATION (EU) No 513/2014 OF THE EUROPEAN PARLIAMENT AND OF' / 'THE COUNCIL
    of 16 April 2014 establishing …')."""
    if layout.subject:
        return layout.subject
    limit = (layout.paragraphs[0].section or 0) if layout.paragraphs else len(layout.sections)
    before = [s for s in layout.sections if s.index <= limit] if layout.sections and limit else []
    if (kind := _kind_line(before)) is None:
        if not before or _NOT_TITLE.match(before[0].title):
            return None
        rest = _printed_under(layout, before[0]) if len(before) == 1 and ocr.dangling(before[0].title) else None
        return f"{before[0].title} {rest}" if rest else before[0].title
    line, end = kind
    if end + 1 < len(before) and not _NUMBERED.match(before[end + 1].title):
        return line if _NOT_TITLE.match(before[end + 1].title) else before[end + 1].title
    if rest := _printed_under(layout, before[end]):
        # a complement printed under the kind line goes on with it ('… COUNCIL' / 'on the EU Security Union Strategy')
        return f"{line} {rest}" if rest[:1].islower() else rest
    return line


def doc_type(identifier: str | None, layout: Layout, title: str | None) -> str | None:
    """The first rule of data/metadata.json 'doc_types' whose pattern matches where it looks."""
    head = "\n".join(line for block in layout.head for line in block)
    opening = "\n".join([title or "", head, *_opening(layout),
                         *(p.text for p in layout.paragraphs[:OPENING_PARAGRAPHS])])
    where = {"identifier": identifier or "", "head": head, "title": title or "", "opening": opening}
    return next((kind for kind, at, rx in _TYPES if rx.search(where[at])), None)


def citations(layout: Layout, own: str | None) -> list[Citation]:
    """Cited documents in order of appearance, first occurrence of each, own number excluded."""
    sources: list[tuple[str, int | None]] = [("\n".join(block), None) for block in layout.head]
    sources += [(p.text, p.index) for p in layout.paragraphs]
    seen = {own} if own else set()
    out: list[Citation] = []
    for text, where in sources:
        for n in find_numbers(text):
            if n.identifier not in seen:
                seen.add(n.identifier)
                out.append(Citation(n.identifier, n.printed, where))
    return out


def describe(layout: Layout) -> Metadata:
    """All metadata of one segmented document."""
    identifier = own_number(layout.head)
    title = _title(layout)
    return Metadata(identifier, header_date(_opening(layout)), title,
                    doc_type(identifier, layout, title), citations(layout, identifier))

