"""The five corpus texts: formats, metadata, clean text, draft revisions and offsets."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from iskg.loaders.model import Document
from iskg.loaders.read import parse_text, read_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MARKUP = re.compile(r"\*\*|~~|</?sup>|(?:^|\s)#{1,6}\s|^#|__")


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    documents, refusals = read_corpus(CORPUS)
    assert refusals == []
    return {d.source[:3]: d for d in documents}


EXPECTED = {
    "000": ("markdown", "5842/2/10 REV 2", "2010-02-23", "CouncilNote",
            'Draft Internal Security Strategy for the European Union: "Towards a European Security Model"'),
    "001": ("markdown", None, "2014-12-04", "CouncilConclusions",
            "Development of a renewed European Union Internal Security Strategy"),
    "002": ("ocr", None, None, "CouncilNote",
            'Draft Internal Security Strategy for the European Union: "Towards a European Security Model"'),
    "003": ("draft", "11518/1/20 REV 1", "2020-11-09", "CouncilNote",
            "Draft Council Conclusions on Internal Security and European Police Partnership"),
    "004": ("markdown", None, "2008-10", "CouncilConclusions",
            "Convergence of Internal Security – Council conclusions"),
}

CITED = {
    "000": [],
    "001": ["7120/10", "16797/10", "11260/14", "EUCO 79/14"],
    "002": ["5842/2/10 REV 2"],
    "003": ["10010/20", "14297/19", "WK 10468/2020", "EUCO 13/12"],
    "004": ["9596/06", "11657/08", "11960/08", "15446/05"],
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_metadata(docs: dict[str, Document], key: str) -> None:
    d = docs[key]
    assert (d.format, d.identifier, d.date, d.doc_type, d.title) == EXPECTED[key]
    assert d.encoding == "utf-8"


@pytest.mark.parametrize("key", sorted(CITED))
def test_citations(docs: dict[str, Document], key: str) -> None:
    assert [c.identifier for c in docs[key].citations] == CITED[key]


def test_citations_as_printed(docs: dict[str, Document]) -> None:
    printed = {c.identifier: c.printed for d in docs.values() for c in d.citations}
    assert printed["7120/10"] == "7120/10 CO EUR-PREP 8 JAI 182"
    assert printed["EUCO 79/14"] == "EUCO 79/14 CO EUR 4 CONCL 2"
    assert printed["5842/2/10 REV 2"] == "5842/2/10 REV 2 JAI 90"
    assert printed["9596/06"] == "9596/06 JAI 271 CATS 104"


def test_footnote_citations_point_to_their_footnote(docs: dict[str, Document]) -> None:
    for d in docs.values():
        for c in d.citations:
            if c.paragraph is not None:
                assert c.printed.split()[0] in d.paragraphs[c.paragraph - 1].text
    footnotes = {k: sum(p.footnote for p in d.paragraphs) for k, d in docs.items()}
    assert footnotes == {"000": 0, "001": 5, "002": 0, "003": 11, "004": 3}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_no_markup_in_text(docs: dict[str, Document], key: str) -> None:
    d = docs[key]
    for p in d.paragraphs:
        assert not MARKUP.search(p.text), (p.index, p.text[:80])
        assert "  " not in p.text and p.text == p.text.strip()
    for s in d.sections:
        assert not MARKUP.search(s.title) and "*" not in s.title


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_offsets(docs: dict[str, Document], key: str) -> None:
    d = docs[key]
    starts = [p.source_start for p in d.paragraphs]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(p.source_start < p.source_end for p in d.paragraphs)
    assert [p.index for p in d.paragraphs] == list(range(1, len(d.paragraphs) + 1))
    assert [s.index for s in d.sections] == list(range(1, len(d.sections) + 1))
    for p in d.paragraphs:
        for r in p.revisions:
            assert 0 <= r.start <= r.end <= len(p.text)
            if r.kind == "added":
                assert p.text[r.start:r.end] == r.text
            else:
                assert r.start == r.end and r.text


def test_draft_deletions_are_gone_and_recorded(docs: dict[str, Document]) -> None:
    d = docs["003"]
    phrase = "A European Police Records Index System (EPRIS) is introduced"
    assert all(phrase not in p.text for p in d.paragraphs)
    deleted = [r.text for p in d.paragraphs for r in p.revisions if r.kind == "deleted"]
    assert any(t.startswith(phrase) for t in deleted)
    assert deleted.count("right-wing") == 3
    assert all("right-wing" not in p.text for p in d.paragraphs)


def test_draft_additions(docs: dict[str, Document]) -> None:
    d = docs["003"]
    added = [r.text for p in d.paragraphs for r in p.revisions if r.kind == "added"]
    assert "The Prüm framework is reviewed and updated, where appropriate." in added
    # bold headings are formatting: section titles carry no revisions and keep their words
    assert "1. Strengthening European law enforcement cooperation" in [s.title for s in d.sections]
    assert "5. Preventing and combating terrorism and violent extremism" in [s.title for s in d.sections]
    # the legend footnote keeps its words and marks nothing
    legend = next(p for p in d.paragraphs if p.text.startswith("Changes compared"))
    assert legend.footnote and legend.revisions == ()


def test_no_revisions_outside_drafts(docs: dict[str, Document]) -> None:
    for key in ("000", "001", "002", "004"):
        assert all(p.revisions == () for p in docs[key].paragraphs)


def test_ocr_copy_is_repaired(docs: dict[str, Document]) -> None:
    texts = [p.text for p in docs["002"].paragraphs]
    assert any(t.endswith("for ensuring the EU's internal security.") for t in texts)
    assert any("a significant and ever-evolving threat to our security." in t for t in texts)
    assert any("This EU-wide risk analysis" in t for t in texts)
    assert "-IV- Development of a comprehensive model for information exchange" in \
        [s.title for s in docs["002"].sections]


def test_structure_of_the_strategy(docs: dict[str, Document]) -> None:
    sections = docs["000"].sections
    guidelines = [s for s in sections if s.title.startswith("-")]
    assert len(guidelines) == 10
    parent = next(s for s in sections if s.title == "STRATEGIC GUIDELINES FOR ACTION")
    assert {s.parent for s in guidelines} == {parent.index}


def _scan_like(text: str, width: int = 90, page_lines: int = 45) -> str:
    """The text hard-wrapped, paged with form feeds, with a Council footer on every page."""
    lines: list[str] = []
    for block in text.split("\n\n"):
        for line in block.split("\n"):
            lines.extend(textwrap.wrap(line, width, break_on_hyphens=False) or [""])
        lines.append("")
    pages = [lines[i:i + page_lines] for i in range(0, len(lines), page_lines)]
    footers = [[f"5842/2/10 REV 2            GS/np            {n}", "DG H 1A            EN"]
               for n in range(1, len(pages) + 1)]
    return "\n\f".join("\n".join(page + footer) for page, footer in zip(pages, footers, strict=True))


def test_a_wrapped_paged_copy_reads_like_the_clean_text(docs: dict[str, Document]) -> None:
    clean = (CORPUS / "000_182f9951cb79fb36.txt").read_text(encoding="utf-8")
    scanned = parse_text(_scan_like(re.sub(r"\*+", "", clean)), "scan.txt", "utf-8")
    assert scanned.format == "ocr"
    assert (scanned.identifier, scanned.date, scanned.title) == (docs["000"].identifier, docs["000"].date,
                                                                 docs["000"].title)
    assert [s.title for s in scanned.sections] == [s.title for s in docs["000"].sections]
    assert [p.text for p in scanned.paragraphs] == [p.text for p in docs["000"].paragraphs]
