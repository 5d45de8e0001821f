"""Making, writing and validating the graph one document at a time.

The shared layer (`iskg.graph.layers`) is written first; then each document's own layer is made,
written as Turtle and handed to SHACL, and forgotten. Nothing holds the whole graph, so memory
stays near the shared layer's size however many documents there are.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from iskg.graph.layers import Layers
from iskg.graph.namespaces import ISKG, bind_prefixes
from iskg.graph.rdflib_engine import to_rdflib
from iskg.graph.turtle import TurtleWriter
from iskg.graph.validate import ValidationResult
from iskg.graph.validate_layers import LayeredValidation
from iskg.loaders.extract import Extraction

# what the report and the dataset description read of the graph
_SUMMARY = {str(p) for p in (RDF.type, RDFS.subClassOf, DCTERMS.source, DCTERMS.date, ISKG.discovered,
                             OWL.versionIRI, OWL.versionInfo, DCTERMS.license)}


@dataclass
class Assembled:
    """What writing the graph gave: its size, the SHACL verdict, and the shared layer's summary."""

    triples: int
    turtle_size: int
    validation: ValidationResult
    summary: Graph


class StageClock:
    """Seconds spent per stage, summed over the documents (for the benchmark's table)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def summary_graph(layers: Layers) -> Graph:
    """The shared layer's types, classes, sources, dates and ontology header, in rdflib."""
    graph = bind_prefixes(Graph())
    for q in layers.shared:
        if q.predicate.value in _SUMMARY:
            graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def assemble(layers: Layers, extractions: list[Extraction], turtle_file: Path, *,
             clock: StageClock | None = None, advance: Callable[[], None] = lambda: None) -> Assembled:
    """Write the graph as Turtle into `turtle_file` and validate it, document by document."""
    clock = clock or StageClock()
    triples = len(layers.shared)
    with turtle_file.open("wb") as out:
        turtle = TurtleWriter(out)
        with clock.stage("serialise"):
            turtle.write(layers.shared)
        with clock.stage("validate"):
            validation = LayeredValidation(layers.shared)
        for ex in extractions:
            with clock.stage("graph"):
                own = layers.own(ex)
            triples += len(own)
            with clock.stage("serialise"):
                turtle.write(own)
            with clock.stage("validate"):
                validation.add(own)
            advance()
        with clock.stage("serialise"):
            out.flush()
            os.fsync(out.fileno())
    with clock.stage("validate"):
        result = validation.result()
    return Assembled(triples, turtle.size, result, summary_graph(layers))
