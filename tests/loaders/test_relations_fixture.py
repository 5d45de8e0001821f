"""Each relation cue and rule on one small text written for the test (fixtures/relations_note.txt).

One numbered paragraph per rule, read through the whole extractor with the packaged vocabulary:
a list of subjects sharing the verb after it, a relative clause that speaks only of what it names,
the issuing body's verb that no relation crosses, a frame that sees the words before the first
name ('based on @ include'), reverse cues ('the fight against X requires Y'), nominal cues, the
cooperation of a list of actors but not of the body that must ensure it, nor of an actor named
before a passive's agents, the threats named inside an instrument's name, and a relation that holds
for the names listed after its object however far the list runs; the narrower threats listed right
after a broader one ('disasters, such as floods'), not those further on ('including victims of').
"""

from __future__ import annotations

from pathlib import Path

from notes import extract_note

FIXTURE = Path(__file__).parent / "fixtures" / "relations_note.txt"
ID = "https://w3id.org/iskg/id/"

EXPECTED = {
    1: {("actor/eurojust", "serves", "objective/interoperability-of-information-systems"),
        ("actor/europol", "serves", "objective/interoperability-of-information-systems")},
    2: {("actor/frontex", "manages", "instrument/eurosur")},
    3: {("actor/europol", "supports", "instrument/empact")},
    4: {("instrument/european-arrest-warrant", "restsOn", "principle/mutual-recognition")},
    5: {("instrument/schengen-information-system", "addresses", "threat/terrorism")},
    6: {("actor/europol", "operates", "instrument/socta"),
        ("instrument/socta", "addresses", "threat/serious-and-organised-crime")},
    7: {("instrument/union-civil-protection-mechanism", "addresses", "threat/natural-and-man-made-disasters")},
    8: {("instrument/peer-evaluation", "addresses", "threat/cybercrime")},
    9: {("actor/cosi", "coordinates", "actor/europol"), ("actor/cosi", "coordinates", "actor/frontex"),
        ("actor/cosi", "coordinates", "actor/eurojust"), ("actor/europol", "cooperatesWith", "actor/frontex"),
        ("actor/eurojust", "cooperatesWith", "actor/europol"), ("actor/eurojust", "cooperatesWith", "actor/frontex")},
    10: {("actor/eurojust", "cooperatesWith", "actor/european-commission")},
    11: {("instrument/radicalisation-and-recruitment-strategy", "addresses", "threat/radicalisation"),
         ("instrument/radicalisation-and-recruitment-strategy", "addresses", "threat/recruitment-to-terrorism")},
    12: {("instrument/joint-investigation-teams", "serves", "guideline/operational-cooperation"),
         ("instrument/joint-patrols", "serves", "guideline/operational-cooperation")},
    13: {("threat/floods", "broader", "threat/natural-and-man-made-disasters"),
         ("threat/storms", "broader", "threat/natural-and-man-made-disasters"),
         ("threat/earthquakes", "broader", "threat/natural-and-man-made-disasters")},
}


def test_each_cue_reads_exactly_its_relations_per_paragraph() -> None:
    doc, result = extract_note(FIXTURE)
    numbered = {p.index: int(p.text.split(".", 1)[0]) for p in doc.paragraphs if p.text[:1].isdigit()}
    found: dict[int, set[tuple[str, str, str]]] = {n: set() for n in EXPECTED}
    for r in result.relations:
        rel = r.relation
        found[numbered[r.paragraph]].add((rel.subject.removeprefix(ID), rel.predicate, rel.object.removeprefix(ID)))
    assert found == EXPECTED


def test_relations_keep_their_quote_and_the_directive_that_addresses_them() -> None:
    doc, result = extract_note(FIXTURE)
    texts = {p.index: p.text for p in doc.paragraphs}
    assert all(texts[r.paragraph][r.relation.start:r.relation.end] == r.quote for r in result.relations)
    urged = [r.relation for r in result.relations if r.relation.predicate == "supports"]
    assert [(r.modality, r.addressee.removeprefix(ID)) for r in urged] == [("urges", "actor/europol")]
    listed = sorted((r.relation.subject.removeprefix(ID), r.relation.modality, r.relation.addressee.removeprefix(ID))
                    for r in result.relations if r.relation.predicate == "serves" and "/actor/" in r.relation.subject)
    assert listed == [("actor/eurojust", "should", "actor/eurojust"), ("actor/europol", "should", "actor/europol")]
