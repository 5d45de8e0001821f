"""What a text's structure says: which headings and list items name guidelines, which sentences state
objectives.

A policy text states its guidelines in its outline ("STRATEGIC GUIDELINES FOR ACTION", then
"-I- A wide and comprehensive approach …", "-II- …"; "Way forward", then "1. Strengthening …").
It introduces a list of them with a phrase ("… approach … through:", "… develop approaches …
in terms of:") whose items each name one. A topic the text only names in passing is not stated
as a guideline there. Likewise a text states an objective in a sentence that calls it one
("… must be a strategic objective", "the main objectives … are …"), not where it names a purpose
in passing ("to maintain high security levels"). The announcing headings, phrases and cues live in
`data/structure.json`, per class, so that other lists can be read the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from iskg.loaders.model import Document, Paragraph, Section
from iskg.loaders.sentences import sentence_spans


@cache
def _spec() -> dict:
    return json.loads(files("iskg.loaders").joinpath("data/structure.json").read_text(encoding="utf-8"))


@cache
def _parents() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in _spec()["guideline_parents"]]


def heading_name(title: str) -> tuple[int, str]:
    """Where the name in a heading starts, and the name: numbering, a strand label ('POLICY AREA:') and
    a leading article dropped."""
    start = _numbered(title)
    if labelled := _strand_label().match(title, start):
        start = labelled.end()
    start = _strip_article(title, start, len(title))
    return start, title[start:].rstrip(" .:;")


def coordinated_actions(name: str) -> list[str]:
    """A heading joining two actions ('Shaping the future and keeping pace with …') names each;
    'Preventing and combating terrorism' is one action on one thing."""
    parts = re.split(_spec()["action_joiner"], name)
    if len(parts) > 1 and parts[0].split()[0].endswith("ing") and all(len(p.split()) >= 2 for p in parts):
        return parts
    return [name]


@cache
def _strand_label() -> re.Pattern[str]:
    return re.compile(_spec()["strand_label"], re.IGNORECASE)


def guideline_sections(doc: Document) -> list[Section]:
    """Sections whose heading sits right under a heading that announces guidelines, or labels itself
    a strand of action ('III. POLICY AREA: DRUG DEMAND REDUCTION'), in order."""
    titles = {s.index: s.title for s in doc.sections}
    return [s for s in doc.sections
            if s.parent is not None and any(p.search(titles[s.parent]) for p in _parents())
            or _strand_label().match(s.title, _numbered(s.title))]


def _numbered(title: str) -> int:
    """Where a heading's words start, after its numbering."""
    m = re.match(_spec()["numbering"], title)
    return m.end() if m else 0


def objective_headings(doc: Document) -> list[tuple[Section, int]]:
    """Headings that number an objective ('Objective 1: Disrupt …'), with where its name starts."""
    rx = re.compile(_spec()["objective_heading"], re.IGNORECASE)
    return [(s, m.end()) for s in doc.sections if (m := rx.match(s.title))]


@dataclass(frozen=True)
class Item:
    """The key phrase of an item of a list the text introduces as guidelines or objectives (`cls`)."""

    paragraph: int
    start: int
    end: int
    cls: str


@cache
def _intros() -> list[tuple[str, re.Pattern[str]]]:
    return [(cls, re.compile(p, re.IGNORECASE)) for cls, ps in _spec()["list_intros"].items() for p in ps]


def _strip_article(text: str, start: int, end: int) -> int:
    """Past the leading articles and infinitive marker ('to contribute …', 'the prevention …')."""
    while len(first := text[start:end].split(" ", 1)) == 2 and first[0].lower() in _spec()["articles"]:
        start += len(first[0]) + 1
    return start


def pursued(name: str) -> str | None:
    """What an objective named by a verb of contributing pursues ('contribute to a measurable reduction of
    the demand for drugs': 'measurable reduction of the demand for drugs'), a label of it."""
    for verb in _spec()["purpose_verbs"]:
        if name.lower().startswith(verb + " "):
            rest = len(verb) + 1
            return name[_strip_article(name, rest, len(name)):] or None
    return None


def _phrase_end(text: str, start: int) -> int:
    """Where an unmarked key phrase ends: the first of the phrase ends, passing over a comma that
    opens a coordination ('comprehensive, multidisciplinary and integrated approach'; 'access to,
    availability and exchange of information'), which would leave a lone modifier or a dangling
    preposition."""
    spec = _spec()
    coordination = re.compile(spec["coordination_comma"])
    pos = start
    while True:
        cuts = [text.find(c, pos) for c in spec["key_phrase_ends"]]
        end = min([c for c in cuts if c >= 0] + [len(text)])
        if end == len(text) or not (text[end] == "," and coordination.match(text, end)):
            return end
        pos = end + 1


def key_phrase(para: Paragraph) -> tuple[int, int] | None:
    """(start, end) of what a list item names: its words up to the first clause, or the words it
    marks there (words marked further on are emphasis, not its name)."""
    text, spec = para.text, _spec()
    m = re.match(spec["item_marker"], text)
    start = m.end() if m else 0
    end = _phrase_end(text, start)
    marked = [(s, e) for s, e in para.emphasis if start <= s < end]
    if marked:
        s, e = marked[0]
        s, e = s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip(" ,.;:"))
    else:
        s, e = start, start + len(text[start:end].rstrip(" ,.;:"))
    s = _strip_article(text, s, e)
    words = len(text[s:e].split())
    if words == 1 and any(text.startswith(c, e) for c in spec["verb_complements"]):
        return None  # a verb taking a clause ('ensure that …'), not a name
    return (s, e) if 1 <= words <= spec["max_key_words"] else None


def printed_item(text: str, item: Item) -> str:
    """A list item as printed, from its key phrase to the end of its first sentence, when that is
    short enough to be a name ('reduce the production of synthetic drugs, including new substances')."""
    ends = [e for e in (text.find(". ", item.start), text.find(";", item.start)) if e >= 0]
    printed = text[item.start:min(ends, default=len(text))].rstrip(" ;.,:")
    return printed if len(printed.split()) <= 2 * _spec()["max_key_words"] else ""


def _marker_shape(text: str) -> str | None:
    """The shape of a paragraph's item marker ('1.' for '2.', '(a)' for '(c)'), if it has one."""
    m = re.match(_spec()["item_marker"], text)
    return re.sub(r"\d+", "1", re.sub(r"[A-Za-z]+", "a", m.group().strip())) if m else None


def _items_after(paragraphs: list[Paragraph], k: int) -> list[Paragraph]:
    """The list items that follow paragraph k in its section (footnotes and text boxes between
    them skipped), up to one numbered as paragraph k is: the next point of the text, not an item
    ('1. AGREES on these priorities: (a) … (b) …' then '2. STRESSES …')."""
    out, sibling = [], _marker_shape(paragraphs[k].text)
    for para in paragraphs[k + 1:]:
        if para.footnote or para.aside:
            continue
        if not para.item or para.section != paragraphs[k].section \
                or sibling is not None and _marker_shape(para.text) == sibling:
            break
        out.append(para)
    return out


def listed(doc: Document) -> list[Item]:
    """Items of the lists a text introduces as guidelines or objectives, in text order."""
    head = re.compile(_spec()["sublist_head"])
    out = []
    for k, para in enumerate(doc.paragraphs):
        cls = next((c for c, rx in _intros() if rx.search(para.text.rstrip())), None)
        if cls is None or para.footnote:
            continue
        marked = [(s, e) for s, e in para.emphasis if not para.text[s:e].isspace()]
        if marked and cls in _spec()["marked_intro"]:
            # the words the introduction marks name what its items detail ('STRENGTHENING A
            # **COMPREHENSIVE AND COHERENT APPROACH** … through:')
            out.append(Item(para.index, _strip_article(para.text, *marked[0]), marked[0][1], cls))
        items = _items_after(doc.paragraphs, k)
        heads = [(p, m) for p in items if (m := head.search(p.text.rstrip()))]
        if heads:
            out += [Item(p.index, _strip_article(p.text, m.start(1), m.end(1)), m.end(1), cls) for p, m in heads]
            continue
        for p in items:
            if span := key_phrase(p):
                out.append(Item(p.index, *span, cls))
    return out


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    return {cls: re.compile(p, re.IGNORECASE) for cls, p in _spec()["statement_cues"].items()}


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of `text`: its sentences, cut before a coordinated operative verb
    ('WELCOMES the Strategy …, and UNDERLINES …')."""
    out = []
    for lo, hi in sentence_spans(text):
        start = lo
        for m in re.compile(_spec()["clause_break"]).finditer(text, lo, hi):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, hi))
    return out


def stating_clauses(text: str, cls: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of `text` that state what they name as a `cls` (none for a
    class without cues)."""
    cue = _cues().get(cls)
    return [(lo, hi) for lo, hi in clause_spans(text) if cue and cue.search(text, lo, hi)]


def is_clause(phrase: str) -> bool:
    """Whether a key phrase is a clause with a verb of its own rather than a name."""
    return any(w.lower() in _spec()["clause_verbs"] for w in phrase.split())
