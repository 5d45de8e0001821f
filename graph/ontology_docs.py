"""Human-readable documentation of the ontology, made by pyLODE.

pyLODE lists some things (the members of an `owl:unionOf`) in the order of a set of HTML elements,
which follows memory addresses and string hashes; while it runs, its sets are iterated in the order of
their members' text, so the same ontology gives the same page in every process.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path


class _TextOrderedSet(set):
    """A set iterated in the order of its members' text."""

    def __iter__(self):
        return iter(sorted(super().__iter__(), key=str))


def ontology_html(ontology: Path | None = None) -> bytes:
    """The ontology's documentation as one HTML page (styles included)."""
    import pylode.utils
    from pylode import OntPub

    source = ontology or ontology_path()
    pylode.utils.set = _TextOrderedSet
    try:
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "ontology.html"
            OntPub(str(source), sort_subjects=True).make_html(destination=target, include_css=True)
            return target.read_bytes()
    except Exception as e:  # pyLODE raises many types; the message is what matters
        raise IskgError(f"pyLODE could not document {source}: {e}") from e
    finally:
        del pylode.utils.set
