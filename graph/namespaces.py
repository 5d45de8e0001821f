"""The namespaces of the graph and the prefixes its files are written with."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from iskg.loaders.iris import ONTOLOGY, RESOURCE

ISKG = Namespace(ONTOLOGY)
ID = Namespace(RESOURCE)
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")
CB = Namespace("http://publications.europa.eu/resource/authority/corporate-body/")

PREFIXES = {
    "iskg": ISKG, "id": ID, "oa": OA, "org": ORG, "wd": WD, "cb": CB, "skos": SKOS, "dcterms": DCTERMS,
    "prov": PROV, "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
