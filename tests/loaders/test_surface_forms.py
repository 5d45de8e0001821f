"""Other forms of a name the text gives (fixtures/surface_forms_note.txt): a quoted apposition, a
'so-called' form, an unquoted one ending in a head noun, a legal act's citation head; each becomes
a label of the one entity and is found where a later paragraph prints it alone. A parenthesis that
is no name ('(The Hague)') or that names another entity is not taken."""

from __future__ import annotations

from pathlib import Path

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.surface_forms import apposition, citation_head

FIXTURE = Path(__file__).parent / "fixtures" / "surface_forms_note.txt"
ID = "https://w3id.org/iskg/id/"


def test_citation_head_is_the_issuer_type_and_date_of_a_longer_name() -> None:
    assert citation_head("Council Decision of 23 June 2008 on the stepping up of cross-border cooperation") == \
        "Council Decision of 23 June 2008"
    assert citation_head("Council Decision of 23 June 2008") is None
    assert citation_head("Decision on the stepping up of cross-border cooperation") is None


def test_apposition_reads_quoted_marked_and_headed_forms_only() -> None:
    assert apposition("X (the 'Cable Directive') applies", 1) == "Cable Directive"
    assert apposition("X, the so-called Harbour Security Plan, sets", 1) == "Harbour Security Plan"
    assert apposition("X (Harbour Watch Centre) reports", 1) == "Harbour Watch Centre"
    assert apposition("X (The Hague) and", 1) is None
    assert apposition("X (MIEC) and", 1) is None


def test_forms_become_labels_and_are_found_where_printed_alone() -> None:
    doc = parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, "utf-8")
    extractor = Extractor.default()
    extractor.learn([doc])
    labels = {iri.removeprefix(ID): entity.labels for iri, entity in extractor.entities.items()}
    assert labels["instrument/directive-on-undersea-cable-protection"] == ["Directive on Undersea Cable Protection",
                                                                          "Cable Directive"]
    assert labels["instrument/blue-harbour-action-plan"] == ["Blue Harbour Action Plan", "Harbour Security Plan"]
    assert labels["actor/maritime-intelligence-exchange-centre"] == ["Maritime Intelligence Exchange Centre",
                                                                    "Harbour Watch Centre"]
    assert "Council Framework Decision of 18 December 2006" in labels["instrument/swedish-initiative"]
    assert "The Hague" not in labels["actor/europol"] and "European Security Model" not in [
        label for key, ls in labels.items() if key != "guideline/european-security-model" for label in ls]
    result = extractor.extract(doc)
    fifth = next(p.index for p in doc.paragraphs if p.text.startswith("5."))
    assert sorted((m.quote, m.iri.removeprefix(ID)) for m in result.mentions if m.paragraph == fifth) == [
        ("Cable Directive", "instrument/directive-on-undersea-cable-protection"),
        ("Council Framework Decision of 18 December 2006", "instrument/swedish-initiative"),
        ("Harbour Security Plan", "instrument/blue-harbour-action-plan"),
        ("Harbour Watch Centre", "actor/maritime-intelligence-exchange-centre")]
