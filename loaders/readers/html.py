"""HTML pages as EUR-Lex and the Council serve them (the standard library's parser, no new dependency).

Why a small tree first: footnote links point forward and back (`<a href="#ntr1">(1)</a>` in the text,
`<a href="#ntc1">(1)</a>` opening the note), so a link can only be told from its note once the whole
page is known. Then the page is walked once:
- furniture is dropped: scripts, navigation, site header and footer, forms, cookie banners and
  anything whose class or id names it (data/html.json); the main content is read when marked;
- `<h1>`-`<h6>` (and EUR-Lex's heading classes) become headings, `<p>`, `<li>`, `<dd>` ... paragraphs,
  each table row one paragraph of its cells (joined by "; "; a row led by an enumerator cell such
  as "(a)" reads as that numbered point);
- a link to a note is a footnote marker, the note a footnote paragraph with its number;
- character entities are decoded by the parser; the page's title, language, date and document
  number are read from `<title>`, `<html lang>` and `<meta>` where present.
The result is written in the loaders' markup and parsed like any text (loaders/parse.py).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from iskg.loaders import markup, metadata
from iskg.loaders.decode import decode, normalise
from iskg.loaders.errors import file_error
from iskg.loaders.model import Document
from iskg.loaders.parse import parse_text
from iskg.loaders.readers import Reader, register

MEDIA_TYPE = "text/html"
_DATA = json.loads((Path(__file__).parents[1] / "data" / "html.json").read_text(encoding="utf-8"))
_SKIP = frozenset(_DATA["skip_tags"]["names"])
_ROLES = frozenset(_DATA["skip_roles"]["names"])
_FURNITURE = frozenset(_DATA["furniture_words"]["names"])
_MAIN = _DATA["main_content"]["selectors"]
_HEADING_CLASSES: dict[str, int] = _DATA["heading_classes"]["levels"]
_NOTE_WORDS = frozenset(_DATA["note_words"]["names"])
_META: dict[str, list[str]] = {k: v for k, v in _DATA["meta"].items() if k != "why"}

_VOID = frozenset(_DATA["void_tags"]["names"])
_BLOCKS = frozenset(_DATA["block_tags"]["names"])
_CONTAINERS = frozenset(_DATA["container_tags"]["names"])
_CLOSES_P = _BLOCKS | _CONTAINERS | frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "hr"])
_HEADING = re.compile(r"^h([1-6])$")
_WORDS = re.compile(r"[\s_]+|-(?=[a-z])")
_NUMBER = re.compile(r"^[\s(\[]*(\d{1,3})[\s)\]]*$")
_ENUMERATOR = re.compile(r"^(?:\(?[a-z0-9ivx]{1,4}[.)]|[\u2014\u2013\u2022-])$")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SNIFF = re.compile(r"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)

    def words(self) -> set[str]:
        return {w for key in ("class", "id") for w in _WORDS.split(self.attrs.get(key, "").lower()) if w}

    def iter(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            if isinstance(child, _Node):
                yield from child.iter()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed paragraphs and list items close where HTML says they do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_open("p")
        if tag in ("li", "dt", "dd", "tr", "td", "th"):
            self._close_open(tag, stop=("ul", "ol", "dl", "table"))
        node = _Node(tag, {k.lower(): v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_open(self, tag: str, stop: tuple[str, ...] = ()) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag in stop:
                return
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return


def _enclosing_table(node: _Node) -> _Node | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _furniture(node: _Node) -> bool:
    return (node.tag in _SKIP or node.attrs.get("role", "").lower() in _ROLES or bool(node.words() & _FURNITURE)
            or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true")


def _matches(node: _Node, selector: str) -> bool:
    if selector.startswith("#"):
        return node.attrs.get("id", "").lower() == selector[1:]
    if selector.startswith("["):
        key, _, value = selector.strip("[]").partition("=")
        return node.attrs.get(key, "").lower() == value
    return node.tag == selector


def _main(body: _Node) -> _Node:
    for selector in _MAIN:
        for node in body.iter():
            if _matches(node, selector):
                return node
    return body


@dataclass
class _Notes:
    """Footnote links (anchor -> number) and the notes they point to (note node -> number)."""

    links: dict[int, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    backlinks: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, root: _Node) -> _Notes:
        order = {id(n): k for k, n in enumerate(root.iter())}
        by_id = {n.attrs["id"]: n for n in root.iter() if n.attrs.get("id")}
        by_id |= {n.attrs["name"]: n for n in root.iter() if n.tag == "a" and n.attrs.get("name")}
        out = cls()
        for a in root.iter():
            href = a.attrs.get("href", "") if a.tag == "a" else ""
            target = by_id.get(href[1:]) if href.startswith("#") else None
            number = _NUMBER.match(a.text())
            if target is None or number is None or order[id(target)] < order[id(a)]:
                continue  # not a link to a note further down (a note's own link points back up)
            note = _note_block(target)
            if not (_links_back(note, a) or _in_notes(note)):
                continue  # a numbered link to a section, not to a note
            out.links[id(a)] = number.group(1)
            out.notes[id(note)] = number.group(1)
            for back in note.iter():
                if back.tag == "a" and back.attrs.get("href", "").startswith("#") and _NUMBER.match(back.text()):
                    out.backlinks.add(id(back))
        return out


def _links_back(note: _Node, link: _Node) -> bool:
    own = link.attrs.get("id") or link.attrs.get("name")
    return bool(own) and any(n.tag == "a" and n.attrs.get("href") == f"#{own}" for n in note.iter())


def _in_notes(node: _Node | None) -> bool:
    while node is not None:
        if node.words() & _NOTE_WORDS:
            return True
        node = node.parent
    return False


def _note_block(target: _Node) -> _Node:
    """The paragraph or list item that holds a note, from the element a footnote link points at."""
    node: _Node | None = target
    while node is not None and node.tag not in _BLOCKS:
        node = node.parent
    return node or target


@dataclass
class _Writer:
    """Walks the content and writes blocks in the loaders' markup."""

    notes: _Notes
    blocks: list[str] = field(default_factory=list)

    def block(self, node: _Node) -> None:
        if _furniture(node):
            return
        heading = _HEADING.match(node.tag)
        level = int(heading.group(1)) if heading else self._class_level(node)
        if level:
            text = self.inline(node)
            if text:
                self.blocks.append(f"{'#' * level} {text}")
            return
        if node.tag == "table":
            self._table(node)
            return
        if node.tag in _BLOCKS and not any(isinstance(c, _Node) and (c.tag in _BLOCKS or c.tag in _CONTAINERS)
                                           for c in node.children):
            self._paragraph(node)
            return
        loose: list[_Node | str] = []
        for child in node.children:
            if isinstance(child, _Node) and (child.tag in _BLOCKS or child.tag in _CONTAINERS
                                             or _HEADING.match(child.tag) or self._class_level(child)):
                self._loose(loose, node)
                self.block(child)
            else:
                loose.append(child)
        self._loose(loose, node)

    def _loose(self, children: list[_Node | str], parent: _Node) -> None:
        """Text standing directly in a container (a <div> without <p>) is a paragraph too."""
        if children:
            self._paragraph(_Node(parent.tag, parent.attrs, parent.parent, list(children)))
            children.clear()

    def _class_level(self, node: _Node) -> int:
        classes = node.attrs.get("class", "").lower().split()
        return min((_HEADING_CLASSES[c] for c in classes if c in _HEADING_CLASSES), default=0)

    def _paragraph(self, node: _Node) -> None:
        text = self.inline(node)
        if not text:
            return
        if (number := self.notes.notes.get(id(node))) is not None:
            text = f"<sup>{number}</sup> {text}"
        elif node.tag == "li" and node.parent is not None and node.parent.tag == "ul":
            text = f"- {text}"
        self.blocks.append(text)

    def _table(self, table: _Node) -> None:
        """Rows as text: a row led by an enumerator cell ('(a)') is a paragraph of its own; other rows
        are written as table rows in one block (cells joined by '; ', not taken for headings)."""
        rows: list[str] = []
        for tr in table.iter():
            if tr.tag != "tr" or _enclosing_table(tr) is not table:
                continue
            cells = [self.inline(c) for c in tr.children if isinstance(c, _Node) and c.tag in ("td", "th")]
            cells = [c.replace("|", "/") for c in cells if c]
            if len(cells) > 1 and _ENUMERATOR.match(markup.plain(cells[0])):
                self._flush_rows(rows)
                self.blocks.append(f"{cells[0]} {' '.join(cells[1:])}")
            elif cells:
                rows.append(f"| {' | '.join(cells)} |")
        self._flush_rows(rows)

    def _flush_rows(self, rows: list[str]) -> None:
        if rows:
            self.blocks.append("\n".join(rows))
            rows.clear()

    def inline(self, node: _Node) -> str:
        parts: list[str] = []
        for child in node.children:
            if isinstance(child, str):
                parts.append(markup.escape(child))
            elif id(child) in self.notes.links:
                parts.append(f"<sup>{self.notes.links[id(child)]}</sup>")
            elif id(child) in self.notes.backlinks or _furniture(child) or child.tag in ("sup", "img") and \
                    child.text().strip() in ("\u21a9", ""):
                continue
            elif child.tag == "br":
                parts.append(" ")
            elif child.tag in ("del", "s", "strike", "ins"):
                tag = "ins" if child.tag == "ins" else "del"
                parts.append(f"<{tag}>{self.inline(child)}</{tag}>")
            else:
                parts.append(self.inline(child))
        return " ".join("".join(parts).replace("\xa0", " ").split())


def _meta(root: _Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in root.iter():
        if node.tag == "meta" and node.attrs.get("content", "").strip():
            key = (node.attrs.get("name") or node.attrs.get("property") or node.attrs.get("http-equiv") or "").lower()
            found.setdefault(key, " ".join(node.attrs["content"].split()))
    fields = {name: next((found[k] for k in keys if k in found), "") for name, keys in _META.items()}
    html = next((n for n in root.iter() if n.tag == "html"), None)
    lang = (html.attrs.get("lang") or html.attrs.get("xml:lang") or "") if html else ""
    fields["language"] = fields["language"] or lang
    title = next((n for n in root.iter() if n.tag == "title"), None)
    fields["title"] = fields["title"] or (" ".join(title.text().split()) if title else "")
    return fields


def _date(value: str) -> str | None:
    if m := _DATE.match(value):
        year, month, day = m.groups()
        return "-".join(filter(None, (year, month, day)))
    return metadata.header_date([value])


def _identifier(value: str) -> str | None:
    numbers = metadata.find_numbers(value)
    return numbers[0].identifier if numbers else value or None


def _text_of(data: bytes, name: str) -> tuple[str, str]:
    declared = _CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(label)
            return normalise(data.decode(label)), label
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode(data, name)
    return decoded.text, decoded.encoding


def read(data: bytes, name: str) -> Document:
    text, encoding = _text_of(data, name)
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    body = next((n for n in root.iter() if n.tag == "body"), root)
    writer = _Writer(_Notes.of(root))
    writer.block(_main(body))
    if not writer.blocks:
        raise file_error(name, "no readable text (an HTML page without document text)")
    doc = parse_text("\n\n".join(writer.blocks) + "\n", name, encoding, media_type=MEDIA_TYPE, structured=True)
    page = _meta(root)
    doc.title = page["title"] or doc.title
    doc.date = (_date(page["date"]) if page["date"] else None) or doc.date
    doc.identifier = (_identifier(page["identifier"]) if page["identifier"] else None) or doc.identifier
    doc.language = page["language"] or None
    doc.citations = [c for c in doc.citations if c.identifier != doc.identifier]
    return doc


def _sniff(data: bytes) -> bool:
    head = data[:2048].decode("utf-8", "ignore").lstrip("\ufeff")
    return bool(_SNIFF.match(head))


READER = register(Reader(MEDIA_TYPE, (".html", ".htm", ".xhtml"), _sniff, read))
