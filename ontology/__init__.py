"""The ontology (TBox) and the reference vocabulary, reached through this one accessor."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ONTOLOGY_FILE = "iskg.ttl"
VOCABULARY_FILE = "vocabulary.ttl"


def _path(name: str) -> Path:
    return Path(str(files(__name__).joinpath(name)))


def ontology_path() -> Path:
    """The OWL ontology in Turtle."""
    return _path(ONTOLOGY_FILE)


def vocabulary_path() -> Path:
    """The curated reference vocabulary of known entities in Turtle."""
    return _path(VOCABULARY_FILE)
