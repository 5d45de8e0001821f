"""The SHACL shapes, reached through this one accessor."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def shapes_path() -> Path:
    """The SHACL shapes graph in Turtle."""
    return Path(str(files(__name__).joinpath("iskg-shapes.ttl")))
