"""'The principle of X' names principle X: X becomes a label of the known principle, so that a text
printing X alone mentions it."""

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.vocabulary import Entity, top_class_map
from iskg.ontology import ontology_path

IRI = "https://example.org/test/principle-of-harbour-parity"


def _extractor() -> Extractor:
    tops = top_class_map(Graph().parse(ontology_path(), format="turtle"))
    return Extractor({IRI: Entity(IRI, "Principle", "Principle", "principle of harbour parity")}, tops)


def test_the_name_after_the_principles_of_is_a_label_of_the_known_principle():
    text = ("Cooperation rests on the principles of harbour parity and openness.\n\n"
            "Tools based on harbour parity exist.\n")
    doc = parse_text(text, "note.txt", "utf-8")
    extractor = _extractor()
    extractor.learn([doc])
    assert extractor.entities[IRI].labels == ["principle of harbour parity", "harbour parity"]
    quotes = [m.quote for m in extractor.extract(doc).mentions if m.iri == IRI]
    assert quotes == ["principles of harbour parity", "harbour parity"]


def test_a_principle_named_apart_from_a_known_principles_name_is_no_label_of_it():
    doc = parse_text("Cooperation rests on harbour parity as a key principle.\n", "note.txt", "utf-8")
    extractor = _extractor()
    extractor.learn([doc])
    assert extractor.entities[IRI].labels == ["principle of harbour parity"]
