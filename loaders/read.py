"""Reading files into `Document`s: the loaders' public entry points.

Why refusals instead of exceptions in `read_corpus`: one bad file (empty, binary, undecodable, a
directory, unreadable, an unsupported format) must not stop a build; it is reported with a
one-line reason and the other files still load. Which reader reads a file is decided by
`iskg.loaders.readers.detect` (content first, then extension).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from iskg.loaders.errors import IskgError, file_error
from iskg.loaders.model import Document
from iskg.loaders.parse import parse_text
from iskg.loaders.readers import detect

__all__ = ["MAX_BYTES", "Refusal", "parse_text", "read_bytes", "read_corpus", "read_document"]

MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class Refusal:
    """A file that was not read, and why (one line)."""

    source: str
    reason: str


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read only from a regular file (a pipe or device could block or never end)
    and never more than MAX_BYTES of it, whatever its size claims."""
    name = path.name
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise file_error(name, "not a file (a directory)")
        for test, kind in _KINDS:
            if test(mode):
                raise file_error(name, f"not a regular file ({kind})")
        if path.stat().st_size > MAX_BYTES:
            raise file_error(name, f"file too large (over {MAX_BYTES} bytes)")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise file_error(name, f"cannot read: {err.strerror or err}") from None
    if len(data) > MAX_BYTES:
        raise file_error(name, f"file too large (over {MAX_BYTES} bytes)")
    return data


def read_bytes(data: bytes, name: str) -> Document:
    """A file's bytes as a Document, by the reader its content (or else its extension) names."""
    if not data:
        raise file_error(name, "empty file")
    return detect(data, name).read(data, name)


def read_document(path: Path) -> Document:
    """Read one file in any registered format; raise IskgError naming the file when it cannot be read."""
    path = Path(path)
    return read_bytes(_read_bytes(path), path.name)


def read_corpus(folder: Path) -> tuple[list[Document], list[Refusal]]:
    """Every file of a folder in name order (hidden files skipped); bad files become refusals."""
    folder = Path(folder)
    if not folder.is_dir():
        raise IskgError(f"{folder}: corpus folder not found")
    documents: list[Document] = []
    refusals: list[Refusal] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        try:
            documents.append(read_document(path))
        except IskgError as err:
            refusals.append(Refusal(path.name, str(err).removeprefix(f"{path.name}: ")))
    return documents, refusals
