"""The build: corpus in, a checked graph and its report out.

`build()` is what `iskg build` runs and what a notebook can call; each step is a library
function of its own (reading, extraction, RDF, reasoning, SHACL, writing).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from iskg.graph.abox import AboxWriter, document_slugs
from iskg.graph.dataset import dataset_description
from iskg.graph.files import prepare_out_dir, write_atomic
from iskg.graph.namespaces import ISKG, OA, bind_prefixes
from iskg.graph.ontology_docs import ontology_html
from iskg.graph.reasoning import ReasonerResult, check_consistency
from iskg.graph.report import build_report, report_text
from iskg.graph.turtle import turtle_bytes
from iskg.graph.validate import ValidationResult, validate
from iskg.loaders.extract import Extraction, Extractor
from iskg.loaders.read import Refusal, read_corpus
from iskg.loaders.renditions import same_work_pairs
from iskg.ontology import ontology_path, vocabulary_path

GRAPH_FILE = "iskg.ttl"
REPORT_JSON = "report.json"
REPORT_TEXT = "report.txt"
DATASET_FILE = "void.ttl"
ONTOLOGY_DOCS = "ontology.html"

Progress = Callable[[str], None]


def _stderr(message: str) -> None:
    print(f"iskg: {message}", file=sys.stderr, flush=True)


@dataclass
class BuildResult:
    """Everything a build made: the graph, its checks, and the files written."""

    graph: Graph
    extractions: list[Extraction]
    refusals: list[Refusal]
    reasoner: ReasonerResult
    validation: ValidationResult
    report: dict
    files: list[Path]


def populate(extractions: list[Extraction], entities: dict, renditions: list[tuple[str, str, float]]) -> Graph:
    """Ontology + reference vocabulary + what the documents say, in one graph."""
    graph = bind_prefixes(Graph())
    graph.parse(ontology_path(), format="turtle")
    graph.parse(vocabulary_path(), format="turtle")
    slugs = document_slugs([ex.document for ex in extractions])
    writer = AboxWriter(graph, slugs)
    for entity in entities.values():
        writer.add_entity(entity)
    for ex in extractions:
        writer.add_document(ex.document)
        writer.add_extraction(ex)
    by_source = {ex.document.source: writer.doc_node(ex.document) for ex in extractions}
    for a, b, _ in renditions:
        graph.add((by_source[a], ISKG.sameWorkAs, by_source[b]))
        graph.add((by_source[b], ISKG.sameWorkAs, by_source[a]))
    return graph


def evidence_nodes(graph: Graph) -> set:
    """Annotations and revision marks with their targets, selectors and statement bodies."""
    notes = set(graph.subjects(RDF.type, OA.Annotation)) | set(graph.subjects(RDF.type, ISKG.RevisionMark))
    targets = {t for n in notes for t in graph.objects(n, OA.hasTarget)}
    selectors = {s for t in targets for s in graph.objects(t, OA.hasSelector)}
    bodies = {b for n in notes for b in graph.objects(n, OA.hasBody) if (b, RDF.type, RDF.Statement) in graph}
    return notes | targets | selectors | bodies


def entity_level(graph: Graph) -> Graph:
    """The graph without evidence and text: what the reasoner needs to judge consistency."""
    out = Graph()
    evidence = evidence_nodes(graph)
    for s, p, o in graph:
        if s not in evidence and p not in (ISKG.text, OA.exact, ISKG.deletedText):
            out.add((s, p, o))
    return out


def build(corpus: Path, out: Path, *, progress: Progress = _stderr, scorer: Callable[[Path], dict] | None = None
          ) -> BuildResult:
    """Read every text in `corpus`, extract, check and write the graph and report into `out`."""
    prepare_out_dir(out)
    progress(f"reading {corpus}")
    documents, refusals = read_corpus(corpus)
    for refusal in refusals:
        progress(f"refused {refusal.source}: {refusal.reason}")
    progress(f"extracting from {len(documents)} documents")
    extractor = Extractor.default()
    extractor.learn(documents)
    extractions = [extractor.extract(doc) for doc in documents]
    renditions = same_work_pairs(documents)
    graph = populate(extractions, extractor.entities, renditions)
    progress(f"checking consistency of {len(graph)} triples with HermiT")
    reasoner = check_consistency(entity_level(graph))
    progress(f"{reasoner.message} in {reasoner.seconds:.1f} s; validating with SHACL")
    validation = validate(graph)
    progress(f"SHACL {'conforms' if validation.conforms else 'does not conform'} ({validation.seconds:.1f} s)")
    turtle = turtle_bytes(graph)
    score = None
    if scorer:
        progress("scoring")
        with tempfile.TemporaryDirectory() as tmp:
            scratch = Path(tmp) / GRAPH_FILE
            scratch.write_bytes(turtle)
            score = scorer(scratch)
    report = build_report(corpus, graph, extractions, refusals, renditions, reasoner, validation, score)
    report_json = json.dumps(report, indent=1, ensure_ascii=False) + "\n"
    progress(f"writing {out}")
    description = turtle_bytes(dataset_description(graph, turtle_size=len(turtle)))
    files = [write_atomic(out / GRAPH_FILE, turtle),
             write_atomic(out / REPORT_JSON, report_json.encode()),
             write_atomic(out / REPORT_TEXT, report_text(report).encode()),
             write_atomic(out / DATASET_FILE, description),
             write_atomic(out / ONTOLOGY_DOCS, ontology_html())]
    return BuildResult(graph, extractions, refusals, reasoner, validation, report, files)
