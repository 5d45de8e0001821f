"""Extraction over a whole corpus: learn names from every text, then extract each, in parallel or from a cache.

Why learning stays in one process: what one text defines ("European Centre for Port Security (ECPS)")
is known in all, so the vocabulary must be complete before any text is extracted. Extracting one text
then depends only on that text and the vocabulary, so it can run in worker processes (`jobs`) and be
kept in an `ExtractionCache` between builds; either way the extractions are the same objects, in the
same order, as one process would make.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from iskg.graph.extraction_cache import ExtractionCache
from iskg.loaders.extract import Extraction, Extractor
from iskg.loaders.model import Document

Advance = Callable[[int], None]

# Set in the parent before the worker processes fork, so that they inherit it instead of unpickling it.
_SHARED: tuple[Extractor, list[Document]] | None = None


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
        # fork: the workers start with the learned extractor in memory; nothing else is running yet
        with multiprocessing.get_context("fork").Pool(min(jobs, len(documents))) as pool:
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
