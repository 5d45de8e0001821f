"""Lines of hard-wrapped and OCR'd text: page furniture, hyphenation and broken paragraphs.

Why a module of its own: scanned and PDF-extracted texts break paragraphs into lines, words at
line ends, and sentences at page ends, and repeat headers and footers on every page. These
functions undo that, line by line, without knowing anything about markup or headings.

Hyphenation rule (a word split as "xxx-" / "yyy" over a line end), first that applies:
1. the part after starts with a capital or digit, or the part before ends in one ("non-EU",
   "EU-wide", "COVID-19"): keep the hyphen;
2. the joined word is printed elsewhere in the same document ("organised"): drop it;
3. the hyphenated word is printed elsewhere in the document ("cross-border"): keep it;
4. the part before is a usual compound first element ("cross", "counter", "self", ...) or the
   part after a usual second element ("led", "based", "border", ...), lists in
   data/hyphenation.json: keep it;
5. both halves are words of at least four letters printed elsewhere in the document
   ("border-management"): keep it;
6. otherwise it is an end-of-line syllable break ("orga-nised"): drop it.

Paragraphs: inside a block of lines, a new paragraph starts after a line that ends a sentence
when the next line's first word would have fitted on it (so the break was the author's). Across a
blank line, a paragraph goes on when its sentence is unfinished and the next line starts in lower
case, or the last line dangles ("... internal" / "the"), or it is a full line; after a comma only
when the next word could not have fitted (recitals end with commas). Furniture: page numbers,
"EN", "DG H 1A", "7120/10 ... EN", typist initials ("GS/np"), and short lines repeated three
times or at the top/bottom of two pages (data/layout.json "ocr_furniture"). Text boxes drawn
with frames lose them and stand as blocks of their own (segment.py keeps them apart from a
sentence they interrupt).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from iskg.loaders.tokens import ocr_fold

_HERE = Path(__file__).parent / "data"
_LAYOUT = json.loads((_HERE / "layout.json").read_text(encoding="utf-8"))
_HYPHEN = json.loads((_HERE / "hyphenation.json").read_text(encoding="utf-8"))
_FURNITURE = [re.compile(p["pattern"]) for p in _LAYOUT["ocr_furniture"]]
_NUMBERED_PART = re.compile(_LAYOUT["numbered_parts"]["pattern"])
_BOX_BORDER = re.compile(_LAYOUT["box_border"]["pattern"])
_BOX_SIDES = re.compile(_LAYOUT["box_sides"]["pattern"])
_TERMINAL = re.compile(_LAYOUT["terminal_punctuation"]["pattern"])
_SENTENCE_END = re.compile(_LAYOUT["sentence_end"]["pattern"])
CONTINUATION = frozenset(_LAYOUT["continuation_words"]["words"])
_FIRST_PARTS = frozenset(_HYPHEN["first_parts"])
_SECOND_PARTS = frozenset(_HYPHEN["second_parts"])
_MIN_HALF = int(_HYPHEN["min_half_letters"])

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_BROKEN = re.compile(r"[A-Za-z]+-[ \t]*\n\s*[A-Za-z]+")
_LEFT = re.compile(r"([A-Za-z0-9]+)-$")
_RIGHT = re.compile(r"^([A-Za-z0-9]+)")

# A text is hard-wrapped when most lines are of similar, moderate length and run on.
WRAP_MIN_LINES = 10
WRAP_MAX_P90 = 130
WRAP_MIN_MEDIAN = 40
WRAP_MIN_RUN_ON = 0.5
# A line at least this share of the wrap width long was filled by wrapping.
FULL_LINE = 0.75
# Proportional fonts: a word "fits" on a line only if it fits within this share of the width.
FIT_SLACK = 0.95
# A repeated line is page furniture when it is this short and repeats this often.
REPEAT_MAX_LEN = 80
REPEAT_MIN_COUNT = 3
PAGE_EDGE_LINES = 2
# OCR repair from the document's own words (Spelling): a word printed this often, this many times
# as often as a misreading of it, of at least this many letters (four-letter words meet under the
# folding: "ease" and "case"; a mix of letters and digits, which no word is: two)
SPELLING_MIN_COMMON = 3
SPELLING_RATIO = 2
SPELLING_MIN_LENGTH = 5
# Shorter words ('thc', 'ln', 'wlth') are repaired only into a word that is this share of all the
# words printed and this many times as common as the misreading: function words, not 'case' for 'ease'.
SPELLING_SHORT_MIN_SHARE = 0.003
SPELLING_SHORT_RATIO = 10


@dataclass(frozen=True)
class Line:
    """One source line: its text without surrounding whitespace and where that text lies."""

    text: str
    start: int
    end: int
    page_break: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """All lines with code-point offsets; a form feed marks a page break."""
    lines, offset = [], 0
    for raw in text.split("\n"):
        content = raw.replace("\f", " ").replace("\v", " ")
        stripped = content.strip()
        lead = len(content) - len(content.lstrip())
        start = offset + lead if stripped else offset
        lines.append(Line(stripped, start, start + len(stripped), "\f" in raw))
        offset += len(raw) + 1
    return lines


def unframe(lines: list[Line]) -> list[Line]:
    """Text boxes without their frames: a border ('+----+', box-drawing characters) becomes a
    blank line, so that the box is a block of its own, and side bars are taken off its lines
    ('|' only between '+--+' borders, where it cannot be a table's)."""
    out, inside = [], False
    for ln in lines:
        if _BOX_BORDER.match(ln.text):
            inside = not inside
            out.append(Line("", ln.start, ln.start, ln.page_break))
            continue
        m = _BOX_SIDES.match(ln.text) if inside or ln.text[:1] != "|" else None
        if m:
            text = m.group(1).strip()
            start = ln.start + ln.text.find(text) if text else ln.start
            ln = Line(text, start, start + len(text), ln.page_break)
        out.append(ln)
    return out


def _p(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0


def wrap_width(lines: list[Line]) -> int:
    """The usual length of a full line (90th percentile)."""
    return max(1, _p([len(ln.text) for ln in lines if not ln.blank], 0.9))


def is_wrapped(lines: list[Line]) -> bool:
    """Hard-wrapped text: many moderate, similar-length lines that mostly run on into the next."""
    lengths = [len(ln.text) for ln in lines if not ln.blank]
    longish = [ln.text for ln in lines if len(ln.text) >= 30]
    if len(longish) < WRAP_MIN_LINES:
        return False
    run_on = sum(1 for t in longish if not _TERMINAL.search(t)) / len(longish)
    return _p(lengths, 0.9) <= WRAP_MAX_P90 and _p(lengths, 0.5) >= WRAP_MIN_MEDIAN and run_on >= WRAP_MIN_RUN_ON


def _shape(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text).casefold().split())


def is_furniture(text: str) -> bool:
    """Page numbers, language codes, document-number headers and footers, typist initials."""
    return any(p.search(text) for p in _FURNITURE)


def _page_edges(lines: list[Line]) -> list[int]:
    """Indexes of the first and last non-blank lines of each page (pages split at form feeds)."""
    pages: list[list[int]] = [[]]
    for i, ln in enumerate(lines):
        if ln.page_break and pages[-1]:
            pages.append([])
        if not ln.blank:
            pages[-1].append(i)
    if len(pages) < 2:
        return []
    return [i for page in pages for i in page[:PAGE_EDGE_LINES] + page[-PAGE_EDGE_LINES:]]


def drop_furniture(lines: list[Line], repeats: bool = True) -> list[Line]:
    """The lines without page furniture: known patterns, and (with `repeats`, for scanned or
    wrapped text) short lines repeated across the document or at the top or bottom of pages.
    The front page's own lines, before its first finished sentence and below the page's top, keep
    their first printing: a running header repeats the document's number or title ('COM(2014) 154
    final'), which the front page prints once among its other lines."""
    counts = Counter(_shape(ln.text) for ln in lines if not ln.blank) if repeats else Counter()
    edges = set(_page_edges(lines)) if repeats else set()
    edge_counts = Counter(_shape(lines[i].text) for i in edges)
    front = next((i for i, ln in enumerate(lines) if _SENTENCE_END.search(ln.text) or ln.page_break), len(lines))
    top = set(sorted(edges)[:PAGE_EDGE_LINES])
    first = {_shape(ln.text): i for i, ln in reversed(list(enumerate(lines[:front]))) if i not in top}
    keep = []
    for i, ln in enumerate(lines):
        if not ln.blank:
            shape = _shape(ln.text)
            # a finished sentence, or a legal act's 'Article 3', is text however often its shape recurs
            loose = not _SENTENCE_END.search(ln.text) and not _NUMBERED_PART.match(ln.text.strip())
            repeated = counts[shape] >= REPEAT_MIN_COUNT and len(ln.text) <= REPEAT_MAX_LEN and loose
            on_edges = i in edges and edge_counts[shape] >= 2 and loose
            if is_furniture(ln.text) or ((repeated or on_edges) and first.get(shape) != i):
                if ln.page_break:
                    keep.append(Line("", ln.start, ln.start, True))
                continue
        keep.append(ln)
    return keep


@dataclass(frozen=True)
class Vocabulary:
    """The words a document prints whole (line-end breaks removed), to judge split words."""

    words: frozenset[str]
    compounds: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        tokens = [t.lower() for t in _WORD.findall(_BROKEN.sub(" ", text))]
        words = {part for t in tokens for part in t.split("-")}
        return cls(frozenset(words), frozenset(t for t in tokens if "-" in t))


_TOKEN = re.compile(r"</?\w+[^>\n]*>|[^\W_]+")


def _case_like(word: str, model: str) -> str:
    """`word` (as the document mostly prints it) in the capitals of `model`: all capitals, a
    capital first, or lower case; a misreading that starts with a digit ('0f', '0ctober') says
    nothing of its first letter's case, and the word keeps the document's own."""
    letters = [c for c in model if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and (len(letters) > 1 or model[:1].isdigit()):
        return word.upper()
    if model[:1].isdigit():
        return word
    return word[:1].upper() + word[1:] if model[:1].isupper() else word.lower()


@dataclass(frozen=True)
class Spelling:
    """The words a document prints often, under their OCR-folded form (tokens.ocr_fold), so that
    a rare misreading of one ('Seeurity', 'hurnan', 't0', 'thc') is read as the word the rest of the
    document prints. A word is only ever repaired into another word of the same document that
    is printed at least SPELLING_MIN_COMMON times and SPELLING_RATIO times as often as it (a
    short word: into one of the document's commonest words, SPELLING_SHORT_*)."""

    words: dict[str, str]

    @classmethod
    def of(cls, text: str) -> Spelling:
        printed = Counter(m.group() for m in _TOKEN.finditer(_BROKEN.sub(" ", text)) if m.group()[0] != "<")
        counts: Counter[str] = Counter()
        usual: dict[str, str] = {}  # lower case -> the form printed most often
        for form, n in sorted(printed.items(), key=lambda kv: (-kv[1], kv[0])):
            counts[form.lower()] += n
            usual.setdefault(form.lower(), form)
        best: dict[str, tuple[int, str]] = {}
        for word, n in sorted(counts.items()):
            if n >= SPELLING_MIN_COMMON and word.isalpha():
                key = ocr_fold(word)
                if n > best.get(key, (0, ""))[0]:
                    best[key] = (n, word)
        total = sum(counts.values())
        words = {}
        for word, n in counts.items():
            common = best.get(ocr_fold(word))
            if not common or common[1] == word:
                continue
            if _repairable(word) and common[0] >= SPELLING_RATIO * n \
                    or word.isalpha() and len(word) > 1 and common[0] >= SPELLING_SHORT_RATIO * n \
                    and common[0] >= SPELLING_SHORT_MIN_SHARE * total:
                words[word] = usual[common[1]]
        return cls(words)

    def repair(self, text: str) -> str:
        if not self.words:
            return text

        def one(m: re.Match[str]) -> str:
            word = m.group()
            right = self.words.get(word.lower()) if word[0] != "<" else None
            return _case_like(right, word) if right else word

        return _TOKEN.sub(one, text)


def _repairable(word: str) -> bool:
    """Long enough to be told apart, or a mix of letters and digits (no word is); a number is no
    misreading of a word ('10155' is not 'loss')."""
    letters = any(c.isalpha() for c in word)
    mixed = letters and any(c.isdigit() for c in word)
    return letters and (len(word) >= SPELLING_MIN_LENGTH or (mixed and len(word) >= 2))


def keep_hyphen(left: str, right: str, vocab: Vocabulary) -> bool:
    """Whether 'left-' at a line end and 'right' on the next line form a hyphenated compound."""
    if right[:1].isupper() or right[:1].isdigit() or left[-1:].isupper() or left[-1:].isdigit():
        return True
    joined, compound = (left + right).lower(), f"{left}-{right}".lower()
    if joined in vocab.words:
        return False
    if compound in vocab.compounds:
        return True
    if left.lower() in _FIRST_PARTS or right.lower() in _SECOND_PARTS:
        return True
    halves = (left.lower(), right.lower())
    return all(len(h) >= _MIN_HALF and h in vocab.words for h in halves)


def join(texts: list[str], vocab: Vocabulary) -> str:
    """Lines of one paragraph as one string: line ends become newlines (whitespace to the
    markup renderer), and words split by a line-end hyphen are joined by the rule above."""
    out = ""
    for text in texts:
        left = _LEFT.search(out)
        right = _RIGHT.match(text)
        if out and left and right and left.group(1)[-1:].isalpha():
            out = out if keep_hyphen(left.group(1), right.group(1), vocab) else out[:-1]
            out += text
        else:
            out = f"{out}\n{text}" if out else text
    return out


def ends_sentence(text: str) -> bool:
    """The line ends a sentence or introduces what follows ('.', '!', '?', ':', ';')."""
    return bool(_TERMINAL.search(text))


def _fits(prev: str, nxt: str, width: int) -> bool:
    """Whether the first word of `nxt` would have fitted at the end of `prev`: if so, the line
    break was the author's, not the wrapping's (character counts, with slack for proportional fonts)."""
    first = nxt.split(None, 1)[0] if nxt.strip() else ""
    return len(prev) + 1 + len(first) <= FIT_SLACK * width


def dangling(prev: str) -> bool:
    """The line ends with a hyphen or a function word ("the", "of"): unfinished. (Not a comma:
    the recitals of Council conclusions end with one, each a paragraph of its own.)"""
    words = prev.split()
    return prev.endswith("-") or bool(words and words[-1].lower() in CONTINUATION)


def continues(prev: str, nxt: str, width: int, strict: bool = False) -> bool:
    """Whether a paragraph that ends with line `prev` goes on with line `nxt` after a stray blank
    line: its sentence is unfinished, and the next line starts in lower case, or (unless
    `strict`) the previous line dangles or is a full line (a short unfinished line followed by a
    capital may be a heading, and is left alone). After a comma a capital starts a new paragraph
    (a recital) unless its first word could not have fitted on the line."""
    if ends_sentence(prev):
        return False
    if nxt[:1].islower():
        return True
    if strict:
        return False
    if prev.endswith(","):
        return not _fits(prev, nxt, width)
    return dangling(prev) or len(prev) >= FULL_LINE * width


def breaks_after(prev: str, nxt: str, width: int) -> bool:
    """Whether a new paragraph starts at `nxt` inside a block of wrapped lines: `prev` ends a
    sentence, the next word would have fitted on it, and `nxt` starts like a sentence."""
    if not ends_sentence(prev) or not _fits(prev, nxt, width):
        return False
    first = nxt[:1]
    return first.isupper() or first.isdigit() or first in "\"'\u201c\u2018("


def local_width(texts: list[str], width: int) -> int:
    """The wrap width of a group of lines: their longest when there are enough of them."""
    return max(len(t) for t in texts) if len(texts) >= 3 else width
