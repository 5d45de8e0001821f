"""The subject codes of a cited document number ('9596/06 JAI 271 CATS 104') file the document;
they name no body, so an actor's acronym among them is not a mention of it."""

from iskg.loaders.extract import Extractor
from iskg.loaders.metadata import number_spans
from iskg.loaders.read import parse_text

CATS = "https://w3id.org/iskg/id/actor/cats"
COSI = "https://w3id.org/iskg/id/actor/cosi"

NOTE = """Council conclusions on a test

The Council recalls its conclusions on the exchange of information [1].

1 9596/06 JAI 271 CATS 104 COSI 12.

CATS prepared the discussion in the Council.
"""


def test_number_spans_cover_the_subject_codes_after_a_number():
    text = "see 9596/06 JAI 271 CATS 104 and 7120/10."
    assert [text[s:e] for s, e in number_spans(text)] == ["9596/06 JAI 271 CATS 104", "7120/10"]


def test_acronym_in_a_cited_number_is_not_a_mention_but_one_in_a_sentence_is():
    doc = parse_text(NOTE, "numbers.txt", "utf-8")
    extractor = Extractor.default()
    extractor.learn([doc])
    result = extractor.extract(doc)
    texts = {p.index: p.text for p in doc.paragraphs}
    cats = [(texts[m.paragraph], m.start) for m in result.mentions if m.iri == CATS]
    assert cats == [("CATS prepared the discussion in the Council.", 0)]
    assert not [m for m in result.mentions if m.iri == COSI]
