"""Plain text and markdown (also drafts and OCR output saved as text)."""

from __future__ import annotations

from iskg.loaders.decode import decode
from iskg.loaders.model import Document
from iskg.loaders.parse import parse_text
from iskg.loaders.readers import Reader, register


def _sniff(data: bytes) -> bool:
    """Text has no magic bytes: it is claimed by its extension only."""
    return False


def read(data: bytes, name: str) -> Document:
    decoded = decode(data, name)
    media_type = "text/markdown" if name.lower().endswith(".md") else "text/plain"
    return parse_text(decoded.text, name, decoded.encoding, media_type=media_type)


READER = register(Reader("text/plain", (".txt", ".md"), _sniff, read))
