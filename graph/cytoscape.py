"""The policy network as Cytoscape JSON (`.cyjs`): what Cytoscape desktop and Cytoscape.js load.

Shape: `{"format_version", "generated_by", "target_cytoscapejs_version", "data": {"name", "documents"},
"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`. Node data: id (IRI), label, class,
kind, works, altLabels, identifiers, documents (IRIs of the documents naming it), evidence (quotes).
Edge data: id, source, target, predicate, evidence_count (renditions of a work counted once), works,
documents, evidence. A quote is `{"quote", "before", "after", "document", "paragraph"}`: the quoted words,
up to 100 characters of the paragraph on either side, and where they stand.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pyoxigraph as ox

from iskg.graph.network import local_name, policy_network, run_analysis_query
from iskg.graph.query import plain_value, run_stored

SKOS = "http://www.w3.org/2004/02/skos/core#"


def _documents(store: ox.Store) -> list[dict]:
    out = []
    for r in run_stored(store, "documents").rows:
        row = {k: plain_value(v) for k, v in r.items()}
        name = row["identifier"] or row["title"] or row["source"]
        out.append({"id": row["document"], "label": f"{name} ({row['source']})", "date": row["date"] or "",
                    "work": row["work"]})
    return out


def _quotes(store: ox.Store) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    mentions: dict[str, list[dict]] = defaultdict(list)
    relations: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in run_analysis_query(store, "evidence-quotes").rows:
        quote = {"quote": r["exact"].value, "before": r["before"].value, "after": r["after"].value,
                 "document": r["document"].value, "paragraph": r["paragraph"].value}
        if r["entity"] is not None:
            mentions[r["entity"].value].append(quote)
        else:
            relations[r["subject"].value, local_name(r["predicate"].value), r["object"].value].append(quote)
    return mentions, relations


def cytoscape_data(store: ox.Store) -> dict:
    """Entities named in the texts or linked, and every relation, with labels, identifiers and evidence."""
    network = policy_network(store, linked_only=False)
    mentions, relations = _quotes(store)
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"altLabels": [], "identifiers": []})
    for r in run_stored(store, "entity-identifiers").rows:
        field = "altLabels" if r["property"].value == SKOS + "altLabel" else "identifiers"
        names[r["entity"].value][field].append(r["value"].value)
    nodes = []
    for iri, d in network.nodes(data=True):
        quotes = mentions.get(iri, [])
        nodes.append({"data": {"id": iri, "label": d["label"], "class": d["cls"], "kind": d["kind"],
                               "works": d["works"], **names[iri],
                               "documents": sorted({q["document"] for q in quotes}), "evidence": quotes}})
    edges = []
    for s, o, key, d in network.edges(keys=True, data=True):
        quotes = relations.get((s, key, o), [])
        edges.append({"data": {"id": f"{s} {key} {o}", "source": s, "target": o, "predicate": key,
                               "evidence_count": d["evidence"], "works": d["works"],
                               "documents": sorted({q["document"] for q in quotes}), "evidence": quotes}})
    return {"format_version": "1.0", "generated_by": "iskg", "target_cytoscapejs_version": "~3",
            "data": {"name": "iskg policy network", "documents": _documents(store)},
            "elements": {"nodes": nodes, "edges": edges}}


def cytoscape_bytes(store: ox.Store) -> bytes:
    return (json.dumps(cytoscape_data(store), indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode()
