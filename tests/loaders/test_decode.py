"""Decoding: encodings give the same text; what is not text is refused with the file named."""

from __future__ import annotations

import codecs

import pytest

from iskg.loaders.decode import decode
from iskg.loaders.errors import IskgError

TEXT = "Brussels, 23 February 2010\n\nCoopération policière – the EU’s “internal security”.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_give_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data, "note.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_latin1_bytes_outside_cp1252_still_decode() -> None:
    # 0x81 is undefined in cp1252; one stray byte in a long text is not "binary".
    assert decode(b"caf\xe9 " * 100 + b"\x81", "x.txt").encoding == "latin-1"


def test_newlines_and_unicode_are_normalised() -> None:
    assert decode(b"a\r\nb\rc\n", "x.txt").text == "a\nb\nc\n"
    assert decode("Coope\u0301ration".encode(), "x.txt").text == "Coopération"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"%PDF-1.4\x00\x01\x02\x03binary", "binary content"),
        (bytes(range(1, 32)) * 20 + b"some text", "binary content"),
    ],
)
def test_bad_input_is_refused_naming_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(IskgError) as err:
        decode(data, "bad.txt")
    assert str(err.value).startswith("bad.txt: ")
    assert reason in str(err.value)


def test_a_multibyte_encoding_that_is_not_utf8_is_refused_not_read_as_latin1() -> None:
    data = ("国際的な安全保障戦略について、理事会は次のとおり結論する。\n" * 20).encode("shift_jis")
    with pytest.raises(IskgError, match=r"^sj\.txt: not text in an encoding read here: invalid UTF-8 \(byte 0\), "
                                        r"and \d+ bytes undefined in cp1252$"):
        decode(data, "sj.txt")
