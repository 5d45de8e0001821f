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
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

from iskg.graph.abox import rdflib_sink
from iskg.graph.assemble import assemble
from iskg.graph.dataset import dataset_description
from iskg.graph.extraction import extract_corpus
from iskg.graph.extraction_cache import ExtractionCache
from iskg.graph.files import prepare_out_dir, stale_temporaries, temporary_beside, write_together
from iskg.graph.layers import graph_layers
from iskg.graph.namespaces import ISKG, OA, bind_prefixes
from iskg.graph.ontology_docs import ontology_html
from iskg.graph.progress import ProgressBar
from iskg.graph.query import open_store
from iskg.graph.rdflib_engine import load_graph
from iskg.graph.reasoning import ReasonerResult, check_consistency
from iskg.graph.report import build_report, report_text
from iskg.graph.turtle import turtle_bytes
from iskg.graph.validate import ValidationResult
from iskg.loaders.errors import IskgError
from iskg.loaders.extract import Extraction
from iskg.loaders.read import Refusal, read_corpus
from iskg.loaders.renditions import same_work_pairs

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
    """Everything a build made: its checks and the files written, and the graph read back from them.

    The build never holds the whole graph (a large corpus's would not fit in memory): `graph`
    (rdflib, handy for a small corpus) and `store` (pyoxigraph, for any size) read `iskg.ttl`
    when first asked for, and keep it.
    """

    extractions: list[Extraction]
    refusals: list[Refusal]
    reasoner: ReasonerResult
    validation: ValidationResult
    report: dict
    files: list[Path]
    _graph: Graph | None = field(default=None, repr=False, compare=False)
    _store: ox.Store | None = field(default=None, repr=False, compare=False)

    @property
    def graph_file(self) -> Path:
        return self.files[0]

    @property
    def graph(self) -> Graph:
        """The built graph in rdflib's memory store (about 3 KB a triple: for small corpora)."""
        if self._graph is None:
            self._graph = load_graph(self.graph_file)
        return self._graph

    @property
    def store(self) -> ox.Store:
        """The built graph in an in-memory Oxigraph store, as `iskg query` opens it."""
        if self._store is None:
            self._store = open_store(self.graph_file)
        return self._store


def populate(extractions: list[Extraction], entities: dict, renditions: list[tuple[str, str, float]],
             vocabulary: Path | None = None) -> Graph:
    """Ontology + reference vocabulary (the packaged one unless given) + what the documents say, in one graph.

    The whole graph in rdflib, for a notebook or a small corpus; the build itself makes it layer by layer.
    """
    layers = graph_layers(extractions, entities, renditions, vocabulary)
    graph = bind_prefixes(Graph())
    add = rdflib_sink(graph)
    for quad in layers.shared:
        add(quad)
    for ex in extractions:
        for quad in layers.own(ex):
            add(quad)
    return graph


def evidence_nodes(graph: Graph) -> set:
    """Annotations and revision marks with their targets, selectors and statement bodies."""
    notes = set(graph.subjects(RDF.type, OA.Annotation)) | set(graph.subjects(RDF.type, ISKG.RevisionMark))
    targets = {t for n in notes for t in graph.objects(n, OA.hasTarget)}
    selectors = {s for t in targets for s in graph.objects(t, OA.hasSelector)}
    bodies = {b for n in notes for b in graph.objects(n, OA.hasBody) if (b, RDF.type, RDF.Statement) in graph}
    return notes | targets | selectors | bodies


def build(corpus: Path, out: Path, *, progress: Progress = _stderr, scorer: Callable[[Path], dict] | None = None,
          jobs: int = 1, cache: Path | None = None, strict: bool = False) -> BuildResult:
    """Read every text in `corpus`, extract, check and write the graph and report into `out`.

    `jobs` worker processes extract the texts; with a `cache` folder, texts extracted by an earlier
    build are not extracted again. Neither changes a byte of the output. `strict`: any refused
    file stops the build before anything is written.
    """
    # absolute: the reasoner's thread changes the working folder while the graph is written
    out, corpus = prepare_out_dir(out).resolve(), corpus.resolve()
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
    layers = graph_layers(extractions, extractor.entities, renditions)
    progress("checking consistency with HermiT, validating with SHACL, writing the graph")
    try:
        turtle_file = temporary_beside(out / GRAPH_FILE)
        # HermiT (on the shared layer: see iskg.graph.layers) runs in a Java process while this one makes,
        # writes and validates the documents' own layers. It redirects standard error while it runs, so
        # progress is reported once it is done.
        with ThreadPoolExecutor(1) as pool:
            reasoning = pool.submit(check_consistency, layers.shared)
            assembled = assemble(layers, extractions, turtle_file)
            reasoner = reasoning.result()
        progress(f"{assembled.triples} triples; {reasoner.message} in {reasoner.seconds:.1f} s")
        validation = assembled.validation
        progress(f"SHACL {'conforms' if validation.conforms else 'does not conform'} ({validation.seconds:.1f} s)")
        score = None
        if scorer:
            progress("scoring")
            with tempfile.TemporaryDirectory() as tmp:  # the scorer knows the file's syntax by its name
                named = Path(tmp) / GRAPH_FILE
                named.symlink_to(turtle_file.resolve())
                score = scorer(named)
        report = build_report(corpus, assembled.summary, extractions, refusals, renditions, reasoner, validation, score,
                              triples=assembled.triples)
        report_json = json.dumps(report, indent=1, ensure_ascii=False) + "\n"
        progress(f"writing {out}")
        description = turtle_bytes(dataset_description(assembled.summary, turtle_size=assembled.turtle_size,
                                                       triples=assembled.triples))
        files = write_together({out / GRAPH_FILE: turtle_file, out / REPORT_JSON: report_json.encode(),
                                out / REPORT_TEXT: report_text(report).encode(), out / DATASET_FILE: description,
                                out / ONTOLOGY_DOCS: ontology_html()})
    finally:
        # by pattern, not by name: an interrupt may come between the file's making and its naming here
        for leftover in stale_temporaries(out / GRAPH_FILE):
            leftover.unlink(missing_ok=True)
    return BuildResult(extractions, refusals, reasoner, validation, report, files)
