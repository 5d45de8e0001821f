"""The reference vocabulary as the extractor sees it: entities, their classes and surface forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from iskg.loaders.errors import IskgError
from iskg.loaders.iris import ONTOLOGY as ISKG
from iskg.ontology import ontology_path, vocabulary_path

ISKG_ESTABLISHED = URIRef(ISKG + "established")
TOP_CLASSES = ("Threat", "Principle", "StrategicGuideline", "StrategicObjective", "Actor", "Instrument")


@dataclass
class Entity:
    """A known or discovered entity: IRI, most specific class, top class and labels; `stated`: it is
    a guideline or objective some text states as one (a guideline heading or list, a clause calling
    it an objective), or one the vocabulary marks iskg:established."""

    iri: str
    cls: str
    top: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    discovered: bool = False
    stated: bool = False

    @property
    def labels(self) -> list[str]:
        return [self.label, *self.alt_labels]


def top_class_map(ontology: Graph) -> dict[str, str]:
    """Every class local name of the ontology mapped to the top class it falls under."""
    out: dict[str, str] = {}
    for top in TOP_CLASSES:
        for sub in ontology.transitive_subjects(RDFS.subClassOf, URIRef(ISKG + top)):
            out[str(sub).removeprefix(ISKG)] = top
    return out


def load_vocabulary(path: Path | None = None, ontology: Path | None = None) -> dict[str, Entity]:
    """Entities of the reference vocabulary by IRI, in IRI order."""
    path = path or vocabulary_path()
    onto = Graph().parse(ontology or ontology_path(), format="turtle")
    tops = top_class_map(onto)
    vocab = Graph().parse(path, format="turtle")
    entities: dict[str, Entity] = {}
    for subject in sorted(set(vocab.subjects(SKOS.prefLabel, None))):
        names = (str(t).removeprefix(ISKG) for t in vocab.objects(subject, RDF.type))
        # the most specific class first: a top class only when nothing narrower is given
        classes = sorted((c for c in names if c in tops), key=lambda c: (c in TOP_CLASSES, c))
        if not classes:
            raise IskgError(f"{path.name}: {subject} has no class of the ontology")
        pref = sorted(str(o) for o in vocab.objects(subject, SKOS.prefLabel))[0]
        alts = sorted({str(o) for o in vocab.objects(subject, SKOS.altLabel)} - {pref})
        established = (subject, ISKG_ESTABLISHED, Literal(True)) in vocab
        entities[str(subject)] = Entity(str(subject), classes[0], tops[classes[0]], pref, alts, stated=established)
    return entities
