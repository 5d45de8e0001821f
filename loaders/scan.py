"""Scanned PDFs: pages rendered (pypdfium2) and read by the Tesseract OCR engine, then parsed as OCR text.

Why the `tesseract` program rather than a Python OCR: it is the engine Debian packages
(`tesseract-ocr`), with its trained data, and nothing is downloaded at run time. Without it a scan
is refused in one line that names the file and what to install.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdfium2

from iskg.loaders.errors import file_error
from iskg.loaders.model import Document
from iskg.loaders.parse import form_feeds, parse_text

DPI = 300
LANGUAGE = "eng"
TIMEOUT_SECONDS = 120
INSTALL_HINT = "install the Tesseract OCR engine (Debian: apt-get install tesseract-ocr)"


def tesseract() -> str | None:
    """The path of the `tesseract` program, if installed."""
    return shutil.which("tesseract")


def _page_images(data: bytes, name: str) -> list[bytes]:
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as err:
        raise file_error(name, f"malformed PDF ({err})") from None
    images = []
    for page in pdf:
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG")
        images.append(buf.getvalue())
    pdf.close()
    return images


def _ocr(image: bytes, name: str, program: str) -> str:
    try:
        done = subprocess.run([program, "stdin", "stdout", "-l", LANGUAGE], input=image, capture_output=True,
                              timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise file_error(name, f"OCR took longer than {TIMEOUT_SECONDS} s for a page") from None
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise file_error(name, f"OCR failed ({last})")
    return done.stdout.decode("utf-8", "replace")


def read_scan(data: bytes, name: str, pages: int) -> Document:
    """A PDF without a text layer, OCR'd page by page; pages are separated by form feeds."""
    program = tesseract()
    if program is None:
        raise file_error(name, f"scanned PDF without a text layer ({pages} pages); {INSTALL_HINT} to read it")
    texts = [_ocr(image, name, program).replace("\f", "").strip("\n") for image in _page_images(data, name)]
    text = "\n\f\n".join(texts) + "\n"
    if not text.strip():
        raise file_error(name, "scanned PDF: OCR found no text")
    return parse_text(text, name, "unicode", media_type="application/pdf", fmt="ocr",
                      page_breaks=form_feeds(text))
