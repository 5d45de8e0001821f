"""Property-based tests: whatever the bytes, the loaders return a Document or raise IskgError with a message.

Random bytes and random mutations of the corpus texts (cuts, splices, repeats, byte flips,
inserted markup and control characters) go through the public entry points: decode,
parse_text, and the extractor. Never another exception, never a hang: each input has
PER_INPUT_SECONDS, enforced by an alarm that interrupts the work rather than timing it after
(conftest's `time_limit`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iskg.loaders.decode import decode
from iskg.loaders.errors import IskgError
from iskg.loaders.extract import Extractor
from iskg.loaders.model import Document
from iskg.loaders.read import parse_text, read_bytes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TEXTS = [p.read_bytes() for p in sorted(CORPUS.iterdir())]
PER_INPUT_SECONDS = 20.0
Limit = Callable[[float], AbstractContextManager[None]]
# pieces that steer the loaders into their other paths: markup, revision notes, headings, numbers
PIECES = [b"~~", b"**", b"<del>", b"</del>", b"<ins>", b"</ins>", b"[deleted: ", b"]", b"# ", b"\n\n", b"\r\n",
          b"\x00", b"\x0c", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\x94", b"\xc3", b"(", b")", b"1.", b"(a) ",
          b"ST 5842/2/10 REV 2", b"COM(2020) 605 final", b"Brussels, 23 February 2010", b"Europol (EUROPOL)",
          b"\t", b"-\n", b"<sup>1</sup>", b"---", b"|"]

FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow],
                print_blob=True)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.default()


def load(data: bytes, extractor: Extractor, time_limit: Limit, learn: bool = False) -> Document | IskgError:
    """What the loaders make of the bytes: a checked Document, or the IskgError they raised."""
    with time_limit(PER_INPUT_SECONDS):
        try:
            decoded = decode(data, "fuzz.txt")
            doc = parse_text(decoded.text, "fuzz.txt", decoded.encoding)
        except IskgError as err:
            return err
        if learn:
            extractor = copy.deepcopy(extractor)
            extractor.learn([doc])
        extraction = extractor.extract(doc)
    for para in doc.paragraphs + doc.header:
        assert 0 <= para.source_start <= para.source_end <= len(decoded.text)
    texts = {p.index: p.text for p in doc.paragraphs}
    titles = {s.index: s.title for s in doc.sections}
    header = {b.index: b.text for b in doc.header}
    for m in extraction.mentions:  # evidence stays exact whatever the input
        assert (titles if m.in_heading else header if m.in_header else texts)[m.paragraph][m.start:m.end] == m.quote
    for r in extraction.relations:
        assert texts[r.paragraph][r.relation.start:r.relation.end] == r.quote
    return doc


def check(result: Document | IskgError) -> None:
    if isinstance(result, IskgError):
        message = str(result)
        assert message.startswith("fuzz.txt: ") and len(message) > len("fuzz.txt: ")
        assert "\n" not in message
    else:
        assert isinstance(result, Document) and (result.paragraphs or result.sections)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A corpus text changed in a few random places."""
    data = bytearray(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["cut", "insert", "piece", "repeat", "flip", "truncate", "splice"]))
        if op == "cut":
            del data[at:at + draw(st.integers(1, 2000))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "piece":
            data[at:at] = draw(st.sampled_from(PIECES)) * draw(st.integers(1, 50))
        elif op == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 400))] * draw(st.integers(2, 20))
        elif op == "flip" and data:
            i = min(at, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[at:]
        elif op == "splice":
            other = draw(st.sampled_from(TEXTS))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start:start + draw(st.integers(1, 3000))]
    return bytes(data)


@settings(FUZZ, max_examples=200)
@given(data=st.binary(max_size=4000))
def test_random_bytes_give_a_document_or_one_clear_error(extractor: Extractor, time_limit: Limit, data: bytes
                                                         ) -> None:
    check(load(data, extractor, time_limit))


@settings(FUZZ, max_examples=150)
@given(text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be",
                                                               "utf-32", "utf-8-sig"]))
def test_random_text_in_any_encoding_gives_a_document_or_one_clear_error(extractor: Extractor, time_limit: Limit,
                                                                          text: str, encoding: str) -> None:
    check(load(text.encode(encoding, errors="surrogatepass"), extractor, time_limit))


@settings(FUZZ, max_examples=60)
@given(data=mutated())
def test_mutated_corpus_texts_give_a_document_or_one_clear_error(extractor: Extractor, time_limit: Limit,
                                                                 data: bytes) -> None:
    check(load(data, extractor, time_limit, learn=True))


def test_the_alarm_interrupts_a_hang(time_limit: Limit) -> None:
    with pytest.raises(BaseException, match="no result within 0.2 s"), time_limit(0.2):
        while True:
            pass


MAGIC = [b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
         b"<!DOCTYPE html>\n<html><body><h1>", b"<html><p>", b"PK\x03\x04"]


@settings(FUZZ, max_examples=150)
@given(magic=st.sampled_from(MAGIC), rest=st.binary(max_size=3000),
       name=st.sampled_from(["x.txt", "x.md", "x.pdf", "x.html", "x.docx", "x"]))
def test_bytes_that_claim_a_format_give_a_document_or_one_clear_error(time_limit: Limit, magic: bytes, rest: bytes,
                                                                      name: str) -> None:
    # every registered reader, found by content or extension, through the public entry point
    with time_limit(PER_INPUT_SECONDS):
        try:
            result: Document | IskgError = read_bytes(magic + rest, name)
        except IskgError as err:
            result = err
    if isinstance(result, IskgError):
        assert str(result).startswith(f"{name}: ") and "\n" not in str(result)
    else:
        assert isinstance(result, Document)
