"""The stored SPARQL queries, one `.rq` file each, reached through this one accessor."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def query_paths() -> dict[str, Path]:
    """Stored queries by name (file name without `.rq`), sorted by name."""
    found = (Path(str(p)) for p in files(__name__).iterdir() if p.name.endswith(".rq"))
    return {p.stem: p for p in sorted(found)}


def check_paths() -> dict[str, Path]:
    """Graph quality checks (`checks/*.rq`, each with a severity) by name, sorted by name."""
    folder = files(__name__).joinpath("checks")
    found = (Path(str(p)) for p in folder.iterdir() if p.name.endswith(".rq"))
    return {p.stem: p for p in sorted(found)}
