"""Human-readable documentation of the ontology, made by pyLODE.

pyLODE lists some things (the members of an `owl:unionOf`) in the order of a set of HTML elements,
which follows memory addresses, string hashes and rdflib's random blank-node names. So it runs in a
child process (this module as a script) with a fixed hash seed, blank nodes named in parsing order
and its sets iterated in text order: the same ontology gives the same page.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path


def ontology_html(ontology: Path | None = None) -> bytes:
    """The ontology's documentation as one HTML page (styles included)."""
    source = ontology or ontology_path()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "ontology.html"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run([sys.executable, "-m", "iskg.graph.ontology_docs", str(source), "-o", str(target),
                              "-c", "true", "-s"], env=env, capture_output=True, text=True, timeout=300, cwd=tmp)
        if run.returncode != 0 or not target.is_file():
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise IskgError(f"pyLODE could not document {source}: {last}")
        return target.read_bytes()


class _TextOrderedSet(set):
    """A set iterated in the order of its members' text."""

    def __iter__(self):
        return iter(sorted(super().__iter__(), key=str))


def _run_pylode() -> None:
    """pyLODE's command line, with blank nodes named by a counter instead of at random."""
    counter = itertools.count()
    original = uuid.uuid4

    def numbered() -> uuid.UUID:
        return uuid.UUID(int=next(counter))

    uuid.uuid4 = numbered
    for module in list(sys.modules.values()):  # modules that took `from uuid import uuid4` before this
        if getattr(module, "uuid4", None) is original:
            module.uuid4 = numbered
    import rdflib.term

    rdflib.term.BNode.__new__.__defaults__ = (None, None, "N")
    import pylode.utils
    from pylode.cli import main

    pylode.utils.set = _TextOrderedSet

    main()


if __name__ == "__main__":
    _run_pylode()
