"""Network analyses of the policy graph, each a function from the store to a `Table`.

Renditions of one work (`iskg:sameWorkAs`: a clean copy and its OCR copy) are counted once
throughout: evidence per work is that of its best-evidenced rendition, and documents are works.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import combinations

import networkx as nx
import pyoxigraph as ox

from iskg.graph.network import Entity, entities, links, policy_network, undirected
from iskg.graph.query import plain_value, run_stored
from iskg.graph.table import Table

GOAL_KINDS = ("StrategicObjective", "StrategicGuideline")
KIND_ORDER = ("Actor", "Instrument", "Threat", "StrategicObjective", "StrategicGuideline", "Principle")
DIGITS = 6  # centralities are rounded so that tables are byte-stable across platforms
SEED = 1  # Louvain's random order, fixed: the same graph gives the same communities


def _by_total(totals: Counter, labels: dict[str, str]) -> list[str]:
    return sorted(totals, key=lambda k: (-totals[k], labels[k].lower(), k))


def agencies_objectives(store: ox.Store) -> Table:
    """Actors × the objectives and guidelines they serve or support, cells = passages saying so."""
    known = entities(store)
    cells: Counter = Counter()
    for link in links(store):
        s, o = known.get(link.subject), known.get(link.object)
        if link.serving and s and o and s.kind == "Actor" and o.kind in GOAL_KINDS:
            cells[link.subject, link.object] += max(1, link.evidence)
    labels = {iri: e.label for iri, e in known.items()}
    actor_totals: Counter = Counter()
    goal_totals: Counter = Counter()
    for (a, g), n in cells.items():
        actor_totals[a] += n
        goal_totals[g] += n
    actors, goals = _by_total(actor_totals, labels), _by_total(goal_totals, labels)
    columns = ("actor", "iri", *(f"{labels[g]} [{known[g].kind}]" for g in goals))
    rows = tuple((labels[a], a, *(cells[a, g] for g in goals)) for a in actors)
    return Table(columns, rows)


def _centralities(graph: nx.Graph) -> dict[str, dict[str, float]]:
    if not graph:
        return {}
    pagerank = nx.pagerank(graph, weight="weight")
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    eigen = nx.eigenvector_centrality(graph, weight="weight", max_iter=10_000, tol=1e-10)
    return {n: {"betweenness": betweenness[n], "pagerank": pagerank[n], "eigenvector": eigen[n]} for n in graph}


def centrality(store: ox.Store) -> Table:
    """Degree, betweenness, PageRank and eigenvector centrality, ranked by PageRank within each class."""
    graph = undirected(policy_network(store))
    scores = _centralities(graph)
    kinds = [k for k in KIND_ORDER if any(d["kind"] == k for _, d in graph.nodes(data=True))]
    rows = []
    for kind in kinds:
        members = [n for n, d in graph.nodes(data=True) if d["kind"] == kind]
        members.sort(key=lambda n: (-round(scores[n]["pagerank"], DIGITS), graph.nodes[n]["label"].lower(), n))
        for rank, n in enumerate(members, 1):
            d, s = graph.nodes[n], scores[n]
            rows.append((kind, rank, d["label"], n, d["cls"], graph.degree(n),
                         *(round(s[m], DIGITS) for m in ("betweenness", "pagerank", "eigenvector"))))
    return Table(("kind", "rank", "label", "iri", "class", "degree", "betweenness", "pagerank", "eigenvector"),
                 tuple(rows))


def community_partition(graph: nx.Graph) -> list[list[str]]:
    """Louvain communities, largest first (ties: by the smallest member label), members by label."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED) if graph else []
    def label(n: str) -> tuple[str, str]:
        return graph.nodes[n]["label"].lower(), n
    groups = [sorted(c, key=label) for c in found]
    return sorted(groups, key=lambda g: (-len(g), label(g[0])))


def communities(store: ox.Store) -> Table:
    """Communities of the policy network, each with its size, its classes and its members."""
    graph = undirected(policy_network(store))
    rows = []
    for i, members in enumerate(community_partition(graph), 1):
        kinds = Counter(graph.nodes[n]["kind"] for n in members)
        mix = ", ".join(f"{k} {kinds[k]}" for k in KIND_ORDER if kinds[k])
        rows.append((i, len(members), mix, "; ".join(graph.nodes[n]["label"] for n in members)))
    return Table(("community", "size", "classes", "members"), tuple(rows))


def _work_columns(rows: list[dict]) -> list[tuple[str, str, str]]:
    """(work, date, heading) for the works of threat-timeline rows, in date order (undated last)."""
    works = {}
    for r in rows:
        works.setdefault(r["document"], (r["date"] or "", r["source"]))
    ordered = sorted(works.items(), key=lambda kv: (kv[1][0] or "~", kv[1][1], kv[0]))
    return [(w, date, f"{date or 'undated'} {source}") for w, (date, source) in ordered]


def threat_timeline(store: ox.Store) -> Table:
    """Threats × works in date order (1 where a work names the threat), with first and last appearance."""
    rows = [{k: plain_value(v) for k, v in r.items()} for r in run_stored(store, "threat-timeline").rows]
    works = _work_columns(rows)
    named: dict[str, set[str]] = defaultdict(set)
    labels = {}
    for r in rows:
        named[r["threat"]].add(r["document"])
        labels[r["threat"]] = r["threat_label"]
    position = {w: i for i, (w, _, _) in enumerate(works)}
    dates = {w: d for w, d, _ in works}

    def span(threat: str) -> tuple[int, int]:
        places = sorted(position[w] for w in named[threat])
        return places[0], places[-1]

    out = []
    for t in sorted(named, key=lambda t: (*span(t), labels[t].lower(), t)):
        first, last = span(t)
        out.append((labels[t], t, dates[works[first][0]] or None, dates[works[last][0]] or None, len(named[t]),
                    *(int(w in named[t]) for w, _, _ in works)))
    return Table(("threat", "iri", "first", "last", "works", *(h for _, _, h in works)), tuple(out))


def citation_network(store: ox.Store) -> nx.DiGraph:
    """Works and the documents they cite (read or cited only), an edge per citation."""
    graph = nx.DiGraph()
    for r in run_stored(store, "documents").rows:
        if r["document"] == r["work"]:
            graph.add_node(r["work"].value, identifier=plain_value(r["identifier"]) or "",
                           title=plain_value(r["title"]) or "", date=plain_value(r["date"]) or "", in_corpus=True)
    for r in run_stored(store, "citation-network").rows:
        cited = r["cited"].value
        if cited not in graph:
            graph.add_node(cited, identifier=plain_value(r["cited_identifier"]) or "", title="", date="",
                           in_corpus=bool(plain_value(r["in_corpus"])))
        graph.add_edge(r["citing"].value, cited)
    return graph


def citations(store: ox.Store) -> Table:
    """Every document of the citation network, the most cited first, with what it cites."""
    graph = citation_network(store)
    order = sorted(graph, key=lambda n: (-graph.in_degree(n), graph.nodes[n]["identifier"] or "~", n))
    rows = tuple((n, d["identifier"] or None, d["title"] or None, d["date"] or None, d["in_corpus"],
                  graph.in_degree(n), graph.out_degree(n))
                 for n in order for d in [graph.nodes[n]])
    return Table(("document", "identifier", "title", "date", "in_corpus", "cited_by", "cites"), rows)


def co_mentions(store: ox.Store) -> Table:
    """Pairs of entities named in the same paragraph: paragraphs (renditions of a work counted once) and works."""
    known = entities(store)
    by_paragraph: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in run_stored(store, "paragraph-mentions").rows:
        by_paragraph[r["work"].value, r["document"].value, r["paragraph"].value].add(r["entity"].value)
    counts: dict[tuple[str, str], dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for (work, doc, _), names in by_paragraph.items():
        for pair in combinations(sorted(names), 2):
            counts[pair][work][doc] += 1
    rows = []
    for (a, b), works in counts.items():
        paragraphs = sum(max(docs.values()) for docs in works.values())
        rows.append((_label(known, a), a, _label(known, b), b, paragraphs, len(works)))
    rows.sort(key=lambda r: (-r[4], -r[5], r[0].lower(), r[1], r[2].lower(), r[3]))
    return Table(("label_a", "entity_a", "label_b", "entity_b", "paragraphs", "works"), tuple(rows))


def _label(known: dict[str, Entity], iri: str) -> str:
    return known[iri].label if iri in known else iri


ANALYSES: dict[str, Callable[[ox.Store], Table]] = {
    "agencies-objectives": agencies_objectives,
    "centrality": centrality,
    "communities": communities,
    "threat-timeline": threat_timeline,
    "citations": citations,
    "co-mentions": co_mentions,
}
