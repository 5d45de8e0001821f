"""The VoID/DCAT description of a built graph: what it holds, where from, under which licence, when.

The creation date is the newest date of the documents read (or one passed in), never the clock, so
that building twice still gives byte-identical files.
"""

from __future__ import annotations

from importlib.resources import files

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, RDFS, XSD

from iskg.graph.namespaces import ISKG, bind_prefixes

VOID = Namespace("http://rdfs.org/ns/void#")
DATASET = URIRef("https://w3id.org/iskg/id/dataset/iskg")
DISTRIBUTION = URIRef(f"{DATASET}/distribution/turtle")
CLASSES = ("PolicyDocument", "Threat", "Principle", "StrategicGuideline", "StrategicObjective", "Actor", "Instrument")


def _members(graph: Graph, cls: URIRef) -> set:
    subclasses = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in subclasses for s in graph.subjects(RDF.type, c)}


def _newest_date(graph: Graph) -> Literal | None:
    dates = [d for doc in graph.subjects(DCTERMS.source, None) for d in graph.objects(doc, DCTERMS.date)]
    return max(dates, key=str) if dates else None  # ISO dates of any precision sort by time as text


def dataset_description(graph: Graph, *, turtle_size: int | None = None, created: str | None = None,
                        triples: int | None = None) -> Graph:
    """VoID and DCAT for `graph`: triples, entities per class, documents read, licence, date, ontology version.

    `triples` counts the graph described when `graph` holds only what the description reads of it
    (types, classes, sources, dates, the ontology's header), as the build passes it.
    """
    triples = len(graph) if triples is None else triples
    out = bind_prefixes(Graph())
    out.bind("void", VOID)
    out.bind("dcat", DCAT)
    out.parse(str(files("iskg.graph").joinpath("data/dataset.ttl")), format="turtle")
    out.add((DATASET, VOID.triples, Literal(triples)))
    out.add((DATASET, VOID.entities, Literal(len(_members(graph, ISKG.Entity)))))
    for name in CLASSES:
        partition = URIRef(f"{DATASET}/class/{name}")
        out.add((DATASET, VOID.classPartition, partition))
        out.add((partition, VOID["class"], ISKG[name]))
        out.add((partition, VOID.entities, Literal(len(_members(graph, ISKG[name])))))
    for doc in sorted(set(graph.subjects(DCTERMS.source, None))):
        out.add((DATASET, DCTERMS.source, doc))
    date = Literal(created, datatype=XSD.date) if created else _newest_date(graph)
    if date is not None:
        out.add((DATASET, DCTERMS.created, date))
        out.add((DISTRIBUTION, DCTERMS.created, date))
    for ontology in graph.subjects(RDF.type, OWL.Ontology):
        for version in graph.objects(ontology, OWL.versionIRI):
            out.add((DATASET, DCTERMS.conformsTo, version))
        for info in graph.objects(ontology, OWL.versionInfo):
            out.add((DATASET, OWL.versionInfo, info))
    out.add((DATASET, DCAT.distribution, DISTRIBUTION))
    out.add((DISTRIBUTION, VOID.triples, Literal(triples)))
    if turtle_size is not None:
        out.add((DISTRIBUTION, DCAT.byteSize, Literal(turtle_size, datatype=XSD.nonNegativeInteger)))
    return out
