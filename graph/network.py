"""The policy network: entities as nodes, relations between them as edges, read through stored queries.

Evidence is counted with the renditions of one work (a clean copy and its OCR copy) counted once: for
each work, the rendition with the most passages for a link gives the work's count.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files

import networkx as nx
import pyoxigraph as ox

from iskg.graph.query import Rows, plain_value, run_select, run_stored

ONTOLOGY = "https://w3id.org/iskg/ontology#"
# one colour per top-level class, the same in every picture and on the HTML page
KIND_COLOURS = {"Actor": "#1f77b4", "Instrument": "#ff7f0e", "Threat": "#d62728", "StrategicObjective": "#2ca02c",
                "StrategicGuideline": "#9467bd", "Principle": "#8c564b"}


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Entity:
    iri: str
    label: str
    cls: str   # the most specific asserted class, local name (e.g. Agency)
    kind: str  # the top-level class, local name (e.g. Actor)
    works: int


@dataclass(frozen=True)
class Link:
    subject: str
    predicate: str  # local name, e.g. serves
    object: str
    serving: bool  # iskg:serves or one of its sub-properties
    evidence: int  # passages, renditions of one work counted once
    works: tuple[str, ...]  # works that say so


def entities(store: ox.Store) -> dict[str, Entity]:
    """Every entity by IRI; of several asserted classes, the most specific (then the first by name)."""
    found: dict[str, Entity] = {}
    for row in run_stored(store, "network-entities").rows:
        iri, cls, kind = row["entity"].value, local_name(row["class"].value), local_name(row["kind"].value)
        known = found.get(iri)
        if known is None or (known.cls == known.kind and cls != kind):
            found[iri] = Entity(iri, row["label"].value, cls, kind, plain_value(row["works"]))
    return found


def run_analysis_query(store: ox.Store, name: str) -> Rows:
    """A query of the analyses kept beside them in `graph/data/` (slow on rdflib, so not a stored query)."""
    return run_select(store, files("iskg.graph").joinpath(f"data/{name}.rq").read_text(encoding="utf-8"))


def works_of_documents(store: ox.Store) -> dict[str, str]:
    """Each document read, by IRI, to its work (the rendition the `documents` query names for it)."""
    return {r["document"].value: r["work"].value for r in run_stored(store, "documents").rows}


def links(store: ox.Store) -> list[Link]:
    """Every relation between two entities, with its evidence counted once per work."""
    work_of = works_of_documents(store)
    per_doc: dict[tuple[str, str, str, bool], dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in run_analysis_query(store, "network-links").rows:
        key = (row["subject"].value, local_name(row["predicate"].value), row["object"].value,
               bool(plain_value(row["serving"])))
        works = per_doc[key]
        if row["document"] is not None:
            doc = row["document"].value
            works[work_of[doc]][doc] = plain_value(row["evidence_count"])
    return [Link(s, p, o, serving, sum(max(docs.values()) for docs in works.values()), tuple(sorted(works)))
            for (s, p, o, serving), works in sorted(per_doc.items())]


def policy_network(store: ox.Store, *, linked_only: bool = True) -> nx.MultiDiGraph:
    """Entities (label, class, kind) and one edge per relation (predicate, evidence, works), in IRI order.

    With `linked_only`, entities that take part in no relation are left out; else those no text names
    and no relation touches (reference vocabulary the corpus never uses) are.
    """
    known = entities(store)
    edges = links(store)
    keep = {e for link in edges for e in (link.subject, link.object)}
    if not linked_only:
        keep |= {iri for iri, e in known.items() if e.works}
    graph = nx.MultiDiGraph()
    for iri in sorted(keep & set(known)):
        e = known[iri]
        graph.add_node(iri, label=e.label, cls=e.cls, kind=e.kind, works=e.works)
    for link in edges:
        if link.subject in graph and link.object in graph:
            graph.add_edge(link.subject, link.object, key=link.predicate, predicate=link.predicate,
                           evidence=link.evidence, works=len(link.works))
    return graph


def undirected(network: nx.MultiDiGraph) -> nx.Graph:
    """One edge per pair of entities, weighted by the evidence of all relations between them (at least 1)."""
    graph = nx.Graph()
    graph.add_nodes_from(network.nodes(data=True))
    for s, o, data in network.edges(data=True):
        if s == o:
            continue
        weight = max(1, data["evidence"])
        if graph.has_edge(s, o):
            graph[s][o]["weight"] += weight
        else:
            graph.add_edge(s, o, weight=weight)
    return graph
