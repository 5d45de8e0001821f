"""Recognise renditions of one text (a clean copy and a scan, a draft and its final version).

Two documents are one work when most of the word 5-grams of the shorter one occur in the other:
OCR noise and revision marks change some words but leave most runs of five intact.
"""

from __future__ import annotations

from itertools import combinations

from iskg.loaders.model import Document
from iskg.loaders.tokens import tokenize

SHINGLE = 5
THRESHOLD = 0.5


def _shingles(doc: Document) -> set[tuple[str, ...]]:
    words = [t.key for p in doc.paragraphs if not p.footnote for t in tokenize(p.text)]
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def containment(a: set, b: set) -> float:
    """The share of the smaller set found in the other."""
    small, large = sorted((a, b), key=len)
    return len(small & large) / len(small) if small else 0.0


def same_work_pairs(documents: list[Document]) -> list[tuple[str, str, float]]:
    """(source, source, containment) for every pair of documents that are one work, sorted."""
    shingles = {d.source: _shingles(d) for d in documents}
    out = []
    for a, b in combinations(sorted(shingles), 2):
        score = containment(shingles[a], shingles[b])
        if score >= THRESHOLD:
            out.append((a, b, round(score, 3)))
    return out
