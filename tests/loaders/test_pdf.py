"""PDFs as the Council and the Commission publish them, made here with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest
from makers import COL_W, GUTTER, LEFT, SMALL, Column, document_pdf, scanned, text_pdf

from iskg.loaders import scan
from iskg.loaders.errors import IskgError
from iskg.loaders.extract import Extractor
from iskg.loaders.read import read_bytes, read_corpus, read_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
L, R = LEFT, LEFT + COL_W + GUTTER
HEADER, FOOTER = "Internal security review 2020", "Council of the European Union"


def _two_column_pdf() -> bytes:
    page1 = [
        Column(L, 770, ["Review of internal security"], font="Vera-Bold", size=14),
        Column(L, 740, ["1. Introduction"], font="Vera-Bold", size=12),
        Column(L, 715, ["The Council reviews internal security every year. Each review",
                        "names the threats that matter most."]),
        Column(L, 670, ["The \ufb01ght against terrorism remains the",
                        "first priority. Member States rely on Euro-",
                        [("pol and on Eurojust in that work.", False), ("1", True)],
                        "",
                        "Cybercrime grows every year and reaches"]),
        Column(R, 670, ["into every sector. Law enforcement needs",
                        "new tools, trained staff and \ufb02exible rules",
                        "that keep pace with it.",
                        "",
                        "Organised crime groups adapt quickly, and"]),
        Column(L, 110, ["1 Doc. 9596/06 JAI 271."], size=SMALL),
    ]
    page2 = [
        Column(L, 780, ["their profits flow through legitimate",
                        "businesses across borders.",
                        "",
                        "Europol supports the Member States in",
                        "the fight against organised crime."]),
        Column(R + 8, 772, ["Key figures: some 5000 groups are", "under watch."], size=8),
        Column(R, 700, ["Frontex works at the external borders",
                        "and shares risk analyses with Europol."]),
    ]
    return text_pdf([page1, page2], HEADER, FOOTER, boxes={1: (R, 740, COL_W, 50)})


@pytest.fixture(scope="module")
def two_columns() -> bytes:
    return _two_column_pdf()


def test_pdf_paragraphs_in_reading_order_with_their_pages(two_columns: bytes) -> None:
    doc = read_bytes(two_columns, "review.pdf")
    assert [(p.page, p.footnote, p.text) for p in doc.paragraphs] == [
        (1, False, "The Council reviews internal security every year. Each review names the threats that matter most."),
        (1, False, "The fight against terrorism remains the first priority. Member States rely on Europol and on "
                   "Eurojust in that work."),
        (1, False, "Cybercrime grows every year and reaches into every sector. Law enforcement needs new tools, "
                   "trained staff and flexible rules that keep pace with it."),
        (1, False, "Organised crime groups adapt quickly, and their profits flow through legitimate businesses "
                   "across borders."),
        (1, True, "Doc. 9596/06 JAI 271."),
        (2, False, "Europol supports the Member States in the fight against organised crime."),
        (2, False, "Frontex works at the external borders and shares risk analyses with Europol."),
        (2, False, "Key figures: some 5000 groups are under watch."),
    ]


def test_pdf_headers_footers_and_page_numbers_are_dropped(two_columns: bytes) -> None:
    doc = read_bytes(two_columns, "review.pdf")
    texts = " ".join(p.text for p in doc.paragraphs) + " ".join(s.title for s in doc.sections)
    assert HEADER not in texts and FOOTER not in texts
    assert not any(p.text.strip().isdigit() for p in doc.paragraphs)


def test_pdf_metadata_headings_and_footnote_citations(two_columns: bytes) -> None:
    doc = read_bytes(two_columns, "review.pdf")
    assert (doc.media_type, doc.title) == ("application/pdf", "Review of internal security")
    assert [s.title for s in doc.sections] == ["Review of internal security", "1. Introduction"]
    assert [(c.identifier, c.printed, c.paragraph) for c in doc.citations] == [("9596/06", "9596/06 JAI 271", 5)]


def test_pdf_entities_are_found_across_a_hyphen_and_a_ligature(two_columns: bytes) -> None:
    doc = read_bytes(two_columns, "review.pdf")
    extractor = Extractor.default()
    extractor.learn([doc])
    texts = {p.index: p.text for p in doc.paragraphs}
    found = {(m.paragraph, texts[m.paragraph][m.start:m.end]) for m in extractor.extract(doc).mentions}
    assert (2, "Europol") in found
    assert (2, "fight against terrorism") in found  # printed with the fi ligature
    assert (3, "Cybercrime") in found


def test_a_pdf_named_txt_is_still_read_as_pdf(tmp_path: Path, two_columns: bytes) -> None:
    (tmp_path / "review.txt").write_bytes(two_columns)
    documents, refusals = read_corpus(tmp_path)
    assert refusals == [] and documents[0].media_type == "application/pdf"


def test_a_malformed_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF")
    documents, refusals = read_corpus(tmp_path)
    assert documents == []
    assert refusals[0].source == "broken.pdf" and "\n" not in refusals[0].reason


def _scan() -> bytes:
    page1 = [
        Column(L, 760, ["1. INTERNAL SECURITY"], font="Vera-Bold", size=12),
        Column(L, 730, ["The Council welcomes the work of Europol and Eurojust in the fight",
                        "against terrorism and organised crime, and calls on the Member",
                        "States to share information with Frontex."]),
    ]
    page2 = [Column(L, 780, ["Cybercrime remains a growing threat to citizens and businesses."])]
    return scanned(text_pdf([page1, page2], HEADER, FOOTER))


@pytest.mark.skipif(scan.tesseract() is None, reason="Tesseract OCR is not installed (.ci/setup installs it)")
def test_a_scanned_pdf_is_ocrd() -> None:
    doc = read_bytes(_scan(), "scan.pdf")
    assert (doc.media_type, doc.format) == ("application/pdf", "ocr")
    assert [s.title for s in doc.sections] == ["1. INTERNAL SECURITY"]
    assert [(p.page, p.text) for p in doc.paragraphs] == [
        (1, "The Council welcomes the work of Europol and Eurojust in the fight against terrorism and organised "
            "crime, and calls on the Member States to share information with Frontex."),
        (2, "Cybercrime remains a growing threat to citizens and businesses."),
    ]


def test_a_scan_without_tesseract_is_refused_naming_file_and_remedy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "tesseract", lambda: None)
    with pytest.raises(IskgError) as err:
        read_bytes(_scan(), "scan.pdf")
    message = str(err.value)
    assert message.startswith("scan.pdf: scanned PDF without a text layer")
    assert "tesseract-ocr" in message and "\n" not in message


def _council_note() -> bytes:
    page1 = [
        Column(L, 780, ["Council of the European Union"], font="Vera-Bold", size=12),
        Column(400, 780, ["Brussels, 9 November 2020"]),
        Column(400, 735, ["11518/1/20", "REV 1"]),
        Column(L, 735, ["JAI 830"]),
        Column(L, 690, ["NOTE"], font="Vera-Bold"),
        Column(L, 670, ["From: Presidency", "To: Delegations"]),
        Column(L, 630, ["Subject: Draft Council Conclusions on Internal Security and",
                        "European Police Partnership"]),
        Column(L, 580, ["1. The Council welcomes the work of Europol and Eurojust in the fight against",
                        "terrorism and organised crime.", "",
                        "2. The Council calls on the Member States to share information with Frontex."]),
    ]
    page2 = [Column(L, 780, ["3. Cybercrime remains a growing threat to citizens and businesses."])]
    return text_pdf([page1, page2], "11518/1/20 REV 1 GS/np", "JAI.1 EN")


def test_a_council_note_pdf_gives_its_number_date_and_subject() -> None:
    doc = read_bytes(_council_note(), "note.pdf")
    assert (doc.identifier, doc.date, doc.title, doc.doc_type) == (
        "11518/1/20 REV 1", "2020-11-09",
        "Draft Council Conclusions on Internal Security and European Police Partnership", "CouncilNote")
    assert [(p.page, p.text) for p in doc.paragraphs] == [
        (1, "1. The Council welcomes the work of Europol and Eurojust in the fight against terrorism and "
            "organised crime."),
        (1, "2. The Council calls on the Member States to share information with Frontex."),
        (2, "3. Cybercrime remains a growing threat to citizens and businesses."),
    ]


def test_a_boxed_sidebar_does_not_cut_the_sentence_around_it() -> None:
    page = [
        Column(L, 760, ["Cooperation between Europol and the national police forces of the Member",
                        "States has grown in every region over the last ten years, and since then"]),
        Column(L + 10, 715, ["Box 1: Europol hosts liaison officers from every Member State."], size=8),
        Column(L, 680, ["joint investigation teams now work on most serious cases."]),
    ]
    more = [Column(L, 780, ["Eurojust supports them."])]
    doc = read_bytes(text_pdf([page, more], HEADER, FOOTER, boxes={0: (L, 700, 475, 30)}), "box.pdf")
    assert [p.text for p in doc.paragraphs] == [
        "Cooperation between Europol and the national police forces of the Member States has grown in every region "
        "over the last "
        "ten years, and since then joint investigation teams now work on most serious cases.",
        "Box 1: Europol hosts liaison officers from every Member State.",
        "Eurojust supports them.",
    ]


def test_a_corpus_text_typeset_as_pdf_reads_as_the_same_paragraphs() -> None:
    text = read_document(CORPUS / "004_16ba2f289b8017e2.txt")
    titles = {s.index: s.title for s in text.sections}
    items, shown = [], set()
    for p in text.paragraphs:
        if p.section and p.section not in shown:
            shown.add(p.section)
            items.append(("heading", titles[p.section]))
        items.append(("note" if p.footnote else "body", p.text))
    pdf = read_bytes(document_pdf(items), "004.pdf")
    assert max(p.page for p in pdf.paragraphs) >= 3
    assert [p.text for p in pdf.paragraphs] == [p.text for p in text.paragraphs]
    assert [s.title for s in pdf.sections] == [s.title for s in text.sections]
