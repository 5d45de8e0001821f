"""Readers: one per file format, registered by media type and found by what a file contains.

Why a registry: the rest of the pipeline sees only `Document`s, so adding a format means adding one
reader module (or, from another package, an entry point in the group `iskg.readers` naming a
`Reader`). Detection asks every reader whether the bytes look like its format (magic bytes,
markup) before it falls back on the file name's extension, so a PDF saved as `.txt` is still read
as a PDF and a renamed text file is not sent to the PDF parser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points

from iskg.loaders.errors import file_error
from iskg.loaders.model import Document

ENTRY_POINT_GROUP = "iskg.readers"
# the readers that ship with iskg, most specific content test first
_BUILTIN = ("pdf", "docx", "html", "text")


@dataclass(frozen=True)
class Reader:
    """A file format: its media type, the extensions it is saved with, a content test, and how to read it.

    `sniff(data)` says whether bytes are in this format by their content alone; `read(data, name)`
    returns the Document or raises IskgError naming the file.
    """

    media_type: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, str], Document]


_REGISTRY: dict[str, Reader] = {}
_LOADED: list[bool] = []


def register(reader: Reader) -> Reader:
    """Add (or replace) the reader for a media type."""
    _REGISTRY[reader.media_type] = reader
    return reader


def _load() -> None:
    if _LOADED:
        return
    _LOADED.append(True)
    for name in _BUILTIN:
        import_module(f"{__name__}.{name}")
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        register(ep.load())


def readers() -> list[Reader]:
    """Every registered reader, in the order their content tests are tried."""
    _load()
    return list(_REGISTRY.values())


def extensions() -> list[str]:
    """Every extension some reader claims."""
    return [ext for r in readers() for ext in r.extensions]


def detect(data: bytes, name: str) -> Reader:
    """The reader for a file: the first whose content test accepts the bytes, else the one its
    extension names; raise IskgError naming the file when neither finds one."""
    for reader in readers():
        if reader.sniff(data):
            return reader
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    for reader in readers():
        if f".{suffix}" in reader.extensions:
            return reader
    shown = f".{suffix}" if suffix else "(none)"
    raise file_error(name, f"unsupported format '{shown}' (read: {', '.join(extensions())})")
