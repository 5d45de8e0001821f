"""OWL consistency checking with owlready2 and HermiT.

The build hands over ontology + vocabulary + the entity-level part of the populated graph (types and
entity-to-entity relations); HermiT says whether that is consistent and which classes, if any, have
become unsatisfiable. Everything runs in a fresh owlready2 `World` so that no state leaks between
calls, and Java's chatter is captured rather than printed.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import owlready2
import pyoxigraph as ox
import rdflib

from iskg.loaders.errors import IskgError

OWL_NOTHING = "http://www.w3.org/2002/07/owl#Nothing"

# owlready2 keeps global state (and so does the temporary-directory switch below): one run at a time.
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ReasonerResult:
    """What HermiT concluded about a graph.

    `unsatisfiable` lists the IRIs of named classes that can have no instances (sorted); a graph can
    be consistent and still have unsatisfiable classes, so callers should look at both.
    """

    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""

    @property
    def ok(self) -> bool:
        """Consistent and with no unsatisfiable class: what a build should insist on."""
        return self.consistent and not self.unsatisfiable


def java_executable() -> str:
    """The Java runtime owlready2 will start; HermiT cannot run without one, so say so clearly."""
    java = shutil.which(owlready2.JAVA_EXE)
    if java is None:
        raise IskgError(
            f"reasoning: no Java runtime found ('{owlready2.JAVA_EXE}' is not on PATH); HermiT needs one "
            "(Debian/Ubuntu: apt-get install default-jre-headless)"
        )
    return java


def ontology_graph(*, with_vocabulary: bool = True) -> rdflib.Graph:
    """The TBox, and by default the reference vocabulary, parsed into one rdflib graph."""
    from iskg.ontology import ontology_path, vocabulary_path

    graph = rdflib.Graph()
    graph.parse(ontology_path(), format="turtle")
    if with_vocabulary:
        graph.parse(vocabulary_path(), format="turtle")
    return graph


def check_consistency(graph: rdflib.Graph | Iterable[ox.Quad]) -> ReasonerResult:
    """Run HermiT on `graph` (which should already contain the ontology) and report the outcome.

    `graph` is an rdflib graph or pyoxigraph quads (the build's shared layer).

    Inconsistency is a result, not an error; a missing Java runtime or a HermiT crash is an error
    (`IskgError`), because then nothing can be said about the graph.
    """
    java_executable()
    quads = None if isinstance(graph, rdflib.Graph) else list(graph)
    individuals = _count_individuals(_typed(graph) if quads is None else _typed_quads(quads))
    started = time.perf_counter()
    captured = io.StringIO()
    with _LOCK, tempfile.TemporaryDirectory(prefix="iskg-hermit-") as tmp:
        path = Path(tmp) / "graph.nt"
        # N-Triples is the one RDF syntax owlready2 parses natively besides RDF/XML and OWL/XML.
        if quads is None:
            graph.serialize(destination=str(path), format="nt", encoding="utf-8")
        else:
            ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_TRIPLES)
        world = owlready2.World()
        # owlready2 writes its own copy for HermiT with NamedTemporaryFile and does not remove it when
        # HermiT fails or finds an inconsistency; pointing tempfile at our directory cleans that up too.
        saved_tempdir = tempfile.tempdir
        tempfile.tempdir = tmp
        try:
            with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
                try:
                    world.get_ontology(path.as_uri()).load()
                except owlready2.OwlReadyOntologyParsingError as exc:
                    raise IskgError(f"reasoning: owlready2 could not read the graph: {_first_lines(str(exc))}") from exc
                try:
                    owlready2.sync_reasoner_hermit(
                        world,
                        infer_property_values=False,
                        debug=0,
                        ignore_unsupported_datatypes=True,
                    )
                except owlready2.OwlReadyInconsistentOntologyError:
                    seconds = time.perf_counter() - started
                    return ReasonerResult(
                        consistent=False,
                        unsatisfiable=[],
                        seconds=seconds,
                        message="HermiT: the ontology and data are inconsistent",
                    )
                except owlready2.OwlReadyJavaError as exc:
                    raise IskgError(f"reasoning: HermiT failed: {_first_lines(str(exc))}") from exc
            unsatisfiable = sorted(
                cls.iri for cls in world.inconsistent_classes() if getattr(cls, "iri", OWL_NOTHING) != OWL_NOTHING
            )
            classes = sum(1 for _ in world.classes())
        finally:
            tempfile.tempdir = saved_tempdir
            world.close()
    seconds = time.perf_counter() - started
    if unsatisfiable:
        message = (
            f"HermiT: consistent, but {len(unsatisfiable)} unsatisfiable class(es): "
            f"{', '.join(unsatisfiable)}"
        )
    else:
        message = (
            f"HermiT: consistent; {classes} classes, {individuals} individuals, "
            f"no unsatisfiable class"
        )
    return ReasonerResult(consistent=True, unsatisfiable=unsatisfiable, seconds=seconds, message=message)


_SCHEMA_NAMESPACES = (str(rdflib.OWL), str(rdflib.RDF), str(rdflib.RDFS))


def _typed(graph: rdflib.Graph) -> Iterator[tuple[str, bool, str]]:
    for subject, cls in graph.subject_objects(rdflib.RDF.type):
        yield str(subject), isinstance(subject, rdflib.URIRef), str(cls)


def _typed_quads(quads: list[ox.Quad]) -> Iterator[tuple[str, bool, str]]:
    rdf_type = ox.NamedNode(str(rdflib.RDF.type))
    for q in quads:
        if q.predicate == rdf_type:
            yield str(q.subject), isinstance(q.subject, ox.NamedNode), q.object.value


def _count_individuals(typed: Iterable[tuple[str, bool, str]]) -> int:
    """Named resources typed with a domain class: a size figure for the report, not for reasoning."""
    found = set()
    for subject, named, cls in typed:
        if named and not cls.startswith(_SCHEMA_NAMESPACES) or cls == str(rdflib.OWL.NamedIndividual):
            found.add(subject)
    return len(found)


def _first_lines(text: str, limit: int = 5) -> str:
    """Java stack traces are long; the first lines name the problem."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[:limit]) or "no output"
