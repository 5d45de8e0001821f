"""The built graph in the formats other tools load: RDF (ttl, nt, jsonld, trig), networks (graphml, gexf,
Cytoscape JSON) and a self-contained interactive HTML page.

Every format is deterministic: the same graph gives the same bytes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import to_canonical_graph

from iskg.graph.build import evidence_nodes
from iskg.graph.files import prepare_out_dir, write_atomic
from iskg.graph.namespaces import PREFIXES, bind_prefixes
from iskg.graph.network import policy_network
from iskg.graph.query import open_store
from iskg.graph.rdflib_engine import load_graph
from iskg.graph.turtle import turtle_bytes
from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path, vocabulary_path

GRAPHS = "https://w3id.org/iskg/graph/"
NAMED_GRAPHS = ("ontology", "vocabulary", "data", "evidence")  # the TriG export's graphs, under GRAPHS


def ntriples_bytes(graph: Graph) -> bytes:
    """N-Triples, one line per triple, lines sorted; blank nodes named from what they hold."""
    lines = to_canonical_graph(graph).serialize(format="nt", encoding="utf-8").decode().splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode()


def _sorted_jsonld(value: object, ordered: bool = False) -> object:
    """Values in a fixed order; an RDF list (`@list`) keeps its own."""
    if isinstance(value, dict):
        return {k: _sorted_jsonld(v, k == "@list") for k, v in sorted(value.items())}
    if isinstance(value, list) and ordered:
        return [_sorted_jsonld(v) for v in value]
    if isinstance(value, list):
        items = [_sorted_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld_bytes(graph: Graph) -> bytes:
    """JSON-LD with the project's prefixes as its @context; nodes, values and blank-node names fixed."""
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    doc = json.loads(to_canonical_graph(graph).serialize(format="json-ld", context=context, auto_compact=True))
    doc = {"@context": context, "@graph": _sorted_jsonld(doc.get("@graph", []))}
    return (json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode()


def split_graphs(graph: Graph) -> dict[str, Graph]:
    """The build's triples in four graphs: the ontology, the reference vocabulary, the evidence, the data."""
    ontology = Graph().parse(ontology_path(), format="turtle")
    vocabulary = Graph().parse(vocabulary_path(), format="turtle")
    evidence = evidence_nodes(graph)
    parts = {name: Graph() for name in NAMED_GRAPHS}
    for triple in graph:
        if triple in ontology:
            parts["ontology"].add(triple)
        elif triple in vocabulary:
            parts["vocabulary"].add(triple)
        elif triple[0] in evidence:
            parts["evidence"].add(triple)
        else:
            parts["data"].add(triple)
    return parts


def trig_bytes(graph: Graph) -> bytes:
    """TriG with the ontology, vocabulary, data and evidence in named graphs `…/graph/{name}`."""
    # each graph as sorted Turtle in its own block: rdflib's TriG writer orders graphs by hash
    prefixes: set[str] = set()
    blocks = []
    for name, part in split_graphs(graph).items():
        lines = turtle_bytes(part).decode().splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n")
        blocks.append(f"<{GRAPHS}{name}> {{\n{body}\n}}\n")
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode()


def export_network(store: ox.Store) -> nx.MultiDiGraph:
    """The policy network with attributes every network tool keeps: strings and integers, no lists."""
    network = policy_network(store, linked_only=False)
    out = nx.MultiDiGraph()
    for n, d in network.nodes(data=True):
        out.add_node(n, label=d["label"], **{"class": d["cls"]}, kind=d["kind"], works=d["works"])
    for s, o, key, d in network.edges(keys=True, data=True):
        out.add_edge(s, o, key=key, predicate=key, evidence=d["evidence"], works=d["works"])
    return out


def graphml_bytes(network: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(network, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(network: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 with node class, kind and label and edge predicate and evidence as attributes (for Gephi)."""
    copy = nx.MultiDiGraph()
    copy.add_nodes_from(network.nodes(data=True))
    for s, o, key, d in network.edges(keys=True, data=True):
        copy.add_edge(s, o, key=key, id=f"{s} {key} {o}", **d)
    buf = io.BytesIO()
    nx.write_gexf(copy, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps the date of writing into the file; the same graph must give the same bytes
    text = buf.getvalue().decode()
    start = text.find("<meta lastmodifieddate=")
    if start >= 0:
        end = text.index(">", start)
        text = text[:start] + "<meta>" + text[end + 1:]
    return text.encode()


def _rdf(fn: Callable[[Graph], bytes]) -> Callable[[Path], bytes]:
    return lambda graph_file: fn(bind_prefixes(load_graph(graph_file)))


def _network(fn: Callable[[ox.Store], bytes]) -> Callable[[Path], bytes]:
    return lambda graph_file: fn(open_store(graph_file))


def _html(store: ox.Store) -> bytes:
    from iskg.graph.html_page import html_bytes

    return html_bytes(store)


def _cyjs(store: ox.Store) -> bytes:
    from iskg.graph.cytoscape import cytoscape_bytes

    return cytoscape_bytes(store)


WRITERS: dict[str, Callable[[Path], bytes]] = {
    "ttl": _rdf(turtle_bytes),
    "nt": _rdf(ntriples_bytes),
    "jsonld": _rdf(jsonld_bytes),
    "trig": _rdf(trig_bytes),
    "graphml": _network(lambda store: graphml_bytes(export_network(store))),
    "gexf": _network(lambda store: gexf_bytes(export_network(store))),
    "cyjs": _network(_cyjs),
    "html": _network(_html),
}
FORMATS = tuple(WRITERS)


def export_bytes(graph_file: Path, fmt: str) -> bytes:
    """The built graph in format `fmt` (one of FORMATS)."""
    if fmt not in WRITERS:
        raise IskgError(f"unknown export format '{fmt}' (one of {', '.join(FORMATS)})")
    return WRITERS[fmt](graph_file)


def export(graph_file: Path, fmt: str, out: Path | None = None) -> Path:
    """Write the export to `out` (default: `export/iskg.{fmt}` beside the graph), never half-written."""
    target = out or graph_file.parent / "export" / f"iskg.{fmt}"
    data = export_bytes(graph_file, fmt)
    prepare_out_dir(target.parent)
    return write_atomic(target, data)
