"""Inline markup: which conventions a text uses, and turning marked-up text into clean paragraph text.

Why one scanner: markdown emphasis, HTML tags, footnote markers and revision marks nest and overlap;
reading them in one left-to-right pass is the only way to keep revision offsets exact.

Rules (documented in loaders/data/markup.json too):
- `~~…~~`, `<del>`, `<s>`, `[deleted: …]` are deleted text: removed from the paragraph text and
  recorded as `Revision("deleted", pos, pos, words)` where pos is where the words stood.
- `<ins>`, `[added: …]` are added text; bold (`**`, `__`, `<b>`, `<strong>`, `<u>`) is added text only
  when the document says its changes are marked in bold ("bold means added"). Bold in headings is
  always formatting (segment.py renders headings without revisions), and the sentence that declares
  the convention is a legend whose own markup is formatting.
- Footnote markers are removed: `<sup>1</sup>`, superscript digits, `[1]` when the document has
  footnote 1, and a number glued to a lower-case word ('Programme3') when the document prints
  footnote 3 as a bare number ('3 Doc. 7120/10 ...'), as a scan flattens superscripts.
- Whitespace is collapsed; a space left before punctuation or after an opening bracket by a removed
  deletion or footnote marker is dropped, so no double spaces remain.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from iskg.loaders.model import DocumentFormat, Revision

_DATA = json.loads((Path(__file__).parent / "data" / "markup.json").read_text(encoding="utf-8"))
_DRAFT = [re.compile(p["pattern"]) for p in _DATA["draft_signals"]]
_MARKDOWN = [re.compile(p["pattern"]) for p in _DATA["markdown_signals"]]
_DECLARATION = re.compile(_DATA["bold_declaration"]["pattern"])
_TOKENS = re.compile(_DATA["tokens"]["pattern"])
_BOLD = re.compile(r"\*\*(?=\S)[^*\n]+?\*\*|__(?=\S)[^_\n]+?__|(?i:<(?:b|strong|u)>)")
_CLOSING = frozenset(_DATA["closing_punctuation"])
_OPENING = frozenset(_DATA["opening_brackets"])
_TRANSLATE = {ord(c): None for c in _DATA["invisible"]} | {ord(k): v for k, v in _DATA["ligatures"].items()}
_SPACES = re.compile(r"(\s+)")
_LINE_END = re.compile(r"[ \t]*(?<!\n)\n(?!\s*\n)[ \t]*")


@dataclass(frozen=True)
class Rendered:
    """Clean text, its revisions (offsets into `text`), whether all of it was bold or italic, and the
    (start, end) of its bold or italic runs."""

    text: str
    revisions: tuple[Revision, ...] = ()
    emphasised: bool = False
    emphasis: tuple[tuple[int, int], ...] = ()


def _unwrapped(text: str) -> str:
    """Line ends inside a paragraph as spaces: a declaration wrapped over two lines is one sentence."""
    return _LINE_END.sub(" ", text)


def bold_means_added(text: str) -> bool:
    """True when the document declares that its changes are marked in bold (or underlined)."""
    return bool(_DECLARATION.search(_unwrapped(text))) and bool(_BOLD.search(text))


def is_legend(raw: str) -> bool:
    """A passage declaring the revision convention: its own markup shows the convention, nothing more."""
    return bool(_DECLARATION.search(_unwrapped(raw)))


def detect_format(text: str, wrapped: bool) -> DocumentFormat:
    """draft (revision markup) > markdown (markup) > ocr (hard-wrapped lines) > text."""
    if any(p.search(text) for p in _DRAFT) or bold_means_added(text):
        return "draft"
    if any(p.search(text) for p in _MARKDOWN):
        return "markdown"
    return "ocr" if wrapped else "text"


@dataclass
class _Builder:
    """Collects characters into clean text while keeping revision offsets exact."""

    out: list[str] = field(default_factory=list)
    added: list[list[int]] = field(default_factory=list)
    emphasis: list[list[int]] = field(default_factory=list)
    deletions: list[tuple[int, str]] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    deleted_chars: list[str] = field(default_factory=list)
    removed: bool = False  # something was removed since the last visible character
    last_added: bool = False  # the last visible character was added text
    last_emphasised: bool = False  # the last visible character was bold or italic
    plain_seen: bool = False  # a visible character outside bold/italic was seen

    def _flush_deleted(self) -> None:
        words = " ".join("".join(self.deleted_chars).split())
        self.deleted_chars.clear()
        if words:
            self.pending.append(words)

    def delete(self, chunk: str) -> None:
        self.deleted_chars.append(chunk)
        self.removed = True

    def gap(self) -> None:
        self._flush_deleted()
        self.removed = True

    def put(self, chunk: str, added: bool, emphasised: bool) -> None:
        self._flush_deleted()
        out = self.out
        for part in _SPACES.split(chunk):
            if not part:
                continue
            if part[0].isspace():
                if out and out[-1] != " ":
                    out.append(" ")
                continue
            self._word(part, added, emphasised)

    def _word(self, word: str, added: bool, emphasised: bool) -> None:
        """Append a run of non-space characters, tidying the gap a removal may have left."""
        out = self.out
        tidy = word[0] in _CLOSING or (len(out) >= 2 and out[-2] in _OPENING)
        if self.removed and out and out[-1] == " " and tidy:
            out.pop()
        pos = len(out)
        for words in self.pending:
            self.deletions.append((pos, words))
        self.pending.clear()
        out.extend(word)
        if added:
            if self.last_added and not self.removed and self.added:
                self.added[-1][1] = len(out)
            else:
                self.added.append([pos, len(out)])
        self.last_added = added
        if emphasised:
            if self.last_emphasised and self.emphasis:
                self.emphasis[-1][1] = len(out)
            else:
                self.emphasis.append([pos, len(out)])
        self.last_emphasised = emphasised
        self.removed = False
        self.plain_seen = self.plain_seen or not emphasised

    def finish(self) -> Rendered:
        self._flush_deleted()
        if self.out and self.out[-1] == " ":
            self.out.pop()
        text = "".join(self.out)
        revs = [Revision("deleted", min(pos, len(text)), min(pos, len(text)), words)
                for pos, words in self.deletions]
        revs += [Revision("deleted", len(text), len(text), words) for words in self.pending]
        revs += [Revision("added", s, e, text[s:e]) for s, e in self.added]
        revs.sort(key=lambda r: (r.start, r.end, r.kind))
        runs = tuple((s, min(e, len(text))) for s, e in self.emphasis if s < len(text))
        return Rendered(text, tuple(revs), bool(text) and not self.plain_seen, runs)


@dataclass
class _State:
    bold: bool = False
    bold_tags: int = 0
    italic: bool = False
    strike: bool = False
    del_tags: int = 0
    ins_tags: int = 0
    bracket: str | None = None

    def deleted(self) -> bool:
        return self.strike or self.del_tags > 0 or self.bracket == "deleted"

    def added(self, bold_added: bool) -> bool:
        return self.ins_tags > 0 or self.bracket == "added" or (bold_added and self.is_bold())

    def is_bold(self) -> bool:
        return self.bold or self.bold_tags > 0


def _stars(token: str, before: str, after: str, state: _State) -> bool:
    """Toggle emphasis for a run of '*' or '__'; False when the run is a literal character."""
    if (not before or before.isspace()) and (not after or after.isspace()):
        return False
    if token.startswith("_"):
        if len(token) != 2:
            return False
        state.bold = not state.bold
        return True
    if len(token) % 2:
        state.italic = not state.italic
    if (len(token) // 2) % 2:
        state.bold = not state.bold
    return True


def _tag(token: str, depth: int) -> int:
    return max(0, depth - 1) if token.startswith("</") else depth + 1


def render(raw: str, *, bold_added: bool = False, legend: bool = False,
           refs: frozenset[str] = frozenset(), bare: frozenset[str] = frozenset()) -> Rendered:
    """Clean text of a marked-up passage, with its revisions; `refs` are footnote numbers in use,
    `bare` those of footnotes printed as bare numbers (whose markers a scan glues to the word)."""
    b, st = _Builder(), _State()

    def emit(chunk: str) -> None:
        chunk = chunk.translate(_TRANSLATE)
        if not chunk:
            return
        if st.deleted() and not legend:
            b.delete(chunk)
        else:
            b.put(chunk, st.added(bold_added) and not legend, st.is_bold() or st.italic)

    pos = 0
    for m in _TOKENS.finditer(raw):
        emit(raw[pos:m.start()])
        pos = m.end()
        kind, token = m.lastgroup, m.group()
        if kind == "escape":
            emit(token[1:])
        elif kind in ("sup", "supdigits"):
            b.gap()
        elif kind in ("ref", "glued"):
            if token.strip("[]^()") in (refs if kind == "ref" else bare):
                b.gap()
            else:
                emit(token)
        elif kind == "br":
            emit(" ")
        elif kind == "deltag":
            st.del_tags = _tag(token, st.del_tags)
        elif kind == "instag":
            st.ins_tags = _tag(token, st.ins_tags)
        elif kind == "boldtag":
            st.bold_tags = _tag(token, st.bold_tags)
        elif kind == "delopen":
            st.bracket = "deleted"
        elif kind == "addopen":
            st.bracket = "added"
        elif kind == "close":
            if st.bracket:
                st.bracket = None
            else:
                emit(token)
        elif kind == "strike":
            st.strike = not st.strike
        elif kind == "stars":
            before = raw[m.start() - 1] if m.start() else ""
            after = raw[m.end()] if m.end() < len(raw) else ""
            if not _stars(token, before, after, st):
                emit(token)
        # "othertag": formatting only, dropped
    emit(raw[pos:])
    return b.finish()


@lru_cache(maxsize=16384)
def formatted(raw: str) -> Rendered:
    """`render` with no revision reading: headings, titles and layout tests (cached, pure)."""
    return render(raw)


def repair(text: str) -> str:
    """Ligatures spelt out (U+FB01 as 'fi') and invisible characters removed, as in paragraph text."""
    return text.translate(_TRANSLATE)


_ESCAPE = re.compile(r"([\\*_~\[\]<>])")
_LINE_MARKUP = re.compile(r"(?m)^([#|])")


def escape(text: str) -> str:
    """Text that is not markup, written so that `render` gives it back unchanged (readers of other
    formats write their content in this markup)."""
    return _LINE_MARKUP.sub(r"\\\1", _ESCAPE.sub(r"\\\1", text))


def plain(raw: str) -> str:
    """Text without markup and without deleted words (for headings, titles and metadata)."""
    return formatted(raw).text
