"""Deterministic, prefixed Turtle: the same graph always gives the same bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from iskg.graph.namespaces import PREFIXES, bind_prefixes
from iskg.loaders.errors import IskgError

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as Turtle with the project's prefixes; rdflib orders subjects and objects.

    A graph already bound to exactly the project's prefixes (the build's) is written as it is:
    copying it first costs as much as a third of the writing and gives the same bytes.
    """
    if dict(graph.namespaces()) == dict(bind_prefixes(Graph()).namespaces()):
        return graph.serialize(format="turtle", encoding="utf-8")
    copy = bind_prefixes(Graph())
    for triple in graph:
        copy.add(triple)
    return copy.serialize(format="turtle", encoding="utf-8")


class TurtleWriter:
    """One Turtle file written piece by piece, each piece by Oxigraph in the order given.

    Consecutive triples of one subject share it (`;`), so a piece grouped by subject reads like
    rdflib's output; the order is the caller's, which is what makes the bytes the same every time.
    The project's prefixes head the file once.
    """

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.header: bytes | None = None
        self.size = 0

    def write(self, quads: Iterable[ox.Quad]) -> None:
        data = ox.serialize(quads, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES)
        if not data:
            return
        if self.header is None:
            lines = data.splitlines(keepends=True)
            self.header = b"".join(line for line in lines if line.startswith(b"@prefix "))
        elif data.startswith(self.header):
            data = data[len(self.header):]
        else:
            raise IskgError("Turtle writer: the prefixes changed between two pieces of one file")
        self.out.write(data)
        self.size += len(data)


def turtle_file_bytes(path: Path) -> bytes:
    """A Turtle file written again as `TurtleWriter` writes it: the build's own file gives the same bytes."""
    out = io.BytesIO()
    quads = ox.parse(path=path, format=ox.RdfFormat.TURTLE, rename_blank_nodes=False)
    TurtleWriter(out).write(quads)
    return out.getvalue()
