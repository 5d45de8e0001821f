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
