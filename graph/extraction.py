"""Extraction over a whole corpus: learn names from every text, then extract each, in parallel or from a cache.

Why learning stays in one process: what one text defines ("European Centre for Port Security (ECPS)")
is known in all, so the vocabulary must be complete before any text is extracted. Extracting one text
then depends only on that text and the vocabulary, so it can run in worker processes (`jobs`) and be
kept in an `ExtractionCache` between builds; either way the extractions are the same objects, in the
same order, as one process would make.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import signal
import threading
from collections.abc import Callable

from iskg.graph.extraction_cache import ExtractionCache
from iskg.loaders.extract import Extraction, Extractor
from iskg.loaders.model import Document

Advance = Callable[[int], None]

# Set in the parent before the worker processes fork, so that they inherit it instead of unpickling it
# (or, where the parent runs threads, set in each worker from a pickled copy).
_SHARED: tuple[Extractor, list[Document]] | None = None


def _default_signals() -> None:
    """A worker dies of the SIGTERM the pool ends it with: a forked worker inherits the parent's
    handler (the command line's turns SIGTERM into KeyboardInterrupt), and a worker that handles it
    can be left waiting on the task queue's lock, with the parent joining it for ever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _receive(shared: tuple[Extractor, list[Document]]) -> None:
    global _SHARED
    _default_signals()
    _SHARED = shared


def _pool(jobs: int, shared: tuple[Extractor, list[Document]]) -> multiprocessing.pool.Pool:
    """Workers that hold the learned extractor: forked from a single-threaded parent (a command line),
    started afresh from a threaded one (a notebook kernel, a test run, a server), since forking a
    process whose other threads hold locks can leave the child waiting on them for ever."""
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork").Pool(jobs, initializer=_default_signals)
    return multiprocessing.get_context("spawn").Pool(jobs, initializer=_receive, initargs=(shared,))


def _extract_one(index: int) -> Extraction:
    extractor, documents = _SHARED
    found = extractor.extract(documents[index])
    return Extraction(None, found.mentions, found.relations)  # the parent has the document already


def _extract_all(extractor: Extractor, documents: list[Document], jobs: int, advance: Advance) -> list[Extraction]:
    if jobs <= 1 or len(documents) < 2:
        out = []
        for doc in documents:
            out.append(extractor.extract(doc))
            advance(1)
        return out
    global _SHARED
    _SHARED = (extractor, documents)
    try:
        with _pool(min(jobs, len(documents)), _SHARED) as pool:
            out = []
            chunk = max(1, min(16, len(documents) // (4 * jobs)))
            for k, found in enumerate(pool.imap(_extract_one, range(len(documents)), chunksize=chunk)):
                out.append(Extraction(documents[k], found.mentions, found.relations))
                advance(1)
            return out
    finally:
        _SHARED = None


def extract_corpus(documents: list[Document], *, jobs: int = 1, cache: ExtractionCache | None = None,
                   advance: Advance = lambda _: None) -> tuple[Extractor, list[Extraction]]:
    """The learned extractor and one extraction per document, in document order."""
    extractor = Extractor.default()
    extractor.learn(documents)
    cached = cache.lookup(documents, extractor.entities) if cache else [None] * len(documents)
    advance(sum(1 for hit in cached if hit is not None))
    todo = [doc for doc, hit in zip(documents, cached, strict=True) if hit is None]
    fresh = iter(_extract_all(extractor, todo, jobs, advance))
    extractions = [hit if hit is not None else next(fresh) for hit in cached]
    if cache:
        cache.store(extractions, extractor.entities)
    return extractor, extractions
