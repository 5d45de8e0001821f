"""Bytes to text: pick the encoding, refuse what is not text, normalise newlines and Unicode.

Why here and only here: every offset the loaders store (`Paragraph.source_start/end`) counts code
points in the text this module returns, so there must be exactly one way to get it.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from iskg.loaders.errors import file_error

# A text file has (almost) no control characters; more than this share means binary data.
MAX_CONTROL_SHARE = 0.005
# In UTF-16 text without a BOM, one byte of each pair is NUL for Latin-script text.
UTF16_NUL_SHARE = 0.3
UTF16_OTHER_SHARE = 0.05
_SNIFF_BYTES = 8192
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """The decoded, normalised text and the name of the encoding it was read with."""

    text: str
    encoding: str


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NULs fall on one side of each byte pair, else None."""
    sample = data[:_SNIFF_BYTES]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0) / pairs
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0) / pairs
    if odd >= UTF16_NUL_SHARE and even <= UTF16_OTHER_SHARE:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE and odd <= UTF16_OTHER_SHARE:
        return "utf-16-be"
    return None


def _decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as err:
                raise file_error(name, f"undecodable {label} text (byte {err.start})") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as err:
            raise file_error(name, f"undecodable {utf16} text (byte {err.start})") from None
    if b"\x00" in data:
        raise file_error(name, "binary content (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        invalid_at = err.start
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, but those to control codes. A few
    # are a stray byte in a Western text; many mean a multi-byte encoding (Shift JIS, GBK, ...).
    undefined = sum(data.count(b) for b in _CP1252_UNDEFINED)
    if undefined / len(data) > MAX_CONTROL_SHARE:
        raise file_error(name, f"not text in an encoding read here: invalid UTF-8 (byte {invalid_at}), and "
                               f"{undefined} bytes undefined in cp1252")
    return data.decode("latin-1"), "latin-1"


def normalise(text: str) -> str:
    """One newline convention and NFC, so equal texts in any encoding give equal strings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def decode(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes; raise IskgError naming the file when it is empty or not text."""
    if not data:
        raise file_error(name, "empty file")
    raw, encoding = _decode_bytes(data, name)
    text = normalise(raw)
    if "\x00" in text:
        raise file_error(name, "binary content (NUL characters)")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if controls and controls / len(text) > MAX_CONTROL_SHARE:
        raise file_error(name, f"binary content ({controls} control characters)")
    if not text.strip():
        raise file_error(name, "empty file (only whitespace)")
    return Decoded(text, encoding)
