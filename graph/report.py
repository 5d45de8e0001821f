"""The build report: what was read and refused, what was found, and what the checks said.

It holds no timings or paths that change between runs, so two builds give identical reports.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from iskg.graph.namespaces import ISKG
from iskg.graph.reasoning import ReasonerResult
from iskg.graph.validate import ValidationResult
from iskg.loaders.extract import Extraction
from iskg.loaders.read import Refusal
from iskg.loaders.vocabulary import TOP_CLASSES


def top_class_of(graph: Graph) -> dict[URIRef, str]:
    """Each typed entity of the graph mapped to its top class name."""
    out: dict[URIRef, str] = {}
    for top in TOP_CLASSES:
        for cls in graph.transitive_subjects(RDFS.subClassOf, ISKG[top]):
            for entity in graph.subjects(RDF.type, cls):
                out.setdefault(entity, top)
    return out


def _document_entry(ex: Extraction, tops: dict[URIRef, str]) -> dict:
    doc = ex.document
    mentioned = {URIRef(m.iri) for m in ex.mentions}
    return {
        "identifier": doc.identifier,
        "date": doc.date,
        "title": doc.title,
        "type": doc.doc_type,
        "format": doc.format,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "sections": len(doc.sections),
        "paragraphs": len(doc.paragraphs),
        "citations": [c.identifier for c in doc.citations],
        "mentions": len(ex.mentions),
        "entities": dict(sorted(Counter(tops.get(e, "?") for e in mentioned).items())),
        "relations": len(ex.relations),
    }


def build_report(corpus: Path, graph: Graph, extractions: list[Extraction], refusals: list[Refusal],
                 renditions: list[tuple[str, str, float]], reasoner: ReasonerResult, validation: ValidationResult,
                 score: dict | None, triples: int | None = None) -> dict:
    """The report's contents; `triples` counts the graph when `graph` is only its shared layer (the build's)."""
    tops = top_class_of(graph)
    mentioned = {URIRef(m.iri) for ex in extractions for m in ex.mentions}
    relation_counts = Counter(rm.relation.predicate for ex in extractions for rm in ex.relations)
    report = {
        "corpus": corpus.name,
        "files_read": [ex.document.source for ex in extractions],
        "files_refused": [{"file": r.source, "reason": r.reason} for r in refusals],
        "triples": len(graph) if triples is None else triples,
        "documents": {ex.document.source: _document_entry(ex, tops) for ex in extractions},
        "renditions_of_one_work": [list(r) for r in renditions],
        "entities_mentioned": dict(sorted(Counter(tops.get(e, "?") for e in mentioned).items())),
        "entities_discovered": sum(1 for e in mentioned if (e, ISKG.discovered, None) in graph),
        "relations": dict(sorted(relation_counts.items())),
        "relation_triples": len({(rm.relation.subject, rm.relation.predicate, rm.relation.object)
                                 for ex in extractions for rm in ex.relations}),
        "reasoner": {"consistent": reasoner.consistent, "unsatisfiable": reasoner.unsatisfiable,
                     "message": reasoner.message},
        "shacl": {"conforms": validation.conforms, "violations": validation.violations},
    }
    if score is not None:
        report["score"] = score
    return report


def report_text(report: dict) -> str:
    """The report for people: a few aligned lines per section."""
    lines = [f"iskg build of {report['corpus']}: {len(report['files_read'])} files read, "
             f"{len(report['files_refused'])} refused, {report['triples']} triples", ""]
    for source, d in report["documents"].items():
        lines.append(f"{source}  {d['identifier'] or '-'}  {d['date'] or '-'}  {d['type'] or '-'}  ({d['format']}, "
                     f"{d['encoding']})")
        lines.append(f"    {d['title']}")
        ents = ", ".join(f"{k} {v}" for k, v in d["entities"].items())
        lines.append(f"    {d['sections']} sections, {d['paragraphs']} paragraphs, {d['mentions']} mentions "
                     f"({ents}), {d['relations']} relations, cites {', '.join(d['citations']) or 'nothing'}")
    for refused in report["files_refused"]:
        lines.append(f"refused {refused['file']}: {refused['reason']}")
    lines.append("")
    for a, b, score in report["renditions_of_one_work"]:
        lines.append(f"one work: {a} = {b} (shared 5-grams {score:.0%})")
    lines.append("entities mentioned: " + ", ".join(f"{k} {v}" for k, v in report["entities_mentioned"].items())
                 + f" ({report['entities_discovered']} discovered)")
    lines.append("relations: " + ", ".join(f"{k} {v}" for k, v in report["relations"].items())
                 + f" ({report['relation_triples']} distinct triples)")
    r = report["reasoner"]
    lines.append(f"reasoner (HermiT): {'consistent' if r['consistent'] else 'INCONSISTENT'}"
                 + (f", unsatisfiable: {', '.join(r['unsatisfiable'])}" if r["unsatisfiable"] else ""))
    s = report["shacl"]
    lines.append(f"SHACL: {'conforms' if s['conforms'] else 'does not conform'} ({s['violations']} violations)")
    if "score" in report:
        m, rel = report["score"]["micro"], report["score"]["relations"]
        lines.append(f"scorer: mentions P {m['p']:.3f} R {m['r']:.3f} F1 {m['f1']:.3f}; "
                     f"relations P {rel['p']:.3f} R {rel['r']:.3f} F1 {rel['f1']:.3f}")
    return "\n".join(lines) + "\n"
