"""Metadata: document numbers in one printed form, header dates, titles, types and citations."""

from __future__ import annotations

import pytest

from iskg.loaders.metadata import find_numbers, header_date
from iskg.loaders.read import parse_text


@pytest.mark.parametrize(
    ("printed", "identifier"),
    [
        ("5842/2/10 REV 2", "5842/2/10 REV 2"),
        ("5842/2/10  rev.2", "5842/2/10 REV 2"),
        ("11518/1/20\nREV 1", "11518/1/20 REV 1"),
        ("14297/19", "14297/19"),
        ("Doc. 9596/06 ADD 1", "9596/06 ADD 1"),
        ("EUCO 79/14", "EUCO 79/14"),
        ("COM(2020) 605 final", "COM(2020) 605 final"),
        ("COM (2020)605", "COM(2020) 605 final"),
        ("WK 10468/2020", "WK 10468/2020"),
        ("SN 123/10", "SN 123/10"),
    ],
)
def test_document_numbers_are_normalised(printed: str, identifier: str) -> None:
    assert [n.identifier for n in find_numbers(printed)] == [identifier]


def test_printed_forms_keep_subject_codes() -> None:
    found = find_numbers("Doc. 7120/10 CO EUR-PREP 8 JAI 182; 11657/08 JAI 373 and 11960/08 JAI 388. "
                         "Doc. EUCO 79/14 CO EUR 4 CONCL 2")
    assert [(n.identifier, n.printed) for n in found] == [
        ("7120/10", "7120/10 CO EUR-PREP 8 JAI 182"), ("11657/08", "11657/08 JAI 373"),
        ("11960/08", "11960/08 JAI 388"), ("EUCO 79/14", "EUCO 79/14 CO EUR 4 CONCL 2")]


@pytest.mark.parametrize(
    "text",
    ["Directive 2011/36/EU", "Regulation (EU) 2016/794", "on 23/02/2010", "24/7 support", "Article 4(2) TEU",
     "for 2021-2025", "COVID-19", "Doc. ref xxxx/20"],
)
def test_other_numbers_are_not_documents(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        (["COUNCIL OF THE EUROPEAN UNION", "Brussels, 23 February 2010"], "2010-02-23"),
        (["Justice and Home affairs Council meeting", "Brussels, 4 December 2014"], "2014-12-04"),
        (["Luxembourg, 4 and 5 June 2009"], "2009-06-04"),
        (["Brussels, 24.7.2020", "COM(2020) 605 final"], "2020-07-24"),
        (["(JHA Council, October 2008)"], "2008-10"),
        (["9 November 2020"], "2020-11-09"),
        (["2015"], "2015"),
        (["No. prev. doc.: 5842/2/10 REV 2 JAI 90"], None),
    ],
)
def test_header_dates(lines: list[str], date: str | None) -> None:
    assert header_date(lines) == date


CONCLUSIONS = """## **Convergence of Internal Security – Council conclusions**

(JHA Council, October 2008)

The Council adopted the following conclusions:

"Recalling the Council agreement of 1 and 2 June 2006 [1], and the report [2],

1 9596/06 JAI 271 CATS 104.

2 11657/08 JAI 373 and 11960/08 JAI 388.

Recalls its conclusions of 8 October 2019 and Doc. 9596/06 again."
"""


def test_conclusions_metadata_and_footnote_citations() -> None:
    doc = parse_text(CONCLUSIONS, "c.md", "utf-8")
    assert (doc.identifier, doc.date, doc.doc_type) == (None, "2008-10", "CouncilConclusions")
    assert doc.title == "Convergence of Internal Security – Council conclusions"
    notes = [p.index for p in doc.paragraphs if p.footnote]
    assert [(c.identifier, c.printed, c.paragraph) for c in doc.citations] == [
        ("9596/06", "9596/06 JAI 271 CATS 104", notes[0]),
        ("11657/08", "11657/08 JAI 373", notes[1]),
        ("11960/08", "11960/08 JAI 388", notes[1]),
    ]


NOTE = """Council of the European Union
Brussels, 9 November 2020
(OR. en)
11518/1/20
REV 1
LIMITE
COSI 164 CATS 79

NOTE
From:\tPresidency
To:\tDelegations
No. prev. doc.:\t11518/20
Subject:\tDraft Council Conclusions on Internal Security

Delegations will find attached a revised version, see also WK 10468/2020 and 11518/1/20 REV 1.

The Council notes the meeting of 4 November 2020.
"""


def test_note_metadata_own_number_excluded_from_citations() -> None:
    doc = parse_text(NOTE, "n.txt", "utf-8")
    assert (doc.identifier, doc.date, doc.doc_type) == ("11518/1/20 REV 1", "2020-11-09", "CouncilNote")
    assert doc.title == "Draft Council Conclusions on Internal Security"
    assert [(c.identifier, c.paragraph) for c in doc.citations] == [("11518/20", None), ("WK 10468/2020", 1)]


def test_no_header_date_means_none() -> None:
    text = ("NOTE\nFrom: Council\nTo: European Council\nSubject: Strategy\n\n"
            "At its meeting of 25-26 February 2010, the Council agreed.\n")
    assert parse_text(text, "x.txt", "utf-8").date is None


def test_commission_communication() -> None:
    text = ("EUROPEAN COMMISSION\n\nBrussels, 24.7.2020\nCOM(2020) 605 final\n\n"
            "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT, THE EUROPEAN COUNCIL, THE COUNCIL, "
            "THE EUROPEAN ECONOMIC AND SOCIAL COMMITTEE AND THE COMMITTEE OF THE REGIONS\n\n"
            "on the EU Security Union Strategy\n\n1. INTRODUCTION\n\nEurope faces threats (see SWD(2020) 200 final).\n")
    doc = parse_text(text, "com.txt", "utf-8")
    assert (doc.identifier, doc.date, doc.doc_type) == ("COM(2020) 605 final", "2020-07-24", "Communication")
    assert doc.title.endswith("COMMITTEE OF THE REGIONS on the EU Security Union Strategy")
    assert [c.identifier for c in doc.citations] == ["SWD(2020) 200 final"]


COMMUNICATION_HEAD = ("EUROPEAN COMMISSION\n\nBrussels, 3.5.2012\nCOM(2012) 190 final\n\n"
                      "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL\n\n")


@pytest.mark.parametrize(("under", "title"), [
    ("Safer ports for a safer Union: three steps", "Safer ports for a safer Union: three steps"),
    ("on a harbour security agenda",
     "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL on a harbour security agenda"),
    ("Ports face new threats, and this communication answers them.",
     "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL"),
])
def test_the_title_of_a_communication_is_printed_under_the_line_saying_what_it_is(under: str, title: str) -> None:
    text = COMMUNICATION_HEAD + under + "\n\n1. INTRODUCTION\n\nPorts matter to the Union.\n"
    doc = parse_text(text, "com.txt", "utf-8")
    assert (doc.identifier, doc.title, doc.doc_type) == ("COM(2012) 190 final", title, "Communication")


def test_a_two_column_front_page_gives_its_dateline_and_a_subject_hyphenated_across_lines_is_joined() -> None:
    """What broke: 'THE EUROPEAN UNION      Brussels, 8 June 2012' was one line, whose date no dateline
    rule finds at its start, and the subject kept 'infra- structure'."""
    text = ("COUNCIL OF\nTHE EUROPEAN UNION                         Brussels, 8 June 2012\n"
            "                                                  10542/12\n\n"
            "OUTCOME OF PROCEEDINGS\nof:          Justice and Home Affairs Council\n"
            "No. prev. doc.:    9876/12\n"
            "Subject:     Council conclusions on harbour infra-\n             structure\n\n"
            "The Council protects harbour infrastructure and the harbours.\n")
    doc = parse_text(text, "n.txt", "utf-8")
    assert (doc.identifier, doc.date) == ("10542/12", "2012-06-08")
    assert doc.title == "Council conclusions on harbour infrastructure"


WRAPPED_BODY = ("The Union acts against crime and terrorism in its territory, at its borders and in\n"
                "the wider world, with its partners and in line with fundamental rights and with the\n"
                "rule of law. It shares information between the police forces of the Member States,\n"
                "it trains their officers together and it funds the equipment that they need most.\n\n")


def test_a_kind_line_wrapped_over_lines_gives_way_to_the_title_under_it() -> None:
    """What broke: an addressee line wrapped after 'THE' was cut into headings, and its second
    half ('EUROPEAN ECONOMIC AND SOCIAL COMMITTEE …') was read as the title."""
    text = ("EUROPEAN COMMISSION\n\nBrussels, 3.5.2012\nCOM(2012) 190 final\n\n"
            "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT, THE COUNCIL, THE\n"
            "EUROPEAN ECONOMIC AND SOCIAL COMMITTEE AND THE COMMITTEE OF THE REGIONS\n\n"
            "Safer ports for a safer Union\n\n1. INTRODUCTION\n\n" + WRAPPED_BODY * 3)
    assert parse_text(text, "com.txt", "utf-8").title == "Safer ports for a safer Union"


def test_the_issuer_printed_above_the_kind_line_is_not_the_title() -> None:
    text = ("EUROPEAN COMMISSION\nHIGH REPRESENTATIVE OF THE EUROPEAN UNION FOR FOREIGN AFFAIRS AND SECURITY POLICY\n\n"
            "Brussels, 7.2.2013\nJOIN(2013) 1 final\n\n"
            "JOINT COMMUNICATION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL\n\n"
            "Harbour Security Strategy of the European Union\n\n1. INTRODUCTION\n\nPorts matter to the Union.\n")
    doc = parse_text(text, "join.txt", "utf-8")
    assert (doc.identifier, doc.title) == ("JOIN(2013) 1 final", "Harbour Security Strategy of the European Union")


@pytest.mark.parametrize("front", ["", "COMMUNICATION FROM THE COMMISSION TO THE COUNCIL\n\n"])
def test_a_heading_naming_a_part_of_any_text_is_no_title(front: str) -> None:
    text = front + "INTRODUCTION\n\nPorts matter to the Union, and their security matters to all of us.\n"
    assert parse_text(text, "x.txt", "utf-8").title == (front.strip() or None)


def test_the_number_a_running_header_repeats_is_read_from_the_front_page() -> None:
    """What broke: an OCR'd communication repeats its number at the top of every page; dropping
    the repeats as page furniture dropped the front page's printing too, and the text had no number."""
    page = "                                                  COM(2014) 154 final\n\n" + WRAPPED_BODY
    text = ("EUROPEAN COMMISSION\n\nBrussels, 11.3.2014\nCOM(2014) 154 final\n\n"
            "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE\nCOUNCIL\n\n"
            "An open and secure Europe\n\n1. INTRODUCTION\n\n" + page * 4)
    doc = parse_text(text, "com.txt", "utf-8")
    assert (doc.identifier, doc.title) == ("COM(2014) 154 final", "An open and secure Europe")
    assert not any("154 final" in p.text for p in doc.paragraphs)


def test_an_official_journal_acts_title_is_read_past_the_journals_part_and_section_lines() -> None:
    """What broke: an OCR'd regulation's title was 'I', the Official Journal's part over it; and its
    title, cut after 'AND OF' by the capitals, lost the rest printed under it."""
    recitals = ("Having regard to the Treaty on the Functioning of the European\n"
                "Union, and in particular Article 82(1) and Article 84 thereof,\n\nWhereas:\n\n"
                "(1) The Union protects its harbours against sabotage and the\n"
                "smuggling of drugs and weapons, and it shares the cost of the\n"
                "patrol boats and the scanners that the Member States use.\n\n")
    text = ("I\n\n(Legislative acts)\n\nREGULATIONS\n\n"
            "REGULATION (EU) No 99/2014 OF THE EUROPEAN PARLIAMENT AND OF\nTHE COUNCIL\nof 16 April 2014\n"
            "establishing a fund for safer harbours and repealing\nCouncil Decision 2007/125/JHA\n\n"
            "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,\n\n" + recitals * 3)
    assert parse_text(text, "oj.txt", "utf-8").title == (
        "REGULATION (EU) No 99/2014 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 16 April 2014 "
        "establishing a fund for safer harbours and repealing Council Decision 2007/125/JHA")


def test_a_title_cut_off_in_mid_phrase_in_a_text_of_headings_only_stays_as_printed() -> None:
    """What broke: a text of one heading ending in 'the' and no paragraph raised an IndexError
    where its title looked for the paragraph under the heading."""
    assert parse_text("HARBOUR SECURITY IN THE\n", "h.txt", "utf-8").title == "HARBOUR SECURITY IN THE"
