"""Files as users download them, made by the tests: PDFs (with a text layer, and scanned), HTML, Word."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_FONTS = Path(reportlab.__file__).parent / "fonts"
PAGE_W, PAGE_H = 595, 842  # A4 in points
LEFT, RIGHT, GUTTER = 60, 535, 20
COL_W = (RIGHT - LEFT - GUTTER) / 2
BODY, SMALL, LEADING = 10, 7, 13


def _fonts() -> None:
    # Vera has the fi and fl ligature glyphs, so the PDF's text layer carries U+FB01 as printed
    pdfmetrics.registerFont(TTFont("Vera", str(_FONTS / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FONTS / "VeraBd.ttf")))


@dataclass
class Column:
    """Lines drawn top down from (x, y): each line a string, or a list of (text, superscript) runs."""

    x: float
    y: float
    lines: list[str | list[tuple[str, bool]]]
    font: str = "Vera"
    size: float = BODY

    def draw(self, c: canvas.Canvas) -> float:
        y = self.y
        for line in self.lines:
            x = self.x
            for text, sup in ([(line, False)] if isinstance(line, str) else line):
                size = SMALL if sup else self.size
                c.setFont(self.font, size)
                c.drawString(x, y + (3.5 if sup else 0), text)
                x += pdfmetrics.stringWidth(text, self.font, size)
            y -= LEADING if self.size == BODY else self.size * 1.3
        return y


def text_pdf(pages: list[list[Column]], header: str, footer: str, boxes: dict[int, tuple] | None = None) -> bytes:
    """A PDF with a text layer: the columns of each page, a running header and footer, a page number,
    and (per page index) a framed box (x, y, w, h)."""
    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    for n, columns in enumerate(pages, start=1):
        c.setFont("Vera", 8)
        c.drawString(LEFT, PAGE_H - 40, header)
        c.drawString(LEFT, 40, footer)
        c.drawRightString(RIGHT, 40, str(n))
        for col in columns:
            col.draw(c)
        if boxes and n - 1 in boxes:
            x, y, w, h = boxes[n - 1]
            c.rect(x, y, w, h)
        c.showPage()
    c.save()
    return buf.getvalue()


def scanned(pdf: bytes, dpi: int = 200) -> bytes:
    """The pages of a PDF as a scanner gives them: one picture a page, no text layer."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in doc]
    doc.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def word_draft(paragraphs: list[tuple[str, list[tuple[str, str]]]], title: str = "") -> bytes:
    """A .docx: each paragraph a style and runs of (kind, text), kind "" (plain), "ins" or "del" as
    Word's tracked changes write them (w:ins / w:del with w:delText), or "note" for a footnote."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = "en"
    notes: list[str] = []
    for style, runs in paragraphs:
        p = document.add_paragraph(style=style or None)
        for n, (kind, text) in enumerate(runs, start=1):
            stamp = f'w:id="{len(notes) * 100 + n}" w:author="Council Secretariat" w:date="2020-11-09T00:00:00Z"'
            if kind == "":
                p.add_run(text)
            elif kind == "del":
                p._p.append(parse_xml(f'<w:del {nsdecls("w")} {stamp}><w:r><w:delText xml:space="preserve">'
                                      f"{text}</w:delText></w:r></w:del>"))
            elif kind == "ins":
                p._p.append(parse_xml(f'<w:ins {nsdecls("w")} {stamp}><w:r><w:t xml:space="preserve">'
                                      f"{text}</w:t></w:r></w:ins>"))
            else:
                notes.append(text)
                p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                      f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
    buf = io.BytesIO()
    document.save(buf)
    return _with_footnotes(buf.getvalue(), notes) if notes else buf.getvalue()


def _with_footnotes(data: bytes, notes: list[str]) -> bytes:
    """Add a footnotes part (python-docx writes none) holding `notes`, numbered from 1."""
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    bodies = "".join(f'<w:footnote w:id="{k}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                     f"</w:footnote>" for k, text in enumerate(notes, start=1))
    part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
            f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f"{bodies}</w:footnotes>")
    rel = ('<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/footnotes" Target="footnotes.xml"/>')
    override = ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.wordprocessingml.footnotes+xml"/>')
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                blob = blob.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                blob = blob.replace(b"</Types>", override.encode() + b"</Types>")
            dst.writestr(item, blob)
        dst.writestr("word/footnotes.xml", part)
    return out.getvalue()


def document_pdf(headings_and_paragraphs: list[tuple[str, str]]) -> bytes:
    """A typeset PDF (justified paragraphs flowing over pages, bold headings, small-print notes, a
    running header and page numbers) of ("heading" | "body" | "note", text) items."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _fonts()
    styles = {"body": ParagraphStyle("body", fontName="Vera", fontSize=BODY, leading=LEADING, alignment=TA_JUSTIFY,
                                     spaceAfter=8),
              "heading": ParagraphStyle("heading", fontName="Vera-Bold", fontSize=11, leading=14, spaceAfter=8),
              "note": ParagraphStyle("note", fontName="Vera", fontSize=SMALL, leading=9, spaceAfter=4)}

    def furniture(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        c.setFont("Vera", 8)
        c.drawString(LEFT, PAGE_H - 40, "Council of the European Union")
        c.drawRightString(RIGHT, 40, str(doc.page))

    buf = io.BytesIO()
    template = SimpleDocTemplate(buf, leftMargin=LEFT, rightMargin=PAGE_W - RIGHT, topMargin=60, bottomMargin=60,
                                 invariant=1)
    story = [Paragraph(escape(text), styles[kind]) for kind, text in headings_and_paragraphs]
    template.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()
