"""What each text yielded in earlier builds, so that a rebuild extracts only what changed.

An entry is keyed by a hash of the code version (the installed loaders and ontology, source and data)
and of the parsed document (its text, offsets, metadata, file name), and records the vocabulary it
was extracted with. It is used again when that vocabulary is today's, or when nothing that changed in
the vocabulary since can matter to this text: no changed entity is among what it yielded, and no label
of an added, removed or changed entity occurs in its paragraphs. Anything else is extracted afresh, so
an incremental build gives the bytes of a clean one. Files are written atomically; an unreadable entry
is a miss.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from iskg.graph.files import write_atomic
from iskg.loaders.extract import Extraction, Mention
from iskg.loaders.matcher import Matcher
from iskg.loaders.model import Document
from iskg.loaders.vocabulary import Entity

Vocabulary = dict[str, Entity]


@cache
def code_version() -> str:
    """A hash of the installed iskg.loaders and iskg.ontology packages: what extraction is made of."""
    import iskg.loaders
    import iskg.ontology

    digest = hashlib.sha256()
    for package in (iskg.loaders, iskg.ontology):
        root = Path(package.__file__).parent
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def vocabulary_fingerprint(entities: Vocabulary) -> str:
    return hashlib.sha256(repr(sorted(entities.items())).encode()).hexdigest()


def document_key(doc: Document) -> str:
    return hashlib.sha256(f"{code_version()}\0{doc!r}".encode()).hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    reused_after_vocabulary_change: int = 0
    extracted: list[str] = field(default_factory=list)  # sources extracted afresh, in order


def _changed(old: Vocabulary, new: Vocabulary) -> tuple[set[str], Matcher]:
    """IRIs whose entity differs, and a matcher for every label they had or have."""
    iris = {iri for iri in old.keys() | new.keys() if old.get(iri) != new.get(iri)}
    matcher = Matcher()
    for iri in sorted(iris):
        for entity in (old.get(iri), new.get(iri)):
            if entity is not None:
                matcher.add_all((label, iri) for label in entity.labels)
    return iris, matcher


class ExtractionCache:
    """A folder of pickled extractions and of the vocabularies they were made with."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.stats = CacheStats()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def _read(self, kind: str, key: str) -> object | None:
        try:
            with self._path(kind, key).open("rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None

    def _write(self, kind: str, key: str, value: object) -> None:
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def lookup(self, documents: list[Document], entities: Vocabulary) -> list[Extraction | None]:
        """The cached extraction of each document where it still holds, else None."""
        today = vocabulary_fingerprint(entities)
        deltas: dict[str, tuple[set[str], Matcher] | None] = {}
        out: list[Extraction | None] = []
        for doc in documents:
            entry = self._read("extract", document_key(doc))
            hit = None
            if isinstance(entry, tuple) and len(entry) == 3:
                fingerprint, mentions, relations = entry
                if fingerprint == today:
                    hit = Extraction(doc, mentions, relations)
                else:
                    if fingerprint not in deltas:
                        old = self._read("vocabulary", fingerprint)
                        deltas[fingerprint] = _changed(old, entities) if isinstance(old, dict) else None
                    delta = deltas[fingerprint]
                    if delta is not None and not _touches(doc, mentions, relations, *delta):
                        hit = Extraction(doc, mentions, relations)
                        self.stats.reused_after_vocabulary_change += 1
            if hit is None:
                self.stats.misses += 1
                self.stats.extracted.append(doc.source)
            else:
                self.stats.hits += 1
            out.append(hit)
        return out

    def store(self, extractions: list[Extraction], entities: Vocabulary) -> None:
        today = vocabulary_fingerprint(entities)
        self._write("vocabulary", today, entities)
        for ex in extractions:
            self._write("extract", document_key(ex.document), (today, ex.mentions, ex.relations))


def _touches(doc: Document, mentions: list[Mention], relations: list, iris: set[str], matcher: Matcher) -> bool:
    """Whether a vocabulary change can alter what `doc` yields."""
    if any(m.iri in iris for m in mentions):
        return True
    if any(r.relation.subject in iris or r.relation.object in iris for r in relations):
        return True
    # headings name guidelines, header blocks name who issued the text
    texts = [p.text for p in doc.paragraphs] + [s.title for s in doc.sections] + [b.text for b in doc.header]
    return bool(iris) and any(matcher.find(text) for text in texts)
