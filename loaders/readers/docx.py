"""Word drafts (.docx), read with python-docx and the document's own WordprocessingML.

Why the XML under python-docx: tracked changes are `w:ins` and `w:del` elements around runs, which
python-docx's `Paragraph.runs` skips. They are written as `<ins>`/`<del>` in the loaders' markup, so
a Word draft gives exactly the revision marks a markdown draft gives: deleted runs assert nothing,
inserted runs are marked added. Also read: heading styles (Title, Heading n) as headings, a
paragraph that is bold throughout as the segmenter's emphasised heading, list paragraphs as list
items, tables row by row, footnote references as markers with the notes after the body, and the
title, language and identifier of the file's core properties.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import docx
import docx.document
import docx.table
import docx.text.paragraph
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from iskg.loaders import markup
from iskg.loaders.errors import file_error
from iskg.loaders.model import Document
from iskg.loaders.parse import parse_text
from iskg.loaders.readers import Reader, register

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|titre|überschrift)\s*(\d)$", re.I)
_FALSE = frozenset({"0", "false", "off", "none"})
_DELETED = frozenset({f"{W}del", f"{W}moveFrom"})
_INSERTED = frozenset({f"{W}ins", f"{W}moveTo"})
_WRAPPERS = frozenset({f"{W}hyperlink", f"{W}smartTag", f"{W}sdt", f"{W}sdtContent", f"{W}fldSimple",
                       f"{W}customXml"})


def _on(rpr: etree._Element | None, tag: str) -> bool:
    el = rpr.find(f"{W}{tag}") if rpr is not None else None
    return el is not None and el.get(f"{W}val", "true").lower() not in _FALSE


class _Runs:
    """The text of a paragraph's runs in the loaders' markup, with footnote references numbered."""

    def __init__(self, notes: dict[str, str]) -> None:
        self.notes = notes  # footnote id -> number, in order of reference

    def paragraph(self, p: etree._Element) -> tuple[str, bool]:
        """The paragraph's text and whether every visible run of it is bold."""
        parts: list[str] = []
        bold: list[bool] = []
        self._children(p, parts, bold, None)
        return " ".join("".join(parts).split()), bool(bold) and all(bold)

    def _children(self, el: etree._Element, parts: list[str], bold: list[bool], rev: str | None) -> None:
        for child in el:
            if child.tag == f"{W}r":
                self._run(child, parts, bold, rev)
            elif child.tag in _DELETED or child.tag in _INSERTED:
                kind = "del" if child.tag in _DELETED else "ins"
                parts.append(f"<{kind}>")
                self._children(child, parts, bold, kind)
                parts.append(f"</{kind}>")
            elif child.tag in _WRAPPERS:
                self._children(child, parts, bold, rev)

    def _run(self, r: etree._Element, parts: list[str], bold: list[bool], rev: str | None) -> None:
        rpr = r.find(f"{W}rPr")
        text: list[str] = []
        for el in r:
            if el.tag in (f"{W}t", f"{W}delText"):
                text.append(markup.escape(el.text or ""))
            elif el.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                text.append(" ")
            elif el.tag == f"{W}noBreakHyphen":
                text.append("-")
            elif el.tag == f"{W}footnoteReference":
                note = el.get(f"{W}id", "")
                number = self.notes.setdefault(note, str(len(self.notes) + 1))
                text.append(f"<sup>{number}</sup>")
        chunk = "".join(text)
        if chunk.strip() and rev != "del":
            bold.append(_on(rpr, "b"))
        parts.append(chunk)


def _style(paragraph: docx.text.paragraph.Paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return ""


def _heading_level(style: str) -> int:
    if style.lower() == "title":
        return 1
    m = _HEADING_STYLE.match(style)
    return min(6, int(m.group(1)) + 1) if m else 0


def _footnotes(document: docx.document.Document) -> dict[str, etree._Element]:
    """Footnote bodies by id (separators left out)."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            root = etree.fromstring(rel.target_part.blob)
            return {fn.get(f"{W}id"): fn for fn in root.findall(f"{W}footnote") if fn.get(f"{W}type") is None}
    return {}


def _blocks(document: docx.document.Document) -> list[str]:
    notes: dict[str, str] = {}
    runs = _Runs(notes)
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            rows = []
            for row in item.rows:
                cells = [" ".join(runs.paragraph(p._p)[0] for p in cell.paragraphs).strip() for cell in row.cells]
                cells = [c.replace("|", "/") for c in cells if c]
                if cells:
                    rows.append(f"| {' | '.join(cells)} |")
            if rows:
                blocks.append("\n".join(rows))
            continue
        text, bold = runs.paragraph(item._p)
        if not markup.plain(text) and "<del>" not in text:
            continue
        style = _style(item)
        if level := _heading_level(style):
            blocks.append(f"{'#' * level} {text}")
        elif item._p.pPr is not None and item._p.pPr.numPr is not None or style.lower().startswith("list"):
            blocks.append(f"- {text}")
        elif bold:
            blocks.append(f"**{text}**")
        else:
            blocks.append(text)
    bodies = _footnotes(document)
    for note, number in notes.items():
        if note in bodies:
            text = " ".join(runs.paragraph(p)[0] for p in bodies[note].iter(f"{W}p"))
            blocks.append(f"<sup>{number}</sup> {' '.join(text.split())}")
    return blocks


def read(data: bytes, name: str) -> Document:
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError, etree.XMLSyntaxError,
            EOFError, zlib.error) as err:
        raise file_error(name, f"malformed Word file ({type(err).__name__})") from None
    if not blocks:
        raise file_error(name, "no readable text (an empty Word document)")
    doc = parse_text("\n\n".join(blocks) + "\n", name, "utf-8", media_type=MEDIA_TYPE, structured=True)
    props = document.core_properties
    doc.title = " ".join((props.title or "").split()) or doc.title
    doc.identifier = (props.identifier or "").strip() or doc.identifier
    doc.language = (props.language or "").strip() or None
    return doc


def _sniff(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


READER = register(Reader(MEDIA_TYPE, (".docx",), _sniff, read))
