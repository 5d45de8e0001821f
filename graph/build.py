"""The build: corpus in, a checked graph and its report out.

`build()` is what `iskg build` runs and what a notebook can call; each step is a library
function of its own (reading, extraction, RDF, reasoning, SHACL, writing).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from iskg.graph.abox import AboxWriter, document_slugs
from iskg.graph.dataset import dataset_description
from iskg.graph.extraction import extract_corpus
from iskg.graph.extraction_cache import ExtractionCache
from iskg.graph.files import prepare_out_dir, write_together
from iskg.graph.namespaces import ISKG, OA, bind_prefixes
from iskg.graph.ontology_docs import ontology_html
from iskg.graph.progress import ProgressBar
from iskg.graph.reasoning import ReasonerResult, check_consistency
from iskg.graph.report import build_report, report_text
from iskg.graph.turtle import turtle_bytes
from iskg.graph.validate import ValidationResult, validate
from iskg.loaders.errors import IskgError
from iskg.loaders.extract import Extraction
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


def populate(extractions: list[Extraction], entities: dict, renditions: list[tuple[str, str, float]],
             vocabulary: Path | None = None) -> Graph:
    """Ontology + reference vocabulary (the packaged one unless given) + what the documents say, in one graph."""
    graph = bind_prefixes(Graph())
    graph.parse(ontology_path(), format="turtle")
    graph.parse(vocabulary or vocabulary_path(), format="turtle")
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


def build(corpus: Path, out: Path, *, progress: Progress = _stderr, scorer: Callable[[Path], dict] | None = None,
          jobs: int = 1, cache: Path | None = None, strict: bool = False) -> BuildResult:
    """Read every text in `corpus`, extract, check and write the graph and report into `out`.

    `jobs` worker processes extract the texts; with a `cache` folder, texts extracted by an earlier
    build are not extracted again. Neither changes a byte of the output. `strict`: any refused
    file stops the build before anything is written.
    """
    prepare_out_dir(out)
    progress(f"reading {corpus}")
    documents, refusals = read_corpus(corpus)
    for refusal in refusals:
        progress(f"refused {refusal.source}: {refusal.reason}")
    if strict and refusals:
        total = len(refusals) + len(documents)
        raise IskgError(f"{len(refusals)} of {total} files refused (--strict): nothing written")
    progress(f"extracting from {len(documents)} documents")
    bar = ProgressBar(len(documents))
    extraction_cache = ExtractionCache(cache) if cache else None
    try:
        extractor, extractions = extract_corpus(documents, jobs=jobs, cache=extraction_cache, advance=bar.advance)
    finally:
        bar.close()
    if extraction_cache:
        progress(f"cache: {extraction_cache.stats.hits} texts reused, {extraction_cache.stats.misses} extracted")
    renditions = same_work_pairs(documents)
    graph = populate(extractions, extractor.entities, renditions)
    progress(f"checking consistency of {len(graph)} triples with HermiT, validating with SHACL")
    # HermiT runs in a Java process: it proceeds while this one validates and serialises. It also
    # redirects standard error while it runs, so progress is reported once it is done.
    with ThreadPoolExecutor(1) as pool:
        reasoning = pool.submit(check_consistency, entity_level(graph))
        validation = validate(graph)
        turtle = turtle_bytes(graph)
        reasoner = reasoning.result()
    progress(f"{reasoner.message} in {reasoner.seconds:.1f} s")
    progress(f"SHACL {'conforms' if validation.conforms else 'does not conform'} ({validation.seconds:.1f} s)")
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
    files = write_together({out / GRAPH_FILE: turtle, out / REPORT_JSON: report_json.encode(),
                            out / REPORT_TEXT: report_text(report).encode(), out / DATASET_FILE: description,
                            out / ONTOLOGY_DOCS: ontology_html()})
    return BuildResult(graph, extractions, refusals, reasoner, validation, report, files)
