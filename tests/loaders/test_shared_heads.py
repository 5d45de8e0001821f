"""Two names sharing a head ('the Valletta and Riga programmes'): the first is found when its own
name ('Valletta Programme') is known, on a small text."""

from __future__ import annotations

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

ID = "https://w3id.org/iskg/id/instrument/"


def _mentions(text: str) -> list[tuple[str, str]]:
    vocabulary = {ID + name: Entity(ID + name, "PolicyProgramme", "Instrument", label)
                  for name, label in (("valletta", "Valletta Programme"), ("riga", "Riga Programme"))}
    extractor = Extractor(vocabulary, top_class_map(Graph().parse(ontology_path(), format="turtle")))
    doc = parse_text(f"Note\n\n{text}\n", "t.txt", "utf-8")
    extractor.learn([doc])
    return [(m.iri.removeprefix(ID), m.quote) for m in extractor.extract(doc).mentions]


def test_a_name_coordinated_before_a_known_one_shares_its_head() -> None:
    assert _mentions("Progress under the Valletta and Riga programmes was made.") == [
        ("riga", "Riga programmes"), ("valletta", "Valletta and Riga programmes")]


def test_an_unknown_first_name_or_a_lower_case_word_shares_nothing() -> None:
    assert _mentions("Progress under the Tallinn and Riga programmes was made.") == [("riga", "Riga programmes")]
    assert _mentions("Progress under national and Riga programmes was made.") == [("riga", "Riga programmes")]
